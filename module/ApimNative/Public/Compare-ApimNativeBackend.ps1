function Compare-ApimNativeBackend {
    <#
    .SYNOPSIS
    Shows what Sync-ApimNativeBackend would change: one plan object per backend.

    .DESCRIPTION
    Reads the <backendId>.json files of a directory and the service's backends (reads only) and
    returns, per backend, the Action (Create, Update, Delete with -Prune, NoChange), the BackendId,
    the property-level Changes (Path, Kind, Old, New) and, for an Update or Delete, the ETag it
    read (what Sync-ApimNativeBackend sends as If-Match; unchanged backends are not read one by one). A secret is shown as
    changed or unchanged (Secrets, and Secret = $true on a change), never its value.
    Placeholders are resolved from -Secret, then from APIM_NATIVE_SECRET_<NAME>; one that cannot
    be resolved is an error. A pool member found neither in the files nor on the service is an
    error. Backends on the service without a file are not listed unless -Prune is given.

    .PARAMETER Context
    Instance of PsApiManagementContext (New-AzApiManagementContext).

    .PARAMETER Path
    The directory of <backendId>.json files.

    .PARAMETER Prune
    Plans the deletion of backends that have no file.

    .PARAMETER Secret
    Placeholder name -> value (string or SecureString).

    .EXAMPLE
    PS C:\>Export-ApimNativeBackend -Context $apimContext -Path ./backends
    PS C:\>Compare-ApimNativeBackend -Context $apimContext -Path ./backends | Where-Object Action -ne NoChange

    Exports the backends, then lists what would change (nothing, right after the export; edit a file to see an Update).

    .INPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext

    .OUTPUTS
    ApimNative.BackendPlan

    .LINK
    Export-ApimNativeBackend

    .LINK
    Sync-ApimNativeBackend

    .LINK
    Test-ApimNativeBackend

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(PositionalBinding = $false)]
    [OutputType('ApimNative.BackendPlan', [ApimNative.Models.BackendPlan])]
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
        [switch]
        $Prune,

        [Parameter()]
        [System.Collections.IDictionary]
        $Secret
    )

    begin {
        . Use-ApimCallerPreference
    }

    process {
        $address = Resolve-ApimServiceAddress -Context $Context
        Initialize-ApimSyncParameter -Cmdlet $PSCmdlet -Parameters $PSBoundParameters
        $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -Endpoint $address['Endpoint'] -ApiVersion $address['ApiVersion']
        Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_backend_plan' -Parameters $PSBoundParameters -Client $client -TargetObject $PSBoundParameters['Path']
    }
}
