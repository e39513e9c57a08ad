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
        # Issue 16: the secret lives in the native session, not in the module state.
        $state['Session'] | Should -BeOfType [ApimNative.SessionHandle]
        $state['Auth'].ContainsKey('clientSecret') | Should -BeFalse
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
        # The message names the cmdlet's parameter; the target keeps the library's field for scripts.
        $failure.Exception.Message | Should -Match '-CertificatePath'
        $failure.Exception.Data['ApimTarget'] | Should -Be 'auth.certificatePath'
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

    It 'gives an -Emulator connection without -Subscription the emulator subscription, so a context without one works' {
        $plain = Start-ApimNativeEmulator
        $saved = $env:AZURE_SUBSCRIPTION_ID
        try {
            # An emulator connection does not take the environment's subscription (meant for Azure).
            $env:AZURE_SUBSCRIPTION_ID = '99999999-9999-9999-9999-999999999999'
            $connection = Connect-ApimNative -Emulator $plain
            $connection.SubscriptionId | Should -Be '00000000-0000-0000-0000-000000000000'
            $apimContext = New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'contoso'
            $made = New-AzApiManagementBackend -Context $apimContext -BackendId 'no-subscription' -Url 'https://contoso.com/' -Protocol http
            $made.Id | Should -BeLike '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/*/backends/no-subscription'
            @(Get-AzApiManagementBackend -Context $apimContext).BackendId | Should -Be @('no-subscription')

            # -Subscription still wins.
            $chosen = Connect-ApimNative -Emulator $plain -Subscription '00000000-0000-0000-0000-000000000007'
            $chosen.SubscriptionId | Should -Be '00000000-0000-0000-0000-000000000007'
            @(Get-AzApiManagementBackend -Context $apimContext).Count | Should -Be 0
        }
        finally {
            $env:AZURE_SUBSCRIPTION_ID = $saved
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
'data-kept=' + $state['Auth'].ContainsKey('certificateData') + ' session=' + ($state['Session'] -is [ApimNative.SessionHandle])
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
        $output | Should -Match 'data-kept=False session=True'
        $output | Should -Match 'unknown=ApimNative.ConnectFailed'
        $output | Should -Match 'is not in the CurrentUser or LocalMachine personal store'
    }
}

Describe 'Connect-ApimNative takes its clouds from the native library' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $clouds = @((ConvertFrom-Json -InputObject ([ApimNative.Interop]::CloudList())).clouds)
    }

    AfterAll {
        Disconnect-ApimNative
    }

    It 'validates and completes -Environment with exactly the names of the table' {
        $validateSet = (Get-Command -Name Connect-ApimNative).Parameters['Environment'].Attributes |
            Where-Object -FilterScript { $_ -is [System.Management.Automation.ValidateSetAttribute] }
        @($validateSet.ValidValues) | Should -Be @($clouds | ForEach-Object -Process { $_.name })
        $line = 'Connect-ApimNative -Environment '
        $completed = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        # Completion lists them sorted.
        @($completed | ForEach-Object -Process { $_.CompletionText }) | Should -Be @($clouds | ForEach-Object -Process { $_.name } | Sort-Object)
    }

    It 'connects to each cloud at the endpoints of the table' {
        $clouds.Count | Should -BeGreaterThan 2
        foreach ($cloud in $clouds) {
            $connection = Connect-ApimNative -UseAzureCli -Environment $cloud.name
            $connection.Environment | Should -Be $cloud.name
            $connection.ArmEndpoint | Should -Be $cloud.armEndpoint
            $connection.GraphEndpoint | Should -Be $cloud.graphEndpoint
        }
    }
}

