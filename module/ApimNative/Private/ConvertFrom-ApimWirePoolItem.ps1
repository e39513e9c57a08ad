function ConvertFrom-ApimWirePoolItem {
    <#
    .SYNOPSIS
    Wire pool service item -> ApimNative.BackendPoolItem.
    #>
    [CmdletBinding()]
    [OutputType('ApimNative.BackendPoolItem')]
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Wire
    )

    [PSCustomObject]@{
        PSTypeName              = 'ApimNative.BackendPoolItem'
        Id                      = [string]$Wire.id
        Priority                = $Wire.priority
        Weight                  = $Wire.weight
        PreferredCarbonEmission = $Wire.preferredCarbonEmission
    }
}
