# Issue 16: a runbook's script-scope preferences reach the module's cmdlets as they reach Az's
# compiled cmdlets; -Debug writes DEBUG lines and never prompts (this suite runs -NonInteractive).
Describe 'Caller preferences and -Debug' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'a script-scope $WhatIfPreference stops Remove-AzApiManagementBackend from deleting' {
        $null = New-TestBackend -Context $context -BackendId 'whatif-scope'
        & {
            $WhatIfPreference = $true
            Remove-AzApiManagementBackend -Context $context -BackendId 'whatif-scope'
        }
        (Get-AzApiManagementBackend -Context $context -BackendId 'whatif-scope').BackendId | Should -Be 'whatif-scope'
    }

    It 'a script-scope $ErrorActionPreference = Stop makes a 404 terminating' {
        $outcome = & {
            $ErrorActionPreference = 'Stop'
            try {
                $null = Get-AzApiManagementBackend -Context $context -BackendId 'absent-backend'
                'not stopped'
            }
            catch {
                $_.FullyQualifiedErrorId
            }
        }
        $outcome | Should -BeLike 'ApimNative.BackendGetFailed*'
    }

    It 'a builder''s error (terminating) follows the script-scope $ErrorActionPreference of its caller, with nothing forwarded' {
        # Interop.RunBuilder forwards no preference: the builder's one error is terminating, and
        # where it lands the caller's own preference decides, as for Az's compiled cmdlets. In a
        # fresh pwsh, as a runbook runs: Pester's own error handling would decide inside an It.
        $pwsh = [System.IO.Path]::Combine($PSHOME, 'pwsh')
        $module = [System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'module', 'ApimNative', 'ApimNative.psd1')
        $script = @"
Import-Module '$module'
`$incomplete = { New-AzApiManagementBackendCredential -AuthorizationHeaderScheme 'basic' }
'STOP=' + (& { `$ErrorActionPreference = 'Stop'; try { `$null = & `$incomplete; 'not stopped' } catch { `$_.FullyQualifiedErrorId } })
'SILENT=' + (& { `$ErrorActionPreference = 'SilentlyContinue'; `$null = & `$incomplete; 'went on' })
'CONTINUE=' + (& { `$ErrorActionPreference = 'Continue'; `$null = & `$incomplete 2>`$null; 'went on' })
`$credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme 'basic' -AuthorizationHeaderParameter 'p' -Debug 5>&1
'DEBUGRECORDS=' + @(`$credential | Where-Object -FilterScript { `$_ -is [System.Management.Automation.DebugRecord] }).Count
'SCHEME=' + @(`$credential)[0].Authorization.Scheme
"@
        $output = & $pwsh -NoProfile -NonInteractive -Command $script 2>&1 | Out-String
        $output | Should -Match 'STOP=ApimNative\.BackendCredentialNewFailed'
        $output | Should -Match 'SILENT=went on'
        $output | Should -Match 'CONTINUE=went on'
        # -Debug on a builder writes nothing and asks nothing (-NonInteractive would throw at a prompt).
        $output | Should -Match 'DEBUGRECORDS=0'
        $output | Should -Match 'SCHEME=basic'
    }

    It 'a script-scope $ConfirmPreference = Low asks before a change (and -NonInteractive refuses to ask)' {
        $null = New-TestBackend -Context $context -BackendId 'confirm-scope'
        $outcome = & {
            $ConfirmPreference = 'Low'
            try {
                Remove-AzApiManagementBackend -Context $context -BackendId 'confirm-scope' -ErrorAction Stop
                'removed without asking'
            }
            catch {
                'asked'
            }
        }
        $outcome | Should -Be 'asked'
        (Get-AzApiManagementBackend -Context $context -BackendId 'confirm-scope').BackendId | Should -Be 'confirm-scope'
    }

    It 'a common parameter given on the command line wins over the caller''s preference' {
        $errors = & {
            $ErrorActionPreference = 'Stop'
            $null = Get-AzApiManagementBackend -Context $context -BackendId 'absent-backend' -ErrorAction SilentlyContinue -ErrorVariable failures
            $failures
        }
        @($errors).Count | Should -Be 1
    }

    It '-Debug writes the request and the response as DEBUG lines, with no prompt, and keeps secrets out' {
        $credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter 'debug-s3cret'
        $records = New-AzApiManagementBackend -Context $context -BackendId 'debugged' -Url 'https://debug.contoso.com/' -Protocol http -Credential $credential -Debug 5>&1
        $debugLines = @($records | Where-Object -FilterScript { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object -Process { $_.Message })
        $debugLines | Should -Contain ($debugLines | Where-Object -FilterScript { $_ -like 'HTTP request (attempt 1): PUT http://127.0.0.1:*/backends/debugged?api-version=*' })
        @($debugLines | Where-Object -FilterScript { $_ -like 'HTTP response: 201 (request id *' }).Count | Should -Be 1
        ($debugLines -join "`n") | Should -Not -Match 'debug-s3cret'
        $backends = @($records | Where-Object -FilterScript { $_.PSObject.TypeNames -contains 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend' })
        $backends.Count | Should -Be 1
    }

    It '-Debug in a fresh pwsh -NonInteractive returns the backend and prints DEBUG:' {
        $pwsh = [System.IO.Path]::Combine($PSHOME, 'pwsh')
        $module = [System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'module', 'ApimNative', 'ApimNative.psd1')
        $script = @"
Import-Module '$module'
`$emulator = Start-ApimNativeEmulator
`$context = New-AzApiManagementContext -ResourceGroupName rg1 -ServiceName s1 -SubscriptionId 00000000-0000-0000-0000-000000000000 -Endpoint `$emulator.BaseUrl
`$backend = New-AzApiManagementBackend -Context `$context -BackendId fresh -Url https://fresh.contoso.com/ -Protocol http -Debug
'RESULT=' + `$backend.BackendId
"@
        $output = & $pwsh -NoProfile -NonInteractive -Command $script 2>&1 | Out-String
        $output | Should -Match 'RESULT=fresh'
        $output | Should -Match 'DEBUG: HTTP request \(attempt 1\): PUT'
        $output | Should -Not -Match 'NonInteractive mode'
    }
}
