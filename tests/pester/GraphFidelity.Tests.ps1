# Issue 16: Microsoft.Graph habits that used to give wrong results silently.
Describe 'Graph connector fidelity' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))
        $emulator = Start-TestEmulator
        $relay = Start-TestCountingRelay -Emulator $emulator
        Connect-TestGraph -Emulator $relay
    }

    AfterAll {
        Disconnect-ApimNative
        Stop-TestCountingRelay -Relay $relay
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    BeforeEach {
        $connector = New-TestConnector
    }

    It 'Get, edit, Update -BodyParameter $edited never sends the service''s password mask back' {
        $edited = Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id
        $edited.AuthenticationConfiguration.AdditionalProperties['password'] | Should -Be '******'
        $edited.DisplayName = 'edited'
        $before = $relay.Requests.Count
        Update-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -BodyParameter $edited -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].Exception.Message | Should -Match "'authenticationConfiguration.password' is '\*\*\*\*\*\*', the mask the service returns"
        $relay.Requests.Count | Should -Be $before
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).DisplayName | Should -Be 'Test API'
    }

    It 'the same edit without the configuration updates the name and keeps the password' {
        $edited = Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id
        $edited.DisplayName = 'edited'
        $edited.AuthenticationConfiguration = $null
        Update-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -BodyParameter $edited
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).DisplayName | Should -Be 'edited'
    }

    It '@{ displayName = ''x'' } | Update-MgIdentityApiConnector -IdentityApiConnectorId $id sends the hashtable as the body' {
        @{ displayName = 'piped name' } | Update-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).DisplayName | Should -Be 'piped name'
    }

    It 'an update with nothing to change is an error and sends nothing' {
        $before = $relay.Requests.Count
        Update-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].Exception.Message | Should -Match '^Nothing to update'
        $relay.Requests.Count | Should -Be $before
    }

    It 'Format-List shows the configuration readably; Format-Wide the display name' {
        $read = Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id
        $list = $read | Format-List | Out-String
        $list | Should -Match 'AuthenticationConfiguration : #microsoft\.graph\.basicAuthentication; username: MyUsername'
        $list | Should -Not -Match 'AdditionalProperties='
        ($read | Format-Wide | Out-String) | Should -Match 'Test API'
        ($read | Format-Table | Out-String) | Should -Match 'DisplayName'
    }
}
