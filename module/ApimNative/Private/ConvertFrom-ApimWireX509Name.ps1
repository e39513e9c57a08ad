function ConvertFrom-ApimWireX509Name {
    <#
    .SYNOPSIS
    Wire serverX509Names -> Hashtable name -> issuer thumbprint (an array when a name repeats).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [AllowNull()]
        [AllowEmptyCollection()]
        [object[]]
        $Wire
    )

    if ($null -eq $Wire -or $Wire.Count -eq 0) {
        return $null
    }
    $table = @{}
    foreach ($entry in $Wire) {
        $name = [string]$entry.name
        $issuer = $entry.issuerCertificateThumbprint
        if ($table.ContainsKey($name)) {
            $table[$name] = [object[]](@($table[$name]) + @($issuer))
        }
        else {
            $table[$name] = $issuer
        }
    }
    $table
}
