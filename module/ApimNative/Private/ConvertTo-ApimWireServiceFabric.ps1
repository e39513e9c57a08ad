function ConvertTo-ApimWireServiceFabric {
    <#
    .SYNOPSIS
    PsApiManagementServiceFabric -> wire serviceFabricCluster hashtable.

    .DESCRIPTION
    Uses the spelling the service reads (clientCertificatethumbprint). Unlike Az, an absent
    ServerCertificateThumbprint is not sent as an empty list, and array values of ServerX509Names
    are kept (ConvertTo-ApimWireX509Name).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $ServiceFabric
    )

    $wire = @{}
    if ($null -ne $ServiceFabric.ManagementEndpoints) {
        $wire['managementEndpoints'] = [object[]]@($ServiceFabric.ManagementEndpoints | ForEach-Object -Process { [string]$_ })
    }
    if ($ServiceFabric.ClientCertificateThumbprint) {
        $wire['clientCertificatethumbprint'] = [string]$ServiceFabric.ClientCertificateThumbprint
    }
    if ($ServiceFabric.ClientCertificateId) {
        $wire['clientCertificateId'] = [string]$ServiceFabric.ClientCertificateId
    }
    if ($null -ne $ServiceFabric.MaxPartitionResolutionRetries) {
        $wire['maxPartitionResolutionRetries'] = [int]$ServiceFabric.MaxPartitionResolutionRetries
    }
    if ($null -ne $ServiceFabric.ServerCertificateThumbprint) {
        $wire['serverCertificateThumbprints'] = [object[]]@($ServiceFabric.ServerCertificateThumbprint | ForEach-Object -Process { [string]$_ })
    }
    if ($ServiceFabric.ServerX509Names -is [System.Collections.IDictionary]) {
        $wire['serverX509Names'] = ConvertTo-ApimWireX509Name -Map $ServiceFabric.ServerX509Names
    }
    $wire
}
