function New-ApimNativeClientOption {
    <#
    .SYNOPSIS
    Builds the native client options (a hashtable) for an endpoint, api-version and connection.

    .DESCRIPTION
    Which credential a client uses:
    - the credential chosen with Connect-ApimNative, when one was chosen: its session adds it
      (apim_session_client_new), so these options carry no auth;
    - otherwise, when the endpoint the client calls (-CredentialEndpoint: the ARM endpoint for
      ARM cmdlets, the Graph endpoint for Graph cmdlets) is on this machine (127.0.0.0/8, ::1,
      localhost: the emulator), no credential at all, because the local emulator needs none
      unless started with a token, and the default chain must not probe anything for it;
    - otherwise the default chain of the Azure SDKs (auth.kind 'default': environment, workload
      identity, managed identity, Azure CLI), so a runbook that never called Connect-ApimNative
      still signs in the way Az users expect.
    The subscription chosen with Connect-ApimNative is the session's too. The result holds the
    environment variables (which may be secrets): it is handed to the native library and never printed.
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
    # A connection whose session has a credential signs in with it: the session fills in auth
    # (and the subscription) when it makes the client, so no secret passes through here.
    $sessionSignsIn = $Connection -and $Connection['Session'] -and $Connection['Auth']
    if (-not $sessionSignsIn -and -not (Test-ApimNativeLoopbackEndpoint -Endpoint $CredentialEndpoint)) {
        $options['auth'] = @{ kind = 'default' }
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
