function ConvertFrom-ApimWireCredential {
    <#
    .SYNOPSIS
    Wire credentials -> PsApiManagementBackendCredential (Az's property names).

    .DESCRIPTION
    Certificate holds thumbprints (credentials.certificate), CertificateIds the certificate ids
    (credentials.certificateIds, which Az never exposed), Query and Header are Hashtables of
    name -> object[], Authorization is a PsApiManagementAuthorizationHeaderCredential. The
    authorization parameter is kept on the object (it is the user's own data, as in Az); the format
    view never displays it.
    #>
    [CmdletBinding()]
    [OutputType('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential')]
    param (
        [Parameter(Mandatory = $true)]
        [AllowNull()]
        [object]
        $Wire
    )

    if ($null -eq $Wire) {
        return $null
    }
    $authorization = $null
    if ($null -ne $Wire.authorization) {
        $authorization = [PSCustomObject]@{
            PSTypeName = 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementAuthorizationHeaderCredential'
            Scheme     = [string]$Wire.authorization.scheme
            Parameter  = [string]$Wire.authorization.parameter
        }
    }
    $certificate = $null
    if ($null -ne $Wire.certificate) {
        $certificate = [string[]]@($Wire.certificate)
    }
    $certificateIds = $null
    if ($null -ne $Wire.certificateIds) {
        $certificateIds = [string[]]@($Wire.certificateIds)
    }
    [PSCustomObject]@{
        PSTypeName     = 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential'
        Certificate    = $certificate
        CertificateIds = $certificateIds
        Query          = ConvertFrom-ApimWireStringListMap -Wire $Wire.query
        Header         = ConvertFrom-ApimWireStringListMap -Wire $Wire.header
        Authorization  = $authorization
    }
}
