function Export-ApimStoreCertificate {
    <#
    .SYNOPSIS
    Finds a certificate with its private key in the current user's or the machine's personal store
    (My) by thumbprint and returns it as an in-memory PFX: @{ Data = <base64>; Password = <SecureString> }.

    .DESCRIPTION
    Connect-AzAccount -CertificateThumbprint signs in with a certificate from the store. The native
    library signs the client assertion itself, so it gets the certificate and key as PFX bytes
    (auth.certificateData) under a one-time random password; nothing is written to disk. The
    CurrentUser store is searched first, then LocalMachine. A certificate that is missing, has no
    private key, or whose key the store will not export (a non-exportable Windows key) is a
    terminating error on the calling cmdlet naming -CertificateThumbprint.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [string]
        $Thumbprint,

        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet
    )

    $wanted = ($Thumbprint -replace '[\s:]', '').ToUpperInvariant()
    $found = $null
    foreach ($location in @([System.Security.Cryptography.X509Certificates.StoreLocation]::CurrentUser, [System.Security.Cryptography.X509Certificates.StoreLocation]::LocalMachine)) {
        $store = New-Object -TypeName System.Security.Cryptography.X509Certificates.X509Store -ArgumentList @(
            [System.Security.Cryptography.X509Certificates.StoreName]::My, $location)
        try {
            $store.Open([System.Security.Cryptography.X509Certificates.OpenFlags]::ReadOnly)
            foreach ($certificate in $store.Certificates) {
                if ($certificate.Thumbprint -eq $wanted) {
                    $found = $certificate
                    break
                }
            }
        }
        catch {
            # A store this platform does not have (LocalMachine\My on Linux) is searched no further.
            $found = $found
        }
        finally {
            $store.Close()
        }
        if ($null -ne $found) {
            break
        }
    }
    $problem = $null
    if ($null -eq $found) {
        $problem = 'is not in the CurrentUser or LocalMachine personal store (My)'
    }
    elseif (-not $found.HasPrivateKey) {
        $problem = 'is in the personal store without its private key'
    }
    if ($null -eq $problem) {
        $passwordText = [System.Guid]::NewGuid().ToString('N')
        try {
            $bytes = $found.Export([System.Security.Cryptography.X509Certificates.X509ContentType]::Pfx, $passwordText)
            return @{
                Data     = [System.Convert]::ToBase64String($bytes)
                Password = ConvertTo-SecureString -String $passwordText -AsPlainText -Force
            }
        }
        catch {
            $problem = 'has a private key the store does not allow to be exported; use -CertificatePath with a PFX file instead'
        }
    }
    $message = '-CertificateThumbprint {0}: the certificate {1}.' -f $wanted, $problem
    $Cmdlet.ThrowTerminatingError((New-ApimErrorRecord -Message $message -ErrorId 'ApimNative.ConnectFailed' -Category ObjectNotFound -TargetObject $wanted))
}
