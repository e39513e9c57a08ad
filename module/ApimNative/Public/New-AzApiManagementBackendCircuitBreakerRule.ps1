function New-AzApiManagementBackendCircuitBreakerRule {
    <#
    .SYNOPSIS
    Creates a circuit breaker rule for a backend.

    .DESCRIPTION
    Creates an in-memory ApimNative.BackendCircuitBreakerRule for New-AzApiManagementBackend or
    Set-AzApiManagementBackend -CircuitBreaker. The circuit opens (the gateway stops calling the
    backend for -TripDuration) when, within -FailureInterval, -FailureCount failures or
    -FailurePercentage percent failures happen; a failure is a response whose status code is in one
    of -FailureStatusCodeRange, or one of -FailureErrorReason. Nothing is sent; the native library
    validates the rule (for example that a count or a percentage is given, and the status code
    ranges). Durations are TimeSpans and travel as ISO 8601 durations. Az.ApiManagement has no
    cmdlet for circuit breakers.

    .PARAMETER Name
    The rule's name.

    .PARAMETER FailureCount
    Number of failures within -FailureInterval that opens the circuit.

    .PARAMETER FailurePercentage
    Percentage of failed requests within -FailureInterval that opens the circuit.

    .PARAMETER FailureInterval
    The window in which failures are counted.

    .PARAMETER FailureStatusCodeRange
    Status code ranges counted as failures, as hashtables @{ Min = 500; Max = 599 } (200-599).

    .PARAMETER FailureErrorReason
    Gateway error reasons counted as failures, for example BackendConnectionFailure.

    .PARAMETER TripDuration
    How long the circuit stays open.

    .PARAMETER AcceptRetryAfter
    Honour the backend's Retry-After header for the trip duration.

    .PARAMETER FailureResponseStatusCode
    Status code (100-599) the gateway answers while the circuit is open.

    .PARAMETER DefaultProfile
    Accepted for scripts written for Az and not used: sign-in comes from Connect-ApimNative (see about_ApimNative).

    .EXAMPLE
    PS C:\>$rule = New-AzApiManagementBackendCircuitBreakerRule -Name rule1 -FailureCount 5 -FailureInterval (New-TimeSpan -Minutes 1) -FailureStatusCodeRange @{ Min = 500; Max = 599 } -TripDuration (New-TimeSpan -Minutes 1) -AcceptRetryAfter
    PS C:\>New-AzApiManagementBackend -Context $apimContext -BackendId cb -Url 'https://backend.contoso.com/' -Protocol http -CircuitBreaker $rule

    Opens the circuit for a minute after 5 server errors within a minute.

    .EXAMPLE
    PS C:\>$rule = New-AzApiManagementBackendCircuitBreakerRule -Name throttled -FailurePercentage 50 -FailureInterval (New-TimeSpan -Seconds 30) -FailureStatusCodeRange @{ Min = 429; Max = 429 } -FailureErrorReason BackendConnectionFailure -TripDuration (New-TimeSpan -Seconds 30) -FailureResponseStatusCode 503
    PS C:\>Set-AzApiManagementBackend -Context $apimContext -BackendId cb -CircuitBreaker $rule

    Opens the circuit when half the calls within 30 seconds are throttled or cannot connect.

    .INPUTS
    None

    .OUTPUTS
    ApimNative.BackendCircuitBreakerRule

    .LINK
    New-AzApiManagementBackend

    .LINK
    Get-AzApiManagementBackend

    .LINK
    Set-AzApiManagementBackend

    .LINK
    Remove-AzApiManagementBackend

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(PositionalBinding = $false)]
    [OutputType('ApimNative.BackendCircuitBreakerRule', [ApimNative.Models.BackendCircuitBreakerRule])]
    param (
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]
        $Name,

        [Parameter()]
        [long]
        $FailureCount,

        [Parameter()]
        [ValidateRange(1, 100)]
        [int]
        $FailurePercentage,

        [Parameter(Mandatory = $true)]
        [timespan]
        $FailureInterval,

        [Parameter()]
        [hashtable[]]
        $FailureStatusCodeRange,

        [Parameter()]
        [string[]]
        $FailureErrorReason,

        [Parameter(Mandatory = $true)]
        [timespan]
        $TripDuration,

        [Parameter()]
        [switch]
        $AcceptRetryAfter,

        [Parameter()]
        [ValidateRange(100, 599)]
        [int]
        $FailureResponseStatusCode,

        [Parameter()]
        [Alias('AzContext', 'AzureRmContext', 'AzureCredential')]
        [ApimNative.Models.IAzureContextContainer]
        $DefaultProfile
    )

    # The whole call in one step of the interop: the builder run, its object written (no
    # preference governs what a builder does, see Interop.RunBuilder); what is left (the
    # session's first use, an error) Invoke-ApimNativeCmdlet finishes.
    $ApimAnswer = [ApimNative.Interop]::RunBuilder($PSCmdlet, 'cmdlet_backend_circuit_breaker_rule_new', $PSBoundParameters)
    if ($null -ne $ApimAnswer) {
        Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Answer $ApimAnswer -Terminating
    }
}
