Describe 'Test-ApimNativeBackend' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'SyncTestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator
        New-TestSyncBackends -Context $context
        $dir = New-TestDirectory
        $null = Export-ApimNativeBackend -Context $context -Path $dir
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'is $true when nothing would change' {
        Test-ApimNativeBackend -Context $context -Path $dir -Secret $script:SyncSecrets | Should -BeTrue
    }

    It 'is $false after a change on the service, and with -Prune for a backend without a file' {
        $null = Set-AzApiManagementBackend -Context $context -BackendId 'billing' -Title 'drift'
        Test-ApimNativeBackend -Context $context -Path $dir -Secret $script:SyncSecrets | Should -BeFalse
        $null = Sync-ApimNativeBackend -Context $context -Path $dir -Secret $script:SyncSecrets
        Test-ApimNativeBackend -Context $context -Path $dir -Secret $script:SyncSecrets | Should -BeTrue
        $null = New-TestBackend -Context $context -BackendId 'unmanaged'
        Test-ApimNativeBackend -Context $context -Path $dir -Secret $script:SyncSecrets | Should -BeTrue
        Test-ApimNativeBackend -Context $context -Path $dir -Secret $script:SyncSecrets -Prune | Should -BeFalse
    }

    It 'writes an error, not $false, when the plan cannot be made' {
        $result = Test-ApimNativeBackend -Context $context -Path $dir -ErrorAction SilentlyContinue -ErrorVariable failures
        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
    }
}
