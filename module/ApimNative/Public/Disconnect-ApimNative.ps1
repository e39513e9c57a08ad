function Disconnect-ApimNative {
    <#
    .SYNOPSIS
    Forgets the credential, cloud and subscription chosen with Connect-ApimNative.

    .DESCRIPTION
    Clears the session's connection and frees its native session (the credential and its
    secrets) and every cached native client together with the tokens it holds. Later cmdlets run as if Connect-ApimNative had never been called. Nothing is
    sent to Azure: tokens already issued stay valid until they expire, as with Disconnect-AzAccount.

    .PARAMETER WhatIf
    Shows the request (method and URL) without sending anything.

    .PARAMETER Confirm
    Asks for confirmation before the request is sent.

    .EXAMPLE
    PS C:\> Disconnect-ApimNative

    Forgets the current connection.

    .EXAMPLE
    PS C:\> Disconnect-ApimNative -WhatIf

    Shows what would be forgotten and keeps it.

    .OUTPUTS
    None

    .LINK
    Connect-ApimNative

    .LINK
    Start-ApimNativeEmulator

    .LINK
    Stop-ApimNativeEmulator

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(SupportsShouldProcess = $true, PositionalBinding = $false)]
    param ()

    . Use-ApimCallerPreference

    $target = 'no connection'
    $connection = $script:ApimNativeConnection
    if ($connection -and $connection['Kind']) {
        $target = 'the {0} connection' -f $connection['Kind']
    }
    if (-not $PSCmdlet.ShouldProcess($target, 'Disconnect ApimNative')) {
        return
    }
    $script:ApimNativeConnection = $null
    Clear-ApimNativeClientCache
    # Frees the native session and the secrets it holds.
    if ($connection -and $connection['Session']) {
        $connection['Session'].Dispose()
    }
    Write-Verbose -Message 'ApimNative forgot its connection and cached clients.'
}
