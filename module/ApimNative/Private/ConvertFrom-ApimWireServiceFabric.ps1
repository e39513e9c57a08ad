function ConvertFrom-ApimWireServiceFabric {
    <#
    .SYNOPSIS
    Wire serviceFabricCluster -> PsApiManagementServiceFabric (Az's property names).

    .DESCRIPTION
    The service reads clientCertificatethumbprint (lower-case t) and returns
    clientCertificateThumbprint; both are accepted here.
    #>
    [CmdletBinding()]
    [OutputType('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementServiceFabric')]
    param (
        [Parameter(Mandatory = $true)]
        [AllowNull()]
        [object]
        $Wire
    )

    if ($null -eq $Wire) {
        return $null
    }
    $thumbprint = $null
    foreach ($property in $Wire.PSObject.Properties) {
        if ($property.Name -eq 'clientCertificatethumbprint') {
            $thumbprint = [string]$property.Value
        }
    }
    $retries = $null
    if ($null -ne $Wire.maxPartitionResolutionRetries) {
        $retries = [int]$Wire.maxPartitionResolutionRetries
    }
    $serverThumbprints = $null
    if ($null -ne $Wire.serverCertificateThumbprints) {
        $serverThumbprints = [string[]]@($Wire.serverCertificateThumbprints)
    }
    $endpoints = $null
    if ($null -ne $Wire.managementEndpoints) {
        $endpoints = [string[]]@($Wire.managementEndpoints)
    }
    $x509Names = $null
    if ($null -ne $Wire.serverX509Names) {
        $x509Names = ConvertFrom-ApimWireX509Name -Wire @($Wire.serverX509Names)
    }
    [PSCustomObject]@{
        PSTypeName                    = 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementServiceFabric'
        ClientCertificateThumbprint   = $thumbprint
        ClientCertificateId           = [string]$Wire.clientCertificateId
        MaxPartitionResolutionRetries = $retries
        ManagementEndpoints           = $endpoints
        ServerX509Names               = $x509Names
        ServerCertificateThumbprint   = $serverThumbprints
    }
}
