# Issue 16: objects that come back from Import-Clixml, Start-Job | Receive-Job or a remote session
# carry "Deserialized." type names and are property bags; the [PSTypeName()] parameters that take
# the module's objects accept them ([ApimNative.AcceptDeserialized()], DeserializedBinding.cs).
# The cases here are the cmdlets outside New-/Get-/Set-/Remove-AzApiManagementBackend and
# Invoke-AzApiManagementBackendReconnect, and the Graph connector as the identity of Update- and
# Remove-MgIdentityApiConnector (which take any object with an Id); each checks the effect, so a case that binds but loses
# the object's values fails too.
Describe 'Deserialized objects' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'SyncTestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))
        $emulator = Start-TestEmulator
        Connect-TestGraph -Emulator $emulator
        $context = New-TestContext -Emulator $emulator
        $null = New-TestBackend -Context $context -BackendId 'kept'
        $keptId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/kept'

    }

    AfterAll {
        Disconnect-ApimNative
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'Export-, Compare-, Test- and Sync-ApimNativeBackend and Invoke-ApimNativeDryRun take a deserialized -Context' {
        $deserializedContext = ConvertTo-Deserialized $context
        $files = New-TestDirectory
        $null = Export-ApimNativeBackend -Context $deserializedContext -Path $files -ErrorAction Stop
        [System.IO.File]::Exists([System.IO.Path]::Combine($files, 'kept.json')) | Should -BeTrue
        @(Compare-ApimNativeBackend -Context $deserializedContext -Path $files -ErrorAction Stop | Where-Object -FilterScript { $_.BackendId -eq 'kept' }).Action | Should -Be 'NoChange'
        Test-ApimNativeBackend -Context $deserializedContext -Path $files -ErrorAction Stop | Should -BeTrue
        @(Sync-ApimNativeBackend -Context $deserializedContext -Path $files -ErrorAction Stop).Outcome | Should -Be 'NoChange'
        $plan = @(Invoke-ApimNativeDryRun -Context $deserializedContext -ScriptBlock { New-AzApiManagementBackend -Context $context -BackendId 'dry' -Url 'https://dry.contoso.com/' -Protocol http } -ErrorAction Stop)
        @($plan | Where-Object -FilterScript { $_.BackendId -eq 'dry' }).Action | Should -Be 'Create'
        $deserializedContext | Test-ApimNativeBackend -Path $files -ErrorAction Stop | Should -BeTrue
    }

    It 'a context from Import-Clixml names the same service' {
        $path = [System.IO.Path]::Combine($TestDrive, 'context.xml')
        $context | Export-Clixml -LiteralPath $path
        $files = New-TestDirectory
        $null = Export-ApimNativeBackend -Context (Import-Clixml -LiteralPath $path) -Path $files -ErrorAction Stop
        @(Get-ChildItem -LiteralPath $files -Filter '*.json' | ForEach-Object -Process { $_.Name }) | Should -Be @('kept.json')
    }

    It 'New-AzApiManagementBackendPoolItem takes a deserialized -Backend, given or piped' {
        $backend = ConvertTo-Deserialized (Get-AzApiManagementBackend -Context $context -BackendId 'kept')
        (New-AzApiManagementBackendPoolItem -Backend $backend -Priority 2 -ErrorAction Stop).Id | Should -Be $keptId
        ($backend | New-AzApiManagementBackendPoolItem -ErrorAction Stop).Id | Should -Be $keptId
    }

    It 'New-AzApiManagementBackendPool takes deserialized -Service items, given as an array or piped' {
        $items = @(
            ConvertTo-Deserialized (New-AzApiManagementBackendPoolItem -Id $keptId -Priority 1 -Weight 3)
            ConvertTo-Deserialized (New-AzApiManagementBackendPoolItem -Id ($keptId + '2') -Priority 2)
        )
        $given = New-AzApiManagementBackendPool -Service $items -ErrorAction Stop
        @($given.Services | ForEach-Object -Process { $_.Id }) | Should -Be @($keptId, ($keptId + '2'))
        @($given.Services)[0].Weight | Should -Be 3
        $piped = $items | New-AzApiManagementBackendPool -ErrorAction Stop
        @($piped.Services).Count | Should -Be 2
        # The pool builds a backend as a live pool does.
        $made = New-AzApiManagementBackend -Context $context -BackendId 'remote-pool' -Pool (New-AzApiManagementBackendPool -Service $items[0]) -ErrorAction Stop
        @($made.Pool.Services)[0].Id | Should -Be $keptId
    }

    It 'still refuses an object of another type, as [PSTypeName()] does' {
        $other = ConvertTo-Deserialized ([PSCustomObject]@{ PSTypeName = 'Contoso.Thing'; Id = $keptId })
        # A typed parameter refuses it while converting (its members do not make the class) or at
        # the [PSTypeName()] check; either way it never binds.
        foreach ($call in @(
                { New-AzApiManagementBackendPool -Service @($other) -ErrorAction Stop }
                { Test-ApimNativeBackend -Context $other -Path $TestDrive -ErrorAction Stop })) {
            $refusal = $null
            try {
                & $call
            }
            catch {
                $refusal = $_.FullyQualifiedErrorId
            }
            $refusal | Should -Match '^(MismatchedPSTypeName|ParameterArgumentTransformationError)'
        }
    }

    It 'a deserialized connector pipes to Update- and Remove-MgIdentityApiConnector as their identity' {
        $connector = ConvertTo-Deserialized (New-TestConnector -DisplayName 'remote')
        $connector | Update-MgIdentityApiConnector -DisplayName 'renamed remotely' -ErrorAction Stop
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).DisplayName | Should -Be 'renamed remotely'
        $connector | Remove-MgIdentityApiConnector -ErrorAction Stop
        @(Get-MgIdentityApiConnector -All | Where-Object -FilterScript { $_.Id -eq $connector.Id }).Count | Should -Be 0
    }
}
