function Invoke-ApimNativeCmdlet {
    <#
    .SYNOPSIS
    Runs a cmdlet's native function with the cmdlet's bound parameters and emits its output objects.

    .DESCRIPTION
    The one way a cmdlet reaches the library: the bound parameters go as they are (the interop
    writes them as JSON, leaving out the common parameters) to apim_<Function>, which maps them to
    the wire contract, sends what is needed and answers with the output objects, already typed.

    The call runs on this thread (with -Client a request, without it a builder). Ctrl+C still
    stops it: the interop watches $Cmdlet.Stopping while the call is in flight and cancels the
    client's calls when the pipeline stops; PowerShell then stops at the next statement.

    The HTTP exchanges go to the calling cmdlet's Verbose and Debug streams, as the lines the library
    wrote for them. The answer's variables (keyed by the parameter that names each, e.g.
    ResponseHeadersVariable) are set in the calling cmdlet's caller's scope, as the Graph cmdlets
    set theirs. A failure becomes an
    ErrorRecord written through the calling cmdlet (non-terminating per item, terminating under
    -ErrorAction Stop), or thrown with -Terminating.

    -Answer finishes an answer that [ApimNative.Interop]::Run or RunBuilder left unfinished (a
    cmdlet's last call, made by the interop itself, which writes the output objects when nothing
    else is to do): the function and parameters are the answer's own, and the session's first-use
    work (format views, cleanup) is done first if it is still due.
    #>
    # Not an advanced function on purpose: every cmdlet call passes here, and binding an advanced
    # function's common parameters costs more than the builder's native call itself.
    param (
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        [string]
        $Function,

        [System.Collections.IDictionary]
        $Parameters,

        [object]
        $Client,

        [object]
        $TargetObject,

        [switch]
        $Terminating,

        # The operation the ErrorId names (ApimNative.<Operation>Failed) when it is not the
        # function's own, e.g. a ShouldProcess description failing for the cmdlet's operation.
        [string]
        $Operation,

        [ApimNative.CmdletAnswer]
        $Answer
    )

    if ($null -eq $Answer) {
        $Answer = [ApimNative.Interop]::Invoke($Cmdlet, $Client, $Function, $Parameters)
    }
    else {
        $Function = $Answer.Function
        $Parameters = $Answer.Parameters
        if (-not $script:ApimNativeFormatsLoaded) {
            Import-ApimFormatData
            Register-ApimNativeCleanup
        }
    }

    # The library wrote each exchange's lines (never a header or a body). Write-Debug and
    # Write-Verbose follow the cmdlet's -Verbose/-Debug and its forwarded preferences, and never
    # prompt, as $PSCmdlet.WriteVerbose would under -Debug. When both preferences are
    # SilentlyContinue neither would write anything, and the loop is skipped: each of its three
    # cmdlet calls per exchange cost about as much as an empty advanced function.
    if ($VerbosePreference -ne 'SilentlyContinue' -or $DebugPreference -ne 'SilentlyContinue') {
        foreach ($lines in $Answer.Exchanges) {
            foreach ($line in $lines['debug']) {
                Write-Debug -Message $line
            }
            Write-Verbose -Message $lines['verbose']
        }
    }
    if ($Answer.Ok) {
        if ($null -ne $Answer.Variables) {
            foreach ($parameter in @($Answer.Variables.Keys)) {
                $Cmdlet.SessionState.PSVariable.Set([string]$Parameters[$parameter], $Answer.Variables[$parameter])
            }
        }
        return $Answer.Output
    }

    if (-not $Operation) {
        $Operation = $Function -replace '^cmdlet_', ''
    }
    $record = ConvertTo-ApimErrorRecord -NativeError $Answer.Error -ErrorJson $Answer.ErrorJson -Operation $Operation -TargetObject $TargetObject
    if ($Terminating) {
        $Cmdlet.ThrowTerminatingError($record)
    }
    $Cmdlet.WriteError($record)
}
