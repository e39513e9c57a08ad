function ConvertFrom-ApimWireBackend {
    <#
    .SYNOPSIS
    Wire backend contract -> PsApiManagementBackend with Az's property names.

    .DESCRIPTION
    Az's properties (Id, ResourceGroupName, ServiceName, BackendId, Protocol, ResourceId, Title,
    Description, Url, Properties, Proxy, Credentials, ServiceFabricCluster) are filled exactly as Az
    fills them: Properties is the TLS-only dictionary with Az's inverted skip* keys, or $null
    without tls. Added for what Az never exposed: SubscriptionId, Type, AzureRegion, Tls, Pool,
    CircuitBreaker (the rules), ETag (for -IfMatch), and Context (the context the object was read
    with, so that Set/Remove can pipe it back to the same endpoint).
    #>
    [CmdletBinding()]
    [OutputType('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend')]
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Wire,

        [Parameter()]
        [AllowNull()]
        [AllowEmptyString()]
        [string]
        $ETag,

        [Parameter(Mandatory = $true)]
        [object]
        $Context
    )

    $properties = $Wire.properties
    if ($null -eq $properties) {
        $properties = New-Object -TypeName PSObject
    }
    $address = $null
    if ($Wire.id) {
        $address = ConvertFrom-ApimResourceId -ResourceId ([string]$Wire.id) -Backend
    }
    $subscriptionId = $Context.SubscriptionId
    $resourceGroupName = $Context.ResourceGroupName
    $serviceName = $Context.ServiceName
    if ($null -ne $address) {
        $subscriptionId = $address['SubscriptionId']
        $resourceGroupName = $address['ResourceGroupName']
        $serviceName = $address['ServiceName']
    }

    $azProperties = $null
    if ($null -ne $properties.tls) {
        $azProperties = @{}
        if ($null -ne $properties.tls.validateCertificateChain) {
            $azProperties['skipCertificateChainValidation'] = -not [bool]$properties.tls.validateCertificateChain
        }
        if ($null -ne $properties.tls.validateCertificateName) {
            $azProperties['skipCertificateNameValidation'] = -not [bool]$properties.tls.validateCertificateName
        }
    }
    $serviceFabric = $null
    if ($null -ne $properties.properties) {
        $serviceFabric = ConvertFrom-ApimWireServiceFabric -Wire $properties.properties.serviceFabricCluster
    }
    $rules = $null
    if ($null -ne $properties.circuitBreaker -and $null -ne $properties.circuitBreaker.rules) {
        $rules = [object[]]@($properties.circuitBreaker.rules | ForEach-Object -Process {
                ConvertFrom-ApimWireCircuitBreakerRule -Wire $_
            })
    }
    $etagValue = $null
    if ($ETag) {
        $etagValue = $ETag
    }

    [PSCustomObject]@{
        PSTypeName           = 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend'
        Id                   = [string]$Wire.id
        ResourceGroupName    = $resourceGroupName
        ServiceName          = $serviceName
        SubscriptionId       = $subscriptionId
        BackendId            = [string]$Wire.name
        Type                 = $properties.type
        Protocol             = $properties.protocol
        Url                  = $properties.url
        ResourceId           = $properties.resourceId
        Title                = $properties.title
        Description          = $properties.description
        AzureRegion          = $properties.azureRegion
        Properties           = $azProperties
        Tls                  = ConvertFrom-ApimWireTls -Wire $properties.tls
        Proxy                = ConvertFrom-ApimWireProxy -Wire $properties.proxy
        Credentials          = ConvertFrom-ApimWireCredential -Wire $properties.credentials
        ServiceFabricCluster = $serviceFabric
        Pool                 = ConvertFrom-ApimWirePool -Wire $properties.pool
        CircuitBreaker       = $rules
        ETag                 = $etagValue
        Context              = $Context
    }
}
