Describe 'Remove-MgIdentityApiConnector' {
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

    It 'runs the seed example and the connector is gone' {
        $identityApiConnectorId = $connector.Id
        Remove-MgIdentityApiConnector -IdentityApiConnectorId $identityApiConnectorId | Should -BeNullOrEmpty
        { Get-MgIdentityApiConnector -IdentityApiConnectorId $identityApiConnectorId -ErrorAction Stop } | Should -Throw -ErrorId 'ApimNative.ApiConnectorGetFailed*'
    }

    It 'writes $true with -PassThru and takes piped connectors (DeleteViaIdentity)' {
        $connector | Remove-MgIdentityApiConnector -PassThru | Should -BeTrue
    }

    It 'honours -IfMatch: a stale ETag is refused with 412' {
        Remove-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -IfMatch '"AAAAAAAAAAE="' -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.ApiConnectorDeleteFailed*'
        $failures[0].Exception.Data['ApimHttpStatus'] | Should -Be 412
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).Id | Should -Be $connector.Id
        $null = Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -ResponseHeadersVariable headers
        Remove-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -IfMatch $headers['ETag'][0] -PassThru | Should -BeTrue
    }

    It 'removes nothing with -WhatIf' {
        $text = Get-WhatIfText -ScriptBlock { Remove-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -WhatIf }
        $text | Should -Match ("identityApiConnector '{0}'" -f $connector.Id)
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).Id | Should -Be $connector.Id
    }
}
