function New-ApimContextObject {
    <#
    .SYNOPSIS
    Creates a PsApiManagementContext object (Az's ResourceGroupName and ServiceName, plus
    SubscriptionId, Endpoint, ApiVersion and WorkspaceId, which Az does not have).
    #>
    [CmdletBinding()]
    [OutputType('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext')]
    param (
        [Parameter(Mandatory = $true)]
        [string]
        $ResourceGroupName,

        [Parameter(Mandatory = $true)]
        [string]
        $ServiceName,

        [Parameter()]
        [AllowNull()]
        [AllowEmptyString()]
        [string]
        $SubscriptionId,

        [Parameter()]
        [AllowNull()]
        [AllowEmptyString()]
        [string]
        $Endpoint,

        [Parameter()]
        [AllowNull()]
        [AllowEmptyString()]
        [string]
        $ApiVersion,

        [Parameter()]
        [AllowNull()]
        [AllowEmptyString()]
        [string]
        $WorkspaceId
    )

    $normalisedEndpoint = $null
    if ($Endpoint) {
        $normalisedEndpoint = $Endpoint.TrimEnd('/')
    }
    $context = [PSCustomObject]@{
        PSTypeName        = 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext'
        ResourceGroupName = $ResourceGroupName
        ServiceName       = $ServiceName
        SubscriptionId    = $SubscriptionId
        Endpoint          = $normalisedEndpoint
        ApiVersion        = $ApiVersion
        WorkspaceId       = $WorkspaceId
    }
    if (-not $SubscriptionId) {
        $context.SubscriptionId = $null
    }
    if (-not $ApiVersion) {
        $context.ApiVersion = $null
    }
    if (-not $WorkspaceId) {
        $context.WorkspaceId = $null
    }
    $context
}
