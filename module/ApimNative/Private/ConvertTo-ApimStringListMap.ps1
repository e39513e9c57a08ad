function ConvertTo-ApimStringListMap {
    <#
    .SYNOPSIS
    Turns a Query/Header hashtable into the wire map name -> string[].

    .DESCRIPTION
    Az rejects a plain string value ("Invalid input type specified for Key 'k', expected string[]");
    users write @{ 'x-key' = 'value' } all the time, so a single value becomes a one-element list.
    Every value is turned into a string. Whether the names and values are acceptable is decided by
    the native library.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $Map
    )

    $wire = @{}
    foreach ($key in @($Map.Keys)) {
        $value = $Map[$key]
        $values = New-Object -TypeName System.Collections.Generic.List[object]
        if ($value -is [string] -or -not ($value -is [System.Collections.IEnumerable])) {
            if ($null -ne $value) {
                $values.Add([string]$value)
            }
        }
        else {
            foreach ($item in $value) {
                $values.Add([string]$item)
            }
        }
        $wire[[string]$key] = $values.ToArray()
    }
    $wire
}
