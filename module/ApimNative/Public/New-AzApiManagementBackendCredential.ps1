function New-AzApiManagementBackendCredential {
    <#
    .SYNOPSIS
    Creates a new Backend Credential contract.

    .DESCRIPTION
    Creates an in-memory PsApiManagementBackendCredential to pass to New-AzApiManagementBackend or
    Set-AzApiManagementBackend -Credential. Nothing is sent to the service; the object is validated
    and normalised by the native library (the same rules the service applies), so a mistake is
    reported here, naming the field, rather than by the service later.

    Differences from Az.ApiManagement, on purpose:
    - -CertificateId is sent as credentials.certificateIds. Az put the ids into the thumbprint list
      and the service answered "Certificate with thumbprint '<id>' not found" (Az issue #25799).
      The ids are on the output's CertificateIds property.
    - A plain string is accepted as a Query or Header value (@{ 'x-key' = 'value' }); Az required
      an array.
    - Giving only one of -AuthorizationHeaderScheme / -AuthorizationHeaderParameter is an error
      naming the missing field; Az silently dropped the authorization.

    .PARAMETER CertificateThumbprint
    Client Certificate Thumbprints.
    This parameter is optional.

    .PARAMETER CertificateId
    Client Certificate Ids (ARM ids of API Management certificates, for example Key Vault backed
    ones). Sent as credentials.certificateIds; when present the service ignores the thumbprints.
    This parameter is optional.

    .PARAMETER Query
    Query Parameter Values accepted by Backend: name -> value or array of values, with the same
    value types as -Header.
    This parameter is optional.

    .PARAMETER Header
    Header Parameter Values accepted by Backend: name -> value or array of values.
    A value is a string, a SecureString (kept as one in the object; its text is only sent) or an
    array of those; any other type (hashtable, DateTime, number) is refused naming the key.
    This parameter is optional.

    .PARAMETER AuthorizationHeaderScheme
    Authorization Scheme used for the Backend.
    This parameter is optional.

    .PARAMETER AuthorizationHeaderParameter
    Authorization Header used for the Backend. It is a secret: it never appears in -Verbose,
    -WhatIf or error output, and the format view hides it.
    This parameter is optional.

    .PARAMETER DefaultProfile
    Accepted for scripts written for Az and not used: sign-in comes from Connect-ApimNative (see about_ApimNative).

    .EXAMPLE
    PS C:\>$apimContext = New-AzApiManagementContext -ResourceGroupName "Api-Default-WestUS" -ServiceName "contoso"
    PS C:\>$credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter opensesame -Query @{"sv" = @('xx', 'bb'); "sr" = @('cc')} -Header @{"x-my-1" = @('val1', 'val2')}

    PS C:\>$backend = New-AzApiManagementBackend -Context  $apimContext -BackendId 123 -Url 'https://contoso.com/awesomeapi' -Protocol http -Title "first backend" -SkipCertificateChainValidation $true -Credential $credential -Description "my backend"

    Creates a Backend Credentials Contract

    .EXAMPLE
    PS C:\>$credential = New-AzApiManagementBackendCredential -CertificateId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/certificates/cert1' -Header @{ 'x-api-key' = 'single-value' }

    Uses a certificate by id (sent as certificateIds) and a header given as a plain string.

    .INPUTS
    None

    .OUTPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential

    .LINK
    https://learn.microsoft.com/powershell/module/az.apimanagement/new-azapimanagementbackendcredential

    .LINK
    New-AzApiManagementBackend

    .LINK
    Get-AzApiManagementBackend

    .LINK
    Set-AzApiManagementBackend

    .LINK
    Remove-AzApiManagementBackend

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(PositionalBinding = $false)]
    [OutputType('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential', [ApimNative.Models.PsApiManagementBackendCredential])]
    param (
        [Parameter()]
        [string[]]
        $CertificateThumbprint,

        [Parameter()]
        [string[]]
        $CertificateId,

        [Parameter()]
        [hashtable]
        $Query,

        [Parameter()]
        [hashtable]
        $Header,

        [Parameter()]
        [string]
        $AuthorizationHeaderScheme,

        [Parameter()]
        [string]
        $AuthorizationHeaderParameter,

        [Parameter()]
        [Alias('AzContext', 'AzureRmContext', 'AzureCredential')]
        [ApimNative.Models.IAzureContextContainer]
        $DefaultProfile
    )

    # The whole call in one step of the interop: the builder run, its object written (no
    # preference governs what a builder does, see Interop.RunBuilder); what is left (the
    # session's first use, an error) Invoke-ApimNativeCmdlet finishes.
    $ApimAnswer = [ApimNative.Interop]::RunBuilder($PSCmdlet, 'cmdlet_backend_credential_new', $PSBoundParameters)
    if ($null -ne $ApimAnswer) {
        Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Answer $ApimAnswer -Terminating
    }
}
