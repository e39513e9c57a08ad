Describe 'Export-ApimNativeApiConnector' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'SyncTestSupport.ps1'))
        $emulator = Start-TestEmulator
        Connect-TestGraph -Emulator $emulator
        $null = New-TestConnector -DisplayName 'Sign-up validation'
        $null = New-TestConnector -DisplayName 'Enrich: token'
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'writes one <displayName>.json per connector, without id or password' {
        $dir = New-TestDirectory
        $files = @(Export-ApimNativeApiConnector -Path $dir)
        $files.Count | Should -Be 2
        $files[0].PSObject.TypeNames[0] | Should -Be 'ApimNative.ExportedApiConnector'
        $texts = Get-TestFileText -Path $dir
        @($texts.Keys) | Should -Be @('Enrich%3A token.json', 'Sign-up validation.json')
        foreach ($text in $texts.Values) {
            $text.Contains('MyPassword') | Should -BeFalse
            $text.Contains('"id"') | Should -BeFalse
        }
        $texts['Sign-up validation.json'] | Should -Match ([regex]::Escape('{{secret:Sign-up_validation.password}}'))
    }

    It 'exports only the named connectors with -DisplayName, and nothing with -WhatIf' {
        $dir = New-TestDirectory
        $null = Export-ApimNativeApiConnector -Path $dir -DisplayName 'Sign-up validation'
        @((Get-TestFileText -Path $dir).Keys) | Should -Be @('Sign-up validation.json')
        $empty = New-TestDirectory
        Export-ApimNativeApiConnector -Path $empty -WhatIf
        @(Get-ChildItem -LiteralPath $empty).Count | Should -Be 0
    }
}
