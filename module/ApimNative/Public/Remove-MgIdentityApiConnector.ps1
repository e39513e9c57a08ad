function Remove-MgIdentityApiConnector {
    <#
    .SYNOPSIS
    Delete an identityApiConnector object.

    .DESCRIPTION
    Deletes an API connector (DELETE /v1.0/identity/apiConnectors/{id}). With -IfMatch the DELETE
    carries If-Match, and a connector that changed since that ETag was read is not removed (412).

    Not mirrored: -Break, -HttpPipelineAppend, -HttpPipelinePrepend, -Proxy, -ProxyCredential and
    -ProxyUseDefaultCredentials belong to the Graph SDK's HTTP pipeline, which this module does not
    load. -Headers are sent on every request of the call (Authorization, Host and Content-Length are refused).

    .PARAMETER Headers
    Optional headers that will be added to the request. Not sent yet: a warning names them.

    .PARAMETER IdentityApiConnectorId
    The unique identifier of identityApiConnector.

    .PARAMETER IfMatch
    ETag.

    .PARAMETER InputObject
    Identity Parameter: an object with IdentityApiConnectorId or Id (such as Get-MgIdentityApiConnector's output).

    .PARAMETER PassThru
    Returns true when the command succeeds.

    .PARAMETER ResponseHeadersVariable
    Optional Response Headers Variable: receives a hashtable with request-id and StatusCode.

    .PARAMETER WhatIf
    Shows the request (method and URL) without sending anything.

    .PARAMETER Confirm
    Asks for confirmation before the request is sent.

    .EXAMPLE
    Remove-MgIdentityApiConnector -IdentityApiConnectorId $identityApiConnectorId

    Deletes the API connector.

    .EXAMPLE
    Get-MgIdentityApiConnector -Filter "displayName eq 'Old API'" | Remove-MgIdentityApiConnector -PassThru

    Deletes the connectors named Old API and writes $true for each.

    .INPUTS
    Microsoft.Graph.PowerShell.Models.IIdentitySignInsIdentity

    System.Collections.IDictionary

    .OUTPUTS
    System.Boolean

    .LINK
    https://learn.microsoft.com/powershell/module/microsoft.graph.identity.signins/remove-mgidentityapiconnector

    .LINK
    New-MgIdentityApiConnector

    .LINK
    Get-MgIdentityApiConnector

    .LINK
    Update-MgIdentityApiConnector

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'Delete', PositionalBinding = $false)]
    [OutputType([bool])]
    param (
        [Parameter()]
        [System.Collections.IDictionary]
        $Headers,

        [Parameter(ParameterSetName = 'Delete', Mandatory = $true)]
        [string]
        $IdentityApiConnectorId,

        [Parameter()]
        [string]
        $IfMatch,

        [Parameter(ParameterSetName = 'DeleteViaIdentity', Mandatory = $true, ValueFromPipeline = $true)]
        [ApimNative.Models.IIdentitySignInsIdentity]
        $InputObject,

        [Parameter()]
        [switch]
        $PassThru,

        [Parameter()]
        [Alias('RHV')]
        [string]
        $ResponseHeadersVariable
    )

    begin {
        . Use-ApimCallerPreference
    }

    process {
        $intent = Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_api_connector_should_process' -Parameters @{ Cmdlet = $MyInvocation.MyCommand.Name; Parameters = $PSBoundParameters } -Operation 'api_connector_delete' -Terminating
        if (-not $PSCmdlet.ShouldProcess($intent['Target'], $intent['Action'])) {
            return
        }
        $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -ForGraph
        Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_api_connector_delete' -Parameters $PSBoundParameters -Client $client -TargetObject $intent['TargetObject']
    }
}
