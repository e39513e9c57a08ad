Describe 'Get-AzApiManagementBackend' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator
        foreach ($id in @('backend-1', 'backend-2', 'backend-3', 'other-1', '123')) {
            $null = New-TestBackend -Context $context -BackendId $id
        }
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'runs the seed examples: list all, then get one' {
        $apimContext = $context
        $all = Get-AzApiManagementBackend -Context $apimContext
        $all.Count | Should -Be 5
        $one = Get-AzApiManagementBackend -Context $apimContext -backendId 123
        $one.BackendId | Should -Be '123'
        $one.Url | Should -Be 'https://123.contoso.com/'
        $one.ETag | Should -Not -BeNullOrEmpty
    }

    It 'takes the context from the pipeline' {
        ($context | Get-AzApiManagementBackend).Count | Should -Be 5
    }

    It 'reads a backend by ResourceId, keeping its subscription and endpoint' {
        $resourceId = '{0}/subscriptions/{1}/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/backend-2' -f $emulator.BaseUrl, $TestSubscriptionId
        $backend = Get-AzApiManagementBackend -ResourceId $resourceId
        $backend.BackendId | Should -Be 'backend-2'
        $backend.SubscriptionId | Should -Be $TestSubscriptionId
    }

    It 'reports a ResourceId that is not a backend id' {
        { Get-AzApiManagementBackend -ResourceId '/subscriptions/s/resourceGroups/rg1' -ErrorAction Stop } | Should -Throw -ErrorId 'ApimNative.ResourceIdParseFailed*'
    }

    It 'writes a non-terminating ObjectNotFound error for a missing backend' {
        $result = Get-AzApiManagementBackend -Context $context -BackendId missing -ErrorAction SilentlyContinue -ErrorVariable failures
        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApimNative.BackendGetFailed*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'missing'
        $failures[0].ErrorDetails.Message | Should -Match 'Request id: '
        $failures[0].Exception.Data['ApimHttpStatus'] | Should -Be 404
        { Get-AzApiManagementBackend -Context $context -BackendId missing -ErrorAction Stop } | Should -Throw -ErrorId 'ApimNative.BackendGetFailed*'
    }

    It 'passes -Filter, -Top and -Skip to the service' {
        $filtered = Get-AzApiManagementBackend -Context $context -Filter "startswith(name, 'backend-')"
        $filtered.Count | Should -Be 3
        @(Get-AzApiManagementBackend -Context $context -Top 2).Count | Should -Be 2
        @(Get-AzApiManagementBackend -Context $context -Skip 4).Count | Should -Be 1
    }

    It 'follows nextLink across pages' {
        $paged = Start-TestEmulator -PageSize 10
        try {
            $pagedContext = New-TestContext -Emulator $paged
            foreach ($n in 1..30) {
                $null = New-TestBackend -Context $pagedContext -BackendId ('b{0:d2}' -f $n)
            }
            $verbose = Get-AzApiManagementBackend -Context $pagedContext -Verbose 4>&1
            $objects = @($verbose | Where-Object -FilterScript { $_ -isnot [System.Management.Automation.VerboseRecord] })
            $objects.Count | Should -Be 30
            $pages = @($verbose | Where-Object -FilterScript { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^GET .*/backends' })
            $pages.Count | Should -BeGreaterOrEqual 3
        }
        finally {
            Stop-ApimNativeEmulator -Emulator $paged
        }
    }

    It 'cancels the native call when the pipeline is stopped (Ctrl+C)' {
        # A server that accepts the connection and never answers: only a cancel ends the call
        # before the client's 100 s timeout.
        $listener = New-Object -TypeName System.Net.Sockets.TcpListener -ArgumentList @([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $shell = [powershell]::Create()
        try {
            $endpoint = 'http://127.0.0.1:{0}' -f $listener.LocalEndpoint.Port
            $null = $shell.AddScript({
                    param ($ModulePath, $Endpoint, $SubscriptionId)
                    Import-Module -Name $ModulePath
                    $hanging = New-AzApiManagementContext -ResourceGroupName rg1 -ServiceName apimService1 -SubscriptionId $SubscriptionId -Endpoint $Endpoint
                    Get-AzApiManagementBackend -Context $hanging -BackendId hangs
                }).AddArgument($modulePath).AddArgument($endpoint).AddArgument($TestSubscriptionId)
            $null = $shell.BeginInvoke()
            $polls = 0
            while (-not $listener.Pending() -and $polls -lt 600) {
                Start-Sleep -Milliseconds 100
                $polls++
            }
            $listener.Pending() | Should -BeTrue
            $socket = $listener.AcceptTcpClient()

            $shell.Stop()
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'

            # The native call was cancelled, so its connection is closed: reading ends with 0
            # bytes instead of running into the read timeout (an IOException fails the test).
            $socket.ReceiveTimeout = 30000
            $stream = $socket.GetStream()
            $buffer = New-Object -TypeName byte[] -ArgumentList 65536
            do {
                $read = $stream.Read($buffer, 0, $buffer.Length)
            } while ($read -gt 0)
            $read | Should -Be 0
            $socket.Close()
        }
        finally {
            $shell.Dispose()
            $listener.Stop()
        }
    }
}
