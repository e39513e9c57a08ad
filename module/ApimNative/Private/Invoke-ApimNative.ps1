function Invoke-ApimNative {
    <#
    .SYNOPSIS
    Runs one client operation of the native library and returns its parsed result.

    .DESCRIPTION
    The request hashtable is serialised to JSON and handed to the native library, which validates it,
    builds the wire body, sends it and retries. The call runs on a worker thread; this function waits
    in 100 ms steps so that Ctrl+C (PipelineStoppedException between two waits) reaches the finally
    block, which cancels the native call.

    On success the parsed result JSON is returned ({status, etag, body} or {value, nextLink, count}).
    On failure an ErrorRecord (ConvertTo-ApimErrorRecord) is written through the calling cmdlet, so it
    is non-terminating per item and terminating under -ErrorAction Stop, and nothing is returned.
    Every HTTP exchange is written to the calling cmdlet's verbose stream.
    #>
    [CmdletBinding()]
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Client,

        # The C function name without the apim_ prefix, e.g. backend_get.
        [Parameter(Mandatory = $true)]
        [string]
        $Operation,

        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $Request,

        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        [Parameter()]
        [object]
        $TargetObject
    )

    $requestJson = ConvertTo-Json -InputObject $Request -Depth 20 -Compress
    $pending = [ApimNative.Interop]::BeginCall($Client, $Operation, $requestJson)
    $finished = $false
    try {
        while (-not $pending.Wait(100)) {
            # Waiting in short steps keeps the pipeline responsive to Ctrl+C.
        }
        $finished = $true
    }
    finally {
        if (-not $finished) {
            [ApimNative.Interop]::Cancel($Client)
        }
    }

    $result = $pending.Result
    $parsed = ConvertFrom-Json -InputObject $result.Json
    if ($result.Ok) {
        Write-ApimExchange -Exchange $parsed.exchanges
        return $parsed
    }

    $record = ConvertTo-ApimErrorRecord -NativeError $parsed -Operation $Operation -TargetObject $TargetObject -CommandName $Cmdlet.MyInvocation.MyCommand.Name
    $Cmdlet.WriteError($record)
}
