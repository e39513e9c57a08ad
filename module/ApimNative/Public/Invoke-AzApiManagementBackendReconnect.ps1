function Invoke-AzApiManagementBackendReconnect {
    <#
    .SYNOPSIS
    Tells the API Management gateways to open new connections to a backend.

    .DESCRIPTION
    Sends POST .../backends/{backendId}/reconnect: after -After (at least two minutes, the service's
    minimum) the gateways drop their connections to the backend and connect again, for example
    after the backend's DNS or certificates changed. Without -After the service's default delay
    applies. Az.ApiManagement has no cmdlet for this operation.

    .PARAMETER Context
    Instance of PsApiManagementContext.

    .PARAMETER BackendId
    Identifier of the backend.

    .PARAMETER InputObject
    A backend object (Get-AzApiManagementBackend output), for example from the pipeline.

    .PARAMETER After
    Delay before the gateways reconnect; at least two minutes. Sent as an ISO 8601 duration.

    .PARAMETER PassThru
    Write $true when the request was accepted.

    .PARAMETER DefaultProfile
    Accepted for scripts written for Az and not used: sign-in comes from Connect-ApimNative (see about_ApimNative).

    .PARAMETER WhatIf
    Shows the request (method and URL) without sending anything.

    .PARAMETER Confirm
    Asks for confirmation before the request is sent.

    .EXAMPLE
    PS C:\>Invoke-AzApiManagementBackendReconnect -Context $apimContext -BackendId proxybackend -After (New-TimeSpan -Minutes 2)

    Reconnects the gateways to proxybackend in two minutes (REST example ApiManagementBackendReconnect,
    whose PT3S is below the service's minimum).

    .EXAMPLE
    PS C:\>Get-AzApiManagementBackend -Context $apimContext | Invoke-AzApiManagementBackendReconnect -After (New-TimeSpan -Minutes 5) -WhatIf

    Shows the reconnect request that would be sent for every backend.

    .INPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext

    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend

    System.String

    .OUTPUTS
    System.Boolean

    .LINK
    New-AzApiManagementBackend

    .LINK
    Get-AzApiManagementBackend

    .LINK
    Set-AzApiManagementBackend

    .LINK
    Remove-AzApiManagementBackend

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'ContextParameterSet', PositionalBinding = $false)]
    [OutputType([bool])]
    param (
        [Parameter(Mandatory = $true, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [ValidateNotNullOrEmpty()]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext')]
        [ApimNative.Models.PsApiManagementContext]
        $Context,

        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [ValidateNotNullOrEmpty()]
        [string]
        $BackendId,

        [Parameter(Mandatory = $true, ValueFromPipeline = $true, ParameterSetName = 'ByInputObject')]
        [ValidateNotNullOrEmpty()]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend')]
        [ApimNative.Models.PsApiManagementBackend]
        $InputObject,

        [Parameter()]
        [timespan]
        $After,

        [Parameter()]
        [switch]
        $PassThru,

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
        # -After is checked by the library before ShouldProcess, so a too short delay is an error
        # under -WhatIf too.
        $plan = Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_backend_reconnect_should_process' -Parameters $PSBoundParameters -Client $client -Operation 'backend_reconnect' -TargetObject $BackendId
        if ($null -eq $plan -or -not $PSCmdlet.ShouldProcess($plan.Target, $plan.Action)) {
            return
        }
        Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_backend_reconnect' -Parameters $PSBoundParameters -Client $client -TargetObject $plan.BackendId
    }
}
