function Export-ApimNativeBackend {
    <#
    .SYNOPSIS
    Writes the backends of an API Management service to a directory, one file per backend.

    .DESCRIPTION
    Each backend becomes <backendId>.json holding its wire properties (the properties object of
    the ARM resource) with the keys sorted, LF line ends and a trailing newline, so a diff in git
    shows exactly what changed. Secrets (credentials.authorization.parameter, proxy.password, and
    every value of credentials.header and credentials.query) are written as named placeholders
    such as {{secret:orders.authorizationParameter}}, never as values, unless -IncludeSecret is
    given. Sync-ApimNativeBackend resolves the placeholders from -Secret or from environment
    variables named APIM_NATIVE_SECRET_<NAME> (upper case, other characters as _).
    Existing files of other backends in the directory are left alone.

    .PARAMETER Context
    Instance of PsApiManagementContext (New-AzApiManagementContext).

    .PARAMETER Path
    The directory to write to; created when missing.

    .PARAMETER BackendId
    Only these backends (all when absent). An id that is not on the service is an error and
    nothing is written.

    .PARAMETER IncludeSecret
    Writes secret values instead of placeholders. Keep such files out of source control.

    .PARAMETER WhatIf
    Shows what would be done without sending anything.

    .PARAMETER Confirm
    Asks for confirmation before each change.

    .EXAMPLE
    PS C:\>$ctx = New-AzApiManagementContext -ResourceGroupName "rg1" -ServiceName "contoso"
    PS C:\>Export-ApimNativeBackend -Context $ctx -Path ./backends

    Writes ./backends/<backendId>.json for every backend of the service.

    .INPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext

    .OUTPUTS
    ApimNative.ExportedBackend

    .LINK
    Compare-ApimNativeBackend

    .LINK
    Sync-ApimNativeBackend

    .LINK
    Test-ApimNativeBackend

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(SupportsShouldProcess = $true, PositionalBinding = $false)]
    [OutputType('ApimNative.ExportedBackend', [ApimNative.Models.ExportedBackend])]
    param (
        [Parameter(Mandatory = $true, ValueFromPipeline = $true)]
        [ValidateNotNullOrEmpty()]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext')]
        [ApimNative.Models.PsApiManagementContext]
        $Context,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]
        $Path,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string[]]
        $BackendId,

        [Parameter()]
        [switch]
        $IncludeSecret
    )

    begin {
        . Use-ApimCallerPreference
    }

    process {
        $address = Resolve-ApimServiceAddress -Context $Context
        Initialize-ApimSyncParameter -Cmdlet $PSCmdlet -Parameters $PSBoundParameters
        if (-not $PSCmdlet.ShouldProcess($PSBoundParameters['Path'], 'Export backends')) {
            return
        }
        $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -Endpoint $address['Endpoint'] -ApiVersion $address['ApiVersion']
        Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_backend_export' -Parameters $PSBoundParameters -Client $client -TargetObject $PSBoundParameters['Path']
    }
}
