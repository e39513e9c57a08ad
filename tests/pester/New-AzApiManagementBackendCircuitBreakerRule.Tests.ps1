Describe 'New-AzApiManagementBackendCircuitBreakerRule' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $apimContext = New-TestContext -Emulator $emulator
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'builds a rule with TimeSpans and sends them as ISO 8601 durations' {
        $rule = New-AzApiManagementBackendCircuitBreakerRule -Name rule1 -FailureCount 5 -FailureInterval (New-TimeSpan -Minutes 1) -FailureStatusCodeRange @{ Min = 500; Max = 599 } -TripDuration (New-TimeSpan -Minutes 1) -AcceptRetryAfter
        $rule.PSObject.TypeNames | Should -Contain 'ApimNative.BackendCircuitBreakerRule'
        $rule.FailureInterval | Should -Be (New-TimeSpan -Minutes 1)
        $rule.AcceptRetryAfter | Should -BeTrue
        $backend = New-AzApiManagementBackend -Context $apimContext -BackendId cb -Url 'https://backend.contoso.com/' -Protocol http -CircuitBreaker $rule
        $backend.CircuitBreaker.Count | Should -Be 1
        $backend.CircuitBreaker[0].Name | Should -Be 'rule1'
        $backend.CircuitBreaker[0].TripDuration | Should -Be (New-TimeSpan -Minutes 1)
        $backend.CircuitBreaker[0].FailureStatusCodeRange[0]['Min'] | Should -Be 500
    }

    It 'builds a percentage rule with error reasons and a failure response' {
        $rule = New-AzApiManagementBackendCircuitBreakerRule -Name throttled -FailurePercentage 50 -FailureInterval (New-TimeSpan -Seconds 30) -FailureStatusCodeRange @{ Min = 429; Max = 429 } -FailureErrorReason BackendConnectionFailure -TripDuration (New-TimeSpan -Seconds 30) -FailureResponseStatusCode 503
        $rule.FailurePercentage | Should -Be 50
        $rule.FailureErrorReason | Should -Be @('BackendConnectionFailure')
        $rule.FailureResponseStatusCode | Should -Be 503
    }

    It 'reports an invalid status code range (native validation), naming the field' {
        try {
            New-AzApiManagementBackendCircuitBreakerRule -Name bad -FailureCount 1 -FailureInterval (New-TimeSpan -Minutes 1) -FailureStatusCodeRange @{ Min = 700; Max = 100 } -TripDuration (New-TimeSpan -Minutes 1)
            throw 'expected an error'
        }
        catch {
            $_.FullyQualifiedErrorId | Should -BeLike 'ApimNative.BackendCircuitBreakerRuleNewFailed*'
            $_.ErrorDetails.Message | Should -Match 'statusCodeRanges'
        }
    }
}
