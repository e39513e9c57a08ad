# Issue 16: objects that come back from Import-Clixml, Start-Job | Receive-Job or a remote session
# carry "Deserialized." type names and are property bags; every parameter that takes the module's
# objects accepts them, as Az's do. These are the cases of New-/Get-/Set-/Remove-
# AzApiManagementBackend and Invoke-AzApiManagementBackendReconnect, whose [PSTypeName()]
# parameters carry [ApimNative.AcceptDeserialized()] (DeserializedBinding.cs); the other cmdlets'
# cases are in tests/pester/DeserializedObjects.Tests.ps1. Each case gives a cmdlet one deserialized object (made with
# PSSerializer, which is what Export-/Import-Clixml and remoting use) and checks the effect on the
# emulator, so a case that only binds but loses the object's values fails too.
Describe 'Deserialized objects (backend cmdlets)' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator


        $backendIds = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/'
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    BeforeEach {
        $null = New-TestBackend -Context $context -BackendId 'kept'
        $deserializedContext = ConvertTo-Deserialized $context
    }

    It 'Get-, New-, Set- and Remove-AzApiManagementBackend take a deserialized -Context' {
        (Get-AzApiManagementBackend -Context $deserializedContext -BackendId 'kept').BackendId | Should -Be 'kept'
        (New-AzApiManagementBackend -Context $deserializedContext -BackendId 'made' -Url 'https://made.contoso.com/' -Protocol http).BackendId | Should -Be 'made'
        (Set-AzApiManagementBackend -Context $deserializedContext -BackendId 'made' -Title 'titled' -PassThru).Title | Should -Be 'titled'
        Remove-AzApiManagementBackend -Context $deserializedContext -BackendId 'made' -PassThru | Should -BeTrue
    }

    It 'Invoke-AzApiManagementBackendReconnect takes a deserialized -Context and a piped deserialized backend' {
        { Invoke-AzApiManagementBackendReconnect -Context $deserializedContext -BackendId 'kept' -ErrorAction Stop } | Should -Not -Throw
        { ConvertTo-Deserialized (Get-AzApiManagementBackend -Context $context -BackendId 'kept') | Invoke-AzApiManagementBackendReconnect -ErrorAction Stop } | Should -Not -Throw
    }

    It 'a piped deserialized backend, edited, is applied by Set-AzApiManagementBackend (with its ETag)' {
        $read = ConvertTo-Deserialized (Get-AzApiManagementBackend -Context $context -BackendId 'kept')
        $read.Title = 'edited remotely'
        ($read | Set-AzApiManagementBackend -PassThru -ErrorAction Stop).Title | Should -Be 'edited remotely'
        $null = Set-AzApiManagementBackend -Context $context -BackendId 'kept' -Title 'changed meanwhile'
        $read | Set-AzApiManagementBackend -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].Exception.Data['ApimHttpStatus'] | Should -Be 412
    }

    It 'New-AzApiManagementBackend takes deserialized -Credential, -Proxy, -Tls, -CircuitBreaker and -ServiceFabricCluster' {
        $credential = ConvertTo-Deserialized (New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter 'remote-secret' -Header @{ 'x-k' = @('v') })
        $proxy = ConvertTo-Deserialized (New-AzApiManagementBackendProxy -Url 'http://192.168.1.1:8080')
        $tls = ConvertTo-Deserialized (New-AzApiManagementBackendTls -SkipCertificateChainValidation $true -SkipCertificateNameValidation $false)
        $rule = ConvertTo-Deserialized (New-AzApiManagementBackendCircuitBreakerRule -Name 'rule' -FailureCount 3 -FailureInterval ([timespan]::FromHours(1)) -FailureStatusCodeRange @(@{ Min = 500; Max = 599 }) -TripDuration ([timespan]::FromHours(1)))
        $made = New-AzApiManagementBackend -Context $context -BackendId 'parts' -Url 'https://parts.contoso.com/' -Protocol http -Credential $credential -Proxy $proxy -Tls $tls -CircuitBreaker @($rule) -ErrorAction Stop
        $made.Credentials.Authorization.Scheme | Should -Be 'basic'
        @($made.Credentials.Header['x-k']) | Should -Be @('v')
        $made.Proxy.Url | Should -Be 'http://192.168.1.1:8080'
        $made.Tls.ValidateCertificateChain | Should -BeFalse
        @($made.CircuitBreaker)[0].Name | Should -Be 'rule'
        $fabric = ConvertTo-Deserialized (New-AzApiManagementBackendServiceFabric -ManagementEndpoint 'https://cluster.contoso.com' -ClientCertificateId 'cert1' -ServerX509Name @{ 'CN' = 'EBA029198AA3E76EF0D70482626E5BCF148594A6' })
        (New-AzApiManagementBackend -Context $context -BackendId 'fabric' -Url 'fabric:/app/service' -Protocol http -ServiceFabricCluster $fabric -ErrorAction Stop).ServiceFabricCluster.ClientCertificateId | Should -Be 'cert1'
    }

    It 'New-AzApiManagementBackend takes a deserialized -Pool' {
        $pool = New-AzApiManagementBackendPool -Service (New-AzApiManagementBackendPoolItem -Id ($backendIds + 'kept') -Priority 1)
        $made = New-AzApiManagementBackend -Context $context -BackendId 'remote-pool' -Pool (ConvertTo-Deserialized $pool) -ErrorAction Stop
        @($made.Pool.Services)[0].Id | Should -Be ($backendIds + 'kept')
    }

    It 'Import-Clixml of an exported backend feeds Set-AzApiManagementBackend' {
        $path = [System.IO.Path]::Combine($TestDrive, 'backend.xml')
        Get-AzApiManagementBackend -Context $context -BackendId 'kept' | Export-Clixml -LiteralPath $path -Depth 3
        $imported = Import-Clixml -LiteralPath $path
        $imported.Description = 'from a file'
        ($imported | Set-AzApiManagementBackend -PassThru -ErrorAction Stop).Description | Should -Be 'from a file'
    }
}
