# Shared by Connect-ApimNative.Tests.ps1 and Disconnect-ApimNative.Tests.ps1 (dot-sourced in
# BeforeAll after TestSupport.ps1): an emulator that accepts exactly one bearer token, and a look at
# the module's connection state.

function Start-TokenEmulator {
    param (
        [Parameter(Mandatory = $true)]
        [string]
        $RequiredToken
    )
    Start-ApimNativeEmulator -RequiredToken $RequiredToken
}

function Get-ApimNativeConnectionState {
    # The module-scoped connection Connect-ApimNative sets ($null when disconnected).
    & (Get-Module -Name ApimNative) { $script:ApimNativeConnection }
}

function Get-ApimNativeClientCount {
    & (Get-Module -Name ApimNative) { $script:ApimNativeClients.Count }
}
