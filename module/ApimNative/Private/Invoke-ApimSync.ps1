function Invoke-ApimSync {
    <#
    .SYNOPSIS
    The shared flow of Sync-ApimNativeBackend and Sync-ApimNativeApiConnector: plan, ShouldProcess
    per item that would change, apply exactly what was approved, write one result per item.

    .DESCRIPTION
    The approved items (key, action, ETag) go back to the native sync as its plan, so each write
    carries the ETag that was shown and an item that was declined is reported as skipped. Under
    -WhatIf the plan is printed by ShouldProcess and nothing is sent. A failed item writes an
    error record besides its result object.
    #>
    [CmdletBinding()]
    param (
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        [Parameter(Mandatory = $true)]
        [object]
        $Client,

        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $Request,

        # The native resource prefix: backend or api_connector.
        [Parameter(Mandatory = $true)]
        [string]
        $Resource,

        # The key of an item in the native plan: backendId or displayName.
        [Parameter(Mandatory = $true)]
        [string]
        $KeyName,

        # How a target is named in ShouldProcess and progress: backend, API connector.
        [Parameter(Mandatory = $true)]
        [string]
        $Noun,

        [Parameter(Mandatory = $true)]
        [string]
        $TypeName
    )

    $activity = $Cmdlet.MyInvocation.MyCommand.Name
    Write-Progress -Activity $activity -Status ('Planning {0}' -f $Request['path'])
    $plan = Invoke-ApimNative -Client $Client -Operation ($Resource + '_plan') -Request $Request -Cmdlet $Cmdlet -TargetObject $Request['path']
    if ($null -eq $plan) {
        Write-Progress -Activity $activity -Completed
        return
    }
    $approved = New-Object -TypeName System.Collections.ArrayList
    $writes = 0
    foreach ($item in @($plan.items)) {
        if ($null -eq $item) {
            continue
        }
        $key = [string]$item.$KeyName
        if ($item.action -ne 'NoChange') {
            $paths = @(@($item.changes) | Where-Object -FilterScript { $null -ne $_ } | ForEach-Object -Process { $_.path })
            $target = "{0} '{1}' ({2})" -f $Noun, $key, ($paths -join ', ')
            if (-not $Cmdlet.ShouldProcess($target, [string]$item.action)) {
                continue
            }
            $writes++
        }
        $null = $approved.Add(@{ $KeyName = $key; action = $item.action; etag = $item.etag })
    }
    if ($WhatIfPreference) {
        # -WhatIf: the plan was printed by ShouldProcess; nothing is sent.
        Write-Progress -Activity $activity -Completed
        return
    }
    $Request['plan'] = @($approved)
    Write-Progress -Activity $activity -Status ('Applying {0} write(s)' -f $writes) -PercentComplete 0
    $report = Invoke-ApimNative -Client $Client -Operation ($Resource + '_sync') -Request $Request -Cmdlet $Cmdlet -TargetObject $Request['path']
    if ($null -eq $report) {
        Write-Progress -Activity $activity -Completed
        return
    }
    $results = @($report.results)
    $done = 0
    foreach ($result in $results) {
        $done++
        $key = [string]$result.$KeyName
        Write-Progress -Activity $activity -Status ("{0} '{1}': {2}" -f $Noun, $key, $result.outcome) -PercentComplete ([int](100 * $done / $results.Count))
        if ($result.outcome -eq 'Failed' -and $null -ne $result.error) {
            $Cmdlet.WriteError((ConvertTo-ApimErrorRecord -NativeError $result.error -Operation ($Resource + '_sync') -TargetObject $key))
        }
        ConvertTo-ApimSyncObject -Item $result -TypeName $TypeName
    }
    Write-Progress -Activity $activity -Completed
}
