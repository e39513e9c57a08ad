# Issue 16: -WhatIf sends nothing, in every cmdlet that changes something. The cmdlets talk to the
# emulator through a relay that counts every request it forwards (TestSupport.ps1).
Describe '-WhatIf sends no request' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))
        $emulator = Start-TestEmulator
        $relay = Start-TestCountingRelay -Emulator $emulator
        $context = New-TestContext -Emulator $relay
        Connect-TestGraph -Emulator $relay
        $null = New-TestBackend -Context $context -BackendId 'target'
        $connector = New-TestConnector
        $pfx = New-TestPfx -Password 'secret'
        $cases = @{
            'New-AzApiManagementBackend'                          = { New-AzApiManagementBackend -Context $context -BackendId 'new' -Url 'https://new.contoso.com/' -Protocol http -WhatIf }
            'Set-AzApiManagementBackend'                          = { Set-AzApiManagementBackend -Context $context -BackendId 'target' -Title 'x' -WhatIf }
            'Set-AzApiManagementBackend one -Skip*Validation'     = { Set-AzApiManagementBackend -Context $context -BackendId 'target' -SkipCertificateChainValidation $true -WhatIf }
            'Set-AzApiManagementBackend piped'                    = { $script:backend | Set-AzApiManagementBackend -SkipCertificateNameValidation $true -WhatIf }
            'Remove-AzApiManagementBackend'                       = { Remove-AzApiManagementBackend -Context $context -BackendId 'target' -WhatIf }
            'Invoke-AzApiManagementBackendReconnect'              = { Invoke-AzApiManagementBackendReconnect -Context $context -BackendId 'target' -WhatIf }
            'New-MgIdentityApiConnector'                          = { New-MgIdentityApiConnector -DisplayName 'w' -TargetUrl 'https://w.contoso.com/' -AuthenticationConfiguration @{ '@odata.type' = '#microsoft.graph.basicAuthentication'; username = 'u'; password = 'p' } -WhatIf }
            'Update-MgIdentityApiConnector'                       = { Update-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -DisplayName 'w' -WhatIf }
            'Update-MgIdentityApiConnector via identity'          = { $connector | Update-MgIdentityApiConnector -DisplayName 'w' -WhatIf }
            'Remove-MgIdentityApiConnector'                       = { Remove-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -WhatIf }
            'Invoke-MgUploadIdentityApiConnectorClientCertificate' = { Invoke-MgUploadIdentityApiConnectorClientCertificate -IdentityApiConnectorId $connector.Id -Pkcs12Value $pfx.Base64 -Password 'secret' -WhatIf }
            'Disconnect-ApimNative'                               = { Disconnect-ApimNative -WhatIf }
            'Connect-ApimNative'                                  = { Connect-ApimNative -Emulator $relay -WhatIf }
        }
    }

    AfterAll {
        Disconnect-ApimNative
        Stop-TestCountingRelay -Relay $relay
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'the relay counts what goes through it' {
        $before = $relay.Requests.Count
        $null = Get-AzApiManagementBackend -Context $context -BackendId 'target'
        $relay.Requests.Count | Should -Be ($before + 1)
        $relay.Requests[$relay.Requests.Count - 1] | Should -BeLike 'GET */backends/target?api-version=*'
    }

    It '<Name> -WhatIf sends nothing' -TestCases @(
        'New-AzApiManagementBackend', 'Set-AzApiManagementBackend', 'Set-AzApiManagementBackend one -Skip*Validation',
        'Set-AzApiManagementBackend piped', 'Remove-AzApiManagementBackend', 'Invoke-AzApiManagementBackendReconnect',
        'New-MgIdentityApiConnector', 'Update-MgIdentityApiConnector', 'Update-MgIdentityApiConnector via identity',
        'Remove-MgIdentityApiConnector', 'Invoke-MgUploadIdentityApiConnectorClientCertificate', 'Disconnect-ApimNative',
        'Connect-ApimNative' | ForEach-Object -Process { @{ Name = $_ } }
    ) {
        param ($Name)
        $script:backend = Get-AzApiManagementBackend -Context $context -BackendId 'target'
        $before = $relay.Requests.Count
        $null = Get-WhatIfText -ScriptBlock $cases[$Name]
        @($relay.Requests)[$before..($relay.Requests.Count)] -join '; ' | Should -BeNullOrEmpty
        $relay.Requests.Count | Should -Be $before
    }
}
