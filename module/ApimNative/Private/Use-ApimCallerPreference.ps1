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
    values are read and set by one call into the interop (CallerPreference.Apply). The builder
    cmdlets do not call this: a builder writes nothing a preference governs, and its one error is
    terminating ([ApimNative.Interop]::RunBuilder says why).

    -Debug sets $DebugPreference to Inquire in Windows PowerShell 5.1, which prompts after every
    DEBUG line and throws under -NonInteractive; the module writes DEBUG lines as information,
    never as a question, so Inquire becomes Continue (what Az does).

    Every public cmdlet starts here, so this is also where the format views load and the cleanup on
    Remove-Module is registered, on first use.
    #>
    # One call forwards them all into this scope and turns Inquire into Continue (CallerPreference.cs).
    if ([ApimNative.CallerPreference]::Apply($PSCmdlet)) {
        Import-ApimFormatData
        Register-ApimNativeCleanup
    }
}
