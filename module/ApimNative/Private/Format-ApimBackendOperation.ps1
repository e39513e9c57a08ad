function Format-ApimBackendOperation {
    <#
    .SYNOPSIS
    Describes a backend call for -WhatIf / -Confirm: backend id, HTTP method and URL.

    .DESCRIPTION
    The text names only the address (never a body), so no credential, header value or password can
    reach the ShouldProcess message. The api-version shown is the context's, or the native default.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param (
        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $Address,

        [Parameter(Mandatory = $true)]
        [string]
        $BackendId,

        [Parameter(Mandatory = $true)]
        [ValidateSet('PUT', 'PATCH', 'DELETE', 'POST')]
        [string]
        $Method,

        [Parameter()]
        [string]
        $Suffix
    )

    $endpoint = $Address['Endpoint']
    if (-not $endpoint) {
        $endpoint = $script:ApimNativeDefaultArmEndpoint
        if ($script:ApimNativeConnection -and $script:ApimNativeConnection['ArmEndpoint']) {
            $endpoint = [string]$script:ApimNativeConnection['ArmEndpoint']
        }
    }
    $subscriptionId = $Address['SubscriptionId']
    if (-not $subscriptionId) {
        $subscriptionId = '{subscriptionId}'
    }
    $apiVersion = $Address['ApiVersion']
    if (-not $apiVersion) {
        $apiVersion = $script:ApimNativeDefaultApiVersion
    }
    $scope = ''
    if ($Address['WorkspaceId']) {
        $scope = '/workspaces/{0}' -f [System.Uri]::EscapeDataString([string]$Address['WorkspaceId'])
    }
    $url = '{0}/subscriptions/{1}/resourceGroups/{2}/providers/Microsoft.ApiManagement/service/{3}{4}/backends/{5}{6}?api-version={7}' -f @(
        $endpoint.TrimEnd('/'), $subscriptionId, $Address['ResourceGroupName'], $Address['ServiceName'], $scope,
        [System.Uri]::EscapeDataString($BackendId), $Suffix, $apiVersion)
    "backend '{0}' ({1} {2})" -f $BackendId, $Method, $url
}
