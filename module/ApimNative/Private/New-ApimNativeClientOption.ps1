function New-ApimNativeClientOption {
    <#
    .SYNOPSIS
    Builds the native client options (a hashtable) for an endpoint, api-version and connection.

    .DESCRIPTION
    Which credential a client uses:
    - the connection chosen with Connect-ApimNative, when there is one;
    - otherwise, for an ARM endpoint on this machine (127.0.0.0/8, ::1, localhost: the emulator),
      no credential at all, because the local emulator needs none unless started with a token;
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
        $Connection
    )

    $options = @{ armEndpoint = $Endpoint }
    if ($GraphEndpoint) {
        $options['graphEndpoint'] = $GraphEndpoint.TrimEnd('/')
    }
    if ($ApiVersion) {
        $options['apiVersion'] = $ApiVersion
    }
    if ($Connection -and $Connection['Auth']) {
        $options['auth'] = $Connection['Auth']
    }
    elseif (-not (Test-ApimNativeLoopbackEndpoint -Endpoint $Endpoint)) {
        $options['auth'] = @{ kind = 'default' }
    }
    if ($Connection -and $Connection['SubscriptionId']) {
        $options['subscriptionId'] = [string]$Connection['SubscriptionId']
    }
    $options
}
