# Issue 16: inputs that used to give wrong results silently.
Describe 'Input fidelity' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    Context 'Blank ids' {
        It 'New-AzApiManagementBackend -BackendId <value> is an error naming -BackendId, and creates nothing' -TestCases @(
            @{ Value = '' }, @{ Value = $null }, @{ Value = '   ' }
        ) {
            param ($Value)
            $before = @(Get-AzApiManagementBackend -Context $context).Count
            $null = New-AzApiManagementBackend -Context $context -BackendId $Value -Url 'https://blank.contoso.com/' -Protocol http -ErrorAction SilentlyContinue -ErrorVariable failures
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.BackendCreateOrUpdateFailed*'
            $failures[0].Exception.Message | Should -Match '-BackendId is empty or blank'
            @(Get-AzApiManagementBackend -Context $context).Count | Should -Be $before
        }

        It 'a CSV row with a blank id column is an error, not a new backend every run' {
            $rows = ConvertFrom-Csv -InputObject @('BackendId,Url,Protocol', ',https://csv.contoso.com/,http')
            $before = @(Get-AzApiManagementBackend -Context $context).Count
            $null = $rows | New-AzApiManagementBackend -Context $context -ErrorAction SilentlyContinue -ErrorVariable failures
            $failures.Count | Should -Be 1
            @(Get-AzApiManagementBackend -Context $context).Count | Should -Be $before
        }

        It 'an absent -BackendId still generates one, as Az does' {
            $backend = New-AzApiManagementBackend -Context $context -Url 'https://generated.contoso.com/' -Protocol http
            $backend.BackendId | Should -Match '^[0-9a-f]{32}$'
        }

        It 'Get-AzApiManagementBackend -BackendId '''' is an error (an absent id lists), so it cannot feed Remove every backend' {
            $null = New-TestBackend -Context $context -BackendId 'kept'
            $removed = Get-AzApiManagementBackend -Context $context -BackendId '' -ErrorAction SilentlyContinue -ErrorVariable failures | Remove-AzApiManagementBackend -PassThru
            $removed | Should -BeNullOrEmpty
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.BackendGetFailed*'
            $failures[0].Exception.Message | Should -Match 'leave -BackendId out to list every backend'
            (Get-AzApiManagementBackend -Context $context -BackendId 'kept').BackendId | Should -Be 'kept'
        }
    }

    Context 'Header and Query values' {
        It 'refuses a <Kind> value naming the parameter and the key' -TestCases @(
            @{ Kind = 'hashtable'; Value = @{ a = 1 } },
            @{ Kind = 'DateTime'; Value = [datetime]'2026-01-02' },
            @{ Kind = 'number'; Value = 42 },
            @{ Kind = 'array with a hashtable'; Value = @('ok', @{ a = 1 }) }
        ) {
            param ($Kind, $Value)
            { New-AzApiManagementBackendCredential -Header @{ 'x-bad' = $Value } } | Should -Throw -ErrorId 'ApimNative.BackendCredentialNewFailed*' -ExpectedMessage "-Header 'x-bad': a value must be a string, a string array or a SecureString*"
            { New-AzApiManagementBackendCredential -Query @{ 'q-bad' = $Value } } | Should -Throw -ExpectedMessage "-Query 'q-bad'*"
        }

        It 'accepts strings and string arrays' {
            $credential = New-AzApiManagementBackendCredential -Header @{ one = 'a'; many = @('b', 'c') } -Query @{ sv = 'x' }
            @($credential.Header['one']) | Should -Be @('a')
            @($credential.Header['many']) | Should -Be @('b', 'c')
            @($credential.Query['sv']) | Should -Be @('x')
        }

        It 'accepts a SecureString: sent as its text, kept secret in the object, -Verbose and -WhatIf' {
            $secret = ConvertTo-SecureString -String 'kv-s3cret-key' -AsPlainText -Force
            $credential = New-AzApiManagementBackendCredential -Header @{ 'x-api-key' = $secret }
            @($credential.Header['x-api-key'])[0] | Should -BeOfType [System.Security.SecureString]
            ($credential | Format-List | Out-String) | Should -Not -Match 'kv-s3cret-key'
            $whatIf = Get-WhatIfText -ScriptBlock { New-AzApiManagementBackend -Context $context -BackendId 'secure' -Url 'https://secure.contoso.com/' -Protocol http -Credential $credential -WhatIf }
            $whatIf | Should -Not -Match 'kv-s3cret-key'
            $verbose = New-AzApiManagementBackend -Context $context -BackendId 'secure' -Url 'https://secure.contoso.com/' -Protocol http -Credential $credential -Verbose 4>&1 | Out-String
            $verbose | Should -Not -Match 'kv-s3cret-key'
            $read = Get-AzApiManagementBackend -Context $context -BackendId 'secure'
            @($read.Credentials.Header['x-api-key']) | Should -Be @('kv-s3cret-key')
        }
    }

    Context 'The default backend view counts nothing as 0' {
        It 'shows Certificates: 0; CertificateIds: 0 for a credential with none' {
            $credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter 'view-secret'
            $backend = New-AzApiManagementBackend -Context $context -BackendId 'viewed' -Url 'https://viewed.contoso.com/' -Protocol http -Credential $credential
            $text = $backend | Format-List | Out-String
            $text | Should -Match 'Certificates: 0; CertificateIds: 0; Query: 0; Header: 0; Authorization: basic'
            $text | Should -Not -Match 'view-secret'
        }

        It 'counts @($null) and empty lists as 0, and real items as themselves' {
            $backend = New-AzApiManagementBackend -Context $context -BackendId 'nulls' -Url 'https://nulls.contoso.com/' -Protocol http -Credential (New-AzApiManagementBackendCredential -Header @{ h = 'v' })
            $backend.Credentials.Certificate = @($null)
            $backend.Credentials.CertificateIds = @()
            ($backend | Format-List | Out-String) | Should -Match 'Certificates: 0; CertificateIds: 0; Query: 0; Header: 1; Authorization: -'
            $backend.Credentials.Certificate = @('EBA029198AA3E76EF0D70482626E5BCF148594A6', $null)
            ($backend | Format-List | Out-String) | Should -Match 'Certificates: 1; CertificateIds: 0'
        }

        It 'Format-Table shows BackendId, Type, Url, Protocol and Title; Format-Wide the BackendId' {
            $backend = New-TestBackend -Context $context -BackendId 'tabled'
            $table = $backend | Format-Table | Out-String
            foreach ($column in @('BackendId', 'Type', 'Url', 'Protocol', 'Title')) {
                $table | Should -Match $column
            }
            $table | Should -Match 'https://tabled\.contoso\.com/'
            ($backend | Format-Wide | Out-String) | Should -Match 'tabled'
        }
    }

    Context 'Piped objects under -ErrorAction SilentlyContinue' {
        It 'a stale piped backend with empty properties fills -ErrorVariable with the 412' {
            # A backend with no AzureRegion, Description or ResourceId (null and empty properties).
            $stale = New-AzApiManagementBackend -Context $context -BackendId 'stale' -Url 'https://stale.contoso.com/' -Protocol http
            $null = Set-AzApiManagementBackend -Context $context -BackendId 'stale' -Title 'changed meanwhile'
            $stale.Title = 'mine'
            $stale | Set-AzApiManagementBackend -ErrorAction SilentlyContinue -ErrorVariable failures
            $failures.Count | Should -Be 1
            $failures[0].Exception.Data['ApimHttpStatus'] | Should -Be 412
            $failures[0].Exception.Message | Should -Not -BeNullOrEmpty
        }

        It 'New | Set of a pool (no Url, no Protocol) binds' {
            $null = New-TestBackend -Context $context -BackendId 'member1'
            $pool = New-AzApiManagementBackendPool -Service (New-AzApiManagementBackendPoolItem -Id '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/member1')
            $updated = New-AzApiManagementBackend -Context $context -BackendId 'pool1' -Pool $pool | Set-AzApiManagementBackend -Title 'pool title' -PassThru
            $updated.Title | Should -Be 'pool title'
        }
    }
}
