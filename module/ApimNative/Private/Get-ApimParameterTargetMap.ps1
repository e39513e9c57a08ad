function Get-ApimParameterTargetMap {
    <#
    .SYNOPSIS
    The cmdlet parameter each wire field of a request comes from, for one cmdlet.

    .DESCRIPTION
    The native library names a bad field by its JSON path (authorization.parameter,
    properties.url); a user typed -AuthorizationHeaderParameter or -Url. Error messages say the
    parameter instead. The map is wire path -> parameter (with its leading dash); a path below a
    mapped one (properties.credentials.authorization.parameter) is shown as the parameter with the
    rest in parentheses. Only this module knows which parameter fills which field, so the map lives
    next to the code that builds the requests. Cmdlets not listed keep the wire names (their
    -BodyParameter uses the wire names itself). The cmdlets ported to the library
    (New-/Set-AzApiManagementBackend) get their errors in parameter names from it.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]
        $CommandName
    )

    switch ($CommandName) {
        'New-AzApiManagementBackendCredential' {
            return @{
                'authorization.parameter' = '-AuthorizationHeaderParameter'
                'authorization.scheme'    = '-AuthorizationHeaderScheme'
                'certificateIds'          = '-CertificateId'
                'certificate'             = '-CertificateThumbprint'
                'query'                   = '-Query'
                'header'                  = '-Header'
            }
        }
        'New-AzApiManagementBackendProxy' {
            return @{ 'url' = '-Url'; 'username' = '-ProxyCredential'; 'password' = '-ProxyCredential' }
        }
        'New-AzApiManagementBackendTls' {
            return @{
                'validateCertificateChain'    = '-SkipCertificateChainValidation'
                'validateCertificateName'     = '-SkipCertificateNameValidation'
                'serverCertificateThumbprints' = '-ServerCertificateThumbprint'
                'serverX509Names'             = '-ServerX509Name'
            }
        }
    }
    @{}
}
