function New-ApimContextObject {
    <#
    .SYNOPSIS
    Creates a PsApiManagementContext object (Az's ResourceGroupName and ServiceName, plus
    SubscriptionId, Endpoint and ApiVersion, which Az does not have).
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
        $ApiVersion
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
    }
    if (-not $SubscriptionId) {
        $context.SubscriptionId = $null
    }
    if (-not $ApiVersion) {
        $context.ApiVersion = $null
    }
    $context
}
