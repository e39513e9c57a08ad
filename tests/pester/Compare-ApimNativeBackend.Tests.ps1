Describe 'Compare-ApimNativeBackend' {
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

    It 'returns one NoChange plan object per backend right after an export' {
        $plan = @(Compare-ApimNativeBackend -Context $context -Path $dir -Secret $script:SyncSecrets)
        $plan.Count | Should -Be 3
        $plan[0].PSObject.TypeNames[0] | Should -Be 'ApimNative.BackendPlan'
        @($plan | Where-Object -FilterScript { $_.Action -ne 'NoChange' }).Count | Should -Be 0
        # Single backends come before the pool.
        $plan[-1].BackendId | Should -Be 'lb'
    }

    It 'shows one property changed on the service as exactly that change, with the ETag read' {
        $null = Set-AzApiManagementBackend -Context $context -BackendId 'billing' -Description 'changed by hand'
        $item = Compare-ApimNativeBackend -Context $context -Path $dir -Secret $script:SyncSecrets | Where-Object -FilterScript { $_.BackendId -eq 'billing' }
        $item.Action | Should -Be 'Update'
        $item.ETag | Should -Not -BeNullOrEmpty
        @($item.Changes).Count | Should -Be 1
        $item.Changes[0].Path | Should -Be 'description'
        $item.Changes[0].Old | Should -Be 'changed by hand'
        $item.Changes[0].New | Should -Be 'Billing'
        $null = Set-AzApiManagementBackend -Context $context -BackendId 'billing' -Description 'Billing'
    }

    It 'shows a changed secret as changed without its value (SecureString accepted)' {
        $secrets = @{
            'orders.authorizationParameter' = (ConvertTo-SecureString -String 'a-new-value' -AsPlainText -Force)
            'orders.header.x-api-key'       = $script:SyncSecrets['orders.header.x-api-key']
        }
        $item = Compare-ApimNativeBackend -Context $context -Path $dir -Secret $secrets | Where-Object -FilterScript { $_.BackendId -eq 'orders' }
        $item.Action | Should -Be 'Update'
        $item.Changes[0].Secret | Should -BeTrue
        $item.Changes[0].New | Should -BeNullOrEmpty
        ($item | ConvertTo-Json -Depth 10).Contains('a-new-value') | Should -BeFalse
    }

    It 'lists backends without a file only with -Prune' {
        $null = New-TestBackend -Context $context -BackendId 'extra'
        @(Compare-ApimNativeBackend -Context $context -Path $dir -Secret $script:SyncSecrets | Where-Object -FilterScript { $_.BackendId -eq 'extra' }).Count | Should -Be 0
        (Compare-ApimNativeBackend -Context $context -Path $dir -Secret $script:SyncSecrets -Prune | Where-Object -FilterScript { $_.BackendId -eq 'extra' }).Action | Should -Be 'Delete'
        Remove-AzApiManagementBackend -Context $context -BackendId 'extra'
    }

    It 'reports an unresolved placeholder as an error record naming it' {
        Compare-ApimNativeBackend -Context $context -Path $dir -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.BackendPlanFailed*'
        $failures[0].Exception.Message | Should -Match 'orders.authorizationParameter'
    }

    It 'refuses a secret that is neither a string nor a SecureString' {
        { Compare-ApimNativeBackend -Context $context -Path $dir -Secret @{ 'orders.authorizationParameter' = 42 } -ErrorAction Stop } | Should -Throw -ErrorId 'ApimNative.SecretMapFailed*'
    }
}
