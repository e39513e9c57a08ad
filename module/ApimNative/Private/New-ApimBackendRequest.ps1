function New-ApimBackendRequest {
    <#
    .SYNOPSIS
    Builds the request hashtable of a backend operation (address, id, If-Match, body, paging).

    .DESCRIPTION
    Only the fields that have a value are added, so the native request parser sees exactly what the
    cmdlet was asked to do. The hashtable is validated by the native library, not here.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $Address,

        [Parameter()]
        [string]
        $BackendId,

        [Parameter()]
        [string]
        $IfMatch,

        [Parameter()]
        [System.Collections.IDictionary]
        $Body
    )

    $request = @{
        resourceGroupName = $Address['ResourceGroupName']
        serviceName       = $Address['ServiceName']
    }
    if ($Address['SubscriptionId']) {
        $request['subscriptionId'] = $Address['SubscriptionId']
    }
    if ($Address['WorkspaceId']) {
        # The workspace's backends instead of the service's (the native library checks the id).
        $request['workspaceId'] = $Address['WorkspaceId']
    }
    if ($BackendId) {
        $request['backendId'] = $BackendId
    }
    if ($IfMatch) {
        $request['ifMatch'] = $IfMatch
    }
    if ($null -ne $Body) {
        $request['body'] = $Body
    }
    $request
}
