function ConvertFrom-ApimResourceId {
    <#
    .SYNOPSIS
    Parses an ARM id of an API Management service or backend.

    .DESCRIPTION
    Accepts /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.ApiManagement/service/{name}
    optionally followed by /workspaces/{workspaceId} and then by /backends/{id}, case-insensitively, optionally prefixed by an endpoint
    (https://management.azure.com or a local emulator URL) that is then used for the call. Returns
    $null when the text is not such an id; callers turn that into an InvalidArgument error instead of
    carrying on with empty names as Az does.
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param (
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]
        $ResourceId,

        # Require (or forbid) the /backends/{id} tail.
        [Parameter()]
        [switch]
        $Backend
    )

    $pattern = '^(?<endpoint>https?://[^/]+)?/subscriptions/(?<subscription>[^/]+)/resourceGroups/(?<group>[^/]+)/providers/Microsoft\.ApiManagement/service/(?<service>[^/]+)(/workspaces/(?<workspace>[^/]+))?(/backends/(?<backend>[^/?]+))?/?$'
    $match = [System.Text.RegularExpressions.Regex]::Match(
        $ResourceId.Trim(), $pattern, [System.Text.RegularExpressions.RegexOptions]::IgnoreCase)
    if (-not $match.Success) {
        return $null
    }
    $backendId = $null
    if ($match.Groups['backend'].Success) {
        $backendId = [System.Uri]::UnescapeDataString($match.Groups['backend'].Value)
    }
    if ($Backend -and -not $backendId) {
        return $null
    }
    if (-not $Backend -and $backendId) {
        return $null
    }
    $workspaceId = $null
    if ($match.Groups['workspace'].Success) {
        $workspaceId = [System.Uri]::UnescapeDataString($match.Groups['workspace'].Value)
    }
    $endpoint = $null
    if ($match.Groups['endpoint'].Success) {
        $endpoint = $match.Groups['endpoint'].Value
    }
    [ordered]@{
        Endpoint          = $endpoint
        SubscriptionId    = $match.Groups['subscription'].Value
        ResourceGroupName = $match.Groups['group'].Value
        ServiceName       = $match.Groups['service'].Value
        WorkspaceId       = $workspaceId
        BackendId         = $backendId
    }
}
