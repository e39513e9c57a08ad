# Issue 16: the parameters that were [PSObject] so that they take anything are now typed with
# declared types of the module (ParameterTypes.cs, Emulator.cs) so that help shows Az's and
# Graph's types; every kind of value a script passed them before must still bind and do the same.
# The Graph cases send through a counting relay, to see the body that went out.
Describe 'Graph -BodyParameter and -InputObject, typed as Graph''s interfaces' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))
        $emulator = Start-TestEmulator
        $relay = Start-TestCountingRelay -Emulator $emulator
        Connect-TestGraph -Emulator $relay

        function Get-LastBody {
            # The last request body the relay forwarded, as a hashtable.
            $text = @($relay.Bodies)[-1]
            ConvertFrom-Json -InputObject $text -AsHashtable
        }


        $basic = @{ '@odata.type' = '#microsoft.graph.basicAuthentication'; username = 'MyUsername'; password = 'MyPassword' }
    }

    AfterAll {
        Disconnect-ApimNative
        Stop-TestCountingRelay -Relay $relay
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'declares them as the interfaces that carry Graph''s names' {
        (Get-Command -Name New-MgIdentityApiConnector).Parameters['BodyParameter'].ParameterType | Should -Be ([ApimNative.Models.IMicrosoftGraphIdentityApiConnector])
        (Get-Command -Name Update-MgIdentityApiConnector).Parameters['BodyParameter'].ParameterType | Should -Be ([ApimNative.Models.IMicrosoftGraphIdentityApiConnector])
        foreach ($name in @('Get-MgIdentityApiConnector', 'Update-MgIdentityApiConnector', 'Remove-MgIdentityApiConnector', 'Invoke-MgUploadIdentityApiConnectorClientCertificate')) {
            (Get-Command -Name $name).Parameters['InputObject'].ParameterType | Should -Be ([ApimNative.Models.IIdentitySignInsIdentity]) -Because $name
        }
    }

    It 'New- takes a hashtable, keeping a key Graph''s model does not know as an additional property' {
        $created = New-MgIdentityApiConnector -BodyParameter @{ displayName = 'from hashtable'; targetUrl = 'https://someapi.com/api'; authenticationConfiguration = $basic; customFlag = 'kept' }
        $created.DisplayName | Should -Be 'from hashtable'
        $sent = Get-LastBody
        $sent['customFlag'] | Should -Be 'kept'
        $sent['displayName'] | Should -Be 'from hashtable'
    }

    It 'New- takes an [ordered] hashtable, a piped hashtable, a JSON string and a PSCustomObject' {
        (New-MgIdentityApiConnector -BodyParameter ([ordered]@{ displayName = 'ordered'; targetUrl = 'https://someapi.com/api'; authenticationConfiguration = $basic })).DisplayName | Should -Be 'ordered'
        (@{ displayName = 'piped'; targetUrl = 'https://someapi.com/api'; authenticationConfiguration = $basic } | New-MgIdentityApiConnector).DisplayName | Should -Be 'piped'
        $json = '{"displayName":"json","targetUrl":"https://someapi.com/api","authenticationConfiguration":{"@odata.type":"#microsoft.graph.basicAuthentication","username":"u","password":"p"}}'
        (New-MgIdentityApiConnector -BodyParameter $json).DisplayName | Should -Be 'json'
        $custom = [PSCustomObject]@{ displayName = 'custom object'; targetUrl = 'https://someapi.com/api'; authenticationConfiguration = $basic }
        (New-MgIdentityApiConnector -BodyParameter $custom).DisplayName | Should -Be 'custom object'
    }

    It 'Update- takes a hashtable, a JSON string, a PSCustomObject, the connector object Get returned and its Deserialized copy' {
        $connector = New-TestConnector
        Update-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -BodyParameter @{ displayName = 'hashtable'; extraSetting = 1 }
        (Get-LastBody)['extraSetting'] | Should -Be 1
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).DisplayName | Should -Be 'hashtable'

        Update-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -BodyParameter '{"displayName":"json"}'
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).DisplayName | Should -Be 'json'

        Update-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -BodyParameter ([PSCustomObject]@{ displayName = 'custom object' })
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).DisplayName | Should -Be 'custom object'

        $edited = Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id
        $edited.DisplayName = 'connector object'
        $edited.AuthenticationConfiguration = $null
        Update-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -BodyParameter $edited
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).DisplayName | Should -Be 'connector object'

        $copy = ConvertTo-Deserialized $edited
        $copy.DisplayName = 'deserialized copy'
        Update-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id -BodyParameter $copy
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).DisplayName | Should -Be 'deserialized copy'
    }

    It 'Get-, Update- and Remove- take the connector object, given or piped, as -InputObject' {
        $connector = New-TestConnector -DisplayName 'identity'
        (Get-MgIdentityApiConnector -InputObject $connector).DisplayName | Should -Be 'identity'
        ($connector | Get-MgIdentityApiConnector).DisplayName | Should -Be 'identity'
        $connector | Update-MgIdentityApiConnector -DisplayName 'piped identity'
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).DisplayName | Should -Be 'piped identity'
        Update-MgIdentityApiConnector -InputObject $connector -BodyParameter @{ displayName = 'identity and body' }
        (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).DisplayName | Should -Be 'identity and body'
        Remove-MgIdentityApiConnector -InputObject $connector
        @(Get-MgIdentityApiConnector -All | Where-Object -FilterScript { $_.Id -eq $connector.Id }).Count | Should -Be 0
    }

    It '-InputObject takes a Deserialized copy and a PSCustomObject with IdentityApiConnectorId or Id' {
        $connector = New-TestConnector -DisplayName 'identity kinds'
        (Get-MgIdentityApiConnector -InputObject (ConvertTo-Deserialized $connector)).DisplayName | Should -Be 'identity kinds'
        (Get-MgIdentityApiConnector -InputObject ([PSCustomObject]@{ IdentityApiConnectorId = $connector.Id })).DisplayName | Should -Be 'identity kinds'
        ([PSCustomObject]@{ Id = $connector.Id } | Get-MgIdentityApiConnector).DisplayName | Should -Be 'identity kinds'
    }

    It 'Invoke-MgUploadIdentityApiConnectorClientCertificate takes a hashtable -BodyParameter and a piped connector' {
        $connector = New-TestConnector -DisplayName 'upload'
        $pfx = New-TestPfx -Password 'pfx-s3cret'
        $connector | Invoke-MgUploadIdentityApiConnectorClientCertificate -BodyParameter @{ pkcs12Value = $pfx.Base64; password = 'pfx-s3cret' }
        $read = Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id
        $read.AuthenticationConfiguration.AdditionalProperties['@odata.type'] | Should -Be '#microsoft.graph.clientCertificateAuthentication'
    }
}

