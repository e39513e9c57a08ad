# The credential a cmdlet's client gets when the session never called Connect-ApimNative (issue 5:
# the default chain runs on first use) and when it did. The choice moved from the module's
# New-ApimNativeClientOption into the library (issue 17: apim_cmdlet_client_new), so these tests ask
# the library, through the interop call Get-ApimNativeClient makes, which credential each client
# got (the summary's "credential"); nothing here signs in or sends a request.
Describe 'Get-ApimNativeClient' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))

        function Get-ClientCredential {
            param ($Session, [hashtable] $Parameters)
            $client = $null
            $result = [ApimNative.Interop]::NewCmdletClient($Session, $Parameters, [ref]$client)
            try {
                $result.Ok | Should -BeTrue -Because $result.Json
                (ConvertFrom-Json -InputObject $result.Json).credential
            }
            finally {
                $client.Dispose()
            }
        }
    }

    AfterEach {
        Disconnect-ApimNative
    }

    It 'uses the default credential chain for Azure when not connected' {
        Get-ClientCredential -Session $null -Parameters @{ Endpoint = 'https://management.azure.com' } | Should -Be 'defaultChain'
    }

    It 'sends no credential to the local emulator when not connected' -TestCases @(
        @{ Endpoint = 'http://127.0.0.1:5000' }
        @{ Endpoint = 'http://127.10.0.1:5000' }
        @{ Endpoint = 'http://localhost:5000' }
        @{ Endpoint = 'http://[::1]:5000' }
    ) {
        param ($Endpoint)
        Get-ClientCredential -Session $null -Parameters @{ Endpoint = $Endpoint } | Should -Be 'none'
    }

    It 'decides a Graph client by its Graph endpoint, not by the ARM endpoint it never calls' {
        Get-ClientCredential -Session $null -Parameters @{ Endpoint = 'https://management.azure.com'; GraphEndpoint = 'http://127.0.0.1:5000'; ForGraph = $true } | Should -Be 'none'
        Get-ClientCredential -Session $null -Parameters @{ Endpoint = 'http://127.0.0.1:5000'; ForGraph = $true } | Should -Be 'defaultChain'
    }

    It 'leaves the credential of a Connect-ApimNative connection to its native session, also for Azure' {
        $connection = Connect-ApimNative -AccessToken 'secret-token' -Subscription '11111111-1111-1111-1111-111111111111'
        $session = & (Get-Module -Name ApimNative) { $script:ApimNativeConnection['Session'] }
        Get-ClientCredential -Session $session -Parameters @{ Endpoint = 'https://management.azure.com'; ApiVersion = '2024-05-01' } | Should -Be 'session'
        $connection.SubscriptionId | Should -Be '11111111-1111-1111-1111-111111111111'
    }

    It 'treats a look-alike host as Azure, not as this machine, and names -Endpoint when it is no URL' {
        Get-ClientCredential -Session $null -Parameters @{ Endpoint = 'https://127.0.0.1.example.com' } | Should -Be 'defaultChain'
        $client = $null
        $result = [ApimNative.Interop]::NewCmdletClient($null, @{ Endpoint = 'not a url' }, [ref]$client)
        $result.Ok | Should -BeFalse
        (ConvertFrom-Json -InputObject $result.Json).message | Should -Match '-Endpoint'
    }

    It 'keeps one client per endpoint, api-version and purpose' {
        $emulator = Start-TestEmulator
        try {
            $null = Connect-ApimNative -Emulator $emulator
            & (Get-Module -Name ApimNative) {
                param ($Endpoint)
                function Invoke-ClientProbe {
                    [CmdletBinding()]
                    param ($Endpoint)
                    $first = Get-ApimNativeClient -Cmdlet $PSCmdlet -Endpoint $Endpoint -ApiVersion '2024-05-01'
                    $again = Get-ApimNativeClient -Cmdlet $PSCmdlet -Endpoint $Endpoint -ApiVersion '2024-05-01'
                    [object]::ReferenceEquals($first, $again) | Should -BeTrue
                    $graph = Get-ApimNativeClient -Cmdlet $PSCmdlet -ForGraph
                    [object]::ReferenceEquals($first, $graph) | Should -BeFalse
                    $script:ApimNativeClients.Count | Should -Be 2
                }
                Invoke-ClientProbe -Endpoint $Endpoint
            } $emulator.BaseUrl
        }
        finally {
            Stop-ApimNativeEmulator -Emulator $emulator
        }
    }
}
