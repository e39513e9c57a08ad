# Issue 16: the syntax that Az's and Microsoft.Graph's documentation shows works as documented.
Describe 'Documented syntax' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $emulator = Start-TestEmulator
        $context = New-TestContext -Emulator $emulator
        $azCmdlets = @(Get-Command -Module ApimNative -Name '*-AzApiManagement*')
    }

    AfterAll {
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'every Az cmdlet accepts -DefaultProfile with the aliases AzContext, AzureRmContext and AzureCredential' {
        $azCmdlets.Count | Should -BeGreaterThan 10
        foreach ($command in $azCmdlets) {
            $parameter = $command.Parameters['DefaultProfile']
            $parameter | Should -Not -BeNullOrEmpty -Because $command.Name
            @($parameter.Aliases | Sort-Object) | Should -Be @('AzContext', 'AzureCredential', 'AzureRmContext') -Because $command.Name
            (Get-Help -Name $command.Name -Parameter DefaultProfile).Description.Text | Should -Match 'not used' -Because $command.Name
        }
    }

    It 'a script passing -DefaultProfile (Get-AzContext) or -AzContext keeps running' {
        $azContext = [PSCustomObject]@{ PSTypeName = 'Microsoft.Azure.Commands.Profile.Models.Core.PSAzureContext'; Name = 'ctx' }
        $null = New-AzApiManagementBackend -Context $context -BackendId 'profiled' -Url 'https://profiled.contoso.com/' -Protocol http -DefaultProfile $azContext
        (Get-AzApiManagementBackend -Context $context -BackendId 'profiled' -AzContext $azContext).BackendId | Should -Be 'profiled'
        Remove-AzApiManagementBackend -Context $context -BackendId 'profiled' -AzureRmContext $azContext -PassThru | Should -BeTrue
    }

    It 'parameters do not bind by position (Position: Named, as Az and Graph document)' {
        $null = New-TestBackend -Context $context -BackendId '123'
        { Remove-AzApiManagementBackend $context 123 } | Should -Throw -ErrorId 'PositionalParameterNotFound*'
        (Get-AzApiManagementBackend -Context $context -BackendId '123').BackendId | Should -Be '123'
        foreach ($command in @(Get-Command -Module ApimNative)) {
            foreach ($parameter in $command.Parameters.Values) {
                foreach ($set in $parameter.ParameterSets.Values) {
                    $set.Position | Should -BeLessThan 0 -Because ('{0} -{1}' -f $command.Name, $parameter.Name)
                }
            }
        }
    }

    It 'no Graph help example starts by importing Microsoft.Graph' {
        foreach ($command in @(Get-Command -Module ApimNative -Name '*-Mg*')) {
            foreach ($example in @((Get-Help -Name $command.Name -Full).examples.example)) {
                $example.code | Should -Not -Match 'Import-Module Microsoft\.Graph' -Because $command.Name
            }
        }
    }
}
