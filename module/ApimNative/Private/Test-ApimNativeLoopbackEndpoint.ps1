function Test-ApimNativeLoopbackEndpoint {
    <#
    .SYNOPSIS
    True when an endpoint URL points at this machine (127.0.0.0/8, ::1 or localhost).

    .DESCRIPTION
    Decides whether a client without Connect-ApimNative talks to the local emulator (no
    credential) or to Azure (the default credential chain). A URL that does not parse is not
    loopback, so it gets a credential rather than silently none.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param (
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]
        $Endpoint
    )

    $uri = $null
    if (-not [System.Uri]::TryCreate($Endpoint, [System.UriKind]::Absolute, [ref]$uri)) {
        return $false
    }
    if ($uri.IsLoopback) {
        return $true
    }
    $address = $null
    if ([System.Net.IPAddress]::TryParse($uri.DnsSafeHost, [ref]$address)) {
        return [System.Net.IPAddress]::IsLoopback($address)
    }
    $false
}
