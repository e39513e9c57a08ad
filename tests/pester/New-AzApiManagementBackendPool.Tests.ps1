Describe 'New-AzApiManagementBackendPool' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $apimContext = New-TestContext -Emulator $emulator
        $backends = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends'
        foreach ($id in @('backend-1', 'backend-2')) {
            $null = New-TestBackend -Context $apimContext -BackendId $id
        }
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'runs the weighted example and creates the pool backend' {
        $pool = New-AzApiManagementBackendPool -Service @(
            New-AzApiManagementBackendPoolItem -Id "$backends/backend-1" -Weight 75
            New-AzApiManagementBackendPoolItem -Id "$backends/backend-2" -Weight 25)
        $pool.PSObject.TypeNames | Should -Contain 'ApimNative.BackendPool'
        $pool.Services.Count | Should -Be 2
        $backend = New-AzApiManagementBackend -Context $apimContext -BackendId weighted-load-balancer -Pool $pool
        $backend.Type | Should -Be 'Pool'
        ($backend.Pool.Services | ForEach-Object -Process { $_.Weight }) -join ',' | Should -Be '75,25'
    }

    It 'collects piped items and sets session affinity and the failure response' {
        $pool = "$backends/backend-1", "$backends/backend-2" | New-AzApiManagementBackendPoolItem | New-AzApiManagementBackendPool -SessionIdSource cookie -SessionIdName APIM-Session -FailureResponseStatusCode 503
        $pool.Services.Count | Should -Be 2
        $pool.SessionIdSource | Should -Be 'cookie'
        $pool.SessionIdName | Should -Be 'APIM-Session'
        $pool.FailureResponseStatusCode | Should -Be 503
    }

    It 'refuses to turn a Single backend into a pool with Set-AzApiManagementBackend -Pool, and New- replaces it' {
        # A PATCH keeps the stored url and protocol, and a pool may carry neither ("Url is not
        # supported for backend pool."): the merged backend is refused, nothing changes. Replacing
        # the backend (PUT) makes it a pool.
        $null = New-TestBackend -Context $apimContext -BackendId becomes-pool
        $pool = New-AzApiManagementBackendPool -Service (New-AzApiManagementBackendPoolItem -Id "$backends/backend-1")
        $failure = $null
        try {
            $null = Set-AzApiManagementBackend -Context $apimContext -BackendId becomes-pool -Pool $pool -PassThru -ErrorAction Stop
        }
        catch {
            $failure = $_
        }
        $failure | Should -Not -BeNullOrEmpty
        $failure.Exception.Message | Should -Match 'Url is not supported for backend pool'
        (Get-AzApiManagementBackend -Context $apimContext -BackendId becomes-pool).Type | Should -Not -Be 'Pool'
        $replaced = New-AzApiManagementBackend -Context $apimContext -BackendId becomes-pool -Pool $pool
        $replaced.Type | Should -Be 'Pool'
        $replaced.Pool.Services.Count | Should -Be 1
    }

    It 'rejects a pool without members' {
        { New-AzApiManagementBackendPool -Service @() } | Should -Throw
    }
}