Describe '-DefaultProfile, typed as Az''s IAzureContextContainer' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $apimContext = New-TestContext -Emulator $emulator
        $null = New-TestBackend -Context $apimContext -BackendId 'profiled'
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'is declared as the interface on every Az cmdlet (DocumentedSyntax.Tests.ps1 checks the aliases)' {
        $names = @(Get-Command -Module ApimNative -Name '*-AzApiManagement*' | ForEach-Object -Process { $_.Name })
        $names.Count | Should -BeGreaterThan 10
        foreach ($name in $names) {
            (Get-Command -Name $name).Parameters['DefaultProfile'].ParameterType | Should -Be ([ApimNative.Models.IAzureContextContainer]) -Because $name
        }
    }

    It 'takes whatever a script passes and ignores it: <Kind>' -ForEach @(
        @{ Kind = 'an Az-like context object'; Value = [PSCustomObject]@{ PSTypeName = 'Microsoft.Azure.Commands.Profile.Models.Core.PSAzureContext'; Name = 'Contoso'; Subscription = 'x' } }
        @{ Kind = 'a Deserialized context'; Value = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize([PSCustomObject]@{ PSTypeName = 'Microsoft.Azure.Commands.Profile.Models.Core.PSAzureContext'; Name = 'Contoso' })) }
        @{ Kind = 'a string'; Value = 'Contoso' }
        @{ Kind = 'a hashtable'; Value = @{ Account = 'someone' } }
        @{ Kind = 'a number'; Value = 42 }
        @{ Kind = '$null'; Value = $null }
    ) {
        (Get-AzApiManagementBackend -Context $apimContext -BackendId 'profiled' -DefaultProfile $Value).BackendId | Should -Be 'profiled'
        (Get-AzApiManagementBackend -Context $apimContext -BackendId 'profiled' -AzContext $Value).BackendId | Should -Be 'profiled'
        $credential = New-AzApiManagementBackendCredential -Header @{ 'x-key' = @('v') } -AzureRmContext $Value
        $credential.Header['x-key'] | Should -Be 'v'
        New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'apimService1' -AzureCredential $Value | Should -Not -BeNullOrEmpty
    }
}

