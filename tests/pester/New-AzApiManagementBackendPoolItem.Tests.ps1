Describe 'New-AzApiManagementBackendPoolItem' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator
        $backends = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends'
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'builds an item by id with priority, weight and carbon category' {
        $item = New-AzApiManagementBackendPoolItem -Id "$backends/sustainable-backend-europe-north" -PreferredCarbonEmission Medium -Priority 1 -Weight 1
        $item.PSObject.TypeNames | Should -Contain 'ApimNative.BackendPoolItem'
        $item.Id | Should -Be "$backends/sustainable-backend-europe-north"
        $item.Priority | Should -Be 1
        $item.Weight | Should -Be 1
        $item.PreferredCarbonEmission | Should -Be 'Medium'
    }

    It 'leaves out what was not given' {
        $item = New-AzApiManagementBackendPoolItem -Id "$backends/backend-1"
        $item.Priority | Should -BeNullOrEmpty
        $item.Weight | Should -BeNullOrEmpty
    }

    It 'takes backend objects and ids from the pipeline' {
        $null = New-TestBackend -Context $context -BackendId member1
        $fromObject = Get-AzApiManagementBackend -Context $context -BackendId member1 | New-AzApiManagementBackendPoolItem -Weight 50
        $fromObject.Id | Should -BeLike '*/backends/member1'
        $fromStrings = "$backends/backend-1", "$backends/backend-2" | New-AzApiManagementBackendPoolItem
        $fromStrings.Count | Should -Be 2
    }

    It 'rejects out-of-range values before anything is built' {
        { New-AzApiManagementBackendPoolItem -Id "$backends/backend-1" -Weight 101 } | Should -Throw
        { New-AzApiManagementBackendPoolItem -Id "$backends/backend-1" -PreferredCarbonEmission Green } | Should -Throw
    }
}
