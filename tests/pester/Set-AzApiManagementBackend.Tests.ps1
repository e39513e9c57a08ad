Describe 'Set-AzApiManagementBackend' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    BeforeEach {
        $null = New-TestBackend -Context $context -BackendId 123
    }

    It 'runs seed example 1 and -PassThru returns the PATCH response' {
        $apimContext = $context
        $updated = Set-AzApiManagementBackend -Context $apimContext -BackendId 123 -Description "updated description" -PassThru
        $updated.Description | Should -Be 'updated description'
        $updated.Url | Should -Be 'https://123.contoso.com/'
        $updated.ETag | Should -Not -BeNullOrEmpty
    }

    It 'runs seed example 2 (placeholders filled in) and writes nothing without -PassThru' {
        $credential = New-AzApiManagementBackendCredential -Header @{ 'x-my-1' = @('val1') }
        $result = Set-AzApiManagementBackend -BackendId 123 -Context $context -Credential $credential -Protocol http -ResourceId /subscriptions/subid/resourceGroups/Api-Default-West-US/providers/Microsoft.ApiManagement/service/contoso -Url 'https://contoso.com/awesomeapi'
        $result | Should -BeNullOrEmpty
        $read = Get-AzApiManagementBackend -Context $context -BackendId 123
        $read.Url | Should -Be 'https://contoso.com/awesomeapi'
        $read.ResourceId | Should -Be '/subscriptions/subid/resourceGroups/Api-Default-West-US/providers/Microsoft.ApiManagement/service/contoso'
        $read.Credentials.Header['x-my-1'] | Should -Be 'val1'
    }

    It 'applies the values of -InputObject (Az used only its identity)' {
        $backend = Get-AzApiManagementBackend -Context $context -BackendId 123
        $backend.Title = 'renamed'
        $updated = $backend | Set-AzApiManagementBackend -PassThru
        $updated.Title | Should -Be 'renamed'
        (Get-AzApiManagementBackend -Context $context -BackendId 123).Title | Should -Be 'renamed'
    }

    It 'fails with 412 on a stale read and keeps the other session''s change' {
        $first = Get-AzApiManagementBackend -Context $context -BackendId 123
        $second = Get-AzApiManagementBackend -Context $context -BackendId 123
        $first.Title = 'first session'
        $null = $first | Set-AzApiManagementBackend
        $second.Description = 'second session'
        $second | Set-AzApiManagementBackend -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.BackendUpdateFailed*'
        $failures[0].Exception.Data['ApimHttpStatus'] | Should -Be 412
        $read = Get-AzApiManagementBackend -Context $context -BackendId 123
        $read.Title | Should -Be 'first session'
        $read.Description | Should -Not -Be 'second session'
    }

    It 'overwrites regardless with -IfMatch *' {
        $stale = Get-AzApiManagementBackend -Context $context -BackendId 123
        $null = Set-AzApiManagementBackend -Context $context -BackendId 123 -Title 'moved on'
        $stale | Set-AzApiManagementBackend -IfMatch '*' -Description 'forced' -PassThru | Select-Object -ExpandProperty Description | Should -Be 'forced'
    }

    It 'keeps the other TLS flag when only one Skip flag is given' {
        $null = Set-AzApiManagementBackend -Context $context -BackendId 123 -SkipCertificateNameValidation $true
        $updated = Set-AzApiManagementBackend -Context $context -BackendId 123 -SkipCertificateChainValidation $true -PassThru
        $updated.Properties['skipCertificateChainValidation'] | Should -BeTrue
        $updated.Properties['skipCertificateNameValidation'] | Should -BeTrue
    }

    It 'changes nothing with -WhatIf and shows PATCH and the URL' {
        $text = Get-WhatIfText -ScriptBlock { Set-AzApiManagementBackend -Context $context -BackendId 123 -Title 'not applied' -WhatIf }
        $text | Should -Match "backend '123' \(PATCH http://127\.0\.0\.1:\d+/.+/backends/123\?api-version="
        (Get-AzApiManagementBackend -Context $context -BackendId 123).Title | Should -Be '123'
    }

    It 'reports a missing backend as a non-terminating error' {
        Set-AzApiManagementBackend -Context $context -BackendId missing -Title 'x' -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.BackendUpdateFailed*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
