function New-AzApiManagementBackend {
    <#
    .SYNOPSIS
    Creates a new backend entity.

    .DESCRIPTION
    Creates a new backend entity in Api Management (PUT .../backends/{backendId}). The request is
    validated by the native library before anything is sent; every problem is reported with the
    field's JSON path (for example properties.title). Without -BackendId an id is generated
    (32 lower-case hex characters, as Az does) and shown by -WhatIf.

    Besides the REST schema, the library enforces the rules Azure itself applies to backends, as
    documented by Microsoft, seen in the service's answers, or encoded in Azure Verified Modules and
    the azurerm Terraform provider (the README's "Azure's own rules" lists each with its source):
    a Pool carries no url, protocol, circuit breaker, credentials, proxy, tls or resourceId and
    has 1-30 members given by ARM id; a circuit breaker has one rule with a name, a trip duration
    and a failure condition (an interval, exactly one of count 1-10000 or percentage 1-100, and
    status code ranges or error reasons); a tls object has both flags; backend ids hold letters,
    digits, '_' and inner '-'. The service (and the local emulator) also refuses pool members that
    do not exist ("Backend Entity '<name>' not found."), are pools themselves, or lack an
    azureRegion when a carbon preference is set. With a context made by
    New-AzApiManagementContext -WorkspaceId the backend is created in that workspace.

    Beyond Az: load-balanced pools (-Pool, with New-AzApiManagementBackendPool and
    New-AzApiManagementBackendPoolItem), circuit breakers (-CircuitBreaker, with
    New-AzApiManagementBackendCircuitBreakerRule), TLS pinning (-Tls, with
    New-AzApiManagementBackendTls) and regions (-AzureRegion). A pool backend has no -Url and
    -Protocol: the service rejects them on a Pool, so the PoolBackend parameter set does not
    offer them, and the SingleBackend set (the default, Az's syntax) still requires both.

    Differences from Az.ApiManagement, on purpose:
    - Whenever TLS settings are sent, the tls object is complete (validateCertificateChain and
      validateCertificateName both present, true unless skipped). Az sent only the flag that was
      given, which the service now rejects (Az issue #29209).
    - -WhatIf shows the backend id (also a generated one), the method and the URL.
    - Credentials given with -CertificateId are sent as certificateIds (see
      New-AzApiManagementBackendCredential).
    - The output carries the ETag of the new backend.
    As in Az the PUT has no If-Match, so an existing backend with the same id is replaced.

    .PARAMETER Context
    Instance of PsApiManagementContext.
    This parameter is required.

    .PARAMETER BackendId
    Identifier of new backend.
    This parameter is optional.
    If not specified will be generated. Given as an empty or blank string (an unset variable, a
    blank CSV column) it is an error, not a generated id, so that a script does not create another
    backend on every run.

    .PARAMETER Protocol
    Backend Communication protocol.
    This parameter is required (except for a pool).
    Valid values are 'http' and 'soap'.

    .PARAMETER Url
    Runtime Url for the Backend.
    This parameter is required (except for a pool).

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

    .PARAMETER Type
    Type of the backend: Single (default) or Pool. Not in Az. Giving -Pool implies Pool.

    .PARAMETER Pool
    The pool's member backends and options, from New-AzApiManagementBackendPool. Not in Az.

    .PARAMETER CircuitBreaker
    Circuit breaker rules, from New-AzApiManagementBackendCircuitBreakerRule. Not in Az.

    .PARAMETER Tls
    TLS settings (validation flags, pinned server certificate thumbprints and X509 names), from
    New-AzApiManagementBackendTls. -SkipCertificate*Validation override its flags. Not in Az.

    .PARAMETER AzureRegion
    Azure region the backend is deployed in, used by carbon-aware pools. Not in Az.

    .PARAMETER DefaultProfile
    Accepted for scripts written for Az and not used: sign-in comes from Connect-ApimNative (see about_ApimNative).

    .PARAMETER WhatIf
    Shows the request (method and URL) without sending anything.

    .PARAMETER Confirm
    Asks for confirmation before the request is sent.

    .EXAMPLE
    PS C:\>$apimContext = New-AzApiManagementContext -ResourceGroupName "Api-Default-WestUS" -ServiceName "contoso"
    PS C:\>$credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter opensesame -Query @{"sv" = @('xx', 'bb'); "sr" = @('cc')} -Header @{"x-my-1" = @('val1', 'val2')}

    PS C:\>$backend = New-AzApiManagementBackend -Context  $apimContext -BackendId 123 -Url 'https://contoso.com/awesomeapi' -Protocol http -Title "first backend" -SkipCertificateChainValidation $true -Credential $credential -Description "my backend"

    Creates a new Backend

    .EXAMPLE
    PS C:\>New-AzApiManagementBackend -Context $apimContext -BackendId azurebackend -Url 'https://backendname2644/' -Protocol http -AzureRegion northeurope

    A backend with its Azure region (REST example ApiManagementCreateBackendWithAzureRegion).

    .EXAMPLE
    PS C:\>$backends = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends'
    PS C:\>$pool = New-AzApiManagementBackendPool -Service @(
    >>     New-AzApiManagementBackendPoolItem -Id "$backends/backend-1" -Weight 75
    >>     New-AzApiManagementBackendPoolItem -Id "$backends/backend-2" -Weight 25)
    PS C:\>New-AzApiManagementBackend -Context $apimContext -BackendId weighted-load-balancer -Pool $pool

    A weighted load balancer (REST example ApiManagementCreateBackendWithWeightedLoadBalancer).

    .EXAMPLE
    PS C:\>$rule = New-AzApiManagementBackendCircuitBreakerRule -Name rule1 -FailureCount 5 -FailureInterval (New-TimeSpan -Minutes 1) -FailureStatusCodeRange @{ Min = 500; Max = 599 } -TripDuration (New-TimeSpan -Minutes 1) -AcceptRetryAfter
    PS C:\>New-AzApiManagementBackend -Context $apimContext -BackendId cb -Url 'https://backend.contoso.com/' -Protocol http -CircuitBreaker $rule

    A backend with a circuit breaker that opens for a minute after 5 server errors in a minute.

    .INPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext

    System.String

    System.Nullable`1[System.Boolean]

    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential

    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendProxy

    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementServiceFabric

    .OUTPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend

    .LINK
    https://learn.microsoft.com/powershell/module/az.apimanagement/new-azapimanagementbackend

    .LINK
    Get-AzApiManagementBackend

    .LINK
    Set-AzApiManagementBackend

    .LINK
    Remove-AzApiManagementBackend

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'SingleBackend', PositionalBinding = $false)]
    [OutputType('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend', [ApimNative.Models.PsApiManagementBackend])]
    param (
        [Parameter(Mandatory = $true, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [ValidateNotNullOrEmpty()]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext')]
        [ApimNative.Models.PsApiManagementContext]
        $Context,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [string]
        $BackendId,

        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true, ParameterSetName = 'SingleBackend')]
        [ValidateNotNullOrEmpty()]
        [ValidateSet('http', 'soap')]
        [string]
        $Protocol,

        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true, ParameterSetName = 'SingleBackend')]
        [ValidateNotNullOrEmpty()]
        [ValidateLength(1, 2000)]
        [string]
        $Url,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [string]
        $ResourceId,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [string]
        $Title,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [string]
        $Description,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [bool]
        $SkipCertificateChainValidation,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [bool]
        $SkipCertificateNameValidation,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential')]
        [ApimNative.Models.PsApiManagementBackendCredential]
        $Credential,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendProxy')]
        [ApimNative.Models.PsApiManagementBackendProxy]
        $Proxy,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementServiceFabric')]
        [ApimNative.Models.PsApiManagementServiceFabric]
        $ServiceFabricCluster,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [string]
        $Type,

        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true, ParameterSetName = 'PoolBackend')]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('ApimNative.BackendPool')]
        [ApimNative.Models.BackendPool]
        $Pool,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('ApimNative.BackendCircuitBreakerRule')]
        [ApimNative.Models.BackendCircuitBreakerRule[]]
        $CircuitBreaker,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('ApimNative.BackendTls')]
        [ApimNative.Models.BackendTls]
        $Tls,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [string]
        $AzureRegion,

        [Parameter()]
        [Alias('AzContext', 'AzureRmContext', 'AzureCredential')]
        [ApimNative.Models.IAzureContextContainer]
        $DefaultProfile
    )

    begin {
        . Use-ApimCallerPreference
        # Only the parameters of the command line are bound here; a piped object's properties are
        # bound later, per object.
        $commandLineNames = @($PSBoundParameters.Keys)
    }

    process {
        # A piped object's unset properties arrive as empty strings ([string] turns $null into ''):
        # they mean "not given". An empty value typed on the command line is sent, so that the
        # library's rules name the parameter; -BackendId is always sent, because a blank one (a
        # blank CSV column) is an error, not "generate one".
        $given = @{}
        foreach ($name in $PSBoundParameters.Keys) {
            $value = $PSBoundParameters[$name]
            $unset = $null -eq $value -or ($value -is [string] -and $value -eq '')
            if (-not $unset -or $name -eq 'BackendId' -or $commandLineNames -contains $name) {
                $given[$name] = $value
            }
        }
        $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -Endpoint ([string]$Context.Endpoint) -ApiVersion ([string]$Context.ApiVersion)
        # What ShouldProcess shows comes from the library without a request, with the id the PUT
        # will use (a generated one too), so -WhatIf and -Confirm name the backend that is created.
        $plan = Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_backend_create_or_update_should_process' -Parameters $given -Client $client -Operation 'backend_create_or_update' -TargetObject $BackendId
        if ($null -eq $plan -or -not $PSCmdlet.ShouldProcess($plan.Target, $plan.Action)) {
            return
        }
        $given['BackendId'] = $plan.BackendId
        # The interop writes the objects itself; what is left (an error, -Verbose/-Debug lines) Invoke-ApimNativeCmdlet finishes.
        $ApimAnswer = [ApimNative.Interop]::Run($PSCmdlet, $client, 'cmdlet_backend_create_or_update', $given)
        if ($null -ne $ApimAnswer) {
            Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Answer $ApimAnswer -TargetObject $plan.BackendId
        }
    }
}
