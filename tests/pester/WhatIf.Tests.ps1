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

# The file cmdlets: Export's -WhatIf sends nothing at all; Sync plans from what the service holds,
# so its -WhatIf reads (GET) to say what it would do, and still sends no write. Counted on the
# relay; and no file is written.
Describe '-WhatIf of the file cmdlets sends no write' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'SyncTestSupport.ps1'))
        $emulator = Start-TestEmulator
        $relay = Start-TestCountingRelay -Emulator $emulator
        $source = New-TestContext -Emulator $relay
        Connect-TestGraph -Emulator $relay
        New-TestSyncBackends -Context $source
        $backendFiles = New-TestDirectory
        $null = Export-ApimNativeBackend -Context $source -Path $backendFiles
        $exported = New-TestConnector -DisplayName 'Sign-up validation'
        $connectorFiles = New-TestDirectory
        $null = Export-ApimNativeApiConnector -Path $connectorFiles
        # Plans with writes: two of the files' backends and the files' connector are gone
        # (creates), a stray connector is there (a delete under -Prune); billing stays to export.
        foreach ($id in @('lb', 'orders')) {
            Remove-AzApiManagementBackend -Context $source -BackendId $id
        }
        $target = $source
        Remove-MgIdentityApiConnector -IdentityApiConnectorId $exported.Id
        $null = New-TestConnector -DisplayName 'stray'
        $connectorSecrets = @{ 'Sign-up_validation.password' = (ConvertTo-SecureString -String 'MyPassword' -AsPlainText -Force) }
        $cases = @{
            'Export-ApimNativeBackend'      = { Export-ApimNativeBackend -Context $source -Path $script:emptyDirectory -WhatIf }
            'Export-ApimNativeApiConnector' = { Export-ApimNativeApiConnector -Path $script:emptyDirectory -WhatIf }
            'Sync-ApimNativeBackend'        = { Sync-ApimNativeBackend -Context $target -Path $backendFiles -Secret $script:SyncSecrets -Prune -WhatIf }
            'Sync-ApimNativeApiConnector'   = { Sync-ApimNativeApiConnector -Path $connectorFiles -Secret $connectorSecrets -Prune -WhatIf }
        }
    }

    AfterAll {
        Disconnect-ApimNative
        Stop-TestCountingRelay -Relay $relay
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It '<Name> -WhatIf sends <Sends> and writes no file' -TestCases @(
        @{ Name = 'Export-ApimNativeBackend'; Sends = 'nothing' }
        @{ Name = 'Export-ApimNativeApiConnector'; Sends = 'nothing' }
        @{ Name = 'Sync-ApimNativeBackend'; Sends = 'only GET requests' }
        @{ Name = 'Sync-ApimNativeApiConnector'; Sends = 'only GET requests' }
    ) {
        param ($Name, $Sends)
        $script:emptyDirectory = New-TestDirectory
        $before = $relay.Requests.Count
        $text = Get-WhatIfText -ScriptBlock $cases[$Name]
        $text | Should -Match 'What if:'
        $sent = @(@($relay.Requests)[$before..($relay.Requests.Count)] | Where-Object -FilterScript { $null -ne $_ })
        if ($Sends -eq 'nothing') {
            $sent -join '; ' | Should -BeNullOrEmpty
        }
        else {
            # It did read through the relay (so the relay sees this cmdlet), and only read.
            $sent.Count | Should -BeGreaterThan 0
        }
        @($sent | Where-Object -FilterScript { $_ -notlike 'GET *' }) -join '; ' | Should -BeNullOrEmpty
        @(Get-ChildItem -LiteralPath $script:emptyDirectory).Count | Should -Be 0
        @(Get-AzApiManagementBackend -Context $target | ForEach-Object -Process { $_.BackendId }) | Should -Be @('billing')
        @(Get-MgIdentityApiConnector -All | ForEach-Object -Process { $_.DisplayName }) | Should -Be @('stray')
    }
}
