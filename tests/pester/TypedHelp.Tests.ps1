# Issue 16: help shows the types of the parameters that take the module's objects and Az's bools
# (`-Context <PsApiManagementContext>`, `-SkipCertificateChainValidation <bool>`), not
# `<PSObject>` or ``<Nullable`1>``. Those parameters are typed as the declared classes
# (ApimNative.Models, OutputTypes.cs) and keep their [PSTypeName()] so that only the module's own
# objects (and their Deserialized copies, [ApimNative.AcceptDeserialized()]) bind.
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
        # Only -DefaultProfile, which Az types as its own context container and this module ignores, stays PSObject.
        @([regex]::Matches($syntax, '-(\w+) <PSObject>') | ForEach-Object -Process { $_.Groups[1].Value } | Sort-Object -Unique) | Should -Be @('DefaultProfile')
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
