function Register-ApimNativeCleanup {
    <#
    .SYNOPSIS
    Makes Remove-Module (and Import-Module -Force) free the native clients and the connection's session.

    .DESCRIPTION
    Registered by the first cmdlet call (Use-ApimCallerPreference), not at import: until a cmdlet
    has run there is no client or session to free, and setting OnRemove from the psm1 took three
    .NET member accesses, each a call site PowerShell compiles at import (see ApimNative.psm1).
    Through the session state rather than $MyInvocation.MyCommand.ScriptBlock.Module: two member
    lookups fewer.
    #>
    [CmdletBinding()]
    param ()

    $ExecutionContext.SessionState.Module.OnRemove = {
        Clear-ApimNativeClientCache
        if ($script:ApimNativeConnection -and $script:ApimNativeConnection['Session']) {
            $script:ApimNativeConnection['Session'].Dispose()
        }
    }
}
