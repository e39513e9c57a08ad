function Clear-ApimNativeClientCache {
    <#
    .SYNOPSIS
    Frees every cached native client.

    .DESCRIPTION
    Called when the connection changes (Connect-ApimNative / Disconnect-ApimNative) and when the
    module is removed, so that no client keeps using credentials the user has replaced. Disposing a
    ClientHandle runs apim_client_free.
    #>
    [CmdletBinding()]
    param ()

    foreach ($client in @($script:ApimNativeClients.Values)) {
        if ($null -ne $client) {
            $client.Dispose()
        }
    }
    $script:ApimNativeClients = @{}
}