Describe 'Connect-ApimNative -Subscription by name' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $productionId = '00000000-0000-0000-0000-00000000a001'
        $emulator = Start-ApimNativeEmulator -Subscription @{
            $productionId                          = 'Contoso Production'
            '00000000-0000-0000-0000-00000000a002' = 'Contoso Dev'
            '00000000-0000-0000-0000-00000000a003' = 'Contoso Dev'
        }
        # No -SubscriptionId: the connection's subscription applies.
        $unaddressed = New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'contoso'
    }

    AfterAll {
        Disconnect-ApimNative
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    AfterEach {
        Disconnect-ApimNative
    }

    It 'resolves a name on first use, and the connection then shows its id and name' {
        $connection = Connect-ApimNative -Emulator $emulator -SubscriptionName 'contoso production'
        $connection.SubscriptionId | Should -BeNullOrEmpty
        $connection.SubscriptionName | Should -BeNullOrEmpty

        $null = New-AzApiManagementBackend -Context $unaddressed -BackendId 'by-name' -Url 'https://contoso.com/' -Protocol http
        $connection.SubscriptionId | Should -Be $productionId
        $connection.SubscriptionName | Should -Be 'Contoso Production'
        ($connection | Format-Table | Out-String -Width 400) | Should -Match 'Contoso Production'
        # The backend went to the resolved subscription.
        $addressed = New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'contoso' -SubscriptionId $productionId -Endpoint $emulator.BaseUrl
        (Get-AzApiManagementBackend -Context $addressed -BackendId 'by-name').BackendId | Should -Be 'by-name'
        # After Disconnect the object keeps what it learnt.
        Disconnect-ApimNative
        $connection.SubscriptionName | Should -Be 'Contoso Production'
    }

    It 'sends nothing when connecting with a name' {
        $listener = New-Object -TypeName System.Net.Sockets.TcpListener -ArgumentList @([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            $silent = 'http://127.0.0.1:{0}' -f $listener.LocalEndpoint.Port
            $null = Connect-ApimNative -AccessToken 'pester-token' -ArmEndpoint $silent -GraphEndpoint $silent -Subscription 'Contoso Production'
            Start-Sleep -Milliseconds 100
            $listener.Pending() | Should -BeFalse
        }
        finally {
            $listener.Stop()
        }
    }

    It 'refuses a name no subscription has, naming -Subscription and the names it sees' {
        $null = Connect-ApimNative -Emulator $emulator -Subscription 'Contoso Staging'
        { Get-AzApiManagementBackend -Context $unaddressed -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*-Subscription 'Contoso Staging' is not the name of a subscription*'Contoso Production'*"
    }

    It 'refuses a name two subscriptions share, listing their ids' {
        $null = Connect-ApimNative -Emulator $emulator -Subscription 'Contoso Dev'
        { Get-AzApiManagementBackend -Context $unaddressed -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*-Subscription 'Contoso Dev' is ambiguous*00000000-0000-0000-0000-00000000a002*00000000-0000-0000-0000-00000000a003*"
    }

    It 'dry-runs against the resolved subscription, not looking the name up in the emulator of the dry run' {
        $null = Connect-ApimNative -Emulator $emulator -Subscription 'Contoso Production'
        $null = New-AzApiManagementBackend -Context $unaddressed -BackendId 'dry-run-base' -Url 'https://contoso.com/' -Protocol http
        $plan = @(Invoke-ApimNativeDryRun -Context $unaddressed -ScriptBlock {
                New-AzApiManagementBackend -Context $unaddressed -BackendId 'dry-run-new' -Url 'https://new.contoso.com/' -Protocol http
            })
        @($plan | ForEach-Object -Process { $_.BackendId }) | Should -Be @('dry-run-new')
    }

    It 'takes an id as it is, with nothing to resolve' {
        $connection = Connect-ApimNative -Emulator $emulator -Subscription $productionId
        $connection.SubscriptionId | Should -Be $productionId
        @(Get-AzApiManagementBackend -Context $unaddressed).Count | Should -BeGreaterOrEqual 0
        $connection.SubscriptionName | Should -BeNullOrEmpty
    }
}

Describe 'Connect-ApimNative keeps secrets in the native session, not in module state' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))

        # Every string reachable from the module's script-scope variables (through hashtables,
        # lists, objects' properties, SecureStrings unwrapped) that contains the secret.
        function Find-ModuleSecret {
            param ([string] $Secret)
            $found = New-Object -TypeName System.Collections.Generic.List[string]
            $seen = New-Object -TypeName 'System.Collections.Generic.HashSet[object]'
            $visit = {
                param ($Value, $Where, $Depth)
                if ($null -eq $Value -or $Depth -gt 8) {
                    return
                }
                if ($Value -is [string]) {
                    if ($Value.Contains($Secret)) {
                        $found.Add($Where)
                    }
                    return
                }
                if ($Value -is [System.Security.SecureString]) {
                    if ((New-Object -TypeName System.Net.NetworkCredential -ArgumentList @('', $Value)).Password.Contains($Secret)) {
                        $found.Add($Where)
                    }
                    return
                }
                if ($Value -is [System.ValueType] -or $Value -is [System.Runtime.InteropServices.SafeHandle] -or $Value -is [scriptblock]) {
                    return
                }
                if (-not $seen.Add($Value)) {
                    return
                }
                if ($Value -is [System.Collections.IDictionary]) {
                    foreach ($key in @($Value.Keys)) {
                        & $visit $key ('{0}.key' -f $Where) ($Depth + 1)
                        & $visit $Value[$key] ('{0}[{1}]' -f $Where, $key) ($Depth + 1)
                    }
                    return
                }
                if ($Value -is [System.Collections.IEnumerable]) {
                    $index = 0
                    foreach ($item in $Value) {
                        & $visit $item ('{0}[{1}]' -f $Where, $index) ($Depth + 1)
                        $index++
                    }
                    return
                }
                if ($Value -is [System.Management.Automation.PSCustomObject] -or $Value -is [pscredential]) {
                    foreach ($property in $Value.PSObject.Properties) {
                        if ($property.MemberType -eq 'NoteProperty' -or $property.MemberType -eq 'Property') {
                            & $visit $property.Value ('{0}.{1}' -f $Where, $property.Name) ($Depth + 1)
                        }
                    }
                    return
                }
                & $visit ([string]$Value) ('{0} (as text)' -f $Where) ($Depth + 1)
            }
            $variables = & (Get-Module -Name ApimNative) { Get-Variable -Scope Script }
            @($variables).Count | Should -BeGreaterThan 3
            foreach ($variable in $variables) {
                & $visit $variable.Value ('$script:' + $variable.Name) 0
            }
            , $found.ToArray()
        }
        $emulator = Start-TestEmulator
    }

    AfterAll {
        Disconnect-ApimNative
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'finds what it looks for (the walk itself works)' {
        & (Get-Module -Name ApimNative) { $script:PesterProbe = @{ nested = @([PSCustomObject]@{ Value = (ConvertTo-SecureString -String 'pester-walk-probe' -AsPlainText -Force) }) } }
        try {
            @(Find-ModuleSecret -Secret 'pester-walk-probe').Count | Should -Be 1
        }
        finally {
            & (Get-Module -Name ApimNative) { Remove-Variable -Name PesterProbe -Scope Script }
        }
    }

    It 'keeps no client secret in any module variable' {
        $secret = 'pester-Walk-Client-Secret-4711'
        $credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList @(
            '11111111-2222-3333-4444-555555555555', (ConvertTo-SecureString -String $secret -AsPlainText -Force))
        $null = Connect-ApimNative -ServicePrincipal -TenantId 'contoso.onmicrosoft.com' -Credential $credential -ArmEndpoint $emulator.BaseUrl
        # A cached client too (made, not used: using it would sign in at Entra): it must not bring the secret back.
        & (Get-Module -Name ApimNative) {
            param ($Endpoint)
            function Invoke-ClientProbe {
                [CmdletBinding()]
                param ($Endpoint)
                $null = Get-ApimNativeClient -Cmdlet $PSCmdlet -Endpoint $Endpoint
            }
            Invoke-ClientProbe -Endpoint $Endpoint
        } $emulator.BaseUrl
        (& (Get-Module -Name ApimNative) { $script:ApimNativeClients.Count }) | Should -Be 1
        @(Find-ModuleSecret -Secret $secret) | Should -BeNullOrEmpty
        (& (Get-Module -Name ApimNative) { $script:ApimNativeConnection })['Session'] | Should -BeOfType [ApimNative.SessionHandle]
    }

    It 'keeps no access token in any module variable, and still signs in with it' {
        $token = 'pester-walk-access-token-0815'
        $guarded = Start-ApimNativeEmulator -RequiredToken $token
        try {
            $null = Connect-ApimNative -AccessToken $token
            $context = New-TestContext -Emulator $guarded
            @(Get-AzApiManagementBackend -Context $context -ErrorAction Stop).Count | Should -Be 0
            @(Find-ModuleSecret -Secret $token) | Should -BeNullOrEmpty
        }
        finally {
            Stop-ApimNativeEmulator -Emulator $guarded
        }
    }

    It 'keeps no certificate password in any module variable' {
        $password = 'pester-Walk-Pfx-Password-42'
        $rsa = [System.Security.Cryptography.RSA]::Create(2048)
        $request = New-Object -TypeName System.Security.Cryptography.X509Certificates.CertificateRequest -ArgumentList @(
            'CN=walk.contoso.example', $rsa, [System.Security.Cryptography.HashAlgorithmName]::SHA256, [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
        $certificate = $request.CreateSelfSigned([System.DateTimeOffset]::UtcNow.AddDays(-1), [System.DateTimeOffset]::UtcNow.AddDays(30))
        $pfxPath = [System.IO.Path]::Combine($TestDrive, 'walk.pfx')
        [System.IO.File]::WriteAllBytes($pfxPath, $certificate.Export('Pfx', $password))
        $null = Connect-ApimNative -ServicePrincipal -TenantId 'contoso.onmicrosoft.com' -ApplicationId '00000000-1111-2222-3333-444444444444' `
            -CertificatePath $pfxPath -CertificatePassword (ConvertTo-SecureString -String $password -AsPlainText -Force)
        @(Find-ModuleSecret -Secret $password) | Should -BeNullOrEmpty
    }
}
