Describe 'New-AzApiManagementBackend' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator
        $backendType = 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend'
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'runs the seed example and returns Az''s properties' {
        $apimContext = $context
        $credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter opensesame -Query @{"sv" = @('xx', 'bb'); "sr" = @('cc')} -Header @{"x-my-1" = @('val1', 'val2')}
        $backend = New-AzApiManagementBackend -Context  $apimContext -BackendId 123 -Url 'https://contoso.com/awesomeapi' -Protocol http -Title "first backend" -SkipCertificateChainValidation $true -Credential $credential -Description "my backend"

        $backend.PSObject.TypeNames | Should -Contain $backendType
        $backend.BackendId | Should -Be '123'
        $backend.Url | Should -Be 'https://contoso.com/awesomeapi'
        $backend.Protocol | Should -Be 'http'
        $backend.Title | Should -Be 'first backend'
        $backend.Description | Should -Be 'my backend'
        $backend.ResourceGroupName | Should -Be 'rg1'
        $backend.ServiceName | Should -Be 'apimService1'
        $backend.Id | Should -BeLike '*/providers/Microsoft.ApiManagement/service/apimService1/backends/123'
        $backend.ETag | Should -Not -BeNullOrEmpty
        $backend.Credentials.Query.Count | Should -Be 2
    }

    It 'sends a complete tls object when one Skip flag is given (Az issue #29209)' {
        $backend = New-AzApiManagementBackend -Context $context -BackendId tls1 -Url 'https://contoso.com/' -Protocol http -SkipCertificateChainValidation $true
        $backend.Properties['skipCertificateChainValidation'] | Should -BeTrue
        $backend.Properties['skipCertificateNameValidation'] | Should -BeFalse
        $backend.Tls.ValidateCertificateName | Should -BeTrue
    }

    It 'generates a 32-character id when -BackendId is missing' {
        $backend = New-AzApiManagementBackend -Context $context -Url 'https://generated.contoso.com/' -Protocol soap
        $backend.BackendId | Should -Match '^[0-9a-f]{32}$'
    }

    It 'shows the backend id, method and URL with -WhatIf and sends nothing' {
        $text = Get-WhatIfText -ScriptBlock { New-AzApiManagementBackend -Context $context -BackendId whatif1 -Url 'https://contoso.com/' -Protocol http -WhatIf }
        $pattern = "backend 'whatif1' \(PUT http://127\.0\.0\.1:\d+/subscriptions/{0}/resourceGroups/rg1/providers/Microsoft\.ApiManagement/service/apimService1/backends/whatif1\?api-version=" -f $TestSubscriptionId
        $text | Should -Match $pattern
        Get-AzApiManagementBackend -Context $context -BackendId whatif1 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'shows a generated id with -WhatIf (Az showed nothing)' {
        $text = Get-WhatIfText -ScriptBlock { New-AzApiManagementBackend -Context $context -Url 'https://contoso.com/' -Protocol http -WhatIf }
        $text | Should -Match "backend '[0-9a-f]{32}' \(PUT "
    }

    It 'takes the context from the pipeline by value and backends by property name' {
        $byValue = $context | New-AzApiManagementBackend -BackendId pipe1 -Url 'https://pipe1.contoso.com/' -Protocol http
        $byValue.BackendId | Should -Be 'pipe1'
        $created = @(
            [PSCustomObject]@{ Context = $context; BackendId = 'pipe2'; Url = 'https://pipe2.contoso.com/'; Protocol = 'http'; Title = 'two' }
            [PSCustomObject]@{ Context = $context; BackendId = 'pipe3'; Url = 'https://pipe3.contoso.com/'; Protocol = 'soap'; Title = 'three' }
        ) | New-AzApiManagementBackend
        $created.Count | Should -Be 2
        $created[1].Protocol | Should -Be 'soap'
    }

    It 'copies a piped backend whose unset properties are null into another service' {
        $source = New-AzApiManagementBackend -Context $context -BackendId 'copy-src' -Url 'https://copy.contoso.com/' -Protocol http
        $source.Description | Should -BeNullOrEmpty
        $source.AzureRegion | Should -BeNullOrEmpty
        $other = New-TestContext -Emulator $emulator -ServiceName 'apimService2'
        $copy = $source | New-AzApiManagementBackend -Context $other
        $copy.BackendId | Should -Be 'copy-src'
        $copy.ServiceName | Should -Be 'apimService2'
        $copy.Url | Should -Be 'https://copy.contoso.com/'
        $copy.Protocol | Should -Be 'http'
    }

    It 'names the field of an empty -Title before sending (the native rules check lengths)' {
        New-AzApiManagementBackend -Context $context -BackendId 'empty-title' -Url 'https://contoso.com/' -Protocol http -Title '' -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].Exception.Data['ApimTarget'] | Should -BeLike '*title'
        @(Get-AzApiManagementBackend -Context $context -BackendId 'empty-title' -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'writes a non-terminating error per failing backend and goes on with the next' {
        $tooLong = 'x' * 81
        $created = @(
            [PSCustomObject]@{ Context = $context; BackendId = $tooLong; Url = 'https://bad.contoso.com/'; Protocol = 'http' }
            [PSCustomObject]@{ Context = $context; BackendId = 'good1'; Url = 'https://good.contoso.com/'; Protocol = 'http' }
        ) | New-AzApiManagementBackend -ErrorAction SilentlyContinue -ErrorVariable failures
        @($created).Count | Should -Be 1
        $created.BackendId | Should -Be 'good1'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.BackendCreateOrUpdateFailed*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].TargetObject | Should -Be $tooLong
    }

    It 'makes the error terminating under -ErrorAction Stop' {
        { New-AzApiManagementBackend -Context $context -BackendId ('y' * 81) -Url 'https://contoso.com/' -Protocol http -ErrorAction Stop } |
            Should -Throw -ErrorId 'ApimNative.BackendCreateOrUpdateFailed*'
    }

    It 'writes each HTTP exchange to -Verbose without secrets' {
        $credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter 'VerboseSecret9'
        $records = New-AzApiManagementBackend -Context $context -BackendId verbose1 -Url 'https://contoso.com/' -Protocol http -Credential $credential -Verbose 4>&1
        $lines = @($records | Where-Object -FilterScript { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object -Process { $_.Message })
        ($lines -join "`n") | Should -Match 'PUT http://127\.0\.0\.1:\d+/subscriptions/.+/backends/verbose1\?api-version=\S+ -> 201 \(request id \S+, \d+ ms'
        ($lines -join "`n") | Should -Not -Match 'VerboseSecret9'
    }

    It 'creates a pool backend without Url and Protocol' {
        $null = New-TestBackend -Context $context -BackendId member1
        $item = New-AzApiManagementBackendPoolItem -Id ('/subscriptions/{0}/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/member1' -f $TestSubscriptionId)
        $pool = New-AzApiManagementBackendPool -Service $item
        $backend = New-AzApiManagementBackend -Context $context -BackendId pool1 -Pool $pool
        $backend.Type | Should -Be 'Pool'
        $backend.Pool.Services.Count | Should -Be 1
        $backend.Url | Should -BeNullOrEmpty
    }
}
