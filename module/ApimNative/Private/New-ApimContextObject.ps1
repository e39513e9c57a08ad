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
    # The declared type (OutputTypes.cs), wrapped with Az's type name first as the library's
    # objects are, so views, [PSTypeName()] parameters and completion all know it. An empty
    # subscription, api-version or workspace stays $null, as Az's context has them.
    $context = New-Object -TypeName ApimNative.Models.PsApiManagementContext
    $context.ResourceGroupName = $ResourceGroupName
    $context.ServiceName = $ServiceName
    $context.Endpoint = $normalisedEndpoint
    if ($SubscriptionId) {
        $context.SubscriptionId = $SubscriptionId
    }
    if ($ApiVersion) {
        $context.ApiVersion = $ApiVersion
    }
    if ($WorkspaceId) {
        $context.WorkspaceId = $WorkspaceId
    }
    $wrapped = [System.Management.Automation.PSObject]::AsPSObject($context)
    $wrapped.PSObject.TypeNames.Insert(0, 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext')
    $wrapped
}
