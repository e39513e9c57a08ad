function New-ApimNativeClientOption {
    <#
    .SYNOPSIS
    Builds the native client options (a hashtable) for an endpoint, api-version and connection.

    .DESCRIPTION
    Which credential a client uses:
    - the credential chosen with Connect-ApimNative, when one was chosen;
    - otherwise, when the endpoint the client calls (-CredentialEndpoint: the ARM endpoint for
      ARM cmdlets, the Graph endpoint for Graph cmdlets) is on this machine (127.0.0.0/8, ::1,
      localhost: the emulator), no credential at all, because the local emulator needs none
      unless started with a token, and the default chain must not probe anything for it;
    - otherwise the default chain of the Azure SDKs (auth.kind 'default': environment, workload
      identity, managed identity, Azure CLI), so a runbook that never called Connect-ApimNative
      still signs in the way Az users expect.
    The result may hold a client secret: it is handed to the native library and never printed.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [string]
        $Endpoint,

        [Parameter()]
        [AllowNull()]
        [AllowEmptyString()]
        [string]
        $GraphEndpoint,

        [Parameter()]
        [AllowNull()]
        [AllowEmptyString()]
        [string]
        $ApiVersion,

        [Parameter()]
        [AllowNull()]
        [System.Collections.IDictionary]
        $Connection,

        [Parameter()]
        [AllowNull()]
        [AllowEmptyString()]
        [string]
        $CredentialEndpoint
    )

    if (-not $CredentialEndpoint) {
        $CredentialEndpoint = $Endpoint
    }

    $options = @{ armEndpoint = $Endpoint }
    if ($GraphEndpoint) {
        $options['graphEndpoint'] = $GraphEndpoint.TrimEnd('/')
    }
    if ($ApiVersion) {
        $options['apiVersion'] = $ApiVersion
    }
    if ($Connection -and $Connection['Auth']) {
        # Connect-ApimNative keeps secrets as SecureStrings; the native options take text.
        $auth = @{}
        foreach ($key in @($Connection['Auth'].Keys)) {
            $value = $Connection['Auth'][$key]
            if ($value -is [System.Security.SecureString]) {
                $value = (New-Object -TypeName System.Net.NetworkCredential -ArgumentList @('', $value)).Password
            }
            $auth[$key] = $value
        }
        $options['auth'] = $auth
    }
    elseif (-not (Test-ApimNativeLoopbackEndpoint -Endpoint $CredentialEndpoint)) {
        $options['auth'] = @{ kind = 'default' }
    }
    if ($Connection -and $Connection['SubscriptionId']) {
        $options['subscriptionId'] = [string]$Connection['SubscriptionId']
    }
    # The environment as PowerShell sees it: on Linux and macOS, .NET keeps $env: changes from
    # native code, so AZURE_* set in a script would not reach the credential sources otherwise.
    $environment = @{}
    $variables = [System.Environment]::GetEnvironmentVariables()
    foreach ($name in $variables.Keys) {
        $environment[[string]$name] = [string]$variables[$name]
    }
    $options['environment'] = $environment
    $options
}
