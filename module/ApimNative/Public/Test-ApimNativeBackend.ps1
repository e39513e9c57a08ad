function Test-ApimNativeBackend {
    <#
    .SYNOPSIS
    Returns $true when the service's backends match the files (for CI drift checks).

    .DESCRIPTION
    Runs the same plan as Compare-ApimNativeBackend and returns $true when no backend would be
    created, updated or (with -Prune) deleted, $false otherwise. A plan that cannot be made (an
    unresolved placeholder, an invalid file, no access) is an error, not $false.

    .PARAMETER Context
    Instance of PsApiManagementContext (New-AzApiManagementContext).

    .PARAMETER Path
    The directory of <backendId>.json files.

    .PARAMETER Prune
    Also counts backends on the service that have no file as drift.

    .PARAMETER Secret
    Placeholder name -> value (string or SecureString).

    .EXAMPLE
    PS C:\>Export-ApimNativeBackend -Context $apimContext -Path ./backends
    PS C:\>if (-not (Test-ApimNativeBackend -Context $apimContext -Path ./backends -Prune)) { throw 'drift' }

    Fails a pipeline when someone changed a backend by hand since the files were written.

    .INPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext

    .OUTPUTS
    System.Boolean

    .LINK
    Compare-ApimNativeBackend

    .LINK
    Sync-ApimNativeBackend

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(PositionalBinding = $false)]
    [OutputType([bool])]
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
        # A plan that cannot be made writes its error (ApimNative.BackendPlanFailed, as Compare) and answers nothing, never $false.
        Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_backend_test' -Parameters $PSBoundParameters -Client $client -TargetObject $PSBoundParameters['Path'] -Operation 'backend_plan'
    }
}
