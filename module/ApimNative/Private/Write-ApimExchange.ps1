function Write-ApimExchange {
    <#
    .SYNOPSIS
    Writes one verbose line and two DEBUG lines (request, response) per HTTP exchange reported by the
    native library.

    .DESCRIPTION
    Each exchange is {method, url, status, requestId, elapsedMs, attempt, delayMs}. Only these
    fields are printed: headers and bodies (which may hold secrets) never reach the verbose or debug
    streams, so nothing needs masking. The lines go through Write-Verbose and Write-Debug, which follow
    the calling cmdlet's -Verbose/-Debug and preference variables: $PSCmdlet.WriteVerbose under
    -Debug alone asks "Continue with this operation?" and throws under -NonInteractive.
    #>
    [CmdletBinding()]
    param (
        [Parameter()]
        [AllowNull()]
        [object[]]
        $Exchange
    )

    foreach ($item in @($Exchange)) {
        if ($null -eq $item) {
            continue
        }
        $requestId = [string]$item.requestId
        if (-not $requestId) {
            $requestId = '-'
        }
        $status = [string]$item.status
        if (-not $status) {
            $status = 'no response'
        }
        Write-Debug -Message ('HTTP request (attempt {0}): {1} {2}' -f [string]$item.attempt, [string]$item.method, [string]$item.url)
        $response = 'HTTP response: {0} (request id {1}, {2} ms)' -f $status, $requestId, [string]$item.elapsedMs
        if ($null -ne $item.delayMs) {
            $response += '; retried after {0} ms' -f [string]$item.delayMs
        }
        Write-Debug -Message $response
        $line = '{0} {1} -> {2} (request id {3}, {4} ms, attempt {5})' -f @(
            [string]$item.method, [string]$item.url, $status, $requestId,
            [string]$item.elapsedMs, [string]$item.attempt)
        Write-Verbose -Message $line
    }
}
