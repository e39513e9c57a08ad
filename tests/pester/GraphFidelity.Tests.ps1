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

Describe '-BodyParameter as a JSON string' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))
        $emulator = Start-TestEmulator
        Connect-TestGraph -Emulator $emulator
    }

    AfterAll {
        Disconnect-ApimNative
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'New- and Update-MgIdentityApiConnector accept a JSON object string, as Microsoft.Graph does' {
        $json = '{"displayName":"Json API","targetUrl":"https://someapi.com/api","authenticationConfiguration":{"@odata.type":"#microsoft.graph.basicAuthentication","username":"u","password":"json-s3cret"}}'
        $created = New-MgIdentityApiConnector -BodyParameter $json
        $created.DisplayName | Should -Be 'Json API'
        $created.AuthenticationConfiguration.AdditionalProperties['username'] | Should -Be 'u'
        Update-MgIdentityApiConnector -IdentityApiConnectorId $created.Id -BodyParameter '{"displayName":"Json renamed"}'
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $created.Id).DisplayName | Should -Be 'Json renamed'
    }

    It 'refuses a string that is not a JSON object, saying so and without echoing it' {
        { New-MgIdentityApiConnector -BodyParameter 'displayName=x;password=plain-s3cret' } | Should -Throw -ErrorId 'ApimNative.ApiConnectorCreateFailed*' -ExpectedMessage '-BodyParameter is a string but not a JSON object*'
        try {
            New-MgIdentityApiConnector -BodyParameter '{"password":"plain-s3cret"' -ErrorAction Stop
        }
        catch {
            ($_ | Out-String) | Should -Not -Match 'plain-s3cret'
        }
    }
}
