function ConvertTo-ApimWireProxy {
    <#
    .SYNOPSIS
    PsApiManagementBackendProxy -> wire proxy hashtable.

    .DESCRIPTION
    The wire contract carries the password in plain text; it is read out of the PSCredential only
    here, into the request that goes straight to the native library.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Proxy
    )

    $wire = @{ url = [string]$Proxy.Url }
    $credential = $Proxy.ProxyCredentials
    if ($credential -is [System.Management.Automation.PSCredential] -and
        $credential -ne [System.Management.Automation.PSCredential]::Empty -and $credential.UserName) {
        $wire['username'] = $credential.UserName
        $wire['password'] = $credential.GetNetworkCredential().Password
    }
    $wire
}
