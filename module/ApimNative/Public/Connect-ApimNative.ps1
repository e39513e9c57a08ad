function Connect-ApimNative {
    <#
    .SYNOPSIS
    Chooses how the ApimNative cmdlets sign in to Azure Resource Manager and Microsoft Graph.

    .DESCRIPTION
    Sets the session's default credential (and optionally the cloud and subscription) for every
    ApimNative cmdlet that follows. The native library gets the tokens: it caches them per scope
    (ARM, Graph) and refreshes them a few minutes before they expire, so a long runbook keeps
    working after one Connect-ApimNative.

    The ways to sign in, as in Connect-AzAccount:
    - no credential parameter: the default chain of the Azure SDKs, tried on first use in this
      order: environment variables (AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or
      AZURE_CLIENT_CERTIFICATE_PATH), workload identity (AZURE_FEDERATED_TOKEN_FILE), managed
      identity, then the signed-in Azure CLI. When none works, the error lists each one and why.
    - -Identity: the managed identity of the App Service, Function, Container App, Azure
      Automation account, VM or Cloud Shell this runs in. -AccountId picks a user-assigned one.
    - -ServicePrincipal -TenantId -Credential: an application with a client secret (user name =
      application (client) id, password = secret).
    - -ServicePrincipal -TenantId -ApplicationId -CertificatePath: an application with a
      certificate (PEM with its key, or PFX with -CertificatePassword).
    - -FederatedTokenFile: workload identity federation (AKS, GitHub Actions).
    - -UseAzureCli: the account signed in with 'az login'.
    - -AccessToken: a token you already have. It is never refreshed and is sent to ARM and Graph
      alike, so it only suits short sessions against one of them.
    - -Emulator: no credential at all; ARM and Graph are the emulator started with
      Start-ApimNativeEmulator.

    -ArmEndpoint and -GraphEndpoint name the services to call (sovereign and private clouds, a
    proxy, the emulator); they win over -Environment. Without a credential parameter, an endpoint
    on this machine (127.0.0.0/8, ::1, localhost) is called without a credential and the default
    chain is never started for it; any other endpoint gets the default chain.

    Nothing is sent when this runs: the options are checked (missing values, unreadable
    certificate, wrong PFX password) and kept for the session. Cached clients are dropped so the
    next call signs in with the new credential. A token of Az.Accounts (Get-AzAccessToken) is not
    taken over implicitly: it is valid for one audience and cannot be refreshed here; pass it with
    -AccessToken if that is what you want.

    Secrets (client secret, certificate and its password, access token) are never shown by
    -WhatIf, -Verbose, errors or the returned object, and the module does not keep them: the
    native library holds them in a session handle until Disconnect-ApimNative or the next
    Connect-ApimNative frees it.

    .PARAMETER Identity
    Sign in with the managed identity of the Azure resource this session runs on.

    .PARAMETER AccountId
    With -Identity, the user-assigned identity to use: its client id, or its ARM resource id
    (/subscriptions/.../providers/Microsoft.ManagedIdentity/userAssignedIdentities/name).
    Without it the system-assigned identity is used.

    .PARAMETER ServicePrincipal
    Sign in as an application (service principal) with a secret (-Credential) or a certificate
    (-CertificatePath).

    .PARAMETER TenantId
    The Microsoft Entra tenant (directory) id or domain of the application. Optional with
    -FederatedTokenFile (default: AZURE_TENANT_ID) and -UseAzureCli (default: the CLI's tenant).

    .PARAMETER Credential
    The application's client id as user name and its client secret as password.

    .PARAMETER ApplicationId
    The application (client) id for certificate sign-in and workload identity (default for the
    latter: AZURE_CLIENT_ID).

    .PARAMETER CertificatePath
    Path of the sign-in certificate with its private key: PEM (certificate and unencrypted RSA key)
    or PFX / PKCS#12.

    .PARAMETER CertificatePassword
    The password of a PFX certificate file.

    .PARAMETER CertificateThumbprint
    With -ServicePrincipal: the thumbprint of a certificate with its private key in the personal
    store (CurrentUser\My, then LocalMachine\My), as Connect-AzAccount takes it. The certificate is
    handed to the native library in memory, never written to disk; a missing certificate, one
    without its key or with a key that cannot be exported is refused when connecting.

    .PARAMETER FederatedTokenFile
    Path of the federated token file that the platform writes and rotates (AZURE_FEDERATED_TOKEN_FILE
    on AKS). It is read again for every token request.

    .PARAMETER UseAzureCli
    Use the account signed in with the Azure CLI ('az login').

    .PARAMETER AccessToken
    A bearer token to send as it is. It is not refreshed.

    .PARAMETER Environment
    The Azure cloud: AzureCloud (default), AzureChinaCloud or AzureUSGovernment. Sets the sign-in
    authority and the ARM and Graph endpoints the cmdlets call, from the native library's cloud
    table (apim_cloud_list).

    .PARAMETER Subscription
    The subscription used when a cmdlet's context names none: its id, or its name (aliases
    SubscriptionId and SubscriptionName, as Connect-AzAccount). A name is resolved once, by the
    first cmdlet that needs it, from the subscriptions the account can see (GET /subscriptions
    of the ARM endpoint); a name that matches none, or more than one, is an error naming
    -Subscription. The returned object shows SubscriptionId and SubscriptionName once known.

    .PARAMETER Emulator
    An emulator started with Start-ApimNativeEmulator: every ARM and Graph cmdlet that follows
    talks to it, with no credential. Without -Subscription the subscription is
    00000000-0000-0000-0000-000000000000 (the emulator keeps resources under any id, and the
    environment and the Azure CLI are not asked). A copy of that object (Import-Clixml, a job) and an object of
    a script's own named ApimNative.Emulator with a BaseUrl (for an emulator started as
    apim-emulator) are taken too.

    .PARAMETER ArmEndpoint
    The Azure Resource Manager endpoint, e.g. https://management.azure.com (the default) or a
    private cloud's. A context made with New-AzApiManagementContext -Endpoint still wins.

    .PARAMETER GraphEndpoint
    The Microsoft Graph endpoint, e.g. https://graph.microsoft.com (the default).

    .PARAMETER WhatIf
    Shows the request (method and URL) without sending anything.

    .PARAMETER Confirm
    Asks for confirmation before the request is sent.

    .EXAMPLE
    PS C:\> Connect-ApimNative -Identity

    Signs in with the system-assigned managed identity (App Service, Functions, Container Apps,
    Azure Automation, VMs).

    .EXAMPLE
    PS C:\> Connect-ApimNative -Identity -AccountId 00000000-1111-2222-3333-444444444444 -Subscription 55555555-6666-7777-8888-999999999999

    Signs in with a user-assigned managed identity chosen by its client id.

    .EXAMPLE
    PS C:\> $credential = Get-Credential -UserName 00000000-1111-2222-3333-444444444444 -Message 'Client secret'
    PS C:\> Connect-ApimNative -ServicePrincipal -TenantId contoso.onmicrosoft.com -Credential $credential

    Signs in as an application with its client secret.

    .EXAMPLE
    PS C:\> Connect-ApimNative -ServicePrincipal -TenantId contoso.onmicrosoft.com -ApplicationId 00000000-1111-2222-3333-444444444444 -CertificatePath ./sp.pfx -CertificatePassword (Read-Host -AsSecureString)

    Signs in as an application with a PFX certificate.

    .EXAMPLE
    PS C:\> Connect-ApimNative -UseAzureCli -Environment AzureUSGovernment

    Uses the Azure CLI's account in Azure Government.

    .EXAMPLE
    PS C:\> Connect-ApimNative

    Uses the default chain (environment, workload identity, managed identity, Azure CLI).

    .EXAMPLE
    PS C:\> $emulator = Start-ApimNativeEmulator
    PS C:\> Connect-ApimNative -Emulator $emulator
    PS C:\> Get-MgIdentityApiConnector

    Sends every ARM and Graph cmdlet that follows to the local emulator, with no credential.

    .EXAMPLE
    PS C:\> $emulator = Start-ApimNativeEmulator -Subscription @{ '00000000-0000-0000-0000-000000000001' = 'Contoso Production' }
    PS C:\> $connection = Connect-ApimNative -Emulator $emulator -Subscription 'Contoso Production'
    PS C:\> Get-AzApiManagementBackend -Context (New-AzApiManagementContext -ResourceGroupName rg1 -ServiceName contoso)
    PS C:\> $connection | Format-List -Property SubscriptionId, SubscriptionName
    PS C:\> Stop-ApimNativeEmulator -Emulator $emulator

    Chooses the subscription by its name. The first cmdlet that needs it looks the name up in the
    subscriptions the account can see (here the emulator's list); the connection then shows its id
    00000000-0000-0000-0000-000000000001 and name.

    .EXAMPLE
    PS C:\> Connect-ApimNative -Identity -ArmEndpoint https://management.contoso-cloud.example -GraphEndpoint https://graph.contoso-cloud.example

    Signs in with the managed identity and calls the ARM and Graph endpoints of a private cloud.

    .OUTPUTS
    ApimNative.Connection

    .LINK
    Disconnect-ApimNative

    .LINK
    Start-ApimNativeEmulator

    .LINK
    Stop-ApimNativeEmulator

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'DefaultChain', PositionalBinding = $false)]
    [OutputType('ApimNative.Connection', [ApimNative.Models.Connection])]
    param (
        [Parameter(Mandatory = $true, ParameterSetName = 'ManagedIdentity')]
        [switch]
        $Identity,

        [Parameter(ParameterSetName = 'ManagedIdentity')]
        [ValidateNotNullOrEmpty()]
        [string]
        $AccountId,

        [Parameter(Mandatory = $true, ParameterSetName = 'ServicePrincipalSecret')]
        [Parameter(Mandatory = $true, ParameterSetName = 'ServicePrincipalCertificate')]
        [Parameter(Mandatory = $true, ParameterSetName = 'ServicePrincipalCertificateThumbprint')]
        [switch]
        $ServicePrincipal,

        [Parameter(Mandatory = $true, ParameterSetName = 'ServicePrincipalSecret')]
        [Parameter(Mandatory = $true, ParameterSetName = 'ServicePrincipalCertificate')]
        [Parameter(Mandatory = $true, ParameterSetName = 'ServicePrincipalCertificateThumbprint')]
        [Parameter(ParameterSetName = 'FederatedToken')]
        [Parameter(ParameterSetName = 'AzureCli')]
        [ValidateNotNullOrEmpty()]
        [string]
        $TenantId,

        [Parameter(Mandatory = $true, ParameterSetName = 'ServicePrincipalSecret')]
        [pscredential]
        $Credential,

        [Parameter(Mandatory = $true, ParameterSetName = 'ServicePrincipalCertificate')]
        [Parameter(Mandatory = $true, ParameterSetName = 'ServicePrincipalCertificateThumbprint')]
        [Parameter(ParameterSetName = 'FederatedToken')]
        [ValidateNotNullOrEmpty()]
        [string]
        $ApplicationId,

        [Parameter(Mandatory = $true, ParameterSetName = 'ServicePrincipalCertificate')]
        [ValidateNotNullOrEmpty()]
        [string]
        $CertificatePath,

        [Parameter(ParameterSetName = 'ServicePrincipalCertificate')]
        [securestring]
        $CertificatePassword,

        [Parameter(Mandatory = $true, ParameterSetName = 'ServicePrincipalCertificateThumbprint')]
        [ValidateNotNullOrEmpty()]
        [string]
        $CertificateThumbprint,

        [Parameter(Mandatory = $true, ParameterSetName = 'FederatedToken')]
        [ValidateNotNullOrEmpty()]
        [string]
        $FederatedTokenFile,

        [Parameter(Mandatory = $true, ParameterSetName = 'AzureCli')]
        [switch]
        $UseAzureCli,

        [Parameter(Mandatory = $true, ParameterSetName = 'AccessToken')]
        [ValidateNotNullOrEmpty()]
        [string]
        $AccessToken,

        [Parameter()]
        [ValidateSet('AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment')]
        [string]
        $Environment,

        [Parameter()]
        [Alias('SubscriptionId', 'SubscriptionName')]
        [ValidateNotNullOrEmpty()]
        [string]
        $Subscription,

        [Parameter(Mandatory = $true, ParameterSetName = 'Emulator')]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('ApimNative.Emulator')]
        [ApimNative.Models.Emulator]
        $Emulator,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string]
        $ArmEndpoint,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string]
        $GraphEndpoint
    )

    . Use-ApimCallerPreference

    # The library maps the parameters to its session options and checks them; what only PowerShell
    # can do is done here and handed over as data: paths resolved against PowerShell's location
    # (the library runs in the process's working directory, not there), and a certificate of the
    # Windows store exported in memory (Export-ApimStoreCertificate).
    $parameters = @{}
    foreach ($name in $PSBoundParameters.Keys) {
        $parameters[$name] = $PSBoundParameters[$name]
    }
    foreach ($name in @('CertificatePath', 'FederatedTokenFile')) {
        if ($parameters.ContainsKey($name)) {
            $parameters[$name] = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath([string]$parameters[$name])
        }
    }
    if ($PSCmdlet.ParameterSetName -eq 'ServicePrincipalCertificateThumbprint') {
        $parameters['StoreCertificate'] = Export-ApimStoreCertificate -Thumbprint $CertificateThumbprint -Cmdlet $PSCmdlet
    }

    # Creating the session checks everything now (missing values, unreadable certificate, wrong
    # PFX password, a federated token file that is not there) rather than on the first cmdlet;
    # nothing is sent. The session keeps the secrets; the module keeps its handle and the state
    # the library describes without them.
    $answer = [ApimNative.Interop]::Connect($parameters)
    if (-not $answer.Ok) {
        $record = ConvertTo-ApimErrorRecord -NativeError $answer.Error -ErrorJson $answer.ErrorJson -Operation 'connect'
        $PSCmdlet.ThrowTerminatingError($record)
    }
    if (-not $PSCmdlet.ShouldProcess($answer.Target, 'Connect ApimNative')) {
        $answer.Session.Dispose()
        return
    }

    $connection = $answer.State
    $connection['Session'] = $answer.Session
    $previous = $script:ApimNativeConnection
    $script:ApimNativeConnection = $connection
    Clear-ApimNativeClientCache
    if ($previous -and $previous['Session']) {
        $previous['Session'].Dispose()
    }
    Write-Verbose -Message ('ApimNative now signs in with the {0}.' -f $answer.Target)
    $answer.Connection
}
