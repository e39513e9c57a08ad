Describe 'Disconnect-ApimNative' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'ConnectTestSupport.ps1'))
        $requiredToken = 'pester-disconnect-token'
        $emulator = Start-TokenEmulator -RequiredToken $requiredToken
        $context = New-TestContext -Emulator $emulator
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'forgets the connection and the cached clients' {
        $null = Connect-ApimNative -AccessToken $requiredToken -Subscription $TestSubscriptionId
        { Get-AzApiManagementBackend -Context $context -ErrorAction Stop } | Should -Not -Throw
        (Get-ApimNativeClientCount) | Should -BeGreaterThan 0

        Disconnect-ApimNative
        Get-ApimNativeConnectionState | Should -BeNullOrEmpty
        (Get-ApimNativeClientCount) | Should -Be 0
        # Without the token the emulator refuses the call.
        { Get-AzApiManagementBackend -Context $context -ErrorAction Stop } | Should -Throw
    }

    It 'keeps the connection with -WhatIf' {
        $null = Connect-ApimNative -AccessToken $requiredToken
        Disconnect-ApimNative -WhatIf
        (Get-ApimNativeConnectionState)['Auth']['kind'] | Should -Be 'token'
        Disconnect-ApimNative
    }

    It 'does nothing harmful when not connected' {
        Disconnect-ApimNative
        { Disconnect-ApimNative -ErrorAction Stop } | Should -Not -Throw
        Get-ApimNativeConnectionState | Should -BeNullOrEmpty
    }
}
