function ConvertTo-ApimHashtable {
    <#
    .SYNOPSIS
    Recursively turns parsed JSON (PSCustomObject) into hashtables and object arrays.

    .DESCRIPTION
    ConvertFrom-Json has no -AsHashtable on Windows PowerShell 5.1. Hashtables are what the request
    side serialises, and what Az exposes for maps such as Query and Header. Arrays are returned
    wrapped so that the caller receives one object[] even for zero or one element.
    #>
    [CmdletBinding()]
    [OutputType([object])]
    param (
        [Parameter(Mandatory = $true)]
        [AllowNull()]
        [object]
        $InputObject
    )

    if ($null -eq $InputObject) {
        return $null
    }
    if ($InputObject -is [string] -or $InputObject -is [System.ValueType]) {
        return $InputObject
    }
    if ($InputObject -is [System.Collections.IDictionary]) {
        $table = @{}
        foreach ($key in @($InputObject.Keys)) {
            $table[[string]$key] = ConvertTo-ApimHashtable -InputObject $InputObject[$key]
        }
        return $table
    }
    if ($InputObject -is [System.Collections.IEnumerable]) {
        $items = New-Object -TypeName System.Collections.Generic.List[object]
        foreach ($item in $InputObject) {
            $items.Add((ConvertTo-ApimHashtable -InputObject $item))
        }
        return , $items.ToArray()
    }
    if ($InputObject -is [System.Management.Automation.PSCustomObject]) {
        $table = @{}
        foreach ($property in $InputObject.PSObject.Properties) {
            $table[$property.Name] = ConvertTo-ApimHashtable -InputObject $property.Value
        }
        return $table
    }
    $InputObject
}
