# Issue 7: every request example of seed 004 (backend-create-or-update.md), built with cmdlets only,
# produces exactly the example's request body, and the emulator accepts it.

Describe 'Seed 004 examples built with cmdlets' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $apimContext = New-TestContext -Emulator $emulator
        $backends = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends'

        # The request body each cmdlet call sends, as a relay in front of the emulator sees it: the
        # body is built by the native library. The pools' members do not exist yet, so the emulator
        # may refuse a pool (an error, silenced here); the body sent is what is compared.
        $relay = Start-TestCountingRelay -Emulator $emulator
        function Get-BuiltRequestBody {
            param ([Parameter(Mandatory = $true)] [scriptblock] $ScriptBlock)
            $apimContext = New-TestContext -Emulator $relay
            $before = $relay.Requests.Count
            # Continue here whatever the runner's preference: the cmdlets honour the caller's
            # $ErrorActionPreference, and build.ps1 runs Pester under 'Stop'.
            $ErrorActionPreference = 'Continue'
            $null = & $ScriptBlock 2>$null
            $sent = @(@($relay.Requests)[$before..($relay.Requests.Count - 1)] | Where-Object -FilterScript { $_ -like 'PUT *' })
            $sent.Count | Should -Be 1
            ConvertFrom-Json -InputObject @($relay.Bodies)[$relay.Requests.IndexOf($sent[0], $before)]
        }

        # The seed writes "issuerCertificateThumbprint": null; the library sends only the members
        # that are set, which the service reads the same way.
        function Remove-NullMember {
            param ([AllowNull()] [object] $Value)
            if ($Value -is [System.Management.Automation.PSCustomObject]) {
                foreach ($property in @($Value.PSObject.Properties)) {
                    if ($null -eq $property.Value) {
                        $Value.PSObject.Properties.Remove($property.Name)
                    }
                    else {
                        $null = Remove-NullMember -Value $property.Value
                    }
                }
            }
            elseif ($Value -is [System.Array]) {
                foreach ($item in $Value) {
                    $null = Remove-NullMember -Value $item
                }
            }
            $Value
        }

        $examples = @{
            ApiManagementCreateBackendCustomAssignedCertificateThumbprint = {
                $tls = New-AzApiManagementBackendTls -ServerCertificateThumbprint '1365083bae61ee876fc26850b825d05d3eb2e503'
                New-AzApiManagementBackend -Context $apimContext -BackendId cabackend -Url 'https://self-signed.badssl.com/' -Protocol http -Description 'Custom Assigned certificate Example' -Tls $tls
            }
            ApiManagementCreateBackendCustomAssignedCertificateX509Names = {
                $tls = New-AzApiManagementBackendTls -ServerX509Name @{ '*.badssl.com' = $null }
                New-AzApiManagementBackend -Context $apimContext -BackendId cabackend -Url 'https://self-signed.badssl.com/' -Protocol http -Description 'Custom Assigned certificate Example' -Tls $tls
            }
            ApiManagementCreateBackendProxyBackend = {
                $credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme Basic -AuthorizationHeaderParameter opensesma -Header @{ 'x-my-1' = @('val1', 'val2') } -Query @{ 'sv' = @('xx', 'bb', 'cc') }
                $password = ConvertTo-SecureString -String '<password>' -AsPlainText -Force
                $proxy = New-AzApiManagementBackendProxy -Url 'http://192.168.1.1:8080' -ProxyCredential (New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList @('Contoso\admin', $password))
                New-AzApiManagementBackend -Context $apimContext -BackendId proxybackend -Url 'https://backendname2644/' -Protocol http -Description description5308 -Credential $credential -Proxy $proxy -SkipCertificateChainValidation $false -SkipCertificateNameValidation $false
            }
            ApiManagementCreateBackendServiceFabric = {
                $serviceFabric = New-AzApiManagementBackendServiceFabric -ManagementEndpoint 'https://somecluster.com' -ClientCertificateId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/certificates/cert1' -MaxPartitionResolutionRetry 5 -ServerX509Name @{ 'ServerCommonName1' = 'IssuerCertificateThumbprint1' }
                New-AzApiManagementBackend -Context $apimContext -BackendId sfbackend -Url 'fabric:/mytestapp/mytestservice' -Protocol http -ServiceFabricCluster $serviceFabric -Description 'Service Fabric Test App 1'
            }
            ApiManagementCreateBackendWithAzureRegion = {
                New-AzApiManagementBackend -Context $apimContext -BackendId azurebackend -Url 'https://backendname2644/' -Protocol http -AzureRegion northeurope
            }
            ApiManagementCreateBackendWithCarbonAwareLoadBalancer = {
                $pool = New-AzApiManagementBackendPool -Service @(
                    New-AzApiManagementBackendPoolItem -Id "$backends/sustainable-backend-europe-north" -PreferredCarbonEmission Medium -Priority 1 -Weight 1
                    New-AzApiManagementBackendPoolItem -Id "$backends/proxybackend" -Priority 1 -Weight 1)
                New-AzApiManagementBackend -Context $apimContext -BackendId carbonawareloadbalancerbackend -Pool $pool
            }
            ApiManagementCreateBackendWithPriorityBasedLoadBalancer = {
                $pool = New-AzApiManagementBackendPool -Service @(
                    New-AzApiManagementBackendPoolItem -Id "$backends/backend-1" -Priority 1
                    New-AzApiManagementBackendPoolItem -Id "$backends/backend-2" -Priority 1
                    New-AzApiManagementBackendPoolItem -Id "$backends/backend-3" -Priority 2
                    New-AzApiManagementBackendPoolItem -Id "$backends/backend-4" -Priority 2)
                New-AzApiManagementBackend -Context $apimContext -BackendId priority-based-load-balancer -Pool $pool
            }
            ApiManagementCreateBackendWithSimpleLoadBalancer = {
                $pool = New-AzApiManagementBackendPool -Service @(
                    New-AzApiManagementBackendPoolItem -Id "$backends/backend-1"
                    New-AzApiManagementBackendPoolItem -Id "$backends/backend-2")
                New-AzApiManagementBackend -Context $apimContext -BackendId simple-load-balancer -Pool $pool
            }
            ApiManagementCreateBackendWithWeightedLoadBalancer = {
                $pool = New-AzApiManagementBackendPool -Service @(
                    New-AzApiManagementBackendPoolItem -Id "$backends/backend-1" -Weight 75
                    New-AzApiManagementBackendPoolItem -Id "$backends/backend-2" -Weight 25)
                New-AzApiManagementBackend -Context $apimContext -BackendId weighted-load-balancer -Pool $pool
            }
        }
    }

    AfterAll {
        Stop-TestCountingRelay -Relay $relay
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'builds the request body of <_>' -ForEach @(
        'ApiManagementCreateBackendCustomAssignedCertificateThumbprint'
        'ApiManagementCreateBackendCustomAssignedCertificateX509Names'
        'ApiManagementCreateBackendProxyBackend'
        'ApiManagementCreateBackendServiceFabric'
        'ApiManagementCreateBackendWithAzureRegion'
        'ApiManagementCreateBackendWithCarbonAwareLoadBalancer'
        'ApiManagementCreateBackendWithPriorityBasedLoadBalancer'
        'ApiManagementCreateBackendWithSimpleLoadBalancer'
        'ApiManagementCreateBackendWithWeightedLoadBalancer'
    ) {
        $expected = ConvertTo-CanonicalJson -InputObject (Remove-NullMember -Value (Get-SeedRequestBody -Example $_))
        $built = ConvertTo-CanonicalJson -InputObject (Get-BuiltRequestBody -ScriptBlock $examples[$_])
        $built | Should -Be $expected
    }

    It 'sends <_> to the emulator, which accepts it' -ForEach @(
        'ApiManagementCreateBackendWithAzureRegion'
        'ApiManagementCreateBackendProxyBackend'
        'ApiManagementCreateBackendServiceFabric'
        'ApiManagementCreateBackendCustomAssignedCertificateThumbprint'
    ) {
        $backend = & $examples[$_]
        $backend | Should -Not -BeNullOrEmpty
        $backend.ETag | Should -Not -BeNullOrEmpty
    }

    It 'creates the pools once their member backends exist' {
        foreach ($id in @('backend-1', 'backend-2', 'backend-3', 'backend-4', 'sustainable-backend-europe-north', 'proxybackend')) {
            $null = New-AzApiManagementBackend -Context $apimContext -BackendId $id -Url ('https://{0}.contoso.com/' -f $id) -Protocol http -AzureRegion northeurope
        }
        foreach ($example in @('ApiManagementCreateBackendWithWeightedLoadBalancer', 'ApiManagementCreateBackendWithPriorityBasedLoadBalancer', 'ApiManagementCreateBackendWithSimpleLoadBalancer', 'ApiManagementCreateBackendWithCarbonAwareLoadBalancer')) {
            $pool = & $examples[$example]
            $pool.Type | Should -Be 'Pool'
            $pool.Pool.Services.Count | Should -BeGreaterThan 1
        }
    }
}
