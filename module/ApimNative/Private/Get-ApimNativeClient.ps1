function Get-ApimNativeClient {
    <#
    .SYNOPSIS
    Returns the cached native client for an endpoint and api-version, creating it on first use.

    .DESCRIPTION
    One native client (one connection pool, one token cache) serves every cmdlet call that targets
    the same endpoints and api-version. A client is made by apim_cmdlet_client_new from the
    endpoints and api-version and, when Connect-ApimNative chose one, the connection's native
    session ($script:ApimNativeConnection['Session']); the library decides how it signs in (the
    session's credential; without one, none for an endpoint on this machine and the default chain
    for Azure). Connect-ApimNative and Disconnect-ApimNative call Clear-ApimNativeClientCache so
    that clients built with old credentials are not reused.

    -ForGraph marks a client for the Graph cmdlets: whether it signs in at all is then decided by
    the Graph endpoint (an emulator on this machine needs no credential), not by the ARM endpoint it
    never calls.

    A client that cannot be created (bad options) is a terminating error on the calling cmdlet.
    #>
    # Not an advanced function on purpose: every network cmdlet call passes here, and binding an
    # advanced function's common parameters cost more than the cache look-up it does.
    param (
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        [string]
        $Endpoint,

        [string]
        $GraphEndpoint,

        [string]
        $ApiVersion,

        [switch]
        $ForGraph
    )

    $connection = $script:ApimNativeConnection
    if ($script:ApimNativeDryRunEndpoint) {
        # Inside Invoke-ApimNativeDryRun every call, ARM and Graph, goes to its emulator.
        $Endpoint = $script:ApimNativeDryRunEndpoint
        $GraphEndpoint = $script:ApimNativeDryRunEndpoint
    }
    if ($connection) {
        if (-not $Endpoint) {
            $Endpoint = $connection['ArmEndpoint']
        }
        if (-not $GraphEndpoint) {
            $GraphEndpoint = $connection['GraphEndpoint']
        }
    }
    if (-not $Endpoint) {
        $Endpoint = $script:ApimNativeDefaultArmEndpoint
    }

    # The common path: a client made before for the same endpoints and api-version.
    $key = $Endpoint + '|' + $GraphEndpoint + '|' + $ApiVersion + '|' + $ForGraph.IsPresent
    $client = $script:ApimNativeClients[$key]
    if ($null -ne $client) {
        return $client
    }

    # The environment as PowerShell sees it: on Linux and macOS, .NET keeps $env: changes from
    # native code, so AZURE_* set in a script would not reach the credential sources otherwise.
    # It may hold secrets: it is handed to the library and never printed.
    $parameters = @{
        Endpoint             = $Endpoint
        GraphEndpoint        = $GraphEndpoint
        ApiVersion           = $ApiVersion
        ForGraph             = $ForGraph.IsPresent
        EnvironmentVariables = [System.Environment]::GetEnvironmentVariables()
    }
    $session = $null
    if ($connection) {
        # The session supplies the credential (its secrets never come back to PowerShell) and the subscription.
        $session = $connection['Session']
    }
    $result = [ApimNative.Interop]::NewCmdletClient($session, $parameters, [ref]$client)
    if (-not $result.Ok) {
        $nativeError = ConvertFrom-Json -InputObject $result.Json
        $record = ConvertTo-ApimErrorRecord -NativeError $nativeError -Operation 'client_new' -TargetObject $Endpoint
        $Cmdlet.ThrowTerminatingError($record)
    }
    $script:ApimNativeClients[$key] = $client
    $client
}
