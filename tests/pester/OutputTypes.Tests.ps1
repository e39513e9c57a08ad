# The cmdlets' output objects are declared .NET types of the module's own namespace
# (ApimNative.Models, module/ApimNative/OutputTypes.cs) wrapped with the Az or Graph type name
# first, so format views, [PSTypeName()] parameters and Get-Member all see them, and reading a
# list does not pay PowerShell's cost of a note property per member. An object whose members do
# not fit its declared type would silently become a PSCustomObject: this proves each one fits.

Describe 'Declared output types' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))
        $emulator = Start-TestEmulator
        Connect-TestGraph -Emulator $emulator

        function Assert-DeclaredOutput {
            param ($Object, [string]$TypeName, [string]$DeclaredType)
            $Object | Should -Not -BeNullOrEmpty
            $Object.PSObject.TypeNames[0] | Should -Be $TypeName
            $Object.PSObject.BaseObject.GetType().FullName | Should -Be $DeclaredType
            # Every member is a declared property: none was added as a note.
            @($Object.PSObject.Properties | Where-Object -FilterScript { $_.MemberType -eq 'NoteProperty' }).Count | Should -Be 0
        }
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'New-AzApiManagementBackendCredential answers PsApiManagementBackendCredential, its authorization too' {
        $credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter opensesame -Query @{ sv = @('a', 'b') } -CertificateThumbprint 'EBA029198AA3E76EF0D70482626E5BCF148594A6'
        Assert-DeclaredOutput $credential 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential' 'ApimNative.Models.PsApiManagementBackendCredential'
        Assert-DeclaredOutput $credential.Authorization 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementAuthorizationHeaderCredential' 'ApimNative.Models.PsApiManagementAuthorizationHeaderCredential'
        $credential.Query['sv'] | Should -Be @('a', 'b')
    }

    It 'the builders answer their declared types' {
        $az = 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.'
        Assert-DeclaredOutput (New-AzApiManagementBackendTls -SkipCertificateChainValidation $true -ServerX509Name @{ '*.contoso.com' = $null }) 'ApimNative.BackendTls' 'ApimNative.Models.BackendTls'
        $password = ConvertTo-SecureString -String 'proxy-secret' -AsPlainText -Force
        Assert-DeclaredOutput (New-AzApiManagementBackendProxy -Url 'http://192.168.1.1:8080' -ProxyCredential (New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList @('u', $password))) ($az + 'PsApiManagementBackendProxy') 'ApimNative.Models.PsApiManagementBackendProxy'
        Assert-DeclaredOutput (New-AzApiManagementBackendServiceFabric -ManagementEndpoint 'https://cluster.contoso.com' -ClientCertificateId 'cert1' -ServerX509Name @{ 'CN' = 'EBA029198AA3E76EF0D70482626E5BCF148594A6' }) ($az + 'PsApiManagementServiceFabric') 'ApimNative.Models.PsApiManagementServiceFabric'
        Assert-DeclaredOutput (New-AzApiManagementBackendCircuitBreakerRule -Name 'rule' -FailureCount 3 -FailureInterval ([timespan]::FromHours(1)) -FailureStatusCodeRange @(@{ Min = 500; Max = 599 }) -TripDuration ([timespan]::FromHours(1))) 'ApimNative.BackendCircuitBreakerRule' 'ApimNative.Models.BackendCircuitBreakerRule'
        $item = New-AzApiManagementBackendPoolItem -Id '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/b1' -Priority 1 -Weight 1
        Assert-DeclaredOutput $item 'ApimNative.BackendPoolItem' 'ApimNative.Models.BackendPoolItem'
        Assert-DeclaredOutput (New-AzApiManagementBackendPool -Service $item) 'ApimNative.BackendPool' 'ApimNative.Models.BackendPool'
    }

    It 'Get-MgIdentityApiConnector answers MicrosoftGraphIdentityApiConnector, its configuration too' {
        $created = New-TestConnector -DisplayName 'typed'
        $read = Get-MgIdentityApiConnector -IdentityApiConnectorId $created.Id
        Assert-DeclaredOutput $read 'Microsoft.Graph.PowerShell.Models.MicrosoftGraphIdentityApiConnector' 'ApimNative.Models.MicrosoftGraphIdentityApiConnector'
        Assert-DeclaredOutput $read.AuthenticationConfiguration 'Microsoft.Graph.PowerShell.Models.MicrosoftGraphApiAuthenticationConfigurationBase' 'ApimNative.Models.MicrosoftGraphApiAuthenticationConfigurationBase'
        $read.DisplayName | Should -Be 'typed'
    }

    It 'a declared object given back to a cmdlet is read by its members (an edited credential)' {
        $credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter opensesame
        $credential.Authorization.Scheme = 'Bearer'
        $context = New-TestContext -Emulator $emulator
        $backend = New-AzApiManagementBackend -Context $context -ErrorAction Stop -BackendId 'typed-credential' -Url 'https://typed.contoso.com/' -Protocol http -Credential $credential
        $backend.Credentials.Authorization.Scheme | Should -Be 'Bearer'
    }

    It 'a member the declared type lacks is kept: the object is read as a PSCustomObject instead' {
        $read = [ApimNative.ObjectJson]::Read('{"PSTypeName":"ApimNative.BackendTls","ValidateCertificateChain":true,"NotDeclared":1}')
        $read.PSObject.TypeNames[0] | Should -Be 'ApimNative.BackendTls'
        $read.PSObject.BaseObject | Should -BeOfType ([System.Management.Automation.PSCustomObject])
        $read.NotDeclared | Should -Be 1
    }
}
