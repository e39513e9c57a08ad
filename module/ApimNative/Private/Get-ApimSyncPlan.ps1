function Get-ApimSyncPlan {
    <#
    .SYNOPSIS
    Runs a native plan (backend_plan, api_connector_plan) and writes its items as typed objects.

    .DESCRIPTION
    Shared by the Compare-* cmdlets. On failure the error record is written through the calling
    cmdlet (Invoke-ApimNative) and nothing is returned, which looks like an empty plan: that is
    why Test-ApimNativeBackend reads the plan itself (a failed plan must not answer $true).
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

        [Parameter(Mandatory = $true)]
        [string]
        $Operation,

        [Parameter(Mandatory = $true)]
        [string]
        $TypeName
    )

    $plan = Invoke-ApimNative -Client $Client -Operation $Operation -Request $Request -Cmdlet $Cmdlet -TargetObject $Request['path']
    if ($null -eq $plan) {
        return
    }
    foreach ($item in @($plan.items)) {
        if ($null -ne $item) {
            ConvertTo-ApimSyncObject -Item $item -TypeName $TypeName
        }
    }
}
