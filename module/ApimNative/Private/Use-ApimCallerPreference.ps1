function Use-ApimCallerPreference {
    <#
    .SYNOPSIS
    Gives the calling public cmdlet the preference variables of the scope it was called from.

    .DESCRIPTION
    A script module's functions see the global preference variables, not those of the script that
    calls them: a runbook's script-scope $ErrorActionPreference = 'Stop', $WhatIfPreference = $true
    or $ConfirmPreference would not reach the cmdlets, so a 404 would not stop the runbook and a
    Remove would delete under WhatIf. Compiled cmdlets (Az) do see them. This copies each
    preference from the caller's session state into the public cmdlet's own scope (Scope 1 seen
    from here), unless the matching common parameter was given, which wins as it does for Az.

    -Debug sets $DebugPreference to Inquire in Windows PowerShell 5.1, which prompts after every
    DEBUG line and throws under -NonInteractive; the module writes DEBUG lines as information,
    never as a question, so Inquire becomes Continue (what Az does).
    #>
    [CmdletBinding()]
    param (
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet
    )

    # Every public cmdlet starts here, so this is also where the format views load, on first use.
    if (-not $script:ApimNativeFormatsLoaded) {
        Import-ApimFormatData
    }

    $commonParameterOf = @{
        ErrorActionPreference       = 'ErrorAction'
        WarningPreference           = 'WarningAction'
        InformationPreference       = 'InformationAction'
        VerbosePreference           = 'Verbose'
        DebugPreference             = 'Debug'
        WhatIfPreference            = 'WhatIf'
        ConfirmPreference           = 'Confirm'
        ProgressPreference          = $null
    }
    $bound = $Cmdlet.MyInvocation.BoundParameters
    foreach ($name in @($commonParameterOf.Keys)) {
        $parameter = $commonParameterOf[$name]
        if ($null -ne $parameter -and $bound.ContainsKey($parameter)) {
            continue
        }
        $callerVariable = $Cmdlet.SessionState.PSVariable.Get($name)
        if ($null -ne $callerVariable) {
            Set-Variable -Name $name -Value $callerVariable.Value -Scope 1 -WhatIf:$false -Confirm:$false
        }
    }
    $debugVariable = Get-Variable -Name 'DebugPreference' -Scope 1 -ErrorAction SilentlyContinue
    if ($null -ne $debugVariable -and [string]$debugVariable.Value -eq 'Inquire') {
        Set-Variable -Name 'DebugPreference' -Value ([System.Management.Automation.ActionPreference]::Continue) -Scope 1 -WhatIf:$false -Confirm:$false
    }
}
