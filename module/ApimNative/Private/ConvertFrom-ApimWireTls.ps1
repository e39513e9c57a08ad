function ConvertFrom-ApimWireTls {
    <#
    .SYNOPSIS
    Wire tls -> ApimNative.BackendTls (validation flags, pinned thumbprints and X509 names).
    #>
    [CmdletBinding()]
    [OutputType('ApimNative.BackendTls')]
    param (
        [Parameter(Mandatory = $true)]
        [AllowNull()]
        [object]
        $Wire
    )

    if ($null -eq $Wire) {
        return $null
    }
    $thumbprints = $null
    if ($null -ne $Wire.serverCertificateThumbprints) {
        $thumbprints = [string[]]@($Wire.serverCertificateThumbprints)
    }
    $x509Names = $null
    if ($null -ne $Wire.serverX509Names) {
        $x509Names = ConvertFrom-ApimWireX509Name -Wire @($Wire.serverX509Names)
    }
    [PSCustomObject]@{
        PSTypeName                   = 'ApimNative.BackendTls'
        ValidateCertificateChain     = $Wire.validateCertificateChain
        ValidateCertificateName      = $Wire.validateCertificateName
        ServerCertificateThumbprints = $thumbprints
        ServerX509Names              = $x509Names
    }
}
