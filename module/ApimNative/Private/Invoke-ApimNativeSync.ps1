function Invoke-ApimNativeSync {
    <#
    .SYNOPSIS
    The shared flow of Sync-ApimNativeBackend and Sync-ApimNativeApiConnector: plan, ShouldProcess
    per planned write, apply exactly what was approved, write one result per item.

    .DESCRIPTION
    The plan items carry the ShouldProcess target and action the library computed, and an opaque
    approval key; the keys of the approved items go back to the library, which plans again and
    applies those items with the ETags that were shown (a write that was not approved is
    reported as skipped). Under -WhatIf the plan is printed by ShouldProcess and nothing is sent.
    A failed item writes an error record besides its result object.
    #>
    [CmdletBinding()]
    param (
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        [Parameter(Mandatory = $true)]
        [object]
        $Client,

        # The bound parameters, completed by Initialize-ApimSyncParameter.
        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $Parameters,

        # The resource of the native cmdlet functions: backend or api_connector.
        [Parameter(Mandatory = $true)]
        [string]
        $Resource
    )

    $activity = [string]$Cmdlet.MyInvocation.MyCommand
    $directory = $Parameters['Path']
    Write-Progress -Activity $activity -Status ('Planning {0}' -f $directory)
    # No item at all: either the plan failed (its error is written) or there is nothing to sync.
    $plan = @(Invoke-ApimNativeCmdlet -Cmdlet $Cmdlet -Function ('cmdlet_{0}_plan' -f $Resource) -Parameters $Parameters -Client $Client -TargetObject $directory)
    if ($plan.Count -eq 0) {
        Write-Progress -Activity $activity -Completed
        return
    }
    $approved = @(foreach ($item in $plan) {
            if ($null -ne $item.ApprovalKey -and $Cmdlet.ShouldProcess($item.ShouldProcessTarget, $item.ShouldProcessAction)) {
                $item.ApprovalKey
            }
        })
    if ($WhatIfPreference) {
        # -WhatIf: the plan was printed by ShouldProcess; nothing is sent.
        Write-Progress -Activity $activity -Completed
        return
    }
    $Parameters['Approved'] = [string[]]$approved
    Write-Progress -Activity $activity -Status ('Applying {0} write(s)' -f $approved.Count) -PercentComplete 0
    $reported = @(Invoke-ApimNativeCmdlet -Cmdlet $Cmdlet -Function ('cmdlet_{0}_sync' -f $Resource) -Parameters $Parameters -Client $Client -TargetObject $directory)
    $done = 0
    foreach ($entry in $reported) {
        $done++
        Write-Progress -Activity $activity -Status ('{0} of {1}: {2}' -f $done, $reported.Count, $entry.Outcome) -PercentComplete ([int](100 * $done / $reported.Count))
        if ($entry.Outcome -eq 'Failed' -and $null -ne $entry.Error) {
            $Cmdlet.WriteError((ConvertTo-ApimErrorRecord -NativeError $entry.Error -Operation ($Resource + '_sync') -TargetObject $entry))
        }
        $entry
    }
    Write-Progress -Activity $activity -Completed
}
