function ConvertFrom-ApimWireCircuitBreakerRule {
    <#
    .SYNOPSIS
    Wire circuit breaker rule -> ApimNative.BackendCircuitBreakerRule (durations as TimeSpan).
    #>
    [CmdletBinding()]
    [OutputType('ApimNative.BackendCircuitBreakerRule')]
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Wire
    )

    $condition = $Wire.failureCondition
    $count = $null
    $percentage = $null
    $interval = $null
    $ranges = $null
    $reasons = $null
    if ($null -ne $condition) {
        # Not $condition.count: every PowerShell object has an intrinsic Count of 1, so a rule
        # with a percentage would read back as having a count too.
        $countProperty = $condition.PSObject.Properties['count']
        if ($null -ne $countProperty) {
            $count = $countProperty.Value
        }
        $percentage = $condition.percentage
        $interval = ConvertFrom-ApimIsoDuration -Value $condition.interval
        if ($null -ne $condition.statusCodeRanges) {
            $ranges = [object[]]@($condition.statusCodeRanges | ForEach-Object -Process {
                    @{ Min = $_.min; Max = $_.max }
                })
        }
        if ($null -ne $condition.errorReasons) {
            $reasons = [string[]]@($condition.errorReasons)
        }
    }
    $failureStatusCode = $null
    if ($null -ne $Wire.failureResponse) {
        $failureStatusCode = $Wire.failureResponse.statusCode
    }
    [PSCustomObject]@{
        PSTypeName                = 'ApimNative.BackendCircuitBreakerRule'
        Name                      = [string]$Wire.name
        FailureCount              = $count
        FailurePercentage         = $percentage
        FailureInterval           = $interval
        FailureStatusCodeRange    = $ranges
        FailureErrorReason        = $reasons
        TripDuration              = ConvertFrom-ApimIsoDuration -Value $Wire.tripDuration
        AcceptRetryAfter          = $Wire.acceptRetryAfter
        FailureResponseStatusCode = $failureStatusCode
    }
}
