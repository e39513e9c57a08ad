function Write-ApimExchange {
    <#
    .SYNOPSIS
    Writes one verbose line per HTTP exchange reported by the native library.

    .DESCRIPTION
    Each exchange is {method, url, status, requestId, elapsedMs, attempt}. Only these fields are
    printed: headers and bodies (which may hold secrets) never reach the verbose stream.
    #>
    [CmdletBinding()]
    param (
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

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
        $line = '{0} {1} -> {2} (request id {3}, {4} ms, attempt {5})' -f @(
            [string]$item.method, [string]$item.url, [string]$item.status, $requestId,
            [string]$item.elapsedMs, [string]$item.attempt)
        $Cmdlet.WriteVerbose($line)
    }
}