Describe 'The emulator object, a declared class' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        . ([System.IO.Path]::Combine($PSScriptRoot, 'MgTestSupport.ps1'))
        $emulator = Start-TestEmulator
    }

    AfterAll {
        Disconnect-ApimNative
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'is an ApimNative.Models.Emulator named ApimNative.Emulator, its handle out of the default view' {
        $emulator.PSObject.BaseObject | Should -BeOfType ([ApimNative.Models.Emulator])
        $emulator.PSObject.TypeNames[0] | Should -Be 'ApimNative.Emulator'
        $emulator.Handle | Should -BeOfType ([ApimNative.EmulatorHandle])
        $shown = $emulator | Format-Table | Out-String
        $shown | Should -Match 'BaseUrl'
        $shown | Should -Not -Match 'Handle'
        (Get-Command -Name Connect-ApimNative).Parameters['Emulator'].ParameterType | Should -Be ([ApimNative.Models.Emulator])
        (Get-Command -Name Stop-ApimNativeEmulator).Parameters['Emulator'].ParameterType | Should -Be ([ApimNative.Models.Emulator])
    }

    It 'Connect-ApimNative -Emulator takes it, its Deserialized copy and a script''s own object named ApimNative.Emulator' {
        foreach ($given in @(
                $emulator,
                [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($emulator)),
                [PSCustomObject]@{ PSTypeName = 'ApimNative.Emulator'; BaseUrl = $emulator.BaseUrl; Started = 'by apim-emulator' })) {
            $null = Connect-ApimNative -Emulator $given -ErrorAction Stop
            $connector = New-TestConnector -DisplayName ('via {0}' -f $given.PSObject.TypeNames[0])
            (Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id).DisplayName | Should -Be $connector.DisplayName
        }
    }

    It 'still refuses an object of another type, as [PSTypeName()] did' {
        { Connect-ApimNative -Emulator ([PSCustomObject]@{ BaseUrl = $emulator.BaseUrl }) -ErrorAction Stop } | Should -Throw -ErrorId 'MismatchedPSTypeName*'
        { Stop-ApimNativeEmulator -Emulator @{ BaseUrl = $emulator.BaseUrl } -ErrorAction Stop } | Should -Throw -ErrorId 'MismatchedPSTypeName*'
    }

    It 'Stop-ApimNativeEmulator leaves a copy''s emulator running (only its own handle stops it), then stops the piped one' {
        $other = Start-TestEmulator
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($other))
        Stop-ApimNativeEmulator -Emulator $copy -ErrorAction Stop
        $null = Connect-ApimNative -Emulator $other
        @(Get-MgIdentityApiConnector -All -ErrorAction Stop).Count | Should -Be 0
        $other | Stop-ApimNativeEmulator
        $other.Handle.IsClosed | Should -BeTrue
    }
}
