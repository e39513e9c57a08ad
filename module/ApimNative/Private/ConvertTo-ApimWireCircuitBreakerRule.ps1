function ConvertTo-ApimWireCircuitBreakerRule {
    <#
    .SYNOPSIS
    ApimNative.BackendCircuitBreakerRule -> wire rule hashtable (TimeSpan -> ISO 8601 duration).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Rule
    )

    $condition = @{}
    if ($null -ne $Rule.FailureCount) {
        $condition['count'] = [long]$Rule.FailureCount
    }
    if ($null -ne $Rule.FailurePercentage) {
        $condition['percentage'] = [long]$Rule.FailurePercentage
    }
    if ($null -ne $Rule.FailureInterval) {
        $condition['interval'] = ConvertTo-ApimIsoDuration -Value $Rule.FailureInterval
    }
    if ($null -ne $Rule.FailureStatusCodeRange) {
        $condition['statusCodeRanges'] = [object[]]@($Rule.FailureStatusCodeRange | ForEach-Object -Process {
                @{ min = [int]$_['Min']; max = [int]$_['Max'] }
            })
    }
    if ($null -ne $Rule.FailureErrorReason) {
        $condition['errorReasons'] = [object[]]@($Rule.FailureErrorReason | ForEach-Object -Process { [string]$_ })
    }
    $wire = @{
        name             = [string]$Rule.Name
        failureCondition = $condition
    }
    if ($null -ne $Rule.TripDuration) {
        $wire['tripDuration'] = ConvertTo-ApimIsoDuration -Value $Rule.TripDuration
    }
    if ($null -ne $Rule.AcceptRetryAfter) {
        $wire['acceptRetryAfter'] = [bool]$Rule.AcceptRetryAfter
    }
    if ($null -ne $Rule.FailureResponseStatusCode) {
        $wire['failureResponse'] = @{ statusCode = [int]$Rule.FailureResponseStatusCode }
    }
    $wire
}
