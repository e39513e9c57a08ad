function Remove-AzApiManagementBackend {
    <#
    .SYNOPSIS
    Removes a Backend.

    .DESCRIPTION
    Removes the backend from the API Management service (DELETE .../backends/{backendId}).

    The DELETE carries If-Match: -IfMatch when given (a piped backend object supplies its ETag
    through the ETag property), otherwise * as in Az. With a stale ETag the service answers 412
    PreconditionFailed and nothing is removed.

    .PARAMETER Context
    Instance of PsApiManagementContext.
    This parameter is required.

    .PARAMETER BackendId
    Identifier of existing backend.
    This parameter is required.

    .PARAMETER PassThru
    If specified will write true in case operation succeeds.
    This parameter is optional.

    .PARAMETER IfMatch
    ETag the backend must still have; * matches any. Bound from a piped object's ETag. Not in Az.

    .PARAMETER DefaultProfile
    Accepted for scripts written for Az and not used: sign-in comes from Connect-ApimNative (see about_ApimNative).

    .PARAMETER WhatIf
    Shows the request (method and URL) without sending anything.

    .PARAMETER Confirm
    Asks for confirmation before the request is sent.

    .EXAMPLE
    PS C:\>$apimContext = New-AzApiManagementContext -ResourceGroupName "Api-Default-WestUS" -ServiceName "contoso"
    PS C:\>Remove-AzApiManagementBackend -Context $apimContext -BackendId 123 -PassThru

    Removes the backend 123

    .EXAMPLE
    PS C:\>Get-AzApiManagementBackend -Context $apimContext -BackendId 123 | Remove-AzApiManagementBackend

    Removes backend 123 only if it has not changed since it was read.

    .INPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext

    System.String

    System.Management.Automation.SwitchParameter

    .OUTPUTS
    System.Boolean

    .LINK
    https://learn.microsoft.com/powershell/module/az.apimanagement/remove-azapimanagementbackend

    .LINK
    New-AzApiManagementBackend

    .LINK
    Get-AzApiManagementBackend

    .LINK
    Set-AzApiManagementBackend

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(SupportsShouldProcess = $true, PositionalBinding = $false)]
    [OutputType([bool])]
    param (
        [Parameter(Mandatory = $true, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [ValidateNotNullOrEmpty()]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext')]
        [ApimNative.Models.PsApiManagementContext]
        $Context,

        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [ValidateNotNullOrEmpty()]
        [string]
        $BackendId,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [switch]
        $PassThru,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [Alias('ETag')]
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
        $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -Endpoint ([string]$Context.Endpoint) -ApiVersion ([string]$Context.ApiVersion)
        $plan = Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_backend_delete_should_process' -Parameters $PSBoundParameters -Client $client -Operation 'backend_delete' -TargetObject $BackendId
        if ($null -eq $plan -or -not $PSCmdlet.ShouldProcess($plan.Target, $plan.Action)) {
            return
        }
        Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_backend_delete' -Parameters $PSBoundParameters -Client $client -TargetObject $BackendId
    }
}
