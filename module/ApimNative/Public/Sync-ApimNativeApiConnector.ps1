function Sync-ApimNativeApiConnector {
    <#
    .SYNOPSIS
    Applies a directory of identity API connector files to the tenant.

    .DESCRIPTION
    Plans as Compare-ApimNativeApiConnector does, asks ShouldProcess for every connector that
    would change (-WhatIf prints the plan and sends nothing), then applies what was approved: a
    create (POST) for a new connector, a PATCH of only the properties that differ for a changed
    one, a DELETE with -Prune. Updates and deletes carry If-Match with the ETag the plan read, so
    a connector changed by someone else meanwhile fails with 412 while the others go on. Up to
    -ThrottleLimit writes are in flight. One result object per connector.
    Secrets cannot be compared (Graph never returns them): see Compare-ApimNativeApiConnector;
    use -RotateSecret to send them again.

    .PARAMETER Path
    The directory of <displayName>.json files.

    .PARAMETER Prune
    Deletes connectors that have no file.

    .PARAMETER Secret
    Placeholder name -> value (string or SecureString).

    .PARAMETER RotateSecret
    Updates every connector with a file, sending its secrets again.

    .PARAMETER ThrottleLimit
    Writes in flight at once (1..64, default 8).

    .PARAMETER WhatIf
    Shows what would be done without sending anything.

    .PARAMETER Confirm
    Asks for confirmation before each change.

    .EXAMPLE
    PS C:\>Export-ApimNativeApiConnector -Path ./apiConnectors
    PS C:\>$env:APIM_NATIVE_SECRET_OLD_API_PASSWORD = 'from-the-pipeline-secret-store'
    PS C:\>Sync-ApimNativeApiConnector -Path ./apiConnectors -WhatIf

    Prints what would change and sends nothing; the placeholder is filled from the environment (APIM_NATIVE_SECRET_<NAME>), as a CI pipeline would pass it.

    .INPUTS
    None

    .OUTPUTS
    ApimNative.ApiConnectorSyncResult

    .LINK
    Export-ApimNativeApiConnector

    .LINK
    Compare-ApimNativeApiConnector

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium', PositionalBinding = $false)]
    [OutputType('ApimNative.ApiConnectorSyncResult')]
    param (
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
        [switch]
        $RotateSecret,

        [Parameter()]
        [ValidateRange(1, 64)]
        [int]
        $ThrottleLimit = 8
    )

    . Use-ApimCallerPreference
    Initialize-ApimSyncParameter -Cmdlet $PSCmdlet -Parameters $PSBoundParameters
    $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -ForGraph
    Invoke-ApimNativeSync -Cmdlet $PSCmdlet -Client $client -Parameters $PSBoundParameters -Resource 'api_connector'
}
