function Invoke-ApimNativeCmdlet {
    <#
    .SYNOPSIS
    Runs a cmdlet's native function with the cmdlet's bound parameters and emits its output objects.

    .DESCRIPTION
    The one way a cmdlet reaches the library: the bound parameters go as they are (the interop
    writes them as JSON, leaving out the common parameters) to apim_<Function>, which maps them to
    the wire contract, sends what is needed and answers with the output objects, already typed.

    With -Client the call runs on the thread pool and this function waits in 100 ms steps, so that
    Ctrl+C (PipelineStoppedException between two waits) reaches the finally block, which cancels
    the call. Without -Client the function is a builder: no request, it runs at once.

    The HTTP exchanges go to the calling cmdlet's Verbose and Debug streams. The answer's variables
    (keyed by the parameter that names each, e.g. ResponseHeadersVariable) are set in the calling
    cmdlet's caller's scope, as the Graph cmdlets set theirs. A failure becomes an
    ErrorRecord written through the calling cmdlet (non-terminating per item, terminating under
    -ErrorAction Stop), or thrown with -Terminating.
    #>
    [CmdletBinding()]
    param (
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        # The C function name without the apim_ prefix, e.g. cmdlet_backend_get.
        [Parameter(Mandatory = $true)]
        [string]
        $Function,

        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $Parameters,

        [Parameter()]
        [object]
        $Client,

        [Parameter()]
        [object]
        $TargetObject,

        [Parameter()]
        [switch]
        $Terminating,

        # The operation the ErrorId names (ApimNative.<Operation>Failed) when it is not the
        # function's own, e.g. a ShouldProcess description failing for the cmdlet's operation.
        [Parameter()]
        [string]
        $Operation
    )

    $pending = [ApimNative.Interop]::BeginInvoke($Client, $Function, $Parameters)
    $finished = $false
    try {
        while (-not $pending.Wait(100)) {
            # Waiting in short steps keeps the pipeline responsive to Ctrl+C.
        }
        $finished = $true
    }
    finally {
        if (-not $finished -and $null -ne $Client) {
            [ApimNative.Interop]::Cancel($Client)
        }
    }

    $result = $pending.Result
    $answer = [ApimNative.ObjectJson]::Read($result.Json)
    if ($result.Ok) {
        if ($answer['exchanges'].Count -gt 0) {
            Write-ApimExchange -Exchange $answer['exchanges']
        }
        $variables = $answer['variables']
        if ($null -ne $variables) {
            foreach ($parameter in @($variables.Keys)) {
                $Cmdlet.SessionState.PSVariable.Set([string]$Parameters[$parameter], $variables[$parameter])
            }
        }
        foreach ($object in $answer['output']) {
            $object
        }
        return
    }

    if (-not $Operation) {
        $Operation = $Function -replace '^cmdlet_', ''
    }
    $record = ConvertTo-ApimErrorRecord -NativeError $answer -ErrorJson $result.Json -Operation $Operation -TargetObject $TargetObject -CommandName $Cmdlet.MyInvocation.MyCommand.Name
    if ($Terminating) {
        $Cmdlet.ThrowTerminatingError($record)
    }
    $Cmdlet.WriteError($record)
}
