Describe 'Disconnect-ApimNative' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $module = Get-Module -Name ApimNative
        function Get-Connection {
            & $module { $script:ApimNativeConnection }
        }
        $requiredToken = 'pester-disconnect-token'
        $emulator = $null
        $options = ConvertTo-Json -InputObject @{ listen = '127.0.0.1:0'; requireToken = $requiredToken } -Compress
        $started = [ApimNative.Interop]::StartEmulator($options, [ref]$emulator)
        if (-not $started.Ok) {
            throw ('The emulator did not start: {0}' -f $started.Json)
        }
        $context = New-TestContext -Emulator $emulator
    }

    AfterAll {
        $emulator.Dispose()
    }

    It 'forgets the connection and the cached clients' {
        $null = Connect-ApimNative -AccessToken $requiredToken -Subscription $TestSubscriptionId
        { Get-AzApiManagementBackend -Context $context -ErrorAction Stop } | Should -Not -Throw
        (& $module { $script:ApimNativeClients.Count }) | Should -BeGreaterThan 0

        Disconnect-ApimNative
        Get-Connection | Should -BeNullOrEmpty
        (& $module { $script:ApimNativeClients.Count }) | Should -Be 0
        # Without the token the emulator refuses the call.
        { Get-AzApiManagementBackend -Context $context -ErrorAction Stop } | Should -Throw
    }

    It 'keeps the connection with -WhatIf' {
        $null = Connect-ApimNative -AccessToken $requiredToken
        Disconnect-ApimNative -WhatIf
        (Get-Connection)['Auth']['kind'] | Should -Be 'token'
        Disconnect-ApimNative
    }

    It 'does nothing harmful when not connected' {
        Disconnect-ApimNative
        { Disconnect-ApimNative -ErrorAction Stop } | Should -Not -Throw
        Get-Connection | Should -BeNullOrEmpty
    }
}
