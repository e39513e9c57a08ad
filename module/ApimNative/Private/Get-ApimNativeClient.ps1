function Get-ApimNativeClient {
    <#
    .SYNOPSIS
    Returns the cached native client for an endpoint and api-version, creating it on first use.

    .DESCRIPTION
    One native client (one connection pool, one token cache) serves every cmdlet call that targets
    the same endpoints and api-version. Clients are created from the connection chosen by
    Connect-ApimNative ($script:ApimNativeConnection: a hashtable with keys Session (the native
    session handle holding the credential and subscription), Auth (the credential without its
    secrets, absent when the session has none), Kind, and optional SubscriptionId (when given as
    an id), ArmEndpoint, GraphEndpoint); those clients are made by the session. Without a
    connection, New-ApimNativeClientOption picks the default credential chain for Azure and no
    credential for the local emulator.
    Connect-ApimNative and Disconnect-ApimNative call Clear-ApimNativeClientCache so that clients
    built with old credentials are not reused.

    -ForGraph marks a client for the Graph cmdlets: whether it signs in at all is then decided by
    the Graph endpoint (an emulator on this machine needs no credential), not by the ARM endpoint it
    never calls.

    A client that cannot be created (bad options) is a terminating error on the calling cmdlet.
    #>
    [CmdletBinding()]
    [OutputType([object])]
    param (
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        [Parameter()]
        [AllowNull()]
        [AllowEmptyString()]
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
        [switch]
        $ForGraph
    )

    $connection = $script:ApimNativeConnection
    if ($script:ApimNativeDryRunEndpoint) {
        # Inside Invoke-ApimNativeDryRun every call, ARM and Graph, goes to its emulator.
        $Endpoint = $script:ApimNativeDryRunEndpoint
        $GraphEndpoint = $script:ApimNativeDryRunEndpoint
    }
    if (-not $Endpoint) {
        $Endpoint = $script:ApimNativeDefaultArmEndpoint
        if ($connection -and $connection['ArmEndpoint']) {
            $Endpoint = [string]$connection['ArmEndpoint']
        }
    }
    if (-not $GraphEndpoint -and $connection -and $connection['GraphEndpoint']) {
        $GraphEndpoint = [string]$connection['GraphEndpoint']
    }
    $Endpoint = $Endpoint.TrimEnd('/')
    $credentialEndpoint = $Endpoint
    if ($ForGraph) {
        $credentialEndpoint = $script:ApimNativeDefaultGraphEndpoint
        if ($GraphEndpoint) {
            $credentialEndpoint = $GraphEndpoint
        }
    }

    $key = '{0}|{1}|{2}|{3}' -f $Endpoint, $GraphEndpoint, $ApiVersion, [bool]$ForGraph
    if ($script:ApimNativeClients.ContainsKey($key)) {
        return $script:ApimNativeClients[$key]
    }

    $options = New-ApimNativeClientOption -Endpoint $Endpoint -GraphEndpoint $GraphEndpoint -ApiVersion $ApiVersion -Connection $connection -CredentialEndpoint $credentialEndpoint

    # The options may hold a client secret: the JSON is handed to the library and never printed.
    $optionsJson = ConvertTo-Json -InputObject $options -Depth 20 -Compress
    $client = $null
    if ($connection -and $connection['Session']) {
        # The session supplies the credential (its secrets never come back to PowerShell) and the subscription.
        $result = [ApimNative.Interop]::NewSessionClient($connection['Session'], $optionsJson, [ref]$client)
    }
    else {
        $result = [ApimNative.Interop]::NewClient($optionsJson, [ref]$client)
    }
    if (-not $result.Ok) {
        $nativeError = ConvertFrom-Json -InputObject $result.Json
        $record = ConvertTo-ApimErrorRecord -NativeError $nativeError -Operation 'client_new' -TargetObject $Endpoint
        $Cmdlet.ThrowTerminatingError($record)
    }
    $script:ApimNativeClients[$key] = $client
    $client
}
