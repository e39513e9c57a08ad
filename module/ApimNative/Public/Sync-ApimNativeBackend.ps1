function Sync-ApimNativeBackend {
    <#
    .SYNOPSIS
    Applies a directory of backend files to an API Management service.

    .DESCRIPTION
    Plans as Compare-ApimNativeBackend does, asks ShouldProcess for every backend that would
    change (so -WhatIf prints the plan and sends no write, and -Confirm lets you pick), then
    applies what was approved, in dependency order: single backends before the pools that
    reference them, pools deleted before their members. Every Update and Delete carries If-Match
    with the ETag the plan read, so a backend someone else changed meanwhile fails with 412 (its
    result says so, nothing is overwritten) while the others go on. Up to -ThrottleLimit writes
    are in flight, paced within ARM's write budget (bursts of 200, about 10 writes a second); a
    429 is retried after its Retry-After. One result object per backend is written to the
    pipeline; a failed backend also writes an error record. A second run right after plans and
    sends nothing.
    Placeholders are resolved from -Secret, then from APIM_NATIVE_SECRET_<NAME>; an unresolved
    placeholder, an invalid file or a pool member found neither in the files nor on the service
    is an error before anything is sent.

    .PARAMETER Context
    Instance of PsApiManagementContext (New-AzApiManagementContext).

    .PARAMETER Path
    The directory of <backendId>.json files.

    .PARAMETER Prune
    Deletes backends that have no file.

    .PARAMETER Secret
    Placeholder name -> value (string or SecureString), e.g.
    @{ 'orders.authorizationParameter' = $token }.

    .PARAMETER ThrottleLimit
    Writes in flight at once (1..64, default 8).

    .PARAMETER WhatIf
    Shows what would be done without sending anything.

    .PARAMETER Confirm
    Asks for confirmation before each change.

    .EXAMPLE
    PS C:\>Export-ApimNativeBackend -Context $apimContext -Path ./backends
    PS C:\>Sync-ApimNativeBackend -Context $apimContext -Path ./backends -WhatIf

    Prints the plan for every backend (nothing changes right after an export) and sends no write.

    .EXAMPLE
    PS C:\>Export-ApimNativeBackend -Context $apimContext -Path ./backends
    PS C:\>Remove-Item -Path ./backends/123.json
    PS C:\>Sync-ApimNativeBackend -Context $apimContext -Path ./backends -Prune -ThrottleLimit 16 | Where-Object Outcome -ne 'NoChange'

    Applies the folder to the service with up to 16 writes at once: creates what is missing, updates what differs and, with -Prune, deletes what has no file (here backend 123).

    .INPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext

    .OUTPUTS
    ApimNative.BackendSyncResult

    .LINK
    Export-ApimNativeBackend

    .LINK
    Compare-ApimNativeBackend

    .LINK
    Invoke-ApimNativeDryRun

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium', PositionalBinding = $false)]
    [OutputType('ApimNative.BackendSyncResult', [ApimNative.Models.BackendSyncResult])]
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
        $Secret,

        [Parameter()]
        [ValidateRange(1, 64)]
        [int]
        $ThrottleLimit = 8
    )

    begin {
        . Use-ApimCallerPreference
    }

    process {
        $address = Resolve-ApimServiceAddress -Context $Context
        Initialize-ApimSyncParameter -Cmdlet $PSCmdlet -Parameters $PSBoundParameters
        $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -Endpoint $address['Endpoint'] -ApiVersion $address['ApiVersion']
        Invoke-ApimNativeSync -Cmdlet $PSCmdlet -Client $client -Parameters $PSBoundParameters -Resource 'backend'
    }
}
