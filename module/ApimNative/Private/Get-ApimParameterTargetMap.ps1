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
    -BodyParameter uses the wire names itself).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]
        $CommandName
    )

    $backend = @{
        'backendId'                           = '-BackendId'
        'properties.url'                      = '-Url'
        'properties.protocol'                 = '-Protocol'
        'properties.title'                    = '-Title'
        'properties.description'              = '-Description'
        'properties.resourceId'               = '-ResourceId'
        'properties.credentials'              = '-Credential'
        'properties.proxy'                    = '-Proxy'
        'properties.serviceFabricCluster'     = '-ServiceFabricCluster'
        'properties.tls.validateCertificateChain' = '-SkipCertificateChainValidation'
        'properties.tls.validateCertificateName'  = '-SkipCertificateNameValidation'
        'properties.tls'                      = '-Tls'
        'properties.type'                     = '-Type'
        'properties.pool'                     = '-Pool'
        'properties.circuitBreaker'           = '-CircuitBreaker'
        'properties.azureRegion'              = '-AzureRegion'
    }
    switch ($CommandName) {
        'New-AzApiManagementBackend' { return $backend }
        'Set-AzApiManagementBackend' { return $backend }
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
