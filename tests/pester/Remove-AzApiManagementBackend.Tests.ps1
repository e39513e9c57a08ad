Describe 'Remove-AzApiManagementBackend' {
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

    It 'runs the seed example: -PassThru writes $true and the backend is gone' {
        $apimContext = $context
        Remove-AzApiManagementBackend -Context $apimContext -BackendId 123 -PassThru | Should -BeTrue
        { Get-AzApiManagementBackend -Context $context -BackendId 123 -ErrorAction Stop } | Should -Throw -ErrorId 'ApimNative.BackendGetFailed*'
    }

    It 'writes nothing without -PassThru' {
        Remove-AzApiManagementBackend -Context $context -BackendId 123 | Should -BeNullOrEmpty
    }

    It 'removes nothing with -WhatIf and shows DELETE and the URL' {
        $text = Get-WhatIfText -ScriptBlock { Remove-AzApiManagementBackend -Context $context -BackendId 123 -WhatIf }
        $text | Should -Match "backend '123' \(DELETE http://127\.0\.0\.1:\d+/.+/backends/123\?api-version="
        (Get-AzApiManagementBackend -Context $context -BackendId 123).BackendId | Should -Be '123'
    }

    It 'removes a piped backend, sending its ETag' {
        Get-AzApiManagementBackend -Context $context -BackendId 123 | Remove-AzApiManagementBackend -PassThru | Should -BeTrue
    }

    It 'refuses to remove a backend that changed after it was read (412)' {
        $stale = Get-AzApiManagementBackend -Context $context -BackendId 123
        $null = Set-AzApiManagementBackend -Context $context -BackendId 123 -Title 'changed meanwhile'
        $stale | Remove-AzApiManagementBackend -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.BackendDeleteFailed*'
        $failures[0].Exception.Data['ApimHttpStatus'] | Should -Be 412
        (Get-AzApiManagementBackend -Context $context -BackendId 123).Title | Should -Be 'changed meanwhile'
    }

    It 'removes several backends from the pipeline by property name' {
        $null = New-TestBackend -Context $context -BackendId 'r1'
        $null = New-TestBackend -Context $context -BackendId 'r2'
        $results = @(
            [PSCustomObject]@{ Context = $context; BackendId = 'r1' }
            [PSCustomObject]@{ Context = $context; BackendId = 'r2' }
        ) | Remove-AzApiManagementBackend -PassThru
        $results.Count | Should -Be 2
    }
}
