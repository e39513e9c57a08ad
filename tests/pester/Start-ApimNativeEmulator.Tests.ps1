Describe 'Start-ApimNativeEmulator' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))

        function Get-FreeLoopbackPort {
            # A port nobody listens on right now: bind port 0, read what the system chose, let go.
            $probe = New-Object -TypeName System.Net.Sockets.TcpListener -ArgumentList @([System.Net.IPAddress]::Loopback, 0)
            $probe.Start()
            $port = $probe.LocalEndpoint.Port
            $probe.Stop()
            $port
        }
    }

    AfterEach {
        Disconnect-ApimNative
    }

    It 'starts on a free loopback port and serves ARM and Graph with no credential' {
        $emulator = Start-ApimNativeEmulator
        try {
            $emulator.PSObject.TypeNames | Should -Contain 'ApimNative.Emulator'
            $emulator.BaseUrl | Should -Match '^http://127\.0\.0\.1:\d+$'
            $emulator.BaseUrl | Should -BeLike ('*:{0}' -f $emulator.Port)
            $emulator.Path | Should -BeNullOrEmpty

            Connect-ApimNative -Emulator $emulator | Out-Null
            $apimContext = New-AzApiManagementContext -ResourceGroupName 'Api-Default-WestUS' -ServiceName 'contoso' -SubscriptionId $TestSubscriptionId
            $null = New-AzApiManagementBackend -Context $apimContext -BackendId 123 -Url 'https://contoso.com/awesomeapi' -Protocol http
            (Get-AzApiManagementBackend -Context $apimContext -BackendId 123).Url | Should -Be 'https://contoso.com/awesomeapi'
            $connector = New-TestConnector -DisplayName 'Emulated'
            (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).DisplayName | Should -Be 'Emulated'
        }
        finally {
            Stop-ApimNativeEmulator -Emulator $emulator
        }
    }

    It 'listens on the -Port given' {
        $port = Get-FreeLoopbackPort
        $emulator = Start-ApimNativeEmulator -Port $port
        try {
            $emulator.Port | Should -Be $port
            $emulator.BaseUrl | Should -Be ('http://127.0.0.1:{0}' -f $port)
        }
        finally {
            Stop-ApimNativeEmulator -Emulator $emulator
        }
    }

    It 'fails clearly when the port is taken' {
        $first = Start-ApimNativeEmulator
        try {
            { Start-ApimNativeEmulator -Port $first.Port -ErrorAction Stop } | Should -Throw -ErrorId 'ApimNative.EmulatorStartFailed*'
        }
        finally {
            Stop-ApimNativeEmulator -Emulator $first
        }
    }

    It 'keeps its data in -Path across a restart' {
        $dataDir = [System.IO.Path]::Combine($TestDrive, 'emulator-data')
        $null = New-Item -Path $dataDir -ItemType Directory -Force
        $first = Start-ApimNativeEmulator -Path $dataDir
        $first.Path | Should -Be $dataDir
        $context = New-TestContext -Emulator $first
        $null = New-TestBackend -Context $context -BackendId 'kept'
        Stop-ApimNativeEmulator -Emulator $first

        $second = Start-ApimNativeEmulator -Path $dataDir
        try {
            $context = New-TestContext -Emulator $second
            (Get-AzApiManagementBackend -Context $context -BackendId 'kept').BackendId | Should -Be 'kept'
        }
        finally {
            Stop-ApimNativeEmulator -Emulator $second
        }
    }

    It 'pages lists by -PageSize' {
        $emulator = Start-ApimNativeEmulator -PageSize 2
        try {
            Connect-ApimNative -Emulator $emulator | Out-Null
            foreach ($name in @('one', 'two', 'three')) {
                $null = New-TestConnector -DisplayName $name
            }
            @(Get-MgIdentityApiConnector).Count | Should -Be 2
            @(Get-MgIdentityApiConnector -All).Count | Should -Be 3
        }
        finally {
            Stop-ApimNativeEmulator -Emulator $emulator
        }
    }

    It 'answers 401 without the -RequiredToken and never shows it' {
        $token = 'pester-emulator-token-4321'
        $emulator = Start-ApimNativeEmulator -RequiredToken $token -Verbose 4>&1 | Where-Object -FilterScript { $_ -isnot [System.Management.Automation.VerboseRecord] }
        try {
            ($emulator | Format-List -Property * | Out-String) | Should -Not -Match $token
            $context = New-TestContext -Emulator $emulator
            Get-AzApiManagementBackend -Context $context -ErrorAction SilentlyContinue -ErrorVariable failures
            $failures.Count | Should -Be 1
            $failures[0].Exception.Data['ApimHttpStatus'] | Should -Be 401
            $null = Connect-ApimNative -AccessToken $token
            { Get-AzApiManagementBackend -Context $context -ErrorAction Stop } | Should -Not -Throw
        }
        finally {
            Stop-ApimNativeEmulator -Emulator $emulator
        }
    }

    It 'lists the -Subscription subscriptions, as ARM does, for name lookups' {
        $emulator = Start-ApimNativeEmulator -Subscription @{ '00000000-0000-0000-0000-00000000f001' = 'Contoso Production'; 42 = 'Numbered' }
        try {
            $listed = Invoke-RestMethod -Uri ($emulator.BaseUrl + '/subscriptions?api-version=2022-12-01') -NoProxy
            @($listed.value | ForEach-Object -Process { '{0}={1}' -f $_.subscriptionId, $_.displayName }) |
                Should -Be @('00000000-0000-0000-0000-00000000f001=Contoso Production', '42=Numbered')
        }
        finally {
            Stop-ApimNativeEmulator -Emulator $emulator
        }
        $plain = Start-ApimNativeEmulator
        try {
            @((Invoke-RestMethod -Uri ($plain.BaseUrl + '/subscriptions?api-version=2022-12-01') -NoProxy).value).Count | Should -Be 0
        }
        finally {
            Stop-ApimNativeEmulator -Emulator $plain
        }
    }
}
