Describe 'Invoke-ApimNativeDryRun' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $service = Start-TestEmulator
        $PSDefaultParameterValues['New-AzApiManagementContext:SubscriptionId'] = $script:TestSubscriptionId
        $context = New-AzApiManagementContext -ResourceGroupName 'Api-Default-WestUS' -ServiceName 'contoso' -Endpoint $service.BaseUrl
        $null = New-AzApiManagementBackend -Context $context -BackendId 123 -Url 'https://old.contoso.com/' -Protocol http -Title 'before'
        $null = New-AzApiManagementBackend -Context $context -BackendId 'untouched' -Url 'https://untouched.contoso.com/' -Protocol http
        function Get-ServiceState {
            @(Get-AzApiManagementBackend -Context $context | Sort-Object -Property BackendId | ForEach-Object -Process {
                    '{0}={1}' -f $_.BackendId, (Get-AzApiManagementBackend -Context $context -BackendId $_.BackendId).ETag
                }) -join ';'
        }
    }

    AfterAll {
        $PSDefaultParameterValues.Remove('New-AzApiManagementContext:SubscriptionId')
        Stop-ApimNativeEmulator -Emulator $service
    }

    It 'returns exactly the creates and updates of the seed examples, and the service sees only reads' {
        $before = Get-ServiceState
        $plan = @(Invoke-ApimNativeDryRun -Context $context -ScriptBlock {
                # The seed examples, unchanged (their context names no endpoint).
                $apimContext = New-AzApiManagementContext -ResourceGroupName "Api-Default-WestUS" -ServiceName "contoso"
                $credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter opensesame -Query @{"sv" = @('xx', 'bb'); "sr" = @('cc')} -Header @{"x-my-1" = @('val1', 'val2')}
                $backend = New-AzApiManagementBackend -Context  $apimContext -BackendId 123 -Url 'https://contoso.com/awesomeapi' -Protocol http -Title "first backend" -SkipCertificateChainValidation $true -Credential $credential -Description "my backend"
                Set-AzApiManagementBackend -Context $apimContext -BackendId 123 -Description "updated description" -PassThru
                $serviceFabric = New-AzApiManagementBackendServiceFabric -ManagementEndpoint 'https://sfbackend-01.net:443', 'https://sfbackend-02.net:443' -ClientCertificateThumbprint '33CC47C6FCA848DC9B14A6F071C1EF7C' -ServerX509Name @{"CN=foobar.net" = @('33CC47C6FCA848DC9B14A6F071C1EF7C')}
                New-AzApiManagementBackend -Context $apimContext -BackendId sfbackend -Url 'fabric:/mytestapp/mytestservice' -Protocol http -ServiceFabricCluster $serviceFabric -Description "service fabric backend"
                $backends = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/Api-Default-WestUS/providers/Microsoft.ApiManagement/service/contoso/backends'
                foreach ($memberId in @('backend-1', 'backend-2')) {
                    $null = New-AzApiManagementBackend -Context $apimContext -BackendId $memberId -Url ('https://{0}.contoso.com/' -f $memberId) -Protocol http -AzureRegion northeurope
                }
                $weighted = New-AzApiManagementBackendPool -Service @(
                    New-AzApiManagementBackendPoolItem -Id "$backends/backend-1" -Weight 75
                    New-AzApiManagementBackendPoolItem -Id "$backends/backend-2" -Weight 25)
                New-AzApiManagementBackend -Context $apimContext -BackendId weighted-load-balancer -Pool $weighted
            })
        $actions = @($plan | ForEach-Object -Process { '{0}:{1}' -f $_.BackendId, $_.Action }) -join ','
        $actions | Should -Be '123:Update,backend-1:Create,backend-2:Create,sfbackend:Create,weighted-load-balancer:Create'
        $plan[0].PSObject.TypeNames[0] | Should -Be 'ApimNative.BackendPlan'
        $update = $plan[0]
        ($update.Changes | Where-Object -FilterScript { $_.Path -eq 'description' }).New | Should -Be 'updated description'
        ($update.Changes | Where-Object -FilterScript { $_.Path -eq 'url' }).Old | Should -Be 'https://old.contoso.com/'
        ($update.Changes | Where-Object -FilterScript { $_.Path -eq 'credentials.authorization.parameter' }).Secret | Should -BeTrue
        ($plan | ConvertTo-Json -Depth 10).Contains('opensesame') | Should -BeFalse
        Get-ServiceState | Should -Be $before
        (Get-AzApiManagementBackend -Context $context -BackendId 123).Title | Should -Be 'before'
    }

    It 'points the cmdlets back at the service afterwards, also when the script fails' {
        { Invoke-ApimNativeDryRun -Context $context -ScriptBlock { throw 'the script broke' } } | Should -Throw '*the script broke*'
        (Get-AzApiManagementBackend -Context $context -BackendId 'untouched').BackendId | Should -Be 'untouched'
    }
}
