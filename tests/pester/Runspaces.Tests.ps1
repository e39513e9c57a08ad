# Several runspaces of one process (ForEach-Object -Parallel, as a runbook fans out) call the
# module at the same time against one emulator. The library runs a call made alone on its calling
# thread's own runtime and connections, and a call that overlaps another on the shared runtime
# (src/runtime.rs): both kinds happen here, on threads that come and go, and every call must see
# its own writes.
Describe 'Cmdlets in several runspaces of one process' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'four runspaces write, read and remove their own backends side by side' {
        $baseUrl = $emulator.BaseUrl
        $subscriptionId = $script:TestSubscriptionId
        $finished = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module -Name $using:modulePath
            $parallelContext = New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'apimService1' -SubscriptionId $using:subscriptionId -Endpoint $using:baseUrl
            $id = 'parallel-{0}' -f $_
            foreach ($round in 1..25) {
                $null = New-AzApiManagementBackend -Context $parallelContext -BackendId $id -Url ('https://{0}.contoso.com/' -f $id) -Protocol http -Description ('round {0}' -f $round)
                $read = Get-AzApiManagementBackend -Context $parallelContext -BackendId $id -ErrorAction Stop
                if ($read.Description -ne ('round {0}' -f $round)) {
                    throw ('{0} read "{1}" after writing round {2}' -f $id, $read.Description, $round)
                }
            }
            Remove-AzApiManagementBackend -Context $parallelContext -BackendId $id -ErrorAction Stop
            $id
        }
        ($finished | Sort-Object) | Should -Be @('parallel-1', 'parallel-2', 'parallel-3', 'parallel-4')

        # This runspace's thread goes on alone afterwards, and sees what the others left.
        $left = @(Get-AzApiManagementBackend -Context $context | Where-Object BackendId -Like 'parallel-*')
        $left.Count | Should -Be 0
        (New-TestBackend -Context $context -BackendId 'after-parallel').BackendId | Should -Be 'after-parallel'
    }
}
