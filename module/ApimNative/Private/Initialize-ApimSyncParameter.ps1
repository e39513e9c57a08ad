function Initialize-ApimSyncParameter {
    <#
    .SYNOPSIS
    Adds to a sync cmdlet's bound parameters what only PowerShell knows, after checking -Secret.

    .DESCRIPTION
    -Secret is checked first (every value a string or a SecureString), as a terminating error
    ApimNative.SecretMapFailed naming the key, never the value. Then -Path is resolved against
    PowerShell's current location (the native library runs in the process's working directory,
    which PowerShell does not change), and ProcessEnvironment is the environment as PowerShell
    sees it: on Linux and macOS .NET keeps $env: changes to itself, so the native library would
    not see a variable set in the script. The library picks the variables it resolves
    placeholders from; nothing here is written to any stream.
    #>
    [CmdletBinding()]
    param (
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $Parameters
    )

    $null = Invoke-ApimNativeCmdlet -Cmdlet $Cmdlet -Function 'cmdlet_secret_map' -Parameters $Parameters -Terminating
    $Parameters['Path'] = $Cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath([string]$Parameters['Path'])
    $Parameters['ProcessEnvironment'] = [System.Environment]::GetEnvironmentVariables()
}
