Describe 'Invoke-MgUploadIdentityApiConnectorClientCertificate' {
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

    It 'runs the example with a real PFX and returns the certificate list' {
        $pfx = New-TestPfx -Password 'p@ss'
        $params = @{ pkcs12Value = $pfx.Base64; password = 'p@ss' }
        $result = Invoke-MgUploadIdentityApiConnectorClientCertificate -IdentityApiConnectorId $connector.Id -BodyParameter $params
        $list = $result.AuthenticationConfiguration.AdditionalProperties['certificateList']
        $list[0]['thumbprint'] | Should -Be $pfx.Thumbprint
        $list[0]['isActive'] | Should -BeTrue
    }

    It 'moves isActive to the newest valid certificate (UploadViaIdentityExpanded)' {
        $first = New-TestPfx -Password ''
        $second = New-TestPfx -Password 'two'
        $null = Invoke-MgUploadIdentityApiConnectorClientCertificate -IdentityApiConnectorId $connector.Id -Pkcs12Value $first.Base64 -Password ''
        $result = $connector | Invoke-MgUploadIdentityApiConnectorClientCertificate -Pkcs12Value $second.Base64 -Password 'two'
        $list = $result.AuthenticationConfiguration.AdditionalProperties['certificateList']
        @($list | ForEach-Object -Process { $_['isActive'] }) | Should -Be @($false, $true)
    }

    It 'reports a wrong password and a broken file naming the field' {
        $pfx = New-TestPfx -Password 'right'
        Invoke-MgUploadIdentityApiConnectorClientCertificate -IdentityApiConnectorId $connector.Id -Pkcs12Value $pfx.Base64 -Password 'Wr0ngPass' -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.ApiConnectorUploadClientCertificateFailed*'
        $failures[0].Exception.Data['ApimTarget'] | Should -Be 'password'
        ($failures[0] | Out-String) | Should -Not -Match 'Wr0ngPass'
        Invoke-MgUploadIdentityApiConnectorClientCertificate -IdentityApiConnectorId $connector.Id -Pkcs12Value 'AAECAwQ=' -Password 'right' -ErrorAction SilentlyContinue -ErrorVariable broken
        $broken[0].Exception.Data['ApimTarget'] | Should -Be 'pkcs12Value'
    }

    It 'uploads nothing with -WhatIf and never shows the PFX or password' {
        $pfx = New-TestPfx -Password 'Hidden1!'
        $text = Get-WhatIfText -ScriptBlock { Invoke-MgUploadIdentityApiConnectorClientCertificate -IdentityApiConnectorId $connector.Id -Pkcs12Value $pfx.Base64 -Password 'Hidden1!' -WhatIf }
        $text | Should -Not -Match 'Hidden1!'
        $text | Should -Not -Match ([regex]::Escape($pfx.Base64.Substring(0, 40)))
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).AuthenticationConfiguration.AdditionalProperties['@odata.type'] | Should -Be '#microsoft.graph.basicAuthentication'
    }
}
