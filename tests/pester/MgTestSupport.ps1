# Shared by the *-Mg*.Tests.ps1 files (dot-sourced in BeforeAll after TestSupport.ps1): connects
# the module to an in-process emulator and makes real PFX files with .NET.

function Connect-TestGraph {
    # Every cmdlet that follows talks to the emulator, ARM and Graph, with no credential (the
    # emulator started by Start-TestEmulator requires none).
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Emulator
    )
    $null = Connect-ApimNative -Emulator $Emulator
}

function New-TestPfx {
    # A self-signed client certificate with its key, exported as a password-protected PFX and
    # returned as base64 together with its thumbprint.
    param (
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]
        $Password,

        [int]
        $ValidFromDays = -1,

        [int]
        $ValidForDays = 365
    )
    $rsa = [System.Security.Cryptography.RSA]::Create(2048)
    $request = New-Object -TypeName System.Security.Cryptography.X509Certificates.CertificateRequest -ArgumentList @(
        'CN=client.contoso.example', $rsa, [System.Security.Cryptography.HashAlgorithmName]::SHA256,
        [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
    $from = [System.DateTimeOffset]::UtcNow.AddDays($ValidFromDays)
    $certificate = $request.CreateSelfSigned($from, $from.AddDays($ValidForDays))
    $bytes = $certificate.Export([System.Security.Cryptography.X509Certificates.X509ContentType]::Pfx, $Password)
    [PSCustomObject]@{
        Base64     = [Convert]::ToBase64String($bytes)
        Thumbprint = $certificate.Thumbprint
    }
}

function New-TestConnector {
    # A basic-authentication connector to work on.
    param (
        [string]
        $DisplayName = 'Test API'
    )
    $params = @{
        displayName                 = $DisplayName
        targetUrl                   = 'https://someapi.com/api'
        authenticationConfiguration = @{
            '@odata.type' = '#microsoft.graph.basicAuthentication'
            username      = 'MyUsername'
            password      = 'MyPassword'
        }
    }
    New-MgIdentityApiConnector -BodyParameter $params
}
