# build.ps1 -Task Demo runs SeedDemo.ps1: here it runs in a fresh pwsh that has imported nothing, as
# on a new clone, and must get through every ARM and Graph seed example against the emulator.
Describe 'SeedDemo.ps1' {
    It 'imports what it needs and runs the ARM and Graph seed examples against the emulator' {
        $demo = [System.IO.Path]::Combine($PSScriptRoot, 'SeedDemo.ps1')
        $output = & ([System.IO.Path]::Combine($PSHOME, 'pwsh')) -NoProfile -NonInteractive -File $demo 2>&1 | Out-String
        $LASTEXITCODE | Should -Be 0 -Because $output
        foreach ($section in @(
                '-- New-AzApiManagementBackendCredential / New-AzApiManagementBackend, Example 1',
                '-- Set-AzApiManagementBackend, Example 1',
                '-- New-AzApiManagementBackendServiceFabric',
                '-- Optimistic concurrency',
                '-- New-MgIdentityApiConnector, Example 1',
                '-- New-MgIdentityApiConnector, Example 2',
                '-- Update-MgIdentityApiConnector')) {
            $output | Should -Match ([regex]::Escape($section))
        }
        $output | Should -Match 'Emulator listening on http://127\.0\.0\.1:\d+'
        $output | Should -Match 'sfbackend'
        $output | Should -Match 'Renamed API'
        # The optimistic-concurrency demo prints the 412's message (issue 16: it used to print an
        # empty one, the piped stale backend failing to bind under -ErrorAction SilentlyContinue).
        $output | Should -Match 'Second session: The If-Match ETag does not match the current state of backend'
        $output | Should -Not -Match 'opensesame|MyPassword|CertificatePassword'
    }
}
