Describe 'New-AzApiManagementContext' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $contextType = 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext'
        $serviceId = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1'
    }

    It 'runs the seed example (ResourceGroupName and ServiceName)' {
        $apimContext = New-AzApiManagementContext -ResourceGroupName "Api-Default-WestUS" -ServiceName "contoso"
        $apimContext.PSObject.TypeNames | Should -Contain $contextType
        $apimContext.ResourceGroupName | Should -Be 'Api-Default-WestUS'
        $apimContext.ServiceName | Should -Be 'contoso'
        $apimContext.SubscriptionId | Should -BeNullOrEmpty
    }

    It 'keeps the subscription of a ResourceId (Az dropped it)' {
        $apimContext = New-AzApiManagementContext -ResourceId $serviceId
        $apimContext.SubscriptionId | Should -Be '11111111-2222-3333-4444-555555555555'
        $apimContext.ResourceGroupName | Should -Be 'rg1'
        $apimContext.ServiceName | Should -Be 'apimService1'
    }

    It 'takes the endpoint from a ResourceId that starts with one' {
        $apimContext = New-AzApiManagementContext -ResourceId ('http://127.0.0.1:5000{0}' -f $serviceId)
        $apimContext.Endpoint | Should -Be 'http://127.0.0.1:5000'
    }

    It 'reports a ResourceId that does not parse instead of returning empty names' {
        $result = New-AzApiManagementContext -ResourceId '/subscriptions/x/resourceGroups/rg1' -ErrorAction SilentlyContinue -ErrorVariable failures
        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.ResourceIdParseFailed*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        { New-AzApiManagementContext -ResourceId 'not an id' -ErrorAction Stop } | Should -Throw -ErrorId 'ApimNative.ResourceIdParseFailed*'
    }

    It 'rejects a SubscriptionId that contradicts the ResourceId' {
        { New-AzApiManagementContext -ResourceId $serviceId -SubscriptionId '99999999-0000-0000-0000-000000000000' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ApimNative.ResourceIdParseFailed*'
    }

    It 'accepts SubscriptionId, Endpoint and ApiVersion' {
        $apimContext = New-AzApiManagementContext -ResourceGroupName rg1 -ServiceName apimService1 -SubscriptionId $TestSubscriptionId -Endpoint 'http://127.0.0.1:5000/' -ApiVersion 2022-08-01
        $apimContext.Endpoint | Should -Be 'http://127.0.0.1:5000'
        $apimContext.ApiVersion | Should -Be '2022-08-01'
        { New-AzApiManagementContext -ResourceGroupName rg1 -ServiceName s -ApiVersion 2019-01-01 } | Should -Throw
    }

    It 'binds ResourceGroupName and ServiceName from the pipeline by property name' {
        $contexts = @(
            [PSCustomObject]@{ ResourceGroupName = 'rg1'; ServiceName = 'one' }
            [PSCustomObject]@{ ResourceGroupName = 'rg2'; ServiceName = 'two' }
        ) | New-AzApiManagementContext
        $contexts.Count | Should -Be 2
        $contexts[1].ServiceName | Should -Be 'two'
    }
}

Describe 'Environment variables set in PowerShell' {
    # On Linux and macOS, .NET keeps $env: changes from native code: without the module handing
    # its environment to the library, a runbook's $env:AZURE_SUBSCRIPTION_ID (or AZURE_CLIENT_ID,
    # ...) set in the script would be invisible to it.
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $saved = $env:AZURE_SUBSCRIPTION_ID
    }

    AfterAll {
        $env:AZURE_SUBSCRIPTION_ID = $saved
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'reach the library: AZURE_SUBSCRIPTION_ID names the subscription of a context without one' {
        $env:AZURE_SUBSCRIPTION_ID = '66666666-7777-8888-9999-000000000000'
        $context = New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'apimService1' -Endpoint $emulator.BaseUrl
        $backend = New-AzApiManagementBackend -Context $context -BackendId 'from-env' -Url 'https://env.contoso.example/' -Protocol http
        $backend.Id | Should -BeLike '/subscriptions/66666666-7777-8888-9999-000000000000/*'
    }
}
