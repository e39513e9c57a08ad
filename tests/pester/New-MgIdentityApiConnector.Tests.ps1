Describe 'New-MgIdentityApiConnector' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))
        $emulator = Start-TestEmulator
        Connect-TestGraph -Emulator $emulator
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'runs seed example 1: basic authentication, the password comes back as ******' {
        $params = @{
            displayName                 = 'Test API'
            targetUrl                   = 'https://someapi.com/api'
            authenticationConfiguration = @{
                '@odata.type' = '#microsoft.graph.basicAuthentication'
                username      = 'MyUsername'
                password      = 'MyPassword'
            }
        }
        $connector = New-MgIdentityApiConnector -BodyParameter $params
        $connector.Id | Should -Match '^[0-9a-f]{8}-[0-9a-f]{4}-'
        $connector.DisplayName | Should -Be 'Test API'
        $connector.TargetUrl | Should -Be 'https://someapi.com/api'
        $connector.AuthenticationConfiguration.AdditionalProperties['@odata.type'] | Should -Be '#microsoft.graph.basicAuthentication'
        $connector.AuthenticationConfiguration.AdditionalProperties['password'] | Should -Be '******'
        $connector.PSObject.TypeNames | Should -Contain 'Microsoft.Graph.PowerShell.Models.MicrosoftGraphIdentityApiConnector'
        ($connector | Out-String) | Should -Not -Match 'MyPassword'
    }

    It 'runs seed example 2 with a real PFX: clientCertificateAuthentication with the thumbprint' {
        $pfx = New-TestPfx -Password 'CertificatePassword'
        $params = @{
            displayName                 = 'Test API'
            targetUrl                   = 'https://someotherapi.com/api'
            authenticationConfiguration = @{
                '@odata.type' = '#microsoft.graph.pkcs12Certificate'
                pkcs12Value   = $pfx.Base64
                password      = 'CertificatePassword'
            }
        }
        $connector = New-MgIdentityApiConnector -BodyParameter $params
        $auth = $connector.AuthenticationConfiguration.AdditionalProperties
        $auth['@odata.type'] | Should -Be '#microsoft.graph.clientCertificateAuthentication'
        $auth['certificateList'][0]['thumbprint'] | Should -Be $pfx.Thumbprint
        $auth['certificateList'][0]['isActive'] | Should -BeTrue
    }

    It 'refuses the seed example 2 placeholder value before sending, naming the field' {
        $params = @{
            displayName                 = 'Test API'
            targetUrl                   = 'https://someotherapi.com/api'
            authenticationConfiguration = @{
                '@odata.type' = '#microsoft.graph.pkcs12Certificate'
                pkcs12Value   = 'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ...kDJ04sJShkkgjL9Bm49plA'
                password      = 'CertificatePassword'
            }
        }
        New-MgIdentityApiConnector -BodyParameter $params -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.ApiConnectorCreateFailed*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].Exception.Data['ApimTarget'] | Should -Be 'authenticationConfiguration.pkcs12Value'
        ($failures[0] | Out-String) | Should -Not -Match 'CertificatePassword'
    }

    It 'builds the body from the expanded parameters, AdditionalProperties included' {
        $auth = @{ '@odata.type' = 'microsoft.graph.basicAuthentication'; username = 'u'; password = 'p' }
        $connector = New-MgIdentityApiConnector -DisplayName 'Expanded' -TargetUrl 'https://x.contoso.example/hook' -AuthenticationConfiguration $auth -AdditionalProperties @{ note = 'kept' } -ResponseHeadersVariable headers
        $connector.DisplayName | Should -Be 'Expanded'
        $connector.AdditionalProperties['note'] | Should -Be 'kept'
        $headers['request-id'] | Should -Not -BeNullOrEmpty
        $headers['StatusCode'] | Should -Be 201
        $headers['content-type'][0] | Should -BeLike 'application/json*'
    }

    It 'reports every invalid field at once' {
        New-MgIdentityApiConnector -DisplayName '' -TargetUrl 'http://plain' -ErrorAction SilentlyContinue -ErrorVariable failures
        $targets = @((ConvertFrom-Json -InputObject $failures[0].Exception.Data['ApimErrorJson']).details | ForEach-Object -Process { $_.target })
        $targets | Should -Be @('displayName', 'targetUrl', 'authenticationConfiguration')
    }

    It 'creates nothing with -WhatIf and does not show the password' {
        $before = @(Get-MgIdentityApiConnector -All).Count
        $text = Get-WhatIfText -ScriptBlock { New-MgIdentityApiConnector -DisplayName 'Never' -TargetUrl 'https://x.example' -AuthenticationConfiguration @{ '@odata.type' = '#microsoft.graph.basicAuthentication'; username = 'u'; password = 'S3cret!' } -WhatIf }
        $text | Should -Match "identityApiConnector 'Never'"
        $text | Should -Not -Match 'S3cret!'
        @(Get-MgIdentityApiConnector -All).Count | Should -Be $before
    }
}
