Describe 'New-AzApiManagementBackendCredential' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'runs the seed example and the backend carries the credentials' {
        $apimContext = $context
        $credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter opensesame -Query @{"sv" = @('xx', 'bb'); "sr" = @('cc')} -Header @{"x-my-1" = @('val1', 'val2')}
        $credential.PSObject.TypeNames | Should -Contain 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential'
        $credential.Authorization.Scheme | Should -Be 'basic'
        $credential.Query.Count | Should -Be 2
        ($credential.Query['sv'] -join ',') | Should -Be 'xx,bb'
        ($credential.Header['x-my-1'] -join ',') | Should -Be 'val1,val2'

        $backend = New-AzApiManagementBackend -Context  $apimContext -BackendId 123 -Url 'https://contoso.com/awesomeapi' -Protocol http -Title "first backend" -SkipCertificateChainValidation $true -Credential $credential -Description "my backend"
        $backend.Credentials.Authorization.Scheme | Should -Be 'basic'
        $backend.Credentials.Query.Count | Should -Be 2
        $backend.Credentials.Header.Count | Should -Be 1
    }

    It 'sends -CertificateId as certificateIds, not as thumbprints (Az issue #25799)' {
        $certificateId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/certificates/cert1'
        $credential = New-AzApiManagementBackendCredential -CertificateId $certificateId
        $credential.CertificateIds | Should -Be @($certificateId)
        $credential.Certificate | Should -BeNullOrEmpty
        $null = New-AzApiManagementBackend -Context $context -BackendId certbackend -Url 'https://cert.contoso.com/' -Protocol http -Credential $credential
        $read = Get-AzApiManagementBackend -Context $context -BackendId certbackend
        $read.Credentials.CertificateIds | Should -Be @($certificateId)
        $read.Credentials.Certificate | Should -BeNullOrEmpty
    }

    It 'accepts a plain string as a Query or Header value' {
        $credential = New-AzApiManagementBackendCredential -Header @{ 'x-api-key' = 'single' } -Query @{ 'sv' = 'one' }
        @($credential.Header['x-api-key']) | Should -Be @('single')
        @($credential.Query['sv']) | Should -Be @('one')
    }

    It 'reports a scheme without a parameter instead of dropping the authorization' {
        { New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic } |
            Should -Throw -ErrorId 'ApimNative.BackendCredentialNewFailed*'
        try {
            New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic
        }
        catch {
            $_.CategoryInfo.Category | Should -Be 'InvalidArgument'
            # Issue 16: the message names the parameter; the wire field stays in the exception's data.
            $_.ErrorDetails.Message | Should -Match '-AuthorizationHeaderParameter'
            $_.Exception.Data['ApimErrorJson'] | Should -Match 'authorization\.parameter'
        }
    }

    It 'never puts the authorization parameter into an error or the formatted output' {
        $credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter 'TopSecretValue1'
        ($credential | Out-String) | Should -Not -Match 'TopSecretValue1'
        ($credential.Authorization | Out-String) | Should -Not -Match 'TopSecretValue1'
        $failure = $null
        try {
            New-AzApiManagementBackendCredential -AuthorizationHeaderScheme '' -AuthorizationHeaderParameter 'TopSecretValue1'
        }
        catch {
            $failure = $_
        }
        $failure | Should -Not -BeNullOrEmpty
        ($failure | Out-String) | Should -Not -Match 'TopSecretValue1'
        $failure.ErrorDetails.Message | Should -Not -Match 'TopSecretValue1'
    }
}
