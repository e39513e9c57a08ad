# Importing the module loads the interop assembly build.ps1 compiled (no C# compile at import) and
# hands it the native library's path; a session holding another build of it refuses clearly.
Describe 'Import-Module ApimNative' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $manifestPath = (Get-Module -Name ApimNative).Path -replace '\.psm1$', '.psd1'
        $moduleDirectory = [System.IO.Path]::GetDirectoryName($manifestPath)
        $pwshPath = [System.IO.Path]::Combine($PSHOME, 'pwsh')
    }

    It 'loads bin/ApimNative.Interop.dll and gives it the staged library by absolute path' {
        $assembly = [ApimNative.Interop].Assembly
        $assembly.Location | Should -Be ([System.IO.Path]::Combine($moduleDirectory, 'bin', 'ApimNative.Interop.dll'))
        $assembly.GetName().Version | Should -Be ([System.Reflection.AssemblyName]::GetAssemblyName($assembly.Location).Version)
        [System.IO.Path]::IsPathRooted([ApimNative.Interop]::LibraryPath) | Should -BeTrue
        [ApimNative.Interop]::LibraryPath | Should -BeLike ([System.IO.Path]::Combine($moduleDirectory, 'bin', '*'))
        [ApimNative.Interop]::Version() | Should -Match '^\d+\.\d+\.\d+'
    }

    It 'imports again with -Force in the same session (same build)' {
        { Import-Module -Name $manifestPath -Force -ErrorAction Stop } | Should -Not -Throw
        $emulator = Start-ApimNativeEmulator
        Stop-ApimNativeEmulator -Emulator $emulator
    }

    It 'loads the format views on the first cmdlet call, not at import, and they then shape the output' {
        # A child session: this one has the views already.
        $script = @'
param ($ManifestPath)
$type = 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential'
Import-Module -Name $ManifestPath -ErrorAction Stop
'after-import={0}' -f @(Get-FormatData -TypeName $type).Count
$credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter 'Hidden-Value-7'
'after-cmdlet={0}' -f @(Get-FormatData -TypeName $type).Count
$credential | Format-List | Out-String
'@
        $scriptPath = [System.IO.Path]::Combine($TestDrive, 'LazyFormats.ps1')
        [System.IO.File]::WriteAllText($scriptPath, $script)
        $output = (& $pwshPath -NoProfile -NonInteractive -File $scriptPath -ManifestPath $manifestPath 2>&1 | Out-String)
        $output | Should -Match 'after-import=0'
        $output | Should -Match 'after-cmdlet=1'
        # The credential's view hides the authorization parameter.
        $output | Should -Match 'parameter hidden'
        $output | Should -Not -Match 'Hidden-Value-7'
    }

    It 'refuses, naming both versions, when the session holds another build of the interop assembly' {
        # A child session first loads a stand-in ApimNative.Interop of another version.
        $script = @'
param ($ManifestPath)
Add-Type -TypeDefinition '[assembly: System.Reflection.AssemblyVersion("9.9.9.9")] namespace ApimNative { public static class Interop { } }'
try {
    Import-Module -Name $ManifestPath -ErrorAction Stop
    'imported'
}
catch {
    'refused {0} | {1}' -f $_.FullyQualifiedErrorId, $_.Exception.Message
}
'@
        $scriptPath = [System.IO.Path]::Combine($TestDrive, 'ImportTwice.ps1')
        [System.IO.File]::WriteAllText($scriptPath, $script)
        $output = (& $pwshPath -NoProfile -NonInteractive -File $scriptPath -ManifestPath $manifestPath 2>&1 | Out-String)
        $output | Should -Match 'refused ApimNative.LoadNativeLibraryFailed'
        $output | Should -Match '9\.9\.9\.9'
        $output | Should -Match 'start a new PowerShell session'
    }

    It 'refuses clearly to import another copy of the module (a newer version elsewhere) over a loaded one' {
        # Issue 16: the second copy must not run on the first copy's native library silently.
        $copyRoot = [System.IO.Path]::Combine($TestDrive, 'newer')
        $null = New-Item -Path $copyRoot -ItemType Directory -Force
        Copy-Item -LiteralPath $moduleDirectory -Destination $copyRoot -Recurse
        $copyManifest = [System.IO.Path]::Combine($copyRoot, 'ApimNative', 'ApimNative.psd1')
        $script = @'
param ($ManifestPath, $CopyPath)
Import-Module -Name $ManifestPath -ErrorAction Stop
try {
    Import-Module -Name $CopyPath -Force -ErrorAction Stop
    'imported ' + [ApimNative.Interop]::LibraryPath
}
catch {
    'refused {0} | {1}' -f $_.FullyQualifiedErrorId, $_.Exception.Message
}
'@
        $scriptPath = [System.IO.Path]::Combine($TestDrive, 'ImportCopy.ps1')
        [System.IO.File]::WriteAllText($scriptPath, $script)
        $output = (& $pwshPath -NoProfile -NonInteractive -File $scriptPath -ManifestPath $manifestPath -CopyPath $copyManifest 2>&1 | Out-String)
        $output | Should -Match 'refused ApimNative.LoadNativeLibraryFailed'
        $output | Should -Match ([regex]::Escape([System.IO.Path]::Combine($copyRoot, 'ApimNative')))
        $output | Should -Match 'Start a new PowerShell session'
    }
}
