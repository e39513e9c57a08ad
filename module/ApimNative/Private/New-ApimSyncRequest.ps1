function New-ApimSyncRequest {
    <#
    .SYNOPSIS
    Builds the request hashtable of a backend or API connector export, plan or sync.

    .DESCRIPTION
    The directory is resolved against PowerShell's current location (the native library runs in
    the process's working directory, which PowerShell does not change). The secret values, when
    given, are handed to the native library only; they are never written to any stream.
    The hashtable is validated by the native library, not here.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        # The service address (Resolve-ApimServiceAddress); absent for API connectors.
        [Parameter()]
        [System.Collections.IDictionary]
        $Address,

        [Parameter(Mandatory = $true)]
        [string]
        $Path,

        [Parameter()]
        [System.Collections.IDictionary]
        $Secret,

        [Parameter()]
        [switch]
        $Prune,

        [Parameter()]
        [int]
        $ThrottleLimit
    )

    $request = @{ path = $Cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path) }
    if ($null -ne $Address) {
        $request['resourceGroupName'] = $Address['ResourceGroupName']
        $request['serviceName'] = $Address['ServiceName']
        if ($Address['SubscriptionId']) {
            $request['subscriptionId'] = $Address['SubscriptionId']
        }
        if ($Address['WorkspaceId']) {
            # A workspace context: the workspace's backends.
            $request['workspaceId'] = $Address['WorkspaceId']
        }
    }
    if ($Prune) {
        $request['prune'] = $true
    }
    if ($ThrottleLimit -gt 0) {
        $request['throttleLimit'] = $ThrottleLimit
    }
    if ($null -ne $Secret -and $Secret.Count -gt 0) {
        $request['secrets'] = ConvertTo-ApimSecretMap -Secret $Secret
    }
    # The APIM_NATIVE_SECRET_* variables as PowerShell sees them: on Linux and macOS, .NET keeps
    # $env: changes to itself, so the native library would not see a variable set in the script.
    $environment = @{}
    $variables = [System.Environment]::GetEnvironmentVariables()
    foreach ($name in $variables.Keys) {
        if ([string]$name -like 'APIM_NATIVE_SECRET_*') {
            $environment[[string]$name] = [string]$variables[$name]
        }
    }
    $request['environment'] = $environment
    $request
}
