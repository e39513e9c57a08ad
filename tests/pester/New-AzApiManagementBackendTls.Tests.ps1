Describe 'New-AzApiManagementBackendTls' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $apimContext = New-TestContext -Emulator $emulator
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'is always complete: both validate flags default to true' {
        $tls = New-AzApiManagementBackendTls -ServerCertificateThumbprint '1365083bae61ee876fc26850b825d05d3eb2e503'
        $tls.PSObject.TypeNames | Should -Contain 'ApimNative.BackendTls'
        $tls.ValidateCertificateChain | Should -BeTrue
        $tls.ValidateCertificateName | Should -BeTrue
        $tls.ServerCertificateThumbprints | Should -Be @('1365083bae61ee876fc26850b825d05d3eb2e503')
    }

    It 'maps the Skip switches to the inverted validate flags' {
        $tls = New-AzApiManagementBackendTls -SkipCertificateNameValidation $true
        $tls.ValidateCertificateName | Should -BeFalse
        $tls.ValidateCertificateChain | Should -BeTrue
    }

    It 'pins X509 names on a backend (REST example with X509 names)' {
        $tls = New-AzApiManagementBackendTls -ServerX509Name @{ '*.badssl.com' = $null }
        $backend = New-AzApiManagementBackend -Context $apimContext -BackendId cabackend -Url 'https://self-signed.badssl.com/' -Protocol http -Description 'Custom Assigned certificate Example' -Tls $tls
        $backend.Tls.ServerX509Names.ContainsKey('*.badssl.com') | Should -BeTrue
        $backend.Properties['skipCertificateChainValidation'] | Should -BeFalse
    }

    It 'rejects serverCertificateThumbprints on an api-version that lacks them' {
        $oldContext = New-AzApiManagementContext -ResourceGroupName rg1 -ServiceName apimService1 -SubscriptionId $TestSubscriptionId -Endpoint $emulator.BaseUrl -ApiVersion 2022-08-01
        $tls = New-AzApiManagementBackendTls -ServerCertificateThumbprint 'AB'
        New-AzApiManagementBackend -Context $oldContext -BackendId oldapi -Url 'https://contoso.com/' -Protocol http -Tls $tls -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].ErrorDetails.Message | Should -Match '-Tls \(serverCertificateThumbprints\)'
        $failures[0].Exception.Message | Should -Match 'tls\.serverCertificateThumbprints'
    }
}
