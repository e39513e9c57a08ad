Describe 'Sync-ApimNativeBackend' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'SyncTestSupport.ps1'))
        $source = Start-TestEmulator
        $sourceContext = New-TestContext -Emulator $source
        New-TestSyncBackends -Context $sourceContext
        $dir = New-TestDirectory
        $null = Export-ApimNativeBackend -Context $sourceContext -Path $dir
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $source
    }

    BeforeEach {
        $target = Start-TestEmulator
        $context = New-TestContext -Emulator $target
    }

    AfterEach {
        Stop-ApimNativeEmulator -Emulator $target
    }

    It 'export -> empty service -> sync -> export gives identical files; one result per backend' {
        $results = @(Sync-ApimNativeBackend -Context $context -Path $dir -Secret $script:SyncSecrets)
        $results.Count | Should -Be 3
        $results[0].PSObject.TypeNames[0] | Should -Be 'ApimNative.BackendSyncResult'
        @($results | Where-Object -FilterScript { $_.Outcome -ne 'Succeeded' }).Count | Should -Be 0
        $results[-1].BackendId | Should -Be 'lb'
        $again = New-TestDirectory
        $null = Export-ApimNativeBackend -Context $context -Path $again
        (Get-TestFileText -Path $again | ConvertTo-Json) | Should -Be (Get-TestFileText -Path $dir | ConvertTo-Json)
        (Get-AzApiManagementBackend -Context $context -BackendId 'orders').Credentials.Authorization.Parameter | Should -Be $script:SyncSecrets['orders.authorizationParameter']
    }

    It 'a second run changes nothing' {
        $null = Sync-ApimNativeBackend -Context $context -Path $dir -Secret $script:SyncSecrets
        $results = @(Sync-ApimNativeBackend -Context $context -Path $dir -Secret $script:SyncSecrets)
        @($results | Where-Object -FilterScript { $_.Outcome -ne 'NoChange' }).Count | Should -Be 0
    }

    It 'prints the plan with -WhatIf and sends no write' {
        $text = Get-WhatIfText -ScriptBlock { Sync-ApimNativeBackend -Context $context -Path $dir -Secret $script:SyncSecrets -WhatIf }
        $text | Should -Match "Create.+backend 'orders'"
        $text | Should -Match "backend 'lb'"
        foreach ($secret in $script:SyncSecrets.Values) {
            $text.Contains($secret) | Should -BeFalse
        }
        @(Get-AzApiManagementBackend -Context $context).Count | Should -Be 0
    }

    It 'refuses an unresolved placeholder before anything is sent' {
        Sync-ApimNativeBackend -Context $context -Path $dir -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.BackendPlanFailed*'
        @(Get-AzApiManagementBackend -Context $context).Count | Should -Be 0
    }

    It 'deletes backends without a file with -Prune, and honours -ThrottleLimit' {
        $null = New-TestBackend -Context $context -BackendId 'stray'
        $results = @(Sync-ApimNativeBackend -Context $context -Path $dir -Secret $script:SyncSecrets -Prune -ThrottleLimit 2)
        ($results | Where-Object -FilterScript { $_.BackendId -eq 'stray' }).Action | Should -Be 'Delete'
        @(Get-AzApiManagementBackend -Context $context | Where-Object -FilterScript { $_.BackendId -eq 'stray' }).Count | Should -Be 0
        { Sync-ApimNativeBackend -Context $context -Path $dir -ThrottleLimit 0 } | Should -Throw
    }
}
