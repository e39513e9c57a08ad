<#
.SYNOPSIS
Runs the seed examples as cmdlets, ARM and Graph, against the in-process emulator (build.ps1 -Task Demo).

.DESCRIPTION
Imports the ApimNative module of this repository (build it first: build.ps1 -Task Build; the Demo
task does), starts the emulator on 127.0.0.1 (a free port) with Start-ApimNativeEmulator, points
every cmdlet at it with Connect-ApimNative -Emulator, runs the Az.ApiManagement backend examples and
the Microsoft.Graph identity API connector examples exactly as the seeds print them, and stops the
emulator. Writes the objects each example returns. Nothing goes beyond 127.0.0.1 and no Azure
account is needed.
#>
[CmdletBinding()]
param ()

$ErrorActionPreference = 'Stop'
Import-Module -Name ([System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'module', 'ApimNative', 'ApimNative.psd1'))

$emulator = Start-ApimNativeEmulator
try {
    # The seeds name no subscription: the connection supplies one for every context.
    $null = Connect-ApimNative -Emulator $emulator -Subscription '00000000-0000-0000-0000-000000000000'
    Write-Information -MessageData ('Emulator listening on {0}' -f $emulator.BaseUrl) -InformationAction Continue

    Write-Information -MessageData '-- New-AzApiManagementBackendCredential / New-AzApiManagementBackend, Example 1' -InformationAction Continue
    $apimContext = New-AzApiManagementContext -ResourceGroupName "Api-Default-WestUS" -ServiceName "contoso"
    $credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter opensesame -Query @{"sv" = @('xx', 'bb'); "sr" = @('cc')} -Header @{"x-my-1" = @('val1', 'val2')}
    $backend = New-AzApiManagementBackend -Context  $apimContext -BackendId 123 -Url 'https://contoso.com/awesomeapi' -Protocol http -Title "first backend" -SkipCertificateChainValidation $true -Credential $credential -Description "my backend"
    Write-Output -InputObject $backend

    Write-Information -MessageData '-- Set-AzApiManagementBackend, Example 1' -InformationAction Continue
    Set-AzApiManagementBackend -Context $apimContext -BackendId 123 -Description "updated description" -PassThru

    Write-Information -MessageData '-- Set-AzApiManagementBackend, Example 2 (placeholders filled in)' -InformationAction Continue
    Set-AzApiManagementBackend -BackendId 123 -Context $apimContext -Credential $credential -Protocol http -ResourceId /subscriptions/subid/resourceGroups/Api-Default-West-US/providers/Microsoft.ApiManagement/service/contoso -Url 'https://contoso.com/awesomeapi'

    Write-Information -MessageData '-- New-AzApiManagementBackendProxy' -InformationAction Continue
    $secpassword = ConvertTo-SecureString -String "PlainTextPassword" -AsPlainText -Force
    $proxyCreds = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList @("foo", $secpassword)
    $proxy = New-AzApiManagementBackendProxy -Url "http://12.168.1.1:8080" -ProxyCredential $proxyCreds
    Set-AzApiManagementBackend -Context $apimContext -BackendId 123 -Proxy $proxy -PassThru

    Write-Information -MessageData '-- New-AzApiManagementBackendServiceFabric' -InformationAction Continue
    $serviceFabric = New-AzApiManagementBackendServiceFabric -ManagementEndpoint 'https://sfbackend-01.net:443', 'https://sfbackend-02.net:443' -ClientCertificateThumbprint '33CC47C6FCA848DC9B14A6F071C1EF7C' -ServerX509Name @{"CN=foobar.net" = @('33CC47C6FCA848DC9B14A6F071C1EF7C')}
    New-AzApiManagementBackend -Context $apimContext -BackendId sfbackend -Url 'fabric:/mytestapp/mytestservice' -Protocol http -ServiceFabricCluster $serviceFabric -Description "service fabric backend"

    Write-Information -MessageData '-- Get-AzApiManagementBackend (list, then by id)' -InformationAction Continue
    Get-AzApiManagementBackend -Context $apimContext
    Get-AzApiManagementBackend -Context $apimContext -BackendId 123

    Write-Information -MessageData '-- Beyond Az (seed 004): region, weighted / priority / carbon-aware pools, circuit breaker, TLS pinning' -InformationAction Continue
    $backends = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/Api-Default-WestUS/providers/Microsoft.ApiManagement/service/contoso/backends'
    foreach ($memberId in @('backend-1', 'backend-2', 'backend-3', 'backend-4', 'sustainable-backend-europe-north')) {
        $null = New-AzApiManagementBackend -Context $apimContext -BackendId $memberId -Url ('https://{0}.contoso.com/' -f $memberId) -Protocol http -AzureRegion northeurope
    }
    New-AzApiManagementBackend -Context $apimContext -BackendId azurebackend -Url 'https://backendname2644/' -Protocol http -AzureRegion northeurope
    $weighted = New-AzApiManagementBackendPool -Service @(
        New-AzApiManagementBackendPoolItem -Id "$backends/backend-1" -Weight 75
        New-AzApiManagementBackendPoolItem -Id "$backends/backend-2" -Weight 25)
    New-AzApiManagementBackend -Context $apimContext -BackendId weighted-load-balancer -Pool $weighted
    $priority = New-AzApiManagementBackendPool -Service @(
        New-AzApiManagementBackendPoolItem -Id "$backends/backend-1" -Priority 1
        New-AzApiManagementBackendPoolItem -Id "$backends/backend-2" -Priority 1
        New-AzApiManagementBackendPoolItem -Id "$backends/backend-3" -Priority 2
        New-AzApiManagementBackendPoolItem -Id "$backends/backend-4" -Priority 2)
    New-AzApiManagementBackend -Context $apimContext -BackendId priority-based-load-balancer -Pool $priority
    $carbonAware = New-AzApiManagementBackendPool -Service @(
        New-AzApiManagementBackendPoolItem -Id "$backends/sustainable-backend-europe-north" -PreferredCarbonEmission Medium -Priority 1 -Weight 1
        New-AzApiManagementBackendPoolItem -Id "$backends/backend-1" -Priority 1 -Weight 1)
    New-AzApiManagementBackend -Context $apimContext -BackendId carbonawareloadbalancerbackend -Pool $carbonAware
    $rule = New-AzApiManagementBackendCircuitBreakerRule -Name rule1 -FailureCount 5 -FailureInterval (New-TimeSpan -Minutes 1) -FailureStatusCodeRange @{ Min = 500; Max = 599 } -TripDuration (New-TimeSpan -Minutes 1) -AcceptRetryAfter
    $tls = New-AzApiManagementBackendTls -ServerCertificateThumbprint '1365083bae61ee876fc26850b825d05d3eb2e503'
    New-AzApiManagementBackend -Context $apimContext -BackendId cabackend -Url 'https://self-signed.badssl.com/' -Protocol http -Description 'Custom Assigned certificate Example' -Tls $tls -CircuitBreaker $rule
    Invoke-AzApiManagementBackendReconnect -Context $apimContext -BackendId cabackend -After (New-TimeSpan -Minutes 2) -PassThru

    Write-Information -MessageData '-- Optimistic concurrency: an edit based on a stale read fails with 412' -InformationAction Continue
    $first = Get-AzApiManagementBackend -Context $apimContext -BackendId azurebackend
    $second = Get-AzApiManagementBackend -Context $apimContext -BackendId azurebackend
    $first.Title = 'first session'
    $null = $first | Set-AzApiManagementBackend
    $second.Title = 'second session'
    $second | Set-AzApiManagementBackend -ErrorAction SilentlyContinue -ErrorVariable staleEdit
    Write-Information -MessageData ('Second session: {0}' -f $staleEdit[0].Exception.Message) -InformationAction Continue
    Get-AzApiManagementBackend -Context $apimContext -BackendId azurebackend

    Write-Information -MessageData '-- Remove-AzApiManagementBackend' -InformationAction Continue
    Remove-AzApiManagementBackend -Context $apimContext -BackendId sfbackend -PassThru
    Remove-AzApiManagementBackend -Context $apimContext -BackendId 123 -PassThru

    Write-Information -MessageData '-- New-MgIdentityApiConnector, Example 1 (basic authentication)' -InformationAction Continue
    $params = @{
        displayName = "Test API"
        targetUrl = "https://someapi.com/api"
        authenticationConfiguration = @{
            "@odata.type" = "#microsoft.graph.basicAuthentication"
            username = "MyUsername"
            password = "MyPassword"
        }
    }
    $basic = New-MgIdentityApiConnector -BodyParameter $params
    Write-Output -InputObject $basic

    Write-Information -MessageData '-- New-MgIdentityApiConnector, Example 2 (client certificate; the seed''s truncated pkcs12Value replaced by a real self-signed PFX)' -InformationAction Continue
    $rsa = [System.Security.Cryptography.RSA]::Create(2048)
    $request = New-Object -TypeName System.Security.Cryptography.X509Certificates.CertificateRequest -ArgumentList @(
        'CN=demo.contoso.example', $rsa, [System.Security.Cryptography.HashAlgorithmName]::SHA256,
        [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
    $now = [System.DateTimeOffset]::UtcNow
    $certificate = $request.CreateSelfSigned($now.AddDays(-1), $now.AddDays(365))
    $pfx = [Convert]::ToBase64String($certificate.Export([System.Security.Cryptography.X509Certificates.X509ContentType]::Pfx, 'CertificatePassword'))
    $params = @{
        displayName = "Test API"
        targetUrl = "https://someotherapi.com/api"
        authenticationConfiguration = @{
            "@odata.type" = "#microsoft.graph.pkcs12Certificate"
            pkcs12Value = $pfx
            password = "CertificatePassword"
        }
    }
    New-MgIdentityApiConnector -BodyParameter $params

    Write-Information -MessageData '-- Get-MgIdentityApiConnector (list, then by id)' -InformationAction Continue
    Get-MgIdentityApiConnector -All
    Get-MgIdentityApiConnector -IdentityApiConnectorId $basic.Id

    Write-Information -MessageData '-- Update-MgIdentityApiConnector, then Remove-MgIdentityApiConnector' -InformationAction Continue
    Update-MgIdentityApiConnector -IdentityApiConnectorId $basic.Id -DisplayName 'Renamed API'
    Get-MgIdentityApiConnector -IdentityApiConnectorId $basic.Id
    Remove-MgIdentityApiConnector -IdentityApiConnectorId $basic.Id -PassThru
}
finally {
    Disconnect-ApimNative
    Stop-ApimNativeEmulator -Emulator $emulator
}
