# Shared by Connect-ApimNative.Tests.ps1 and Disconnect-ApimNative.Tests.ps1 (dot-sourced in
# BeforeAll after TestSupport.ps1): an emulator that accepts exactly one bearer token, and a look at
# the module's connection state.

function Start-TokenEmulator {
    param (
        [Parameter(Mandatory = $true)]
        [string]
        $RequiredToken
    )
    $emulator = $null
    $options = ConvertTo-Json -InputObject @{ listen = '127.0.0.1:0'; requireToken = $RequiredToken } -Compress
    $started = [ApimNative.Interop]::StartEmulator($options, [ref]$emulator)
    if (-not $started.Ok) {
        throw ('The emulator did not start: {0}' -f $started.Json)
    }
    $emulator
}

function Get-ApimNativeConnectionState {
    # The module-scoped connection Connect-ApimNative sets ($null when disconnected).
    & (Get-Module -Name ApimNative) { $script:ApimNativeConnection }
}

function Get-ApimNativeClientCount {
    & (Get-Module -Name ApimNative) { $script:ApimNativeClients.Count }
}
