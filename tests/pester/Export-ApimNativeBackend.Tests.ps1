Describe 'Export-ApimNativeBackend' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'SyncTestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator
        New-TestSyncBackends -Context $context
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'writes one <backendId>.json per backend, sorted keys, LF, trailing newline, no secret' {
        $dir = New-TestDirectory
        $files = @(Export-ApimNativeBackend -Context $context -Path $dir)
        $files.Count | Should -Be 3
        $files[0].PSObject.TypeNames[0] | Should -Be 'ApimNative.ExportedBackend'
        ($files | ForEach-Object -Process { $_.BackendId } | Sort-Object) -join ',' | Should -Be 'billing,lb,orders'
        $texts = Get-TestFileText -Path $dir
        foreach ($text in $texts.Values) {
            $text | Should -Not -Match "`r"
            $text.EndsWith("}`n") | Should -BeTrue
            foreach ($secret in $script:SyncSecrets.Values) {
                $text.Contains($secret) | Should -BeFalse
            }
        }
        $texts['orders.json'] | Should -Match ([regex]::Escape('{{secret:orders.authorizationParameter}}'))
        $texts['orders.json'].IndexOf('"credentials"') | Should -BeLessThan $texts['orders.json'].IndexOf('"url"')
    }

    It 'writes the values with -IncludeSecret and only the named backends with -BackendId' {
        $dir = New-TestDirectory
        $null = Export-ApimNativeBackend -Context $context -Path $dir -BackendId 'orders' -IncludeSecret
        $texts = Get-TestFileText -Path $dir
        @($texts.Keys) | Should -Be @('orders.json')
        $texts['orders.json'].Contains($script:SyncSecrets['orders.authorizationParameter']) | Should -BeTrue
    }

    It 'exports the backends of the workspace for a workspace context' {
        $workspace = New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'apimService1' -SubscriptionId $script:TestSubscriptionId -Endpoint $emulator.BaseUrl -WorkspaceId 'team-a'
        $null = New-AzApiManagementBackend -Context $workspace -BackendId 'ws-only' -Url 'https://ws.contoso.example/' -Protocol http
        $dir = New-TestDirectory
        $null = Export-ApimNativeBackend -Context $workspace -Path $dir
        @((Get-TestFileText -Path $dir).Keys) | Should -Be @('ws-only.json')
    }

    It 'writes nothing with -WhatIf' {
        $dir = New-TestDirectory
        Export-ApimNativeBackend -Context $context -Path $dir -WhatIf
        @(Get-ChildItem -LiteralPath $dir).Count | Should -Be 0
    }

    It 'reports a backend id that is not on the service as an error record and writes nothing' {
        $dir = New-TestDirectory
        Export-ApimNativeBackend -Context $context -Path $dir -BackendId 'ghost' -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.BackendExportFailed*'
        @(Get-ChildItem -LiteralPath $dir).Count | Should -Be 0
    }
}
