function ConvertTo-ApimWireTls {
    <#
    .SYNOPSIS
    ApimNative.BackendTls (or nothing) plus the Skip* switches -> a complete wire tls hashtable.

    .DESCRIPTION
    Az sent a tls object only when a Skip* flag was given, and then only that one field; the service
    now rejects partial tls objects ("Default backend property required, Target=
    tls.validateCertificateName", Az issue #29209). Here both validate flags are always present:
    the explicit Skip* value wins, then the Tls object's value, then the service default (true).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter()]
        [AllowNull()]
        [object]
        $Tls,

        [Parameter()]
        [AllowNull()]
        [Nullable[bool]]
        $SkipCertificateChainValidation,

        [Parameter()]
        [AllowNull()]
        [Nullable[bool]]
        $SkipCertificateNameValidation
    )

    $validateChain = $true
    $validateName = $true
    $wire = @{}
    if ($null -ne $Tls) {
        if ($null -ne $Tls.ValidateCertificateChain) {
            $validateChain = [bool]$Tls.ValidateCertificateChain
        }
        if ($null -ne $Tls.ValidateCertificateName) {
            $validateName = [bool]$Tls.ValidateCertificateName
        }
        if ($null -ne $Tls.ServerCertificateThumbprints) {
            $wire['serverCertificateThumbprints'] = [object[]]@($Tls.ServerCertificateThumbprints | ForEach-Object -Process { [string]$_ })
        }
        if ($Tls.ServerX509Names -is [System.Collections.IDictionary]) {
            $wire['serverX509Names'] = ConvertTo-ApimWireX509Name -Map $Tls.ServerX509Names
        }
    }
    if ($null -ne $SkipCertificateChainValidation) {
        $validateChain = -not $SkipCertificateChainValidation
    }
    if ($null -ne $SkipCertificateNameValidation) {
        $validateName = -not $SkipCertificateNameValidation
    }
    $wire['validateCertificateChain'] = $validateChain
    $wire['validateCertificateName'] = $validateName
    $wire
}
