# Workspace backends (New-AzApiManagementContext -WorkspaceId, api-version 2025-03-01-preview) and
# the If-Match defaults of Set-/Remove-AzApiManagementBackend (the native library requires ifMatch
# for update and delete; the cmdlets pass * unless -IfMatch is given, as Az does).

Describe 'Workspace context' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $serviceContext = New-TestContext -Emulator $emulator
        $workspaceContext = New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'apimService1' -SubscriptionId $TestSubscriptionId -Endpoint $emulator.BaseUrl -WorkspaceId 'wks1'
        $otherWorkspace = New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'apimService1' -SubscriptionId $TestSubscriptionId -Endpoint $emulator.BaseUrl -WorkspaceId 'wks2'
        $workspacePath = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/workspaces/wks1/backends'
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'carries the workspace id' {
        $workspaceContext.WorkspaceId | Should -Be 'wks1'
        $serviceContext.WorkspaceId | Should -BeNullOrEmpty
    }

    It 'creates, reads, lists, updates and removes backends inside the workspace only' {
        $created = New-AzApiManagementBackend -Context $workspaceContext -BackendId 'sfbackend' -Url 'fabric:/mytestapp/mytestservice' -Protocol http -Description 'Service Fabric Test App 1'
        $created.Id | Should -Be "$workspacePath/sfbackend"
        $null = New-AzApiManagementBackend -Context $serviceContext -BackendId 'sfbackend' -Url 'https://service-level.contoso.com/' -Protocol http

        (Get-AzApiManagementBackend -Context $workspaceContext -BackendId 'sfbackend').Url | Should -Be 'fabric:/mytestapp/mytestservice'
        (Get-AzApiManagementBackend -Context $serviceContext -BackendId 'sfbackend').Url | Should -Be 'https://service-level.contoso.com/'
        @(Get-AzApiManagementBackend -Context $workspaceContext).Id | Should -Be @("$workspacePath/sfbackend")
        @(Get-AzApiManagementBackend -Context $serviceContext).Id | Should -Not -Contain "$workspacePath/sfbackend"
        @(Get-AzApiManagementBackend -Context $otherWorkspace).Count | Should -Be 0

        $updated = Set-AzApiManagementBackend -Context $workspaceContext -BackendId 'sfbackend' -Description 'patched in wks1' -PassThru
        $updated.Description | Should -Be 'patched in wks1'
        (Get-AzApiManagementBackend -Context $serviceContext -BackendId 'sfbackend').Description | Should -BeNullOrEmpty

        Remove-AzApiManagementBackend -Context $workspaceContext -BackendId 'sfbackend' -PassThru | Should -BeTrue
        Get-AzApiManagementBackend -Context $workspaceContext -BackendId 'sfbackend' -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        (Get-AzApiManagementBackend -Context $serviceContext -BackendId 'sfbackend').Url | Should -Be 'https://service-level.contoso.com/'
    }

    It 'keeps the workspace on objects it returns, so piping works inside it' {
        $null = New-AzApiManagementBackend -Context $workspaceContext -BackendId 'piped' -Url 'https://piped.contoso.com/' -Protocol http
        $backend = Get-AzApiManagementBackend -Context $workspaceContext -BackendId 'piped'
        $backend.Description = 'through the pipe'
        ($backend | Set-AzApiManagementBackend -PassThru).Description | Should -Be 'through the pipe'
    }

    It 'takes a workspace from an ARM id: a context from the workspace id, a backend by its id' {
        $fromId = New-AzApiManagementContext -ResourceId ('{0}/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/workspaces/wks1' -f $emulator.BaseUrl)
        $fromId.WorkspaceId | Should -Be 'wks1'
        (Get-AzApiManagementBackend -Context $fromId -BackendId 'piped').Description | Should -Be 'through the pipe'
        $byId = Get-AzApiManagementBackend -ResourceId ('{0}{1}/piped' -f $emulator.BaseUrl, $workspacePath)
        $byId.Id | Should -Be "$workspacePath/piped"
        $byId.Description | Should -Be 'through the pipe'
    }

    It 'shows the workspace URL with -WhatIf and sends nothing' {
        $text = Get-WhatIfText -ScriptBlock { New-AzApiManagementBackend -Context $workspaceContext -BackendId 'whatif-ws' -Url 'https://w.contoso.com/' -Protocol http -WhatIf }
        $text | Should -Match "backend 'whatif-ws' \(PUT http://127\.0\.0\.1:\d+/subscriptions/.+/service/apimService1/workspaces/wks1/backends/whatif-ws\?api-version="
        $text = Get-WhatIfText -ScriptBlock { Remove-AzApiManagementBackend -Context $workspaceContext -BackendId 'piped' -WhatIf }
        $text | Should -Match '/workspaces/wks1/backends/piped\?'
        Get-AzApiManagementBackend -Context $workspaceContext -BackendId 'whatif-ws' -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
    }

    It 'rejects a workspace id against the spec pattern before sending, naming workspaceId' {
        $bad = New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'apimService1' -SubscriptionId $TestSubscriptionId -Endpoint 'http://127.0.0.1:9' -WorkspaceId 'wks*1'
        Get-AzApiManagementBackend -Context $bad -BackendId 'b1' -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -Match 'workspaceId'
    }

    It 'refuses reconnect in a workspace (the spec has no workspace reconnect)' {
        $null = New-AzApiManagementBackend -Context $workspaceContext -BackendId 'noreconnect' -Url 'https://r.contoso.com/' -Protocol http
        Invoke-AzApiManagementBackendReconnect -Context $workspaceContext -BackendId 'noreconnect' -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].Exception.Message | Should -Match 'workspaceId'
    }
}

Describe 'If-Match defaults of Set- and Remove-AzApiManagementBackend' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'updates without -IfMatch (the cmdlet passes *; the library itself would refuse a PATCH without ifMatch)' {
        $null = New-TestBackend -Context $context -BackendId 'star'
        (Set-AzApiManagementBackend -Context $context -BackendId 'star' -Title 'unconditional' -PassThru).Title | Should -Be 'unconditional'
    }

    It 'removes without -IfMatch, and removing again is not an error (* on a missing backend)' {
        $null = New-TestBackend -Context $context -BackendId 'gone'
        Remove-AzApiManagementBackend -Context $context -BackendId 'gone' -PassThru | Should -BeTrue
        Remove-AzApiManagementBackend -Context $context -BackendId 'gone' -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 0
    }

    It 'sends -IfMatch when given: a stale ETag fails with 412 and keeps the backend' {
        $created = New-TestBackend -Context $context -BackendId 'tagged'
        $null = Set-AzApiManagementBackend -Context $context -BackendId 'tagged' -Title 'moved on'
        Remove-AzApiManagementBackend -Context $context -BackendId 'tagged' -IfMatch $created.ETag -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].Exception.Data['ApimHttpStatus'] | Should -Be 412
        (Get-AzApiManagementBackend -Context $context -BackendId 'tagged').Title | Should -Be 'moved on'
    }

    It 'fails with 412 for a specific ETag on a backend that does not exist' {
        Remove-AzApiManagementBackend -Context $context -BackendId 'never-there' -IfMatch '"AAAAAAAAAAE="' -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].Exception.Data['ApimHttpStatus'] | Should -Be 412
    }
}
