Describe 'New-AzApiManagementBackendProxy' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator
        $secpassword = ConvertTo-SecureString -String 'PlainTextPassword' -AsPlainText -Force
        $proxyCreds = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList @('foo', $secpassword)
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'runs the seed example' {
        $credential = New-AzApiManagementBackendProxy -Url "http://12.168.1.1:8080" -ProxyCredential $proxyCreds
        $credential.PSObject.TypeNames | Should -Contain 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendProxy'
        $credential.Url | Should -Be 'http://12.168.1.1:8080'
        $credential.ProxyCredentials.UserName | Should -Be 'foo'
        $credential.ProxyCredentials.GetNetworkCredential().Password | Should -Be 'PlainTextPassword'

        $apimContext = $context
        $backend = New-AzApiManagementBackend -Context  $apimContext -BackendId 123 -Url 'https://contoso.com/awesomeapi' -Protocol http -Title "first backend" -SkipCertificateChainValidation $true -Proxy $credential -Description "backend with proxy server"
        $backend.Proxy.Url | Should -Be 'http://12.168.1.1:8080'
        $backend.Proxy.ProxyCredentials.UserName | Should -Be 'foo'
    }

    It 'uses PSCredential.Empty without -ProxyCredential, as Az does' {
        $proxy = New-AzApiManagementBackendProxy -Url 'http://proxy.contoso.com:8080'
        $proxy.ProxyCredentials | Should -Be ([System.Management.Automation.PSCredential]::Empty)
    }

    It 'rejects an empty or too long URL before anything is built' {
        { New-AzApiManagementBackendProxy -Url '' } | Should -Throw
        { New-AzApiManagementBackendProxy -Url ('http://{0}' -f ('x' * 2000)) } | Should -Throw
    }

    It 'never shows the password in output, -Verbose or -WhatIf' {
        $proxy = New-AzApiManagementBackendProxy -Url 'http://12.168.1.1:8080' -ProxyCredential $proxyCreds
        ($proxy | Out-String) | Should -Not -Match 'PlainTextPassword'
        $verbose = New-AzApiManagementBackend -Context $context -BackendId proxyverbose -Url 'https://contoso.com/' -Protocol http -Proxy $proxy -Verbose 4>&1
        ($verbose | Out-String) | Should -Not -Match 'PlainTextPassword'
        $whatIf = Get-WhatIfText -ScriptBlock { New-AzApiManagementBackend -Context $context -BackendId proxywhatif -Url 'https://contoso.com/' -Protocol http -Proxy $proxy -WhatIf }
        $whatIf | Should -Match 'proxywhatif'
        $whatIf | Should -Not -Match 'PlainTextPassword'
    }
}
