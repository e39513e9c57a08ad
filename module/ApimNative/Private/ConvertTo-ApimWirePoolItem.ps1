function ConvertTo-ApimWirePoolItem {
    <#
    .SYNOPSIS
    ApimNative.BackendPoolItem -> wire pool service item hashtable (unset fields are left out).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $PoolItem
    )

    $wire = @{ id = [string]$PoolItem.Id }
    if ($null -ne $PoolItem.Priority) {
        $wire['priority'] = [int]$PoolItem.Priority
    }
    if ($null -ne $PoolItem.Weight) {
        $wire['weight'] = [int]$PoolItem.Weight
    }
    if ($PoolItem.PreferredCarbonEmission) {
        $wire['preferredCarbonEmission'] = [string]$PoolItem.PreferredCarbonEmission
    }
    $wire
}
