Describe 'New-AzApiManagementBackendServiceFabric' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'runs the Az example (without the -PassThru New-AzApiManagementBackend does not have)' {
        $ManagementEndpoints = 'https://sfbackend-01.net:443', 'https://sfbackend-02.net:443'
        $serviceFabric = New-AzApiManagementBackendServiceFabric -ManagementEndpoint  $ManagementEndpoints -ClientCertificateThumbprint '33CC47C6FCA848DC9B14A6F071C1EF7C' -ServerX509Name @{"CN=foobar.net" = @('33CC47C6FCA848DC9B14A6F071C1EF7C')}
        $serviceFabric.PSObject.TypeNames | Should -Contain 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementServiceFabric'
        $serviceFabric.ManagementEndpoints.Count | Should -Be 2
        $serviceFabric.ClientCertificateThumbprint | Should -Be '33CC47C6FCA848DC9B14A6F071C1EF7C'
        $serviceFabric.ServerX509Names['CN=foobar.net'] | Should -Be '33CC47C6FCA848DC9B14A6F071C1EF7C'

        $backend = New-AzApiManagementBackend -Context $context -BackendId 123 -Url 'fabric:/mytestapp/mytestservice' -Protocol http -ServiceFabricCluster $serviceFabric -Description "service fabric backend"
        $backend.ServiceFabricCluster.ManagementEndpoints.Count | Should -Be 2
        $backend.ServiceFabricCluster.ServerX509Names.Count | Should -Be 1
        $backend.Credentials | Should -BeNullOrEmpty
    }

    It 'keeps every element of an array ServerX509Name value (Az sent "System.Object[]")' {
        $serviceFabric = New-AzApiManagementBackendServiceFabric -ManagementEndpoint 'https://somecluster.com' -ClientCertificateThumbprint 'AA' -ServerX509Name @{ 'CN=a' = @('T1', 'T2') }
        (@($serviceFabric.ServerX509Names['CN=a']) -join ',') | Should -Be 'T1,T2'
    }

    It 'builds the REST example with a certificate id and binds ClientCertificateId from the pipeline' {
        $certificateId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/certificates/cert1'
        $serviceFabric = [PSCustomObject]@{ ClientCertificateId = $certificateId } |
            New-AzApiManagementBackendServiceFabric -ManagementEndpoint 'https://somecluster.com' -MaxPartitionResolutionRetry 5 -ServerX509Name @{ 'ServerCommonName1' = 'IssuerCertificateThumbprint1' }
        $serviceFabric.ClientCertificateId | Should -Be $certificateId
        $serviceFabric.MaxPartitionResolutionRetries | Should -Be 5
        $backend = New-AzApiManagementBackend -Context $context -BackendId sfbackend -Url 'fabric:/mytestapp/mytestservice' -Protocol http -ServiceFabricCluster $serviceFabric -Description 'Service Fabric Test App 1'
        $backend.ServiceFabricCluster.ClientCertificateId | Should -Be $certificateId
    }

    It 'reports a missing management endpoint value' {
        { New-AzApiManagementBackendServiceFabric -ManagementEndpoint @() -ClientCertificateThumbprint 'AA' } | Should -Throw
    }
}
