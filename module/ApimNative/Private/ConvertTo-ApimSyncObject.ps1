function ConvertTo-ApimSyncObject {
    <#
    .SYNOPSIS
    Turns one plan item or sync result of the native library into a typed PowerShell object.

    .DESCRIPTION
    Property names are the native ones in PascalCase; Changes become ApimNative.PropertyChange
    objects (Path, Kind, Secret, Old, New: a secret carries no Old or New). The PSTypeName picks the
    view in ApimNative.Format.ps1xml.
    #>
    [CmdletBinding()]
    [OutputType([PSObject])]
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Item,

        [Parameter(Mandatory = $true)]
        [string]
        $TypeName
    )

    $object = [ordered]@{ PSTypeName = $TypeName }
    foreach ($property in $Item.PSObject.Properties) {
        $name = $property.Name.Substring(0, 1).ToUpperInvariant() + $property.Name.Substring(1)
        if ($name -eq 'Etag') {
            $name = 'ETag'
        }
        $value = $property.Value
        if ($name -eq 'Changes') {
            $value = @(foreach ($change in @($property.Value)) {
                    if ($null -eq $change) {
                        continue
                    }
                    [PSCustomObject]@{
                        PSTypeName = 'ApimNative.PropertyChange'
                        Path       = [string]$change.path
                        Kind       = [string]$change.kind
                        Secret     = [bool]$change.secret
                        Old        = $change.old
                        New        = $change.new
                    }
                })
        }
        $object[$name] = $value
    }
    [PSCustomObject]$object
}
