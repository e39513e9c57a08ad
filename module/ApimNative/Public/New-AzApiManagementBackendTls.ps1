function New-AzApiManagementBackendTls {
    <#
    .SYNOPSIS
    Creates the TLS settings of a backend (certificate validation and pinning).

    .DESCRIPTION
    Creates an in-memory ApimNative.BackendTls for New-AzApiManagementBackend or
    Set-AzApiManagementBackend -Tls: whether the backend's certificate chain and name are validated,
    and the server certificates trusted for it, by thumbprint (serverCertificateThumbprints, needed
    for custom CAs on StandardV2) or by X509 name and issuer. The object is always complete: both
    validate flags are present (true unless skipped), because the service rejects a partial tls
    object (Az issue #29209). Nothing is sent; the native library validates the settings.

    .PARAMETER SkipCertificateChainValidation
    Whether to skip certificate chain validation when talking to the backend. Default: $false.

    .PARAMETER SkipCertificateNameValidation
    Whether to skip certificate name validation when talking to the backend. Default: $false.

    .PARAMETER ServerCertificateThumbprint
    Thumbprints of certificates the backend host uses for TLS.

    .PARAMETER ServerX509Name
    X509 names of the backend host's certificates: name -> issuer certificate thumbprint, an array
    of them, or $null for any issuer.

    .PARAMETER DefaultProfile
    Accepted for scripts written for Az and not used: sign-in comes from Connect-ApimNative (see about_ApimNative).

    .EXAMPLE
    PS C:\>$tls = New-AzApiManagementBackendTls -ServerCertificateThumbprint '1365083bae61ee876fc26850b825d05d3eb2e503'
    PS C:\>New-AzApiManagementBackend -Context $apimContext -BackendId cabackend -Url 'https://self-signed.badssl.com/' -Protocol http -Description 'Custom Assigned certificate Example' -Tls $tls

    REST example ApiManagementCreateBackendCustomAssignedCertificateThumbprint.

    .EXAMPLE
    PS C:\>$tls = New-AzApiManagementBackendTls -ServerX509Name @{ '*.badssl.com' = $null }
    PS C:\>New-AzApiManagementBackend -Context $apimContext -BackendId cabackend -Url 'https://self-signed.badssl.com/' -Protocol http -Description 'Custom Assigned certificate Example' -Tls $tls

    REST example ApiManagementCreateBackendCustomAssignedCertificateX509Names.

    .INPUTS
    None

    .OUTPUTS
    ApimNative.BackendTls

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
    [OutputType('ApimNative.BackendTls', [ApimNative.Models.BackendTls])]
    param (
        [Parameter()]
        [bool]
        $SkipCertificateChainValidation,

        [Parameter()]
        [bool]
        $SkipCertificateNameValidation,

        [Parameter()]
        [string[]]
        $ServerCertificateThumbprint,

        [Parameter()]
        [hashtable]
        $ServerX509Name,

        [Parameter()]
        [Alias('AzContext', 'AzureRmContext', 'AzureCredential')]
        [ApimNative.Models.IAzureContextContainer]
        $DefaultProfile
    )

    # The whole call in one step of the interop: the builder run, its object written (no
    # preference governs what a builder does, see Interop.RunBuilder); what is left (the
    # session's first use, an error) Invoke-ApimNativeCmdlet finishes.
    $ApimAnswer = [ApimNative.Interop]::RunBuilder($PSCmdlet, 'cmdlet_backend_tls_new', $PSBoundParameters)
    if ($null -ne $ApimAnswer) {
        Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Answer $ApimAnswer -Terminating
    }
}
