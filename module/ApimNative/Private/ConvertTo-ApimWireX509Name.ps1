function ConvertTo-ApimWireX509Name {
    <#
    .SYNOPSIS
    Hashtable name -> issuer thumbprint(s) -> wire serverX509Names [{name, issuerCertificateThumbprint}].

    .DESCRIPTION
    Az's help shows array values (@{'CN=foobar.net' = @('33CC...')}) but its code sent
    "System.Object[]". Here every element of an array value becomes its own entry with the same
    name, and $null (or an empty array) means "any issuer" (issuerCertificateThumbprint null).
    #>
    [CmdletBinding()]
    [OutputType([object[]])]
    param (
        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $Map
    )

    $entries = New-Object -TypeName System.Collections.Generic.List[object]
    foreach ($key in @($Map.Keys)) {
        $value = $Map[$key]
        $thumbprints = New-Object -TypeName System.Collections.Generic.List[object]
        if ($value -is [string] -or -not ($value -is [System.Collections.IEnumerable])) {
            $thumbprints.Add($value)
        }
        else {
            foreach ($item in $value) {
                $thumbprints.Add($item)
            }
            if ($thumbprints.Count -eq 0) {
                $thumbprints.Add($null)
            }
        }
        foreach ($thumbprint in $thumbprints) {
            $issuer = $null
            if ($null -ne $thumbprint) {
                $issuer = [string]$thumbprint
            }
            $entries.Add(@{ name = [string]$key; issuerCertificateThumbprint = $issuer })
        }
    }
    , $entries.ToArray()
}
