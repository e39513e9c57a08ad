function New-AzApiManagementBackendServiceFabric {
    <#
    .SYNOPSIS
    Creates an object of PsApiManagementServiceFabric.

    .DESCRIPTION
    Creates an in-memory PsApiManagementServiceFabric to pass to New-AzApiManagementBackend or
    Set-AzApiManagementBackend -ServiceFabricCluster. Nothing is sent to the service; the native
    library validates the object.

    Differences from Az.ApiManagement, on purpose:
    - A -ServerX509Name value may be an array of issuer thumbprints (as Az's own help shows); each
      becomes its own serverX509Names entry. Az sent the text "System.Object[]".
    - Without -ServerCertificateThumbprint no empty serverCertificateThumbprints list is sent.
    - -ClientCertificateThumbprint is optional, as in Az's code (its help said required): a
      certificate may be given by -ClientCertificateId instead.

    .PARAMETER ManagementEndpoint
    Service Fabric Cluster management endpoints.
    This parameter is required.

    .PARAMETER ClientCertificateThumbprint
    Client Certificate Thumbprint of the certificate used to talk to the management endpoint.

    .PARAMETER ClientCertificateId
    Client Certificate Id (ARM id of an API Management certificate) used to talk to the management
    endpoint.

    .PARAMETER MaxPartitionResolutionRetry
    Maximum number of retries when attempting resolve the partition.
    This parameter is optional; the service's default applies when it is not given.

    .PARAMETER ServerX509Name
    Server X509 Certificate Names: name -> issuer certificate thumbprint (or an array of them).
    This parameter is optional.

    .PARAMETER ServerCertificateThumbprint
    Thumbprints of the certificates the cluster management service uses for TLS communication.
    This parameter is optional.

    .PARAMETER DefaultProfile
    Accepted for scripts written for Az and not used: sign-in comes from Connect-ApimNative (see about_ApimNative).

    .EXAMPLE
    PS C:\>$ManagementEndpoints = 'https://sfbackend-01.net:443', 'https://sfbackend-02.net:443'
    PS C:\>$ServerCertificateThumbprints = '33CC47C6FCA848DC9B14A6F071C1EF7C'
    PS C:\>$serviceFabric = New-AzApiManagementBackendServiceFabric -ManagementEndpoint  $ManagementEndpoints -ClientCertificateThumbprint '33CC47C6FCA848DC9B14A6F071C1EF7C' -ServerX509Name @{"CN=foobar.net" = @('33CC47C6FCA848DC9B14A6F071C1EF7C')}
    PS C:\>$apimContext = New-AzApiManagementContext -ResourceGroupName "Api-Default-WestUS" -ServiceName "contoso"
    PS C:\>$backend = New-AzApiManagementBackend -Context  $apimContext -BackendId 123 -Url 'fabric:/mytestapp/mytestservice' -Protocol http -ServiceFabricCluster $serviceFabric -Description "service fabric backend"

    Creates a Service Fabric Backend object (Az's example also passed -PassThru to
    New-AzApiManagementBackend, which has no such parameter; it is left out here).

    .EXAMPLE
    PS C:\>$serviceFabric = New-AzApiManagementBackendServiceFabric -ManagementEndpoint 'https://somecluster.com' -ClientCertificateId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/certificates/cert1' -MaxPartitionResolutionRetry 5 -ServerX509Name @{ 'ServerCommonName1' = 'IssuerCertificateThumbprint1' }
    PS C:\>New-AzApiManagementBackend -Context $apimContext -BackendId sfbackend -Url 'fabric:/mytestapp/mytestservice' -Protocol http -ServiceFabricCluster $serviceFabric -Description 'Service Fabric Test App 1'

    The Service Fabric example of the REST API reference (ApiManagementCreateBackendServiceFabric).

    .INPUTS
    System.String

    .OUTPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementServiceFabric

    .LINK
    https://learn.microsoft.com/powershell/module/az.apimanagement/new-azapimanagementbackendservicefabric

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
    [OutputType('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementServiceFabric', [ApimNative.Models.PsApiManagementServiceFabric])]
    param (
        [Parameter(Mandatory = $true)]
        [string[]]
        $ManagementEndpoint,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [string]
        $ClientCertificateThumbprint,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [string]
        $ClientCertificateId,

        [Parameter()]
        [int]
        $MaxPartitionResolutionRetry,

        [Parameter()]
        [hashtable]
        $ServerX509Name,

        [Parameter()]
        [string[]]
        $ServerCertificateThumbprint,

        [Parameter()]
        [Alias('AzContext', 'AzureRmContext', 'AzureCredential')]
        [ApimNative.Models.IAzureContextContainer]
        $DefaultProfile
    )

    process {
        # One step of the interop per item: the builder run, its object written (no preference
        # governs what a builder does, see Interop.RunBuilder); what is left (the session's first
        # use, an error) Invoke-ApimNativeCmdlet finishes.
        $ApimAnswer = [ApimNative.Interop]::RunBuilder($PSCmdlet, 'cmdlet_backend_service_fabric_new', $PSBoundParameters)
        if ($null -ne $ApimAnswer) {
            Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Answer $ApimAnswer -Terminating
        }
    }
}
