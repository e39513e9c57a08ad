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

    .EXAMPLE
    PS C:\>Sync-ApimNativeApiConnector -Path ./apiConnectors -Secret @{ 'Sign-up_validation.password' = $pw } -WhatIf

    Prints what would change and sends nothing.

    .INPUTS
    None

    .OUTPUTS
    ApimNative.ApiConnectorSyncResult
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
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

    $activity = 'Sync-ApimNativeApiConnector'
    try {
        $request = New-ApimSyncRequest -Cmdlet $PSCmdlet -Path $Path -Secret $Secret -Prune:$Prune -ThrottleLimit $ThrottleLimit
    }
    catch {
        $PSCmdlet.ThrowTerminatingError($_)
    }
    if ($RotateSecret) {
        $request['rotateSecrets'] = $true
    }
    $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -ForGraph
    Write-Progress -Activity $activity -Status ('Planning {0}' -f $request['path'])
    $plan = Invoke-ApimNative -Client $client -Operation 'api_connector_plan' -Request $request -Cmdlet $PSCmdlet -TargetObject $request['path']
    if ($null -eq $plan) {
        Write-Progress -Activity $activity -Completed
        return
    }
    $approved = New-Object -TypeName System.Collections.ArrayList
    foreach ($item in @($plan.items)) {
        if ($null -eq $item) {
            continue
        }
        if ($item.action -ne 'NoChange') {
            $paths = @(@($item.changes) | Where-Object -FilterScript { $null -ne $_ } | ForEach-Object -Process { $_.path })
            $target = "API connector '{0}' ({1})" -f $item.displayName, ($paths -join ', ')
            if (-not $PSCmdlet.ShouldProcess($target, [string]$item.action)) {
                continue
            }
        }
        $null = $approved.Add(@{ displayName = $item.displayName; action = $item.action; etag = $item.etag })
    }
    if ($WhatIfPreference) {
        # -WhatIf: the plan was printed by ShouldProcess; nothing is sent.
        Write-Progress -Activity $activity -Completed
        return
    }
    $request['plan'] = @($approved)
    Write-Progress -Activity $activity -Status 'Applying' -PercentComplete 0
    $report = Invoke-ApimNative -Client $client -Operation 'api_connector_sync' -Request $request -Cmdlet $PSCmdlet -TargetObject $request['path']
    if ($null -eq $report) {
        Write-Progress -Activity $activity -Completed
        return
    }
    $results = @($report.results)
    $done = 0
    foreach ($result in $results) {
        $done++
        Write-Progress -Activity $activity -Status ("API connector '{0}': {1}" -f $result.displayName, $result.outcome) -PercentComplete ([int](100 * $done / $results.Count))
        if ($result.outcome -eq 'Failed' -and $null -ne $result.error) {
            $PSCmdlet.WriteError((ConvertTo-ApimErrorRecord -NativeError $result.error -Operation 'api_connector_sync' -TargetObject $result.displayName))
        }
        ConvertTo-ApimSyncObject -Item $result -TypeName 'ApimNative.ApiConnectorSyncResult'
    }
    Write-Progress -Activity $activity -Completed
}
