function ConvertFrom-ApimWireStringListMap {
    <#
    .SYNOPSIS
    Turns a wire map name -> string[] into Az's Hashtable name -> object[].
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [AllowNull()]
        [object]
        $Wire
    )

    if ($null -eq $Wire) {
        return $null
    }
    $table = @{}
    if ($Wire -is [System.Collections.IDictionary]) {
        foreach ($key in @($Wire.Keys)) {
            $table[[string]$key] = [object[]]@($Wire[$key])
        }
        return $table
    }
    foreach ($property in $Wire.PSObject.Properties) {
        $table[$property.Name] = [object[]]@($property.Value)
    }
    $table
}
