# build.ps1 -Task Package makes the module folder, a zip and a .nupkg. Here the .nupkg is installed
# as users install modules: Install-PSResource from a folder repository, in a fresh pwsh whose home,
# data folder and module path are empty, then imported by name and used against the emulator.
# The package holds the library the Pester task staged (Debug), so no release build is needed.
Describe 'build.ps1 -Task Package' {
    BeforeAll {
        $repositoryRoot = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
        $pwshPath = [System.IO.Path]::Combine($PSHOME, 'pwsh')
        $out = [System.IO.Path]::Combine($TestDrive, 'out')
        $buildOutput = & $pwshPath -NoProfile -NonInteractive -File ([System.IO.Path]::Combine($repositoryRoot, 'build.ps1')) -Task Package -SkipNativeBuild -OutputDirectory $out 2>&1 | Out-String
        $buildExit = $LASTEXITCODE
        $manifest = Import-PowerShellDataFile -Path ([System.IO.Path]::Combine($repositoryRoot, 'module', 'ApimNative', 'ApimNative.psd1'))
        $version = $manifest.ModuleVersion
    }

    It 'writes the module folder with the runtime library, the interop assembly and the licence' {
        $buildExit | Should -Be 0 -Because $buildOutput
        $packageRoot = [System.IO.Path]::Combine($out, 'ApimNative')
        [System.IO.File]::Exists([System.IO.Path]::Combine($packageRoot, 'ApimNative.psd1')) | Should -BeTrue
        [System.IO.File]::Exists([System.IO.Path]::Combine($packageRoot, 'LICENSE')) | Should -BeTrue
        [System.IO.File]::Exists([System.IO.Path]::Combine($packageRoot, 'bin', 'ApimNative.Interop.dll')) | Should -BeTrue
        @(Get-ChildItem -LiteralPath ([System.IO.Path]::Combine($packageRoot, 'bin')) -Recurse -File | Where-Object -FilterScript { $_.Name -match '^(lib)?apim_native\.(dll|so|dylib)$' }).Count | Should -BeGreaterThan 0
        $zipPath = [System.IO.Path]::Combine($out, ('ApimNative-{0}.zip' -f $version))
        [System.IO.File]::Exists($zipPath) | Should -BeTrue
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($zipPath)
        try {
            # The module folder is the zip's root, so extracting into a module path installs it.
            @($zip.Entries | ForEach-Object -Process { $_.FullName -replace '\\', '/' }) | Should -Contain 'ApimNative/ApimNative.psd1'
        }
        finally {
            $zip.Dispose()
        }
        [System.IO.File]::Exists([System.IO.Path]::Combine($out, 'nupkg', ('ApimNative.{0}.nupkg' -f $version))) | Should -BeTrue
    }

    It 'installs with Install-PSResource into an empty module path, imports by name and runs a cmdlet against the emulator' {
        $buildExit | Should -Be 0 -Because $buildOutput
        $isolatedHome = [System.IO.Path]::Combine($TestDrive, 'home')
        # .NET reports a special folder only when it exists, so both are created up front.
        foreach ($folder in @('.local/share', '.config')) {
            $null = New-Item -Path ([System.IO.Path]::Combine($isolatedHome, $folder)) -ItemType Directory -Force
        }
        $probe = [System.IO.Path]::Combine($TestDrive, 'install-probe.ps1')
        Set-Content -LiteralPath $probe -Encoding utf8 -Value @'
param ([string] $Repository)
$ErrorActionPreference = 'Stop'
# Only PowerShell's own modules (PSResourceGet among them) are visible before the install.
$env:PSModulePath = [System.IO.Path]::Combine($PSHOME, 'Modules')
if (Get-Module -ListAvailable -Name ApimNative) { throw 'ApimNative is visible before the install' }
Register-PSResourceRepository -Name ApimNativeTest -Uri $Repository -Trusted
Install-PSResource -Name ApimNative -Repository ApimNativeTest -Scope CurrentUser -TrustRepository -Quiet
# Where Install-PSResource -Scope CurrentUser puts modules: the user's module folder, on
# PSModulePath in every session (put back here, after emptying it above).
$installed = Get-InstalledPSResource -Name ApimNative
'INSTALLED=' + $installed.InstalledLocation
$env:PSModulePath = $installed.InstalledLocation + [System.IO.Path]::PathSeparator + $env:PSModulePath
Import-Module -Name ApimNative
$module = Get-Module -Name ApimNative
$emulator = Start-ApimNativeEmulator
try {
    $context = New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'apimService1' -SubscriptionId '00000000-0000-0000-0000-000000000000' -Endpoint $emulator.BaseUrl
    $null = New-AzApiManagementBackend -Context $context -BackendId 'installed' -Url 'https://installed.contoso.example/api' -Protocol http
    $backend = Get-AzApiManagementBackend -Context $context -BackendId 'installed'
    'MODULEBASE=' + $module.ModuleBase
    'VERSION=' + $module.Version
    'URL=' + $backend.Url
}
finally {
    Stop-ApimNativeEmulator -Emulator $emulator
}
'@
        $repository = [System.IO.Path]::Combine($out, 'nupkg')
        $saved = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; XDG_CONFIG_HOME = $env:XDG_CONFIG_HOME }
        try {
            # A home of its own: the CurrentUser module path and the repository list start empty,
            # and the user's own are not touched.
            $env:HOME = $isolatedHome
            $env:XDG_DATA_HOME = [System.IO.Path]::Combine($isolatedHome, '.local', 'share')
            $env:XDG_CONFIG_HOME = [System.IO.Path]::Combine($isolatedHome, '.config')
            $output = & $pwshPath -NoProfile -NonInteractive -File $probe -Repository $repository 2>&1 | Out-String
            $exit = $LASTEXITCODE
        }
        finally {
            foreach ($name in $saved.Keys) {
                [System.Environment]::SetEnvironmentVariable($name, $saved[$name])
            }
        }
        $exit | Should -Be 0 -Because $output
        $output | Should -Match ('VERSION={0}' -f [regex]::Escape($version))
        $output | Should -Match 'URL=https://installed\.contoso\.example/api'
        $base = [regex]::Match($output, 'MODULEBASE=(.+)').Groups[1].Value.Trim()
        $installedAt = [regex]::Match($output, 'INSTALLED=(.+)').Groups[1].Value.Trim()
        $base | Should -BeLike ('{0}*' -f $installedAt)
        if (-not $IsWindows) {
            # On Linux and macOS the CurrentUser folder follows HOME/XDG_DATA_HOME, so it is the
            # empty one made above (Windows keeps Documents where the shell says).
            $base | Should -BeLike ('{0}*' -f $isolatedHome)
        }
        $base | Should -Not -BeLike ('{0}*' -f $repositoryRoot)
    }
}
