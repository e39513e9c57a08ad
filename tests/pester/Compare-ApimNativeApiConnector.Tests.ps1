Describe 'Compare-ApimNativeApiConnector' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'SyncTestSupport.ps1'))
        $emulator = Start-TestEmulator
        Connect-TestGraph -Emulator $emulator
        $connector = New-TestConnector -DisplayName 'Sign-up validation'
        $dir = New-TestDirectory
        $null = Export-ApimNativeApiConnector -Path $dir
        $secrets = @{ 'Sign-up_validation.password' = 'MyPassword' }
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'shows NoChange and the secret as NotComparable right after an export' {
        $item = Compare-ApimNativeApiConnector -Path $dir -Secret $secrets
        $item.PSObject.TypeNames[0] | Should -Be 'ApimNative.ApiConnectorPlan'
        $item.Action | Should -Be 'NoChange'
        $item.Id | Should -Be $connector.Id
        $item.Secrets[0].state | Should -Be 'NotComparable'
    }

    It 'shows one property changed in the tenant as exactly that change' {
        Update-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -TargetUrl 'https://moved.contoso.example/'
        $item = Compare-ApimNativeApiConnector -Path $dir -Secret $secrets
        $item.Action | Should -Be 'Update'
        @($item.Changes).Count | Should -Be 1
        $item.Changes[0].Path | Should -Be 'targetUrl'
        $item.Changes[0].Old | Should -Be 'https://moved.contoso.example/'
    }

    It 'plans an update of every connector with -RotateSecret' {
        (Compare-ApimNativeApiConnector -Path $dir -Secret $secrets -RotateSecret).Action | Should -Be 'Update'
    }

    It 'reports an unresolved placeholder as an error record' {
        Compare-ApimNativeApiConnector -Path $dir -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.ApiConnectorPlanFailed*'
    }
}
