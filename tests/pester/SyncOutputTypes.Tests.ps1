# The file-sync cmdlets' objects fit their declared types (OutputTypes.cs): an object whose members
# did not fit would silently become a PSCustomObject (slower, and invisible to Get-Member).

Describe 'Declared output types of the file-sync cmdlets' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'SyncTestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator
        Connect-TestGraph -Emulator $emulator
        New-TestSyncBackends -Context $context
        $null = New-TestConnector -DisplayName 'typed sync'

        function Assert-Declared {
            param ($Object, [string]$TypeName)
            $Object | Should -Not -BeNullOrEmpty
            $Object.PSObject.TypeNames[0] | Should -Be $TypeName
            $Object.PSObject.BaseObject.GetType().FullName | Should -Be ($TypeName -replace '^ApimNative\.', 'ApimNative.Models.')
        }
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'export, plan (with changes and secrets) and sync results of backends' {
        $dir = New-TestDirectory
        Assert-Declared @(Export-ApimNativeBackend -Context $context -Path $dir)[0] 'ApimNative.ExportedBackend'
        $null = Set-AzApiManagementBackend -Context $context -BackendId 'billing' -Description 'typed'
        $secrets = @{ 'orders.authorizationParameter' = 'changed'; 'orders.header.x-api-key' = $script:SyncSecrets['orders.header.x-api-key'] }
        $plan = @(Compare-ApimNativeBackend -Context $context -Path $dir -Secret $secrets)
        foreach ($item in $plan) {
            Assert-Declared $item 'ApimNative.BackendPlan'
        }
        $orders = $plan | Where-Object -FilterScript { $_.BackendId -eq 'orders' }
        Assert-Declared $orders.Changes[0] 'ApimNative.PropertyChange'
        Assert-Declared $orders.Secrets[0] 'ApimNative.SecretStatus'
        $results = @(Sync-ApimNativeBackend -Context $context -Path $dir -Secret $secrets -Confirm:$false)
        foreach ($result in $results) {
            Assert-Declared $result 'ApimNative.BackendSyncResult'
        }
    }

    It 'export, plan and sync results of API connectors' {
        $dir = New-TestDirectory
        Assert-Declared @(Export-ApimNativeApiConnector -Path $dir)[0] 'ApimNative.ExportedApiConnector'
        $secrets = @{ 'typed_sync.password' = 'MyPassword' }
        Assert-Declared @(Compare-ApimNativeApiConnector -Path $dir -Secret $secrets -RotateSecret)[0] 'ApimNative.ApiConnectorPlan'
        Assert-Declared @(Sync-ApimNativeApiConnector -Path $dir -Secret $secrets -Confirm:$false)[0] 'ApimNative.ApiConnectorSyncResult'
    }
}
