function Update-MgIdentityApiConnector {
    <#
    .SYNOPSIS
    Update the properties of an identityApiConnector object.

    .DESCRIPTION
    Updates an API connector (PATCH /v1.0/identity/apiConnectors/{id}; the service answers 204 and
    nothing is written). Any of displayName, targetUrl and authenticationConfiguration may be sent;
    a #microsoft.graph.pkcs12Certificate configuration replaces the whole configuration (use
    Invoke-MgUploadIdentityApiConnectorClientCertificate to add a certificate instead). The body is
    checked by the native library before anything is sent, each problem named by its JSON path.
    Passwords and PFX contents never appear in output, -Verbose, -WhatIf or errors.

    Not mirrored: -Break, -HttpPipelineAppend, -HttpPipelinePrepend, -Proxy, -ProxyCredential and
    -ProxyUseDefaultCredentials belong to the Graph SDK's HTTP pipeline, which this module does not
    load. -Headers are sent on every request of the call (Authorization, Host and Content-Length are refused).

    .PARAMETER AdditionalProperties
    Additional Parameters: further properties of the identityApiConnector, sent as given.

    .PARAMETER AuthenticationConfiguration
    apiAuthenticationConfigurationBase: a hashtable with "@odata.type" and the members of that type.

    .PARAMETER BodyParameter
    identityApiConnector: a hashtable (or object, or JSON object string) with the properties to
    change.

    .PARAMETER DisplayName
    The name of the API connector.

    .PARAMETER Headers
    Optional headers that will be added to the request. Not sent yet: a warning names them.

    .PARAMETER Id
    The unique identifier for an entity. Read-only.

    .PARAMETER IdentityApiConnectorId
    The unique identifier of identityApiConnector.

    .PARAMETER InputObject
    Identity Parameter: an object with IdentityApiConnectorId or Id (such as Get-MgIdentityApiConnector's output).

    .PARAMETER ResponseHeadersVariable
    Optional Response Headers Variable: receives a hashtable of every response header (string arrays; set-cookie left out) plus StatusCode.

    .PARAMETER TargetUrl
    The URL of the API endpoint to call.

    .PARAMETER WhatIf
    Shows the request (method and URL) without sending anything.

    .PARAMETER Confirm
    Asks for confirmation before the request is sent.

    .EXAMPLE
    $params = @{
    	displayName = "New Test API"
    	targetUrl = "https://otherapi.com/api/endpoint"
    	authenticationConfiguration = @{
    		"@odata.type" = "microsoft.graph.basicAuthentication"
    		username = "<NEW_USERNAME>"
    		password = "<NEW_PASSWORD>"
    	}
    }
    Update-MgIdentityApiConnector -IdentityApiConnectorId $identityApiConnectorId -BodyParameter $params

    Changes the display name, the target URL and the basic credentials.

    .EXAMPLE
    $params = @{
    	authenticationConfiguration = @{
    		"@odata.type" = "#microsoft.graph.pkcs12Certificate"
    		pkcs12Value = [Convert]::ToBase64String([System.IO.File]::ReadAllBytes($pfxPath))
    		password = "secret"
    	}
    }
    Update-MgIdentityApiConnector -IdentityApiConnectorId $identityApiConnectorId -BodyParameter $params

    Switches the connector to client certificate authentication ($pfxPath is the full path of
    the PFX file; "secret" is its password).

    .INPUTS
    Microsoft.Graph.PowerShell.Models.IIdentitySignInsIdentity

    Microsoft.Graph.PowerShell.Models.IMicrosoftGraphIdentityApiConnector

    System.Collections.IDictionary

    .OUTPUTS
    Microsoft.Graph.PowerShell.Models.IMicrosoftGraphIdentityApiConnector

    .LINK
    https://learn.microsoft.com/powershell/module/microsoft.graph.identity.signins/update-mgidentityapiconnector

    .LINK
    New-MgIdentityApiConnector

    .LINK
    Get-MgIdentityApiConnector

    .LINK
    Remove-MgIdentityApiConnector

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'UpdateExpanded', PositionalBinding = $false)]
    [OutputType('Microsoft.Graph.PowerShell.Models.IMicrosoftGraphIdentityApiConnector', [ApimNative.Models.MicrosoftGraphIdentityApiConnector])]
    param (
        [Parameter(ParameterSetName = 'UpdateExpanded')]
        [Parameter(ParameterSetName = 'UpdateViaIdentityExpanded')]
        [hashtable]
        $AdditionalProperties,

        [Parameter(ParameterSetName = 'UpdateExpanded')]
        [Parameter(ParameterSetName = 'UpdateViaIdentityExpanded')]
        [hashtable]
        $AuthenticationConfiguration,

        [Parameter(ParameterSetName = 'Update', Mandatory = $true, ValueFromPipeline = $true)]
        [Parameter(ParameterSetName = 'UpdateViaIdentity', Mandatory = $true, ValueFromPipeline = $true)]
        [ApimNative.Models.IMicrosoftGraphIdentityApiConnector]
        $BodyParameter,

        [Parameter(ParameterSetName = 'UpdateExpanded')]
        [Parameter(ParameterSetName = 'UpdateViaIdentityExpanded')]
        [string]
        $DisplayName,

        [Parameter()]
        [System.Collections.IDictionary]
        $Headers,

        [Parameter(ParameterSetName = 'UpdateExpanded')]
        [Parameter(ParameterSetName = 'UpdateViaIdentityExpanded')]
        [string]
        $Id,

        [Parameter(ParameterSetName = 'UpdateExpanded', Mandatory = $true)]
        [Parameter(ParameterSetName = 'Update', Mandatory = $true)]
        [string]
        $IdentityApiConnectorId,

        [Parameter(ParameterSetName = 'UpdateViaIdentityExpanded', Mandatory = $true, ValueFromPipeline = $true)]
        [Parameter(ParameterSetName = 'UpdateViaIdentity', Mandatory = $true, ValueFromPipeline = $true)]
        [ApimNative.Models.IIdentitySignInsIdentity]
        $InputObject,

        [Parameter()]
        [Alias('RHV')]
        [string]
        $ResponseHeadersVariable,

        [Parameter(ParameterSetName = 'UpdateExpanded')]
        [Parameter(ParameterSetName = 'UpdateViaIdentityExpanded')]
        [string]
        $TargetUrl
    )

    begin {
        . Use-ApimCallerPreference
    }

    process {
        # The library names the connector and the properties that change, with no request.
        $intent = Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_api_connector_should_process' -Parameters @{ Cmdlet = $MyInvocation.MyCommand.Name; Parameters = $PSBoundParameters } -Operation 'api_connector_update' -Terminating
        if (-not $PSCmdlet.ShouldProcess($intent['Target'], $intent['Action'])) {
            return
        }
        $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -ForGraph
        Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_api_connector_update' -Parameters $PSBoundParameters -Client $client -TargetObject $intent['TargetObject']
    }
}
