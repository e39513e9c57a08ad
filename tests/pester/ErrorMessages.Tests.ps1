# Issue 16: an error names the parameter the user typed, not the wire field, and says it once.
Describe 'Error messages' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'New-AzApiManagementBackendCredential names -AuthorizationHeaderParameter, once' {
        $failure = $null
        try {
            $null = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter '' -ErrorAction Stop
        }
        catch {
            $failure = $_
        }
        $shown = $failure.ErrorDetails.Message
        $shown | Should -Match '-AuthorizationHeaderParameter must be at least 1 character'
        $shown | Should -Not -Match 'authorization\.parameter'
        ([regex]::Matches($shown, 'must be at least 1 character')).Count | Should -Be 1
        # Scripts that read the wire target keep it.
        $failure.Exception.Data['ApimTarget'] | Should -Be 'authorization.parameter'
    }

    It 'New-AzApiManagementBackend names -Title and -Description, and each problem once' {
        $null = New-AzApiManagementBackend -Context $context -BackendId 'bad' -Url 'https://bad.contoso.com/' -Protocol http -Title ('t' * 301) -Description '' -ErrorAction SilentlyContinue -ErrorVariable failures
        $shown = $failures[0].ErrorDetails.Message
        $shown | Should -Match '-Title must be at most 300 characters'
        $shown | Should -Match '-Description must be at least 1 character'
        $shown | Should -Not -Match 'properties\.(title|description)'
        ([regex]::Matches($shown, 'must be at most 300 characters')).Count | Should -Be 1
    }

    It 'a field inside a parameter''s object is shown under that parameter' {
        $credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter 'x'
        $credential.Authorization.Parameter = ''
        $null = New-AzApiManagementBackend -Context $context -BackendId 'bad2' -Url 'https://bad2.contoso.com/' -Protocol http -Credential $credential -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].ErrorDetails.Message | Should -Match '-Credential \(authorization\.parameter\)'
    }
}
