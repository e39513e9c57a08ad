function Resolve-ApimServiceAddress {
    <#
    .SYNOPSIS
    Turns a PsApiManagementContext into the address fields of a native request.

    .DESCRIPTION
    Returns an ordered hashtable with SubscriptionId, ResourceGroupName, ServiceName, WorkspaceId
    (empty for the service's own backends), Endpoint and ApiVersion. A context without a subscription falls back to the one chosen by
    Connect-ApimNative; when there is none either, the field stays empty and the native client
    reports the missing subscription as a validation error naming subscriptionId.
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Context
    )

    $subscriptionId = [string]$Context.SubscriptionId
    if (-not $subscriptionId -and $script:ApimNativeConnection -and $script:ApimNativeConnection['SubscriptionId']) {
        $subscriptionId = [string]$script:ApimNativeConnection['SubscriptionId']
    }
    [ordered]@{
        SubscriptionId    = $subscriptionId
        ResourceGroupName = [string]$Context.ResourceGroupName
        ServiceName       = [string]$Context.ServiceName
        WorkspaceId       = [string]$Context.WorkspaceId
        Endpoint          = [string]$Context.Endpoint
        ApiVersion        = [string]$Context.ApiVersion
    }
}
