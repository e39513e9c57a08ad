Describe 'Update-MgIdentityApiConnector' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))
        $emulator = Start-TestEmulator
        Connect-TestGraph -Emulator $emulator
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    BeforeEach {
        $connector = New-TestConnector
    }

    It 'runs example 1: name, URL and basic credentials change, nothing is written' {
        $params = @{
            displayName                 = 'New Test API'
            targetUrl                   = 'https://otherapi.com/api/endpoint'
            authenticationConfiguration = @{
                '@odata.type' = 'microsoft.graph.basicAuthentication'
                username      = 'NewUser'
                password      = 'NewPassword'
            }
        }
        Update-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -BodyParameter $params | Should -BeNullOrEmpty
        $after = Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id
        $after.DisplayName | Should -Be 'New Test API'
        $after.AuthenticationConfiguration.AdditionalProperties['username'] | Should -Be 'NewUser'
    }

    It 'runs example 2 with a real PFX: the configuration becomes certificate based' {
        $pfx = New-TestPfx -Password 'secret'
        $params = @{ authenticationConfiguration = @{ '@odata.type' = '#microsoft.graph.pkcs12Certificate'; pkcs12Value = $pfx.Base64; password = 'secret' } }
        Update-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -BodyParameter $params
        $auth = (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).AuthenticationConfiguration.AdditionalProperties
        $auth['certificateList'][0]['thumbprint'] | Should -Be $pfx.Thumbprint
    }

    It 'updates a piped connector with the expanded parameters (UpdateViaIdentityExpanded)' {
        $connector | Update-MgIdentityApiConnector -DisplayName 'Piped'
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).DisplayName | Should -Be 'Piped'
    }

    It 'reports a wrong PFX password naming the field, without the password' {
        $pfx = New-TestPfx -Password 'right'
        $auth = @{ '@odata.type' = '#microsoft.graph.pkcs12Certificate'; pkcs12Value = $pfx.Base64; password = 'Wr0ngPass' }
        Update-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -AuthenticationConfiguration $auth -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.ApiConnectorUpdateFailed*'
        $failures[0].Exception.Data['ApimTarget'] | Should -Be 'authenticationConfiguration.password'
        ($failures[0] | Out-String) | Should -Not -Match 'Wr0ngPass'
    }

    It 'changes nothing with -WhatIf' {
        $null = Update-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -DisplayName 'Never' -WhatIf
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).DisplayName | Should -Be 'Test API'
    }
}
