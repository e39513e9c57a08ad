# Issue 16: help shows the types of the parameters that take the module's objects and Az's bools
# (`-Context <PsApiManagementContext>`, `-SkipCertificateChainValidation <bool>`), not
# `<PSObject>` or ``<Nullable`1>``. Those parameters are typed as the declared classes
# (ApimNative.Models, OutputTypes.cs) and keep their [PSTypeName()] so that only the module's own
# objects (and their Deserialized copies, [ApimNative.AcceptDeserialized()]) bind. The parameters
# that take SDK objects the module does not load (-DefaultProfile, Graph's -InputObject and
# -BodyParameter) are typed as interfaces carrying Az's and Graph's names (ParameterTypes.cs).
Describe 'Typed parameters in help' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
    }

    It 'Get-Help Set-AzApiManagementBackend shows the object and bool types' {
        $syntax = Get-Help -Name Set-AzApiManagementBackend | Out-String -Width 4000
        $syntax | Should -Match '-Context <PsApiManagementContext>'
        $syntax | Should -Match '-InputObject <PsApiManagementBackend>'
        $syntax | Should -Match '-Credential <PsApiManagementBackendCredential>'
        $syntax | Should -Match '-Tls <BackendTls>'
        $syntax | Should -Match '-CircuitBreaker <BackendCircuitBreakerRule\[\]>'
        $syntax | Should -Match '-SkipCertificateChainValidation <(Boolean|bool)>'
        $syntax | Should -Not -Match 'Nullable`1'
        $syntax | Should -Match '-DefaultProfile <IAzureContextContainer>'
        $syntax | Should -Not -Match '<PSObject>'
    }

    It 'Get-Help shows Graph''s types for -InputObject and -BodyParameter, and <Emulator> for -Emulator' {
        $update = Get-Help -Name Update-MgIdentityApiConnector | Out-String -Width 4000
        $update | Should -Match '-InputObject <IIdentitySignInsIdentity>'
        $update | Should -Match '-BodyParameter <IMicrosoftGraphIdentityApiConnector>'
        Get-Help -Name Invoke-MgUploadIdentityApiConnectorClientCertificate | Out-String -Width 4000 |
            Should -Match '-BodyParameter <IPaths1Yvv9YeIdentityApiconnectorsIdentityapiconnectorIdMicrosoftGraphUploadclientcertificatePostRequestbodyContentApplicationJsonSchema>'
        Get-Help -Name Connect-ApimNative | Out-String -Width 4000 | Should -Match '-Emulator <Emulator>'
        Get-Help -Name Stop-ApimNativeEmulator | Out-String -Width 4000 | Should -Match '-Emulator <Emulator>'
    }

    It 'every public cmdlet''s help (syntax and -Full parameters) shows each parameter''s type as its surface table has it, never <PSObject>, <Object> or Nullable`1' {
        # The tables (tests/surface, derived from the Az and Graph syntax; tests/module/surface.rs
        # checks the param blocks against them) name the type each parameter must show. Help
        # prints a type's short name or its accelerator (String as <string>, Int32 as <int>),
        # and a bool? as <bool>; a switch shows no type.
        $accelerators = [psobject].Assembly.GetType('System.Management.Automation.TypeAccelerators')::Get
        $tables = [System.IO.Directory]::GetFiles([System.IO.Path]::Combine($PSScriptRoot, '..', 'surface'), '*.json')
        $tables.Count | Should -BeGreaterThan 25
        $exported = @((Get-Module -Name ApimNative).ExportedFunctions.Keys)
        $problems = New-Object -TypeName System.Collections.Generic.List[string]
        foreach ($table in $tables) {
            $surface = (ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText($table))).surface
            $exported | Should -Contain $surface.cmdlet
            $help = Get-Help -Name $surface.cmdlet -Full
            $syntax = $help.syntax | Out-String -Width 4000
            $parameterSection = $help.parameters | Out-String -Width 4000
            # (INPUTS may name System.Nullable`1[System.Boolean]: it copies Az's page.)
            foreach ($bad in @('<PSObject', '<Object', 'Nullable`1')) {
                if ($syntax.Contains($bad) -or $parameterSection.Contains($bad)) {
                    $problems.Add(('{0}: help shows {1}' -f $surface.cmdlet, $bad))
                }
            }
            foreach ($parameter in $surface.parameters.PSObject.Properties) {
                $type = $parameter.Value.type
                if ($type -eq 'System.Management.Automation.SwitchParameter') {
                    continue
                }
                $element = $type -replace '^System\.Nullable`1\[(.+)\]$', '$1'
                $array = ''
                if ($element.EndsWith('[]')) {
                    $array = '[]'
                    $element = $element.Substring(0, $element.Length - 2)
                }
                $names = @($element.Substring($element.LastIndexOf('.') + 1))
                foreach ($accelerator in $accelerators.GetEnumerator()) {
                    if ($accelerator.Value.FullName -eq $element) {
                        $names += $accelerator.Key
                    }
                }
                $pattern = '-{0} <({1}){2}>' -f $parameter.Name, (($names | ForEach-Object -Process { [regex]::Escape($_) }) -join '|'), [regex]::Escape($array)
                if ($syntax -notmatch $pattern) {
                    $problems.Add(('{0}: the syntax does not show {1}' -f $surface.cmdlet, $pattern))
                }
                if ($parameterSection -notmatch $pattern) {
                    $problems.Add(('{0}: the parameter section does not show {1}' -f $surface.cmdlet, $pattern))
                }
            }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'no cmdlet that takes the module''s objects shows <PSObject> or Nullable`1 in its syntax' {
        foreach ($name in @('New-AzApiManagementBackend', 'Get-AzApiManagementBackend', 'Remove-AzApiManagementBackend', 'Invoke-AzApiManagementBackendReconnect', 'New-AzApiManagementBackendTls', 'New-AzApiManagementBackendPool', 'New-AzApiManagementBackendPoolItem', 'Sync-ApimNativeBackend', 'Compare-ApimNativeBackend', 'Export-ApimNativeBackend', 'Test-ApimNativeBackend', 'Invoke-ApimNativeDryRun')) {
            $syntax = (Get-Help -Name $name).syntax | Out-String -Width 4000
            $syntax | Should -Not -Match 'Nullable`1' -Because $name
            $syntax | Should -Match '-Context <PsApiManagementContext>|-Backend <PsApiManagementBackend>|-Service <BackendPoolItem\[\]>|-Skip' -Because $name
        }
    }

    It 'still refuses an object of another type for a typed parameter, as [PSTypeName()] did' {
        $other = [PSCustomObject]@{ ResourceGroupName = 'rg1'; ServiceName = 'apimService1' }
        { Get-AzApiManagementBackend -Context $other -ErrorAction Stop } | Should -Throw -ErrorId 'MismatchedPSTypeName*'
    }
}
