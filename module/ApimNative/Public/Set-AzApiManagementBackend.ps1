function Set-AzApiManagementBackend {
    <#
    .SYNOPSIS
    Updates a Backend.

    .DESCRIPTION
    Updates an existing backend in the Api Management (PATCH .../backends/{backendId}) with the
    fields that are given. The request is validated by the native library before it is sent.

    Optimistic concurrency: the PATCH carries If-Match. It is -IfMatch when given; otherwise, for an
    object given with -InputObject (or piped), the ETag the object was read with, so that an edit
    based on a stale read fails with 412 PreconditionFailed instead of overwriting someone else's
    change; otherwise * (Az's behaviour).

    Differences from Az.ApiManagement, on purpose:
    - -InputObject applies the object's values (title, url, credentials, tls, pool, ...), with the
      other parameters overriding them; Az used only the object's identity and ignored its values.
    - -PassThru returns the backend from the PATCH response; Az ignored it and sent a second GET
      (a GET is still made when the service answers 204 without a body, as api-version 2019 did).
    - A piped backend object binds only -InputObject: in the ByInputObject set the other
      parameters do not take values from the object's properties by name (Az's declaration did,
      so piping a backend whose Description, Url or Protocol is empty - any pool - failed
      parameter validation). The object's values are applied as a whole instead, and parameters
      given on the command line override them.
    - When TLS settings are sent the tls object is complete: a single -Skip*Validation switch keeps
      the backend's current value of the other flag (read first when needed) instead of sending a
      partial tls object, which the service rejects (Az issue #29209).

    The PATCH is checked by the native library with Azure's backend rules (see
    New-AzApiManagementBackend), and the service checks the backend it would produce as a whole:
    a Single backend cannot become a Pool by PATCH while it keeps its url and protocol ("Url is
    not supported for backend pool."); replace it with New-AzApiManagementBackend -Pool instead.

    .PARAMETER Context
    Instance of PsApiManagementContext.
    Required, except when the backend is given with -InputObject.

    .PARAMETER BackendId
    Identifier of new backend.
    Required, except when the backend is given with -InputObject.

    .PARAMETER InputObject
    Instance of PsApiManagementBackend. Required, except when -Context and -BackendId name the backend.

    .PARAMETER Protocol
    Backend Communication protocol (http or soap).
    This parameter is optional

    .PARAMETER Url
    Runtime Url for the Backend.
    This parameter is optional.

    .PARAMETER ResourceId
    Management Uri of the Resource in External System.
    This parameter is optional.
    This url can be the Arm Resource Id of Logic Apps, Function Apps or Api Apps.

    .PARAMETER Title
    Backend Title.
    This parameter is optional.

    .PARAMETER Description
    Backend Description.
    This parameter is optional.

    .PARAMETER SkipCertificateChainValidation
    Whether to Skip Certificate Chain Validation when talking to the Backend.
    This parameter is optional.

    .PARAMETER SkipCertificateNameValidation
    Whether to skip Certificate Name Validation when talking to the Backend.
    This parameter is optional.

    .PARAMETER Credential
    Credential details which should be used when talking to the Backend.
    This parameter is optional.

    .PARAMETER Proxy
    Proxy Server details to be used while sending request to the Backend.
    This parameter is optional.

    .PARAMETER ServiceFabricCluster
    Service Fabric Cluster Backend details. This parameter is optional.

    .PARAMETER PassThru
    Indicates that this cmdlet returns the  **PsApiManagementBackend** that this cmdlet modifies.

    .PARAMETER Type
    Type of the backend: Single or Pool. Not in Az.

    .PARAMETER Pool
    The pool's member backends and options, from New-AzApiManagementBackendPool. Not in Az.

    .PARAMETER CircuitBreaker
    Circuit breaker rules, from New-AzApiManagementBackendCircuitBreakerRule. Not in Az.

    .PARAMETER Tls
    TLS settings from New-AzApiManagementBackendTls. Not in Az.

    .PARAMETER AzureRegion
    Azure region the backend is deployed in. Not in Az.

    .PARAMETER IfMatch
    ETag the backend must still have (If-Match); * matches any. Not in Az.

    .PARAMETER DefaultProfile
    Accepted for scripts written for Az and not used: sign-in comes from Connect-ApimNative (see about_ApimNative).

    .PARAMETER WhatIf
    Shows the request (method and URL) without sending anything.

    .PARAMETER Confirm
    Asks for confirmation before the request is sent.

    .EXAMPLE
    PS C:\>$apimContext = New-AzApiManagementContext -ResourceGroupName "Api-Default-WestUS" -ServiceName "contoso"
    PS C:\>Set-AzApiManagementBackend -Context $apimContext -BackendId 123 -Description "updated description" -PassThru

    Updates the Description of the Backend 123

    .EXAMPLE
    PS C:\>Set-AzApiManagementBackend -BackendId 123 -Context $apimContext -Credential $credential -Protocol http -ResourceId /subscriptions/subid/resourceGroups/Api-Default-West-US/providers/Microsoft.ApiManagement/service/contoso -Url 'https://contoso.com/awesomeapi'

    Updates a Backend. (Az's autogenerated example, with its placeholders filled in.)

    .EXAMPLE
    PS C:\>$backend = Get-AzApiManagementBackend -Context $apimContext -BackendId 123
    PS C:\>$backend.Title = 'renamed'
    PS C:\>$backend | Set-AzApiManagementBackend -PassThru

    Applies the edited object. If someone changed backend 123 after the Get, this fails with a
    412 PreconditionFailed error (ApimNative.BackendUpdateFailed) and nothing is overwritten.

    .INPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext

    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend

    System.String

    System.Nullable`1[System.Boolean]

    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential

    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendProxy

    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementServiceFabric

    System.Management.Automation.SwitchParameter

    .OUTPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend

    .LINK
    https://learn.microsoft.com/powershell/module/az.apimanagement/set-azapimanagementbackend

    .LINK
    New-AzApiManagementBackend

    .LINK
    Get-AzApiManagementBackend

    .LINK
    Remove-AzApiManagementBackend

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'ByInputObject', PositionalBinding = $false)]
    [OutputType('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend', [ApimNative.Models.PsApiManagementBackend])]
    param (
        [Parameter(Mandatory = $true, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [ValidateNotNullOrEmpty()]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext')]
        [ApimNative.Models.PsApiManagementContext]
        $Context,

        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [string]
        $BackendId,

        [Parameter(Mandatory = $true, ValueFromPipeline = $true, ParameterSetName = 'ByInputObject')]
        [ValidateNotNullOrEmpty()]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend')]
        [ApimNative.Models.PsApiManagementBackend]
        $InputObject,

        [Parameter(ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [Parameter(ParameterSetName = 'ByInputObject')]
        [ValidateNotNullOrEmpty()]
        [ValidateSet('http', 'soap')]
        [string]
        $Protocol,

        [Parameter(ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [Parameter(ParameterSetName = 'ByInputObject')]
        [ValidateNotNullOrEmpty()]
        [ValidateLength(1, 2000)]
        [string]
        $Url,

        [Parameter(ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [Parameter(ParameterSetName = 'ByInputObject')]
        [string]
        $ResourceId,

        [Parameter(ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [Parameter(ParameterSetName = 'ByInputObject')]
        [ValidateLength(1, 300)]
        [string]
        $Title,

        [Parameter(ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [Parameter(ParameterSetName = 'ByInputObject')]
        [ValidateLength(1, 2000)]
        [string]
        $Description,

        [Parameter(ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [Parameter(ParameterSetName = 'ByInputObject')]
        [bool]
        $SkipCertificateChainValidation,

        [Parameter(ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [Parameter(ParameterSetName = 'ByInputObject')]
        [bool]
        $SkipCertificateNameValidation,

        [Parameter(ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [Parameter(ParameterSetName = 'ByInputObject')]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential')]
        [ApimNative.Models.PsApiManagementBackendCredential]
        $Credential,

        [Parameter(ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [Parameter(ParameterSetName = 'ByInputObject')]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendProxy')]
        [ApimNative.Models.PsApiManagementBackendProxy]
        $Proxy,

        [Parameter(ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [Parameter(ParameterSetName = 'ByInputObject')]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementServiceFabric')]
        [ApimNative.Models.PsApiManagementServiceFabric]
        $ServiceFabricCluster,

        [Parameter(ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [Parameter(ParameterSetName = 'ByInputObject')]
        [switch]
        $PassThru,

        [Parameter(ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [Parameter(ParameterSetName = 'ByInputObject')]
        [ValidateSet('Single', 'Pool')]
        [string]
        $Type,

        [Parameter(ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [Parameter(ParameterSetName = 'ByInputObject')]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('ApimNative.BackendPool')]
        [ApimNative.Models.BackendPool]
        $Pool,

        [Parameter(ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [Parameter(ParameterSetName = 'ByInputObject')]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('ApimNative.BackendCircuitBreakerRule')]
        [ApimNative.Models.BackendCircuitBreakerRule[]]
        $CircuitBreaker,

        [Parameter(ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [Parameter(ParameterSetName = 'ByInputObject')]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('ApimNative.BackendTls')]
        [ApimNative.Models.BackendTls]
        $Tls,

        [Parameter(ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [Parameter(ParameterSetName = 'ByInputObject')]
        [ValidateNotNullOrEmpty()]
        [string]
        $AzureRegion,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string]
        $IfMatch,

        [Parameter()]
        [Alias('AzContext', 'AzureRmContext', 'AzureCredential')]
        [ApimNative.Models.IAzureContextContainer]
        $DefaultProfile
    )

    begin {
        . Use-ApimCallerPreference
    }

    process {
        $backendContext = $Context
        if ($PSCmdlet.ParameterSetName -eq 'ByInputObject') {
            $backendContext = $InputObject.Context
        }
        $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -Endpoint ([string]$backendContext.Endpoint) -ApiVersion ([string]$backendContext.ApiVersion)
        # Asked before anything is sent: under -WhatIf not even the read of the current TLS flags.
        $plan = Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_backend_update_should_process' -Parameters $PSBoundParameters -Client $client -Operation 'backend_update' -TargetObject $BackendId
        if ($null -eq $plan -or -not $PSCmdlet.ShouldProcess($plan.Target, $plan.Action)) {
            return
        }
        # The interop writes the objects itself; what is left (an error, -Verbose/-Debug lines) Invoke-ApimNativeCmdlet finishes.
        $ApimAnswer = [ApimNative.Interop]::Run($PSCmdlet, $client, 'cmdlet_backend_update', $PSBoundParameters)
        if ($null -ne $ApimAnswer) {
            Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Answer $ApimAnswer -TargetObject $plan.BackendId
        }
    }
}
