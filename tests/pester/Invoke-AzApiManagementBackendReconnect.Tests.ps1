Describe 'Invoke-AzApiManagementBackendReconnect' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $apimContext = New-TestContext -Emulator $emulator
        $null = New-TestBackend -Context $apimContext -BackendId proxybackend
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'sends a reconnect with -After' {
        Invoke-AzApiManagementBackendReconnect -Context $apimContext -BackendId proxybackend -After (New-TimeSpan -Minutes 2) -PassThru | Should -BeTrue
    }

    It 'sends a reconnect without -After (the service default)' {
        Invoke-AzApiManagementBackendReconnect -Context $apimContext -BackendId proxybackend -PassThru | Should -BeTrue
    }

    It 'refuses less than two minutes before anything is sent' {
        Invoke-AzApiManagementBackendReconnect -Context $apimContext -BackendId proxybackend -After (New-TimeSpan -Seconds 3) -ErrorAction SilentlyContinue -ErrorVariable failures -Verbose 4>&1 |
            Where-Object -FilterScript { $_ -is [System.Management.Automation.VerboseRecord] } | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.BackendReconnectFailed*'
        $failures[0].Exception.Message | Should -Match 'two minutes'
    }

    It 'takes backends from the pipeline and honours -WhatIf' {
        $text = Get-WhatIfText -ScriptBlock { Get-AzApiManagementBackend -Context $apimContext -BackendId proxybackend | Invoke-AzApiManagementBackendReconnect -After (New-TimeSpan -Minutes 5) -WhatIf }
        $text | Should -Match "backend 'proxybackend' \(POST http://127\.0\.0\.1:\d+/.+/backends/proxybackend/reconnect\?api-version="
    }

    It 'reports a missing backend' {
        { Invoke-AzApiManagementBackendReconnect -Context $apimContext -BackendId missing -ErrorAction Stop } | Should -Throw -ErrorId 'ApimNative.BackendReconnectFailed*'
    }
}
