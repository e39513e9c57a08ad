Describe 'Connect-ApimNative' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'ConnectTestSupport.ps1'))
        $requiredToken = 'pester-required-token-1234'
        $emulator = Start-TokenEmulator -RequiredToken $requiredToken
        $context = New-TestContext -Emulator $emulator
        $clientSecret = 'pester-Client-Secret-5678'
        $secureSecret = ConvertTo-SecureString -String $clientSecret -AsPlainText -Force
        $credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList @('11111111-2222-3333-4444-555555555555', $secureSecret)
    }

    AfterAll {
        Disconnect-ApimNative
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    AfterEach {
        Disconnect-ApimNative
    }

    It 'sends the access token it was given' {
        $connection = Connect-ApimNative -AccessToken $requiredToken
        $connection.PSObject.TypeNames | Should -Contain 'ApimNative.Connection'
        $connection.Kind | Should -Be 'token'
        ($connection | Out-String) | Should -Not -Match $requiredToken
        { Get-AzApiManagementBackend -Context $context -ErrorAction Stop } | Should -Not -Throw
    }

    It 'is rejected by the emulator with another token' {
        $null = Connect-ApimNative -AccessToken 'some-other-token'
        { Get-AzApiManagementBackend -Context $context -ErrorAction Stop } | Should -Throw
    }

    It 'keeps a service principal secret out of the output and -WhatIf' {
        $connection = Connect-ApimNative -ServicePrincipal -TenantId 'contoso.onmicrosoft.com' -Credential $credential -Subscription $TestSubscriptionId
        $connection.Kind | Should -Be 'clientSecret'
        $connection.Account | Should -Be 'application 11111111-2222-3333-4444-555555555555'
        $connection.SubscriptionId | Should -Be $TestSubscriptionId
        ($connection | Format-List -Property * | Out-String) | Should -Not -Match $clientSecret
        $state = Get-ApimNativeConnectionState
        $state['Auth']['kind'] | Should -Be 'clientSecret'
        $state['Auth']['tenantId'] | Should -Be 'contoso.onmicrosoft.com'
        $state['Auth']['clientId'] | Should -Be '11111111-2222-3333-4444-555555555555'
        $state['SubscriptionId'] | Should -Be $TestSubscriptionId
        # Issue 16: the module state keeps the secret as a SecureString, not as text.
        $state['Auth']['clientSecret'] | Should -BeOfType [System.Security.SecureString]
        @($state['Auth'].Values | Where-Object -FilterScript { $_ -is [string] -and $_ -eq $clientSecret }).Count | Should -Be 0

        Disconnect-ApimNative
        $text = Get-WhatIfText -ScriptBlock { Connect-ApimNative -ServicePrincipal -TenantId 'contoso.onmicrosoft.com' -Credential $credential -WhatIf -Verbose }
        $text | Should -Match 'Connect ApimNative'
        $text | Should -Not -Match $clientSecret
        Get-ApimNativeConnectionState | Should -BeNullOrEmpty
    }

    It 'maps -Identity -AccountId to a client id or a resource id' {
        $null = Connect-ApimNative -Identity
        (Get-ApimNativeConnectionState)['Auth']['kind'] | Should -Be 'managedIdentity'
        (Get-ApimNativeConnectionState)['Auth'].ContainsKey('identityClientId') | Should -BeFalse

        $null = Connect-ApimNative -Identity -AccountId '00000000-1111-2222-3333-444444444444'
        (Get-ApimNativeConnectionState)['Auth']['identityClientId'] | Should -Be '00000000-1111-2222-3333-444444444444'

        $resourceId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ua'
        $null = Connect-ApimNative -Identity -AccountId $resourceId
        (Get-ApimNativeConnectionState)['Auth']['identityResourceId'] | Should -Be $resourceId
    }

    It 'selects the cloud endpoints with -Environment' {
        $connection = Connect-ApimNative -UseAzureCli -Environment AzureUSGovernment
        $connection.Environment | Should -Be 'AzureUSGovernment'
        $state = Get-ApimNativeConnectionState
        $state['Auth']['kind'] | Should -Be 'azureCli'
        $state['Auth']['environment'] | Should -Be 'AzureUSGovernment'
        $state['ArmEndpoint'] | Should -Be 'https://management.usgovcloudapi.net'
        $state['GraphEndpoint'] | Should -Be 'https://graph.microsoft.us'
        { Connect-ApimNative -UseAzureCli -Environment Mars } | Should -Throw
    }

    It 'uses the default chain without credential parameters' {
        $connection = Connect-ApimNative
        $connection.Kind | Should -Be 'default'
    }

    It 'resolves a relative federated token file against the current location' {
        [System.IO.File]::WriteAllText([System.IO.Path]::Combine($TestDrive, 'token.jwt'), 'header.payload.signature')
        Push-Location -Path $TestDrive
        try {
            $null = Connect-ApimNative -FederatedTokenFile 'token.jwt' -TenantId 'contoso.onmicrosoft.com' -ApplicationId 'app-id'
        }
        finally {
            Pop-Location
        }
        $state = Get-ApimNativeConnectionState
        $state['Auth']['kind'] | Should -Be 'workloadIdentity'
        [System.IO.Path]::IsPathRooted($state['Auth']['federatedTokenFile']) | Should -BeTrue
    }

    It 'reports an unreadable certificate as ApimNative.ConnectFailed without the password' {
        $password = ConvertTo-SecureString -String 'pester-Pfx-Password-9' -AsPlainText -Force
        $missing = [System.IO.Path]::Combine($TestDrive, 'missing.pfx')
        $failure = $null
        try {
            Connect-ApimNative -ServicePrincipal -TenantId 'contoso.onmicrosoft.com' -ApplicationId 'app-id' -CertificatePath $missing -CertificatePassword $password -ErrorAction Stop
        }
        catch {
            $failure = $_
        }
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'ApimNative.ConnectFailed*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -Match 'auth.certificatePath'
        ($failure | Out-String) | Should -Not -Match 'pester-Pfx-Password-9'
        Get-ApimNativeConnectionState | Should -BeNullOrEmpty
    }

    It 'points ARM and Graph at an emulator with -Emulator, with no credential' {
        $plain = Start-ApimNativeEmulator
        try {
            $connection = Connect-ApimNative -Emulator $plain
            $connection.Kind | Should -Be 'none'
            $connection.ArmEndpoint | Should -Be $plain.BaseUrl
            $connection.GraphEndpoint | Should -Be $plain.BaseUrl
            # A context without -Endpoint goes to the connection's ARM endpoint.
            $apimContext = New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'contoso' -SubscriptionId $TestSubscriptionId
            $null = New-AzApiManagementBackend -Context $apimContext -BackendId 'via-emulator' -Url 'https://contoso.com/' -Protocol http
            (Get-AzApiManagementBackend -Context $apimContext -BackendId 'via-emulator').BackendId | Should -Be 'via-emulator'
            @(Get-MgIdentityApiConnector -All).Count | Should -Be 0
        }
        finally {
            Stop-ApimNativeEmulator -Emulator $plain
        }
    }

    It 'takes explicit -ArmEndpoint and -GraphEndpoint, over -Environment' {
        $plain = Start-ApimNativeEmulator
        try {
            $connection = Connect-ApimNative -ArmEndpoint ($plain.BaseUrl + '/') -GraphEndpoint $plain.BaseUrl
            $connection.ArmEndpoint | Should -Be $plain.BaseUrl
            $connection.GraphEndpoint | Should -Be $plain.BaseUrl
            $apimContext = New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'contoso' -SubscriptionId $TestSubscriptionId
            @(Get-AzApiManagementBackend -Context $apimContext).Count | Should -Be 0

            $sovereign = Connect-ApimNative -UseAzureCli -Environment AzureUSGovernment -GraphEndpoint 'https://graph.contoso.example'
            $sovereign.ArmEndpoint | Should -Be 'https://management.usgovcloudapi.net'
            $sovereign.GraphEndpoint | Should -Be 'https://graph.contoso.example'
        }
        finally {
            Stop-ApimNativeEmulator -Emulator $plain
        }
    }

    It 'refuses an endpoint that is not a URL, naming it' {
        { Connect-ApimNative -ArmEndpoint 'not a url' -ErrorAction Stop } | Should -Throw -ErrorId 'ApimNative.ConnectFailed*'
        try {
            Connect-ApimNative -GraphEndpoint 'ftp:/nowhere' -ErrorAction Stop
        }
        catch {
            $_.Exception.Data['ApimTarget'] | Should -Be 'graphEndpoint'
        }
    }

    It 'never starts the default chain for an unconnected Graph call to a loopback Graph endpoint' {
        # Every source of the chain is pointed at this listener; it never accepts, so any attempt
        # would stay visible as a pending connection.
        $listener = New-Object -TypeName System.Net.Sockets.TcpListener -ArgumentList @([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $trap = 'http://127.0.0.1:{0}' -f $listener.LocalEndpoint.Port
        $variables = @{
            AZURE_TENANT_ID                = 'pester-tenant'
            AZURE_CLIENT_ID                = 'pester-client'
            AZURE_CLIENT_SECRET            = 'pester-chain-secret'
            AZURE_AUTHORITY_HOST           = $trap
            AZURE_FEDERATED_TOKEN_FILE     = [System.IO.Path]::Combine($TestDrive, 'token.jwt')
            IDENTITY_ENDPOINT              = $trap
            IDENTITY_HEADER                = 'pester'
            MSI_ENDPOINT                   = $trap
            APIM_NATIVE_TEST_IMDS_ENDPOINT = $trap
        }
        $saved = @{}
        foreach ($name in $variables.Keys) {
            $saved[$name] = [System.Environment]::GetEnvironmentVariable($name)
            [System.Environment]::SetEnvironmentVariable($name, $variables[$name])
        }
        try {
            $modulePath = (Get-Module -Name ApimNative).Path -replace '\.psm1$', '.psd1'
            $probe = [System.IO.Path]::Combine($PSScriptRoot, 'DefaultChainProbe.ps1')
            $output = & ([System.IO.Path]::Combine($PSHOME, 'pwsh')) -NoProfile -NonInteractive -File $probe -ModulePath $modulePath 2>&1
            $LASTEXITCODE | Should -Be 0 -Because ($output | Out-String)
            ($output | Out-String) | Should -Match 'probe-result Probe'
            ($output | Out-String) | Should -Not -Match 'pester-chain-secret'
            $listener.Pending() | Should -BeFalse
        }
        finally {
            foreach ($name in $variables.Keys) {
                [System.Environment]::SetEnvironmentVariable($name, $saved[$name])
            }
            $listener.Stop()
        }
    }

    It 'requires a tenant for a service principal' {
        { Connect-ApimNative -ServicePrincipal -Credential $credential -TenantId '' } | Should -Throw
    }
}

Describe 'Connect-ApimNative keeps Connect-AzAccount habits' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
    }

    AfterAll {
        Disconnect-ApimNative
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'takes -SubscriptionId and -SubscriptionName as aliases of -Subscription' {
        (Connect-ApimNative -Emulator $emulator -SubscriptionId $script:TestSubscriptionId).SubscriptionId | Should -Be $script:TestSubscriptionId
        (Get-Command -Name Connect-ApimNative).Parameters['Subscription'].Aliases | Should -Be @('SubscriptionId', 'SubscriptionName')
    }

    It 'refuses a subscription that is not an id, saying names are not resolved' {
        { Connect-ApimNative -Emulator $emulator -SubscriptionName 'Contoso Production' } | Should -Throw -ErrorId 'ApimNative.ConnectFailed*' -ExpectedMessage "*-Subscription 'Contoso Production' is not a subscription id*"
    }

    It 'refuses a -FederatedTokenFile that does not exist when connecting' {
        $missing = [System.IO.Path]::Combine($TestDrive, 'no-such-token')
        { Connect-ApimNative -FederatedTokenFile $missing -TenantId 'contoso.onmicrosoft.com' -ApplicationId '00000000-1111-2222-3333-444444444444' } | Should -Throw -ErrorId 'ApimNative.ConnectFailed*' -ExpectedMessage '*-FederatedTokenFile*does not exist*'
    }
}

Describe 'Connect-ApimNative -CertificateThumbprint' {
    It 'signs in with a certificate from the CurrentUser personal store, in memory, and refuses an unknown thumbprint' {
        # A child pwsh whose HOME is the test drive, so that the certificate store it fills is its own.
        $module = [System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'module', 'ApimNative', 'ApimNative.psd1')
        $script = @'
param ($ModulePath)
$rsa = [System.Security.Cryptography.RSA]::Create(2048)
$request = New-Object -TypeName System.Security.Cryptography.X509Certificates.CertificateRequest -ArgumentList @(
    'CN=store.contoso.example', $rsa, [System.Security.Cryptography.HashAlgorithmName]::SHA256, [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
$created = $request.CreateSelfSigned([System.DateTimeOffset]::UtcNow.AddDays(-1), [System.DateTimeOffset]::UtcNow.AddDays(30))
$flags = [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]::Exportable -bor [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]::PersistKeySet
$withKey = New-Object -TypeName System.Security.Cryptography.X509Certificates.X509Certificate2 -ArgumentList @($created.Export('Pfx', 'pw'), 'pw', $flags)
$store = New-Object -TypeName System.Security.Cryptography.X509Certificates.X509Store -ArgumentList @('My', 'CurrentUser')
$store.Open('ReadWrite')
$store.Add($withKey)
$store.Close()
Import-Module -Name $ModulePath
$connection = Connect-ApimNative -ServicePrincipal -TenantId 'contoso.onmicrosoft.com' -ApplicationId '00000000-1111-2222-3333-444444444444' -CertificateThumbprint $withKey.Thumbprint.ToLowerInvariant()
'kind=' + $connection.Kind
$state = & (Get-Module -Name ApimNative) { $script:ApimNativeConnection }
'data-is-secure=' + ($state['Auth']['certificateData'] -is [System.Security.SecureString])
try {
    $null = Connect-ApimNative -ServicePrincipal -TenantId 'contoso.onmicrosoft.com' -ApplicationId '00000000-1111-2222-3333-444444444444' -CertificateThumbprint ('AB' * 20) -ErrorAction Stop
    'unknown=accepted'
}
catch {
    'unknown=' + $_.FullyQualifiedErrorId + ' | ' + $_.Exception.Message
}
# HOME isolates the store on Linux and macOS only: on Windows the certificate is taken out again.
$store.Open('ReadWrite')
$store.Remove($withKey)
$store.Close()
'@
        $scriptPath = [System.IO.Path]::Combine($TestDrive, 'StoreCertificate.ps1')
        [System.IO.File]::WriteAllText($scriptPath, $script)
        $storeHome = [System.IO.Path]::Combine($TestDrive, 'home')
        $null = New-Item -Path $storeHome -ItemType Directory -Force
        $previousHome = $env:HOME
        try {
            $env:HOME = $storeHome
            $output = & ([System.IO.Path]::Combine($PSHOME, 'pwsh')) -NoProfile -NonInteractive -File $scriptPath -ModulePath $module 2>&1 | Out-String
        }
        finally {
            $env:HOME = $previousHome
        }
        $output | Should -Match 'kind=clientCertificate'
        $output | Should -Match 'data-is-secure=True'
        $output | Should -Match 'unknown=ApimNative.ConnectFailed'
        $output | Should -Match 'is not in the CurrentUser or LocalMachine personal store'
    }
}
