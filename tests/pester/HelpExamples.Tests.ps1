# Issue 16: every example in the module's help runs as Get-Help prints it, against the in-process
# emulator. The prompts (PS C:\>, >>) are removed as a user copying the example would. The
# variables an example uses without making them ($apimContext, $identityApiConnectorId, $pfxPath,
# ...) are set first, as the example's text assumes; Get-Credential and Read-Host, which would
# prompt, answer with test values. Connect-ApimNative examples only record a connection (nothing
# is sent when connecting): after each example the module is connected to the emulator again.
BeforeDiscovery {
    $modulePath = [System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'module', 'ApimNative', 'ApimNative.psd1')
    Import-Module -Name $modulePath -Force
    $examples = foreach ($command in @(Get-Command -Module ApimNative | Sort-Object -Property Name)) {
        $number = 0
        foreach ($example in @((Get-Help -Name $command.Name -Full).examples.example)) {
            $number++
            @{ Name = ('{0} example {1}' -f $command.Name, $number); Code = [string]$example.code }
        }
    }
}

Describe 'Help examples' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))
        $emulator = Start-TestEmulator
        $pfx = New-TestPfx -Password 'secret'
        $spPfx = New-TestPfx -Password 'example-secret'
        $pfxFile = [System.IO.Path]::Combine($TestDrive, 'client.pfx')
        [System.IO.File]::WriteAllBytes($pfxFile, [Convert]::FromBase64String($pfx.Base64))

        # Examples whose text is Microsoft's shortened placeholder (not base64): the library refuses
        # them before anything is sent, naming the field, and that is what is checked.
        $placeholders = @{
            'New-MgIdentityApiConnector example 2'                           = 'authenticationConfiguration.pkcs12Value'
            'Invoke-MgUploadIdentityApiConnectorClientCertificate example 1' = 'pkcs12Value'
        }

        function Connect-ExampleEmulator {
            $null = Connect-ApimNative -Emulator $emulator -Subscription $script:TestSubscriptionId
        }

        function Reset-ExampleData {
            # The backends and the connector the examples name, as they would exist in a real service.
            $contexts = @(
                New-AzApiManagementContext -ResourceGroupName 'Api-Default-WestUS' -ServiceName 'contoso'
                New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'apimService1'
            )
            foreach ($seedContext in $contexts) {
                foreach ($id in @('123', 'proxybackend', 'cb', 'backend-1', 'backend-2', 'backend-3', 'backend-4')) {
                    $null = New-AzApiManagementBackend -Context $seedContext -BackendId $id -Url ('https://{0}.contoso.com/' -f $id) -Protocol http -Title $id
                }
                $null = New-AzApiManagementBackend -Context $seedContext -BackendId 'sustainable-backend-europe-north' -Url 'https://sustainable.contoso.com/' -Protocol http -AzureRegion northeurope
            }
            foreach ($old in @(Get-MgIdentityApiConnector -All)) {
                Remove-MgIdentityApiConnector -IdentityApiConnectorId $old.Id
            }
            New-TestConnector -DisplayName 'Old API'
        }
    }

    AfterAll {
        Disconnect-ApimNative
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It '<Name> runs as printed' -TestCases $examples {
        param ($Name, $Code)
        Connect-ExampleEmulator
        $connector = Reset-ExampleData
        $lines = foreach ($line in ($Code -split "`r?`n")) {
            $line -replace '^\s*PS [A-Z]:\\>\s?', '' -replace '^\s*>>\s?', ''
        }
        $script = [scriptblock]::Create(($lines -join [System.Environment]::NewLine))
        $location = Get-Location
        $workingDirectory = [System.IO.Path]::Combine($TestDrive, [guid]::NewGuid().ToString('N'))
        $null = New-Item -Path $workingDirectory -ItemType Directory
        Set-Location -LiteralPath $workingDirectory
        # The service principal's certificate file the Connect-ApimNative example reads, with the
        # password the Read-Host below answers.
        [System.IO.File]::WriteAllBytes([System.IO.Path]::Combine($workingDirectory, 'sp.pfx'), [Convert]::FromBase64String($spPfx.Base64))
        $failures = $null
        try {
            $failures = & {
                # What the examples' text assumes exists already.
                $apimContext = New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'apimService1'
                $backends = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends'
                $credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter opensesame
                $identityApiConnectorId = $connector.Id
                $id = $connector.Id
                $pfxPath = $pfxFile
                $pfxPassword = 'secret'
                $emulatorForPipe = Start-ApimNativeEmulator
                $emulator = $emulatorForPipe
                function Get-Credential {
                    param ([string] $UserName = 'user', [string] $Message)
                    New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList @($UserName, (ConvertTo-SecureString -String 'example-secret' -AsPlainText -Force))
                }
                function Read-Host {
                    param ([switch] $AsSecureString, [object] $Prompt)
                    ConvertTo-SecureString -String 'example-secret' -AsPlainText -Force
                }
                try {
                    $null = . $script 2>&1 | Where-Object -FilterScript { $_ -is [System.Management.Automation.ErrorRecord] } | Tee-Object -Variable errorsSeen
                    @($errorsSeen)
                }
                catch {
                    @($_)
                }
                finally {
                    # An example may have stopped it already (Stop-ApimNativeEmulator examples).
                    Stop-ApimNativeEmulator -Emulator $emulatorForPipe -ErrorAction SilentlyContinue
                    if ($null -ne $emulator -and $emulator -ne $emulatorForPipe) {
                        Stop-ApimNativeEmulator -Emulator $emulator -ErrorAction SilentlyContinue
                    }
                }
            }
        }
        finally {
            Set-Location -LiteralPath $location.Path
        }
        $failures = @($failures | Where-Object -FilterScript { $null -ne $_ })
        if ($placeholders.ContainsKey($Name)) {
            $failures.Count | Should -Be 1
            $failures[0].Exception.Message + [string]$failures[0].ErrorDetails | Should -Match ([regex]::Escape($placeholders[$Name]))
            return
        }
        ($failures | ForEach-Object -Process { '{0}: {1}' -f $_.FullyQualifiedErrorId, $_.Exception.Message }) -join "`n" | Should -BeNullOrEmpty
    }
}
