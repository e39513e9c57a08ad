function Use-ApimCallerPreference {
    <#
    .SYNOPSIS
    Gives the calling public cmdlet the preference variables of the scope it was called from.
    Dot-source it as the cmdlet's first line: . Use-ApimCallerPreference

    .DESCRIPTION
    A script module's functions see the global preference variables, not those of the script that
    calls them: a runbook's script-scope $ErrorActionPreference = 'Stop', $WhatIfPreference = $true
    or $ConfirmPreference would not reach the cmdlets, so a 404 would not stop the runbook and a
    Remove would delete under WhatIf. Compiled cmdlets (Az) do see them. This copies each
    preference from the caller's session state ($PSCmdlet.SessionState is the caller's) into the
    public cmdlet's own scope, unless the matching common parameter was given, which wins as it
    does for Az.

    Why dot-sourced and not advanced: dot-sourced, its assignments are the cmdlet's own local
    variables, which is what forwarding needs; the earlier form set them with Set-Variable -Scope 1,
    eight cmdlet calls that cost more than the whole native call (1.2 ms against 40 us). The
    values are read by one call into the interop (CallerPreference.cs).

    -Debug sets $DebugPreference to Inquire in Windows PowerShell 5.1, which prompts after every
    DEBUG line and throws under -NonInteractive; the module writes DEBUG lines as information,
    never as a question, so Inquire becomes Continue (what Az does).

    Every public cmdlet starts here, so this is also where the format views load and the cleanup on
    Remove-Module is registered, on first use.
    #>
    if (-not $script:ApimNativeFormatsLoaded) {
        Import-ApimFormatData
        Register-ApimNativeCleanup
    }
    # One call reads them all (CallerPreference.cs): $null when the caller set nothing the cmdlet
    # does not already see, else $null at each value the cmdlet keeps.
    $ApimCallerValues = [ApimNative.CallerPreference]::Of($PSCmdlet)
    if ($null -ne $ApimCallerValues) {
        if ($null -ne $ApimCallerValues[0]) {
            $ErrorActionPreference = $ApimCallerValues[0]
        }
        if ($null -ne $ApimCallerValues[1]) {
            $WarningPreference = $ApimCallerValues[1]
        }
        if ($null -ne $ApimCallerValues[2]) {
            $InformationPreference = $ApimCallerValues[2]
        }
        if ($null -ne $ApimCallerValues[3]) {
            $VerbosePreference = $ApimCallerValues[3]
        }
        if ($null -ne $ApimCallerValues[4]) {
            $DebugPreference = $ApimCallerValues[4]
        }
        if ($null -ne $ApimCallerValues[5]) {
            $WhatIfPreference = $ApimCallerValues[5]
        }
        if ($null -ne $ApimCallerValues[6]) {
            $ConfirmPreference = $ApimCallerValues[6]
        }
        if ($null -ne $ApimCallerValues[7]) {
            $ProgressPreference = $ApimCallerValues[7]
        }
    }
    if ([string]$DebugPreference -eq 'Inquire') {
        $DebugPreference = [System.Management.Automation.ActionPreference]::Continue
    }
}
