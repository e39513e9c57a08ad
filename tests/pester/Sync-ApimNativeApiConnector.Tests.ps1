Describe 'Sync-ApimNativeApiConnector' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'SyncTestSupport.ps1'))
        $source = Start-TestEmulator
        Connect-TestGraph -Emulator $source
        $null = New-TestConnector -DisplayName 'Sign-up validation'
        $dir = New-TestDirectory
        $null = Export-ApimNativeApiConnector -Path $dir
        $secrets = @{ 'Sign-up_validation.password' = (ConvertTo-SecureString -String 'MyPassword' -AsPlainText -Force) }
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $source
    }

    BeforeEach {
        $target = Start-TestEmulator
        Connect-TestGraph -Emulator $target
    }

    AfterEach {
        Stop-ApimNativeEmulator -Emulator $target
    }

    It 'creates the connectors of the files in an empty tenant, then changes nothing' {
        $result = Sync-ApimNativeApiConnector -Path $dir -Secret $secrets
        $result.PSObject.TypeNames[0] | Should -Be 'ApimNative.ApiConnectorSyncResult'
        $result.Action | Should -Be 'Create'
        $result.Outcome | Should -Be 'Succeeded'
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $result.Id).DisplayName | Should -Be 'Sign-up validation'
        (Sync-ApimNativeApiConnector -Path $dir -Secret $secrets).Outcome | Should -Be 'NoChange'
    }

    It 'sends nothing with -WhatIf' {
        $text = Get-WhatIfText -ScriptBlock { Sync-ApimNativeApiConnector -Path $dir -Secret $secrets -WhatIf }
        $text | Should -Match "Create.+API connector 'Sign-up validation'"
        $text.Contains('MyPassword') | Should -BeFalse
        @(Get-MgIdentityApiConnector -All).Count | Should -Be 0
    }

    It 'deletes connectors without a file with -Prune' {
        $null = New-TestConnector -DisplayName 'stray'
        $results = @(Sync-ApimNativeApiConnector -Path $dir -Secret $secrets -Prune -ThrottleLimit 2)
        ($results | Where-Object -FilterScript { $_.DisplayName -eq 'stray' }).Outcome | Should -Be 'Succeeded'
        @(Get-MgIdentityApiConnector -All | Where-Object -FilterScript { $_.DisplayName -eq 'stray' }).Count | Should -Be 0
    }
}
