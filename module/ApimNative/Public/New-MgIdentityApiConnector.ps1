function New-MgIdentityApiConnector {
    <#
    .SYNOPSIS
    Create a new identityApiConnector object.

    .DESCRIPTION
    Creates an API connector (POST /v1.0/identity/apiConnectors) and writes the created connector.
    The body is checked by the native library before anything is sent: displayName, targetUrl (an
    https URL) and authenticationConfiguration are required, and authenticationConfiguration must be
    a #microsoft.graph.basicAuthentication (username, password) or #microsoft.graph.pkcs12Certificate
    (pkcs12Value: the base64 PFX, password: its password or ""); the leading # is optional. Every
    problem is reported at once with its JSON path. The service opens the PFX with its password:
    a wrong password or an unreadable file is an error naming the field.

    Passwords and PFX contents never appear in output, -Verbose, -WhatIf or errors: the service
    returns the password as ****** and only the certificate's thumbprint and validity dates.

    Not mirrored: -Break, -HttpPipelineAppend, -HttpPipelinePrepend, -Proxy, -ProxyCredential and
    -ProxyUseDefaultCredentials belong to the Graph SDK's HTTP pipeline, which this module does not
    load. -Headers are sent on every request of the call (Authorization, Host and Content-Length are refused).

    .PARAMETER AdditionalProperties
    Additional Parameters: further properties of the identityApiConnector, sent as given.

    .PARAMETER AuthenticationConfiguration
    apiAuthenticationConfigurationBase: a hashtable with "@odata.type" and the members of that type.

    .PARAMETER BodyParameter
    identityApiConnector: a hashtable (or object, or JSON object string) with displayName,
    targetUrl and authenticationConfiguration. To construct, see the examples.

    .PARAMETER DisplayName
    The name of the API connector.

    .PARAMETER Headers
    Optional headers that will be added to the request. Not sent yet: a warning names them.

    .PARAMETER Id
    The unique identifier for an entity. Read-only: the service generates the id.

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
    	displayName = "Test API"
    	targetUrl = "https://someapi.com/api"
    	authenticationConfiguration = @{
    		"@odata.type" = "#microsoft.graph.basicAuthentication"
    		username = "MyUsername"
    		password = "MyPassword"
    	}
    }
    New-MgIdentityApiConnector -BodyParameter $params

    Example 1: Create an API connector with basic authentication.

    .EXAMPLE
    $params = @{
    	displayName = "Test API"
    	targetUrl = "https://someotherapi.com/api"
    	authenticationConfiguration = @{
    		"@odata.type" = "#microsoft.graph.pkcs12Certificate"
    		pkcs12Value = "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ...kDJ04sJShkkgjL9Bm49plA"
    		password = "CertificatePassword"
    	}
    }
    New-MgIdentityApiConnector -BodyParameter $params

    Example 2: Create an API connector with client certificate authentication. The pkcs12Value shown
    is the documentation's shortened placeholder; pass [Convert]::ToBase64String of a real .pfx file.

    .INPUTS
    Microsoft.Graph.PowerShell.Models.IMicrosoftGraphIdentityApiConnector

    System.Collections.IDictionary

    .OUTPUTS
    Microsoft.Graph.PowerShell.Models.IMicrosoftGraphIdentityApiConnector

    .LINK
    https://learn.microsoft.com/powershell/module/microsoft.graph.identity.signins/new-mgidentityapiconnector

    .LINK
    Get-MgIdentityApiConnector

    .LINK
    Update-MgIdentityApiConnector

    .LINK
    Remove-MgIdentityApiConnector

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'CreateExpanded', PositionalBinding = $false)]
    [OutputType('Microsoft.Graph.PowerShell.Models.IMicrosoftGraphIdentityApiConnector', [ApimNative.Models.MicrosoftGraphIdentityApiConnector])]
    param (
        [Parameter(ParameterSetName = 'CreateExpanded')]
        [hashtable]
        $AdditionalProperties,

        [Parameter(ParameterSetName = 'CreateExpanded')]
        [hashtable]
        $AuthenticationConfiguration,

        [Parameter(ParameterSetName = 'Create', Mandatory = $true, ValueFromPipeline = $true)]
        [ApimNative.Models.IMicrosoftGraphIdentityApiConnector]
        $BodyParameter,

        [Parameter(ParameterSetName = 'CreateExpanded')]
        [string]
        $DisplayName,

        [Parameter()]
        [System.Collections.IDictionary]
        $Headers,

        [Parameter(ParameterSetName = 'CreateExpanded')]
        [string]
        $Id,

        [Parameter()]
        [Alias('RHV')]
        [string]
        $ResponseHeadersVariable,

        [Parameter(ParameterSetName = 'CreateExpanded')]
        [string]
        $TargetUrl
    )

    begin {
        . Use-ApimCallerPreference
    }

    process {
        # The library names the connector for ShouldProcess, with no request and no secret.
        $intent = Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_api_connector_should_process' -Parameters @{ Cmdlet = $MyInvocation.MyCommand.Name; Parameters = $PSBoundParameters } -Operation 'api_connector_create' -Terminating
        if (-not $PSCmdlet.ShouldProcess($intent['Target'], $intent['Action'])) {
            return
        }
        $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -ForGraph
        Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_api_connector_create' -Parameters $PSBoundParameters -Client $client -TargetObject $intent['TargetObject']
    }
}
