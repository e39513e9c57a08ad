function Invoke-MgUploadIdentityApiConnectorClientCertificate {
    <#
    .SYNOPSIS
    Upload a PKCS 12 format key (.pfx) to an API connector's authentication configuration.

    .DESCRIPTION
    Adds a client certificate (POST /v1.0/identity/apiConnectors/{id}/uploadClientCertificate) and
    writes the connector, whose authenticationConfiguration is then a
    #microsoft.graph.clientCertificateAuthentication listing every uploaded certificate with its
    thumbprint, notBefore and notAfter (Unix seconds) and isActive (the most recently uploaded
    certificate that is currently valid). -Pkcs12Value is the base64 encoding of the .pfx file and
    -Password its password ("" when it has none); both are required by the service. The service
    opens the file with the password: a wrong password or an unreadable file is an error naming the
    field. The PFX and its password never appear in output, -Verbose, -WhatIf or errors.

    -Password is a plain string because the Graph cmdlet takes one and scripts pass strings;
    compatibility wins here, and the value is only handed to the native library.

    Not mirrored: -Break, -HttpPipelineAppend, -HttpPipelinePrepend, -Proxy, -ProxyCredential and
    -ProxyUseDefaultCredentials belong to the Graph SDK's HTTP pipeline, which this module does not
    load. -Headers are sent on every request of the call (Authorization, Host and Content-Length are refused).

    .PARAMETER AdditionalProperties
    Additional Parameters: further properties of the request body, sent as given.

    .PARAMETER BodyParameter
    A hashtable (or object, or JSON object string) with pkcs12Value and password.

    .PARAMETER Headers
    Optional headers that will be added to the request. Not sent yet: a warning names them.

    .PARAMETER IdentityApiConnectorId
    The unique identifier of identityApiConnector.

    .PARAMETER InputObject
    Identity Parameter: an object with IdentityApiConnectorId or Id (such as Get-MgIdentityApiConnector's output).

    .PARAMETER Password
    The password of the .pfx file ("" when it has none).

    .PARAMETER Pkcs12Value
    The base64 encoding of the .pfx file.

    .PARAMETER ResponseHeadersVariable
    Optional Response Headers Variable: receives a hashtable of every response header (string arrays; set-cookie left out) plus StatusCode.

    .PARAMETER WhatIf
    Shows the request (method and URL) without sending anything.

    .PARAMETER Confirm
    Asks for confirmation before the request is sent.

    .EXAMPLE
    $params = @{
    	pkcs12Value = "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ...kDJ04sJShkkgjL9Bm49plA"
    	password = "<password>"
    }
    Invoke-MgUploadIdentityApiConnectorClientCertificate -IdentityApiConnectorId $identityApiConnectorId -BodyParameter $params

    Uploads a certificate (the pkcs12Value shown is the documentation's shortened placeholder).

    .EXAMPLE
    $pfx = [Convert]::ToBase64String([System.IO.File]::ReadAllBytes($pfxPath))
    Get-MgIdentityApiConnector -IdentityApiConnectorId $id | Invoke-MgUploadIdentityApiConnectorClientCertificate -Pkcs12Value $pfx -Password $pfxPassword

    Uploads a certificate file to a connector read before ($pfxPath is the full path of the .pfx
    file, $pfxPassword its password).

    .INPUTS
    Microsoft.Graph.PowerShell.Models.IIdentitySignInsIdentity

    System.Collections.IDictionary

    .OUTPUTS
    Microsoft.Graph.PowerShell.Models.IMicrosoftGraphIdentityApiConnector

    .LINK
    https://learn.microsoft.com/powershell/module/microsoft.graph.identity.signins/invoke-mguploadidentityapiconnectorclientcertificate

    .LINK
    New-MgIdentityApiConnector

    .LINK
    Get-MgIdentityApiConnector

    .LINK
    Update-MgIdentityApiConnector

    .LINK
    Remove-MgIdentityApiConnector

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'UploadExpanded', PositionalBinding = $false)]
    [OutputType('Microsoft.Graph.PowerShell.Models.IMicrosoftGraphIdentityApiConnector', [ApimNative.Models.MicrosoftGraphIdentityApiConnector])]
    param (
        [Parameter(ParameterSetName = 'UploadExpanded')]
        [Parameter(ParameterSetName = 'UploadViaIdentityExpanded')]
        [hashtable]
        $AdditionalProperties,

        [Parameter(ParameterSetName = 'Upload', Mandatory = $true, ValueFromPipeline = $true)]
        [Parameter(ParameterSetName = 'UploadViaIdentity', Mandatory = $true, ValueFromPipeline = $true)]
        [ApimNative.Models.IPaths1Yvv9YeIdentityApiconnectorsIdentityapiconnectorIdMicrosoftGraphUploadclientcertificatePostRequestbodyContentApplicationJsonSchema]
        $BodyParameter,

        [Parameter()]
        [System.Collections.IDictionary]
        $Headers,

        [Parameter(ParameterSetName = 'UploadExpanded', Mandatory = $true)]
        [Parameter(ParameterSetName = 'Upload', Mandatory = $true)]
        [string]
        $IdentityApiConnectorId,

        [Parameter(ParameterSetName = 'UploadViaIdentityExpanded', Mandatory = $true, ValueFromPipeline = $true)]
        [Parameter(ParameterSetName = 'UploadViaIdentity', Mandatory = $true, ValueFromPipeline = $true)]
        [ApimNative.Models.IIdentitySignInsIdentity]
        $InputObject,

        [Parameter(ParameterSetName = 'UploadExpanded')]
        [Parameter(ParameterSetName = 'UploadViaIdentityExpanded')]
        [string]
        $Password,

        [Parameter(ParameterSetName = 'UploadExpanded')]
        [Parameter(ParameterSetName = 'UploadViaIdentityExpanded')]
        [string]
        $Pkcs12Value,

        [Parameter()]
        [Alias('RHV')]
        [string]
        $ResponseHeadersVariable
    )

    begin {
        . Use-ApimCallerPreference
    }

    process {
        # The target names the connector only: the PFX and its password are never shown.
        $intent = Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_api_connector_should_process' -Parameters @{ Cmdlet = $MyInvocation.MyCommand.Name; Parameters = $PSBoundParameters } -Operation 'api_connector_upload_client_certificate' -Terminating
        if (-not $PSCmdlet.ShouldProcess($intent['Target'], $intent['Action'])) {
            return
        }
        $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -ForGraph
        Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_api_connector_upload_client_certificate' -Parameters $PSBoundParameters -Client $client -TargetObject $intent['TargetObject']
    }
}
