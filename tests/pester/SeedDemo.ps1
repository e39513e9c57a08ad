<#
.SYNOPSIS
Runs the seed examples as cmdlets against the in-process emulator (build.ps1 -Task Demo).

.DESCRIPTION
Expects the ApimNative module to be imported. Starts the emulator on 127.0.0.1 (a free port),
points New-AzApiManagementContext at it through $PSDefaultParameterValues so that the examples run
exactly as the seeds print them, runs them, and stops the emulator. Writes the objects each example
returns.
#>
[CmdletBinding()]
param ()

$ErrorActionPreference = 'Stop'
$emulator = $null
$started = [ApimNative.Interop]::StartEmulator('{"listen":"127.0.0.1:0"}', [ref]$emulator)
if (-not $started.Ok) {
    $exception = New-Object -TypeName System.InvalidOperationException -ArgumentList @(
        ('The emulator did not start: {0}' -f $started.Json))
    $PSCmdlet.ThrowTerminatingError((New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @(
                $exception, 'ApimNative.StartEmulatorFailed', [System.Management.Automation.ErrorCategory]::ResourceUnavailable, $null)))
}

$savedDefaults = $PSDefaultParameterValues.Clone()
try {
    $PSDefaultParameterValues['New-AzApiManagementContext:Endpoint'] = $emulator.BaseUrl
    $PSDefaultParameterValues['New-AzApiManagementContext:SubscriptionId'] = '00000000-0000-0000-0000-000000000000'
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
}
finally {
    $PSDefaultParameterValues.Clear()
    foreach ($key in $savedDefaults.Keys) {
        $PSDefaultParameterValues[$key] = $savedDefaults[$key]
    }
    Stop-ApimNativeEmulator -Emulator $emulator
}
