# The credential a client gets when the session never called Connect-ApimNative (issue 5: the
# default chain runs on first use) and when it did.
Describe 'New-ApimNativeClientOption' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
    }

    It 'uses the default credential chain for Azure when not connected' {
        InModuleScope ApimNative {
            $options = New-ApimNativeClientOption -Endpoint 'https://management.azure.com' -Connection $null
            $options['auth']['kind'] | Should -Be 'default'
        }
    }

    It 'sends no credential to the local emulator when not connected' -TestCases @(
        @{ Endpoint = 'http://127.0.0.1:5000' }
        @{ Endpoint = 'http://127.10.0.1:5000' }
        @{ Endpoint = 'http://localhost:5000' }
        @{ Endpoint = 'http://[::1]:5000' }
    ) {
        param ($Endpoint)
        InModuleScope ApimNative -Parameters @{ Endpoint = $Endpoint } {
            param ($Endpoint)
            $options = New-ApimNativeClientOption -Endpoint $Endpoint -Connection $null
            $options.ContainsKey('auth') | Should -BeFalse
        }
    }

    It 'leaves the credential and subscription of a Connect-ApimNative connection to its native session, also for Azure' {
        InModuleScope ApimNative {
            $null = Connect-ApimNative -AccessToken 'secret-token' -Subscription '11111111-1111-1111-1111-111111111111'
            try {
                $options = New-ApimNativeClientOption -Endpoint 'https://management.azure.com' -ApiVersion '2024-05-01' -Connection $script:ApimNativeConnection
                $options.ContainsKey('auth') | Should -BeFalse
                $options.ContainsKey('subscriptionId') | Should -BeFalse
                $options['apiVersion'] | Should -Be '2024-05-01'
                (ConvertTo-Json -InputObject $options -Depth 5) | Should -Not -Match 'secret-token'
            }
            finally {
                Disconnect-ApimNative
            }
        }
    }

    It 'treats a look-alike host as Azure, not as this machine' {
        InModuleScope ApimNative {
            Test-ApimNativeLoopbackEndpoint -Endpoint 'https://127.0.0.1.example.com' | Should -BeFalse
            Test-ApimNativeLoopbackEndpoint -Endpoint 'not a url' | Should -BeFalse
        }
    }
}
