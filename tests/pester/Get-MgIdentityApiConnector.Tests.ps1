Describe 'Get-MgIdentityApiConnector' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))
        $emulator = Start-TestEmulator -PageSize 2
        Connect-TestGraph -Emulator $emulator
        $created = @(foreach ($name in @('Bravo', 'alpha', 'Charlie', 'Alpine', 'Delta')) { New-TestConnector -DisplayName $name })
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'runs the seed example: without -All only the first page is written' {
        @(Get-MgIdentityApiConnector).Count | Should -Be 2
    }

    It 'follows every page with -All' {
        @(Get-MgIdentityApiConnector -All).Count | Should -Be 5
    }

    It 'stops after -Top items, following pages as needed' {
        @(Get-MgIdentityApiConnector -Top 3 -PageSize 2).Count | Should -Be 3
    }

    It 'filters, sorts, skips and counts' {
        $names = @(Get-MgIdentityApiConnector -All -Filter "startswith(displayName,'al')" -Sort 'displayName desc' -CountVariable total | ForEach-Object -Process { $_.DisplayName })
        $names | Should -Be @('Alpine', 'alpha')
        $total | Should -Be 2
        @(Get-MgIdentityApiConnector -All -Sort 'displayName' -Skip 4).DisplayName | Should -Be @('Delta')
        @(Get-MgIdentityApiConnector -All -Search '"displayName:harl"').DisplayName | Should -Be @('Charlie')
    }

    It 'gets one connector by id, with -Property selecting fields' {
        $one = Get-MgIdentityApiConnector -IdentityApiConnectorId $created[0].Id -Property 'id', 'displayName'
        $one.DisplayName | Should -Be 'Bravo'
        $one.AuthenticationConfiguration | Should -BeNullOrEmpty
    }

    It 'gets a piped connector (GetViaIdentity)' {
        ($created[2] | Get-MgIdentityApiConnector).DisplayName | Should -Be 'Charlie'
    }

    It 'writes a not-found error with a stable ErrorId for an unknown id' {
        Get-MgIdentityApiConnector -IdentityApiConnectorId '00000000-0000-0000-0000-000000000000' -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.ApiConnectorGetFailed*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].Exception.Data['ApimErrorCode'] | Should -Be 'Request_ResourceNotFound'
    }

    It 'reports an unsupported filter as the service does' {
        Get-MgIdentityApiConnector -Filter "password eq 'x'" -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].Exception.Data['ApimErrorCode'] | Should -Be 'Request_UnsupportedQuery'
    }

    It 'never shows a password' {
        (Get-MgIdentityApiConnector -All | Format-List -Property * | Out-String) | Should -Not -Match 'MyPassword'
    }

    It 'sends -Headers and refuses a header the library owns, naming it without its value' {
        @(Get-MgIdentityApiConnector -All -Headers @{ ConsistencyLevel = 'eventual' }).Count | Should -Be 5
        Get-MgIdentityApiConnector -Headers @{ Authorization = 'Bearer pester-planted' } -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].Exception.Data['ApimTarget'] | Should -Be 'headers.Authorization'
        ($failures[0] | Out-String) | Should -Not -Match 'pester-planted'
    }
}
