<#
.SYNOPSIS
Builds, tests, demonstrates and packages ApimNative.

.DESCRIPTION
Tasks (run in the order given):
- Build:   cargo build --lib (--release unless -Configuration Debug), then stage the native
           library under module/ApimNative/bin/<rid>/ where ApimNative.psm1 looks for it, and
           compile Native.cs once into module/ApimNative/bin/ApimNative.Interop.dll (.NET Standard
           2.0, with the Roslyn inside PowerShell 7 against vendor/netstandard2.0/netstandard.dll),
           so that importing the module compiles nothing. Needs PowerShell 7 to build; the result
           also loads in Windows PowerShell 5.1.
- Pester:  Build, then Invoke-Pester on tests/pester (each test file imports the staged module and
           starts the in-process emulator). Ends with the line 'Pester: N passed, N failed,
           N skipped'; a failed test fails the task. Without Pester 5 it prints SKIPPED, and
           fails when CI=true.
- Test:    cargo test --all-targets --no-fail-fast, then Pester.
- Demo:    Build, then tests/pester/SeedDemo.ps1: imports the module, starts the in-process
           emulator and runs the seed examples as cmdlets against it, ARM and Graph (no Azure
           account, no network beyond 127.0.0.1).
- Package: Build, then copy the module with its LICENSE to
           <OutputDirectory>/ApimNative, zip it as ApimNative-<version>.zip and make the Gallery
           package ApimNative.<version>.nupkg with PSResourceGet (Publish-PSResource to a local
           folder repository). Install it with Install-PSResource (see README, Install).

.PARAMETER Task
The tasks to run. Default: Build.

.PARAMETER Configuration
Which native library to build and stage: Release (default) or Debug (what cargo test builds; the
README's test command uses it so that the tests need no release build).

.PARAMETER SkipNativeBuild
Do not run cargo: use the native libraries already staged under module/ApimNative/bin/<rid>/
(the release workflow downloads them there) and only compile the interop assembly (on
PowerShell 7; Windows PowerShell 5.1 uses the one pwsh compiled).

.PARAMETER OutputDirectory
Package only: where the module folder, the zip and the .nupkg go. Default: out/ in the repository.

.EXAMPLE
PS> ./build.ps1 -Task Demo

.EXAMPLE
PS> ./build.ps1 -Task Package

.EXAMPLE
PS> ./build.ps1 -Task Build, Test

.EXAMPLE
PS> ./build.ps1 -Task Pester -Configuration Debug
#>
[CmdletBinding()]
param (
    [Parameter()]
    [ValidateSet('Build', 'Pester', 'Test', 'Demo', 'Package')]
    [string[]]
    $Task = @('Build'),

    [Parameter()]
    [ValidateSet('Release', 'Debug')]
    [string]
    $Configuration = 'Release',

    [Parameter()]
    [switch]
    $SkipNativeBuild,

    [Parameter()]
    [string]
    $OutputDirectory = ''
)

$ErrorActionPreference = 'Stop'
$repositoryRoot = $PSScriptRoot
$moduleRoot = [System.IO.Path]::Combine($repositoryRoot, 'module', 'ApimNative')

function Get-NativeTarget {
    <# The runtime id and file name of the native library on this machine (as ApimNative.psm1 expects). #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param ()

    if ([System.IO.Path]::DirectorySeparatorChar -eq [char]'\') {
        $rid = 'win-x64'
        if ($env:PROCESSOR_ARCHITECTURE -eq 'ARM64') {
            $rid = 'win-arm64'
        }
        return @{ Rid = $rid; Name = 'apim_native.dll' }
    }
    $architecture = [System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture.ToString().ToLowerInvariant()
    if ([System.Runtime.InteropServices.RuntimeInformation]::IsOSPlatform([System.Runtime.InteropServices.OSPlatform]::OSX)) {
        return @{ Rid = ('osx-{0}' -f $architecture); Name = 'libapim_native.dylib' }
    }
    @{ Rid = ('linux-{0}' -f $architecture); Name = 'libapim_native.so' }
}

function Invoke-Cargo {
    <# Runs cargo with the given arguments in the repository root; a non-zero exit stops the build. #>
    [CmdletBinding()]
    param (
        [Parameter(Mandatory = $true)]
        [string[]]
        $ArgumentList
    )

    Push-Location -LiteralPath $repositoryRoot
    try {
        & cargo @ArgumentList
        if ($LASTEXITCODE -ne 0) {
            $exception = New-Object -TypeName System.InvalidOperationException -ArgumentList @(
                ('cargo {0} failed with exit code {1}.' -f ($ArgumentList -join ' '), $LASTEXITCODE))
            $PSCmdlet.ThrowTerminatingError((New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @(
                        $exception, 'ApimNative.CargoFailed', [System.Management.Automation.ErrorCategory]::InvalidResult, $ArgumentList)))
        }
    }
    finally {
        Pop-Location
    }
}

function Invoke-BuildTask {
    <# cargo build --lib for the configuration, then stage the library under module/ApimNative/bin/<rid>/. #>
    [CmdletBinding()]
    param ()

    if ($SkipNativeBuild) {
        # The libraries are staged already (the release workflow downloads them). Windows
        # PowerShell 5.1 has no Roslyn: there the interop assembly must have been built by pwsh.
        if ($PSVersionTable.PSEdition -eq 'Core') {
            Build-InteropAssembly
        }
        elseif (-not [System.IO.File]::Exists([System.IO.Path]::Combine($moduleRoot, 'bin', 'ApimNative.Interop.dll'))) {
            Stop-BuildTask -Message 'bin/ApimNative.Interop.dll is missing: build it once with pwsh (./build.ps1 -Task Build -SkipNativeBuild); Windows PowerShell 5.1 cannot compile it.' -ErrorId 'ApimNative.InteropBuildFailed'
        }
        Build-FunctionBundle
        return
    }
    $cargoArguments = @('build', '--lib')
    $profileDirectory = 'debug'
    if ($Configuration -eq 'Release') {
        $cargoArguments = @('build', '--release', '--lib')
        $profileDirectory = 'release'
    }
    Invoke-Cargo -ArgumentList $cargoArguments
    $target = Get-NativeTarget
    # cargo puts its output under CARGO_TARGET_DIR when that is set (relative to the repository).
    $targetDirectory = [System.IO.Path]::Combine($repositoryRoot, 'target')
    if ($env:CARGO_TARGET_DIR) {
        $targetDirectory = [System.IO.Path]::Combine($repositoryRoot, $env:CARGO_TARGET_DIR)
    }
    $built = [System.IO.Path]::Combine($targetDirectory, $profileDirectory, $target.Name)
    $stage = [System.IO.Path]::Combine($moduleRoot, 'bin', $target.Rid)
    $null = New-Item -Path $stage -ItemType Directory -Force
    Copy-Item -LiteralPath $built -Destination $stage -Force
    Write-Information -MessageData ('Staged {0} ({1}) in {2}' -f $target.Name, $Configuration, $stage) -InformationAction Continue
    Build-InteropAssembly
    Build-FunctionBundle
}

function Build-FunctionBundle {
    <# Private/*.ps1 then Public/*.ps1, concatenated into bin/ApimNative.Functions.ps1 with an Export-ModuleMember of the public ones, which the psm1 dot-sources instead of the ~80 files. #>
    [CmdletBinding()]
    param ()

    # Why: one dot-sourced file instead of ~46 cuts that part of the import to a third (each dot-sourced file
    # costs its own command lookup, file read and script-block compile; see the README's
    # PowerShell benchmark). The source tree stays one function per file; this is a build output
    # like the interop assembly. The first line carries a hash of the sources it was made from
    # and the second their stamp (count, length, last-write times), which ModuleScripts.cs
    # compares at import (the stamp, and the hash only when the stamp differs), so an edited
    # source is never shadowed by a stale bundle: the psm1 then dot-sources the files themselves.
    $sources = Get-FunctionBundleSource
    $digest = Get-FunctionBundleDigest -Source $sources
    $lf = [string][char]10
    $builder = New-Object -TypeName System.Text.StringBuilder
    $null = $builder.Append('# sources-sha256: ').Append($digest).Append($lf)
    $null = $builder.Append('# sources-stamp: ').Append((Get-FunctionBundleStamp -Source $sources)).Append($lf)
    $null = $builder.Append('# Generated by build.ps1 -Task Build from Private/*.ps1 and Public/*.ps1 (in this order); do not edit: edit those files and build again.').Append($lf)
    foreach ($source in $sources) {
        $text = [System.Text.Encoding]::UTF8.GetString($source.Bytes)
        # A byte order mark inside the bundle would be a stray character in the script.
        $text = $text.TrimStart([char]0xFEFF)
        $null = $builder.Append($lf).Append('# ---- ').Append($source.RelativePath).Append($lf).Append($text)
        if (-not $text.EndsWith($lf)) {
            $null = $builder.Append($lf)
        }
    }
    # The public functions (one a file, named as the file), exported by name: the psm1 asks .NET for nothing.
    $public = @($sources | Where-Object -FilterScript { $_.RelativePath.StartsWith('Public/') } | ForEach-Object -Process {
            "'{0}'" -f [System.IO.Path]::GetFileNameWithoutExtension($_.RelativePath)
        })
    $null = $builder.Append($lf).Append('Export-ModuleMember -Function @(').Append(($public -join ', ')).Append(')').Append($lf)
    $binDirectory = [System.IO.Path]::Combine($moduleRoot, 'bin')
    $null = New-Item -Path $binDirectory -ItemType Directory -Force
    $bundlePath = [System.IO.Path]::Combine($binDirectory, 'ApimNative.Functions.ps1')
    # UTF-8 with a byte order mark: Windows PowerShell 5.1 reads a file without one as ANSI.
    [System.IO.File]::WriteAllText($bundlePath, $builder.ToString(), (New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $true))
    Write-Information -MessageData ('Wrote {0} ({1} files)' -f $bundlePath, $sources.Count) -InformationAction Continue
}

function Get-FunctionBundleSource {
    <# The module's function files in the order the psm1 loads them: Private/ then Public/, each sorted ordinal-ignore-case. #>
    [CmdletBinding()]
    [OutputType([System.Collections.Generic.List[object]])]
    param ()

    $sources = New-Object -TypeName System.Collections.Generic.List[object]
    foreach ($folder in @('Private', 'Public')) {
        $files = [System.IO.Directory]::GetFiles([System.IO.Path]::Combine($moduleRoot, $folder), '*.ps1')
        [System.Array]::Sort($files, [System.StringComparer]::OrdinalIgnoreCase)
        foreach ($file in $files) {
            $sources.Add([PSCustomObject]@{
                    RelativePath = ('{0}/{1}' -f $folder, [System.IO.Path]::GetFileName($file))
                    Bytes        = [System.IO.File]::ReadAllBytes($file)
                    Ticks        = [System.IO.File]::GetLastWriteTimeUtc($file).Ticks
                })
        }
    }
    , $sources
}

function Get-FunctionBundleStamp {
    <# 'count:total length:xor of the last-write ticks' of the sources (ModuleScripts.cs SourceStamp computes the same at import). #>
    [CmdletBinding()]
    [OutputType([string])]
    param (
        [Parameter(Mandatory = $true)]
        [System.Collections.Generic.List[object]]
        $Source
    )

    [long]$length = 0
    [long]$ticks = 0
    foreach ($item in $Source) {
        $length += $item.Bytes.Length
        $ticks = $ticks -bxor [long]$item.Ticks
    }
    [string]::Format([System.Globalization.CultureInfo]::InvariantCulture, '{0}:{1}:{2}', $Source.Count, $length, $ticks)
}

function Get-FunctionBundleDigest {
    <# SHA-256 over each source's relative path, a newline and its bytes, in order (ModuleScripts.cs computes the same at import). #>
    [CmdletBinding()]
    [OutputType([string])]
    param (
        [Parameter(Mandatory = $true)]
        [System.Collections.Generic.List[object]]
        $Source
    )

    $sha = [System.Security.Cryptography.SHA256]::Create()
    try {
        foreach ($item in $Source) {
            $name = [System.Text.Encoding]::UTF8.GetBytes($item.RelativePath + [string][char]10)
            $null = $sha.TransformBlock($name, 0, $name.Length, $null, 0)
            $null = $sha.TransformBlock($item.Bytes, 0, $item.Bytes.Length, $null, 0)
        }
        $null = $sha.TransformFinalBlock([byte[]]@(), 0, 0)
        ([System.BitConverter]::ToString($sha.Hash) -replace '-', '').ToLowerInvariant()
    }
    finally {
        $sha.Dispose()
    }
}

function Build-InteropAssembly {
    <# The module's C# (Native.cs, ObjectJson.cs) -> bin/ApimNative.Interop.dll (.NET Standard 2.0, C# 5), versioned by module version and source hash. #>
    [CmdletBinding()]
    param ()

    $sourcePaths = [System.IO.Directory]::GetFiles($moduleRoot, '*.cs')
    [System.Array]::Sort($sourcePaths, [System.StringComparer]::Ordinal)
    $source = -join @($sourcePaths | ForEach-Object -Process { [System.IO.File]::ReadAllText($_) })
    $manifest = Import-PowerShellDataFile -Path ([System.IO.Path]::Combine($moduleRoot, 'ApimNative.psd1'))
    # The revision comes from the sources, so that a changed C# file gets another assembly version
    # and a session that loaded the old one refuses the new one instead of running stale code.
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $digest = $sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($source))
    $sha.Dispose()
    $revision = ([int]$digest[0] * 256 + [int]$digest[1]) % 65535
    $version = '{0}.{1}' -f $manifest.ModuleVersion, $revision
    $attributes = '[assembly: System.Reflection.AssemblyVersion("{0}")]' -f $version

    Add-Type -AssemblyName 'Microsoft.CodeAnalysis', 'Microsoft.CodeAnalysis.CSharp'
    $parseOptions = New-Object -TypeName Microsoft.CodeAnalysis.CSharp.CSharpParseOptions -ArgumentList @(
        [Microsoft.CodeAnalysis.CSharp.LanguageVersion]::CSharp5)
    $trees = New-Object -TypeName System.Collections.Generic.List[Microsoft.CodeAnalysis.SyntaxTree]
    foreach ($sourcePath in $sourcePaths) {
        $trees.Add([Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree]::ParseText([System.IO.File]::ReadAllText($sourcePath), $parseOptions, [System.IO.Path]::GetFileName($sourcePath)))
    }
    $trees.Add([Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree]::ParseText($attributes, $parseOptions, 'AssemblyInfo.cs'))
    $reference = [System.IO.Path]::Combine($repositoryRoot, 'vendor', 'netstandard2.0', 'netstandard.dll')
    $references = [Microsoft.CodeAnalysis.MetadataReference[]]@([Microsoft.CodeAnalysis.MetadataReference]::CreateFromFile($reference))
    $options = New-Object -TypeName Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions -ArgumentList @(
        [Microsoft.CodeAnalysis.OutputKind]::DynamicallyLinkedLibrary)
    $options = $options.WithOptimizationLevel([Microsoft.CodeAnalysis.OptimizationLevel]::Release)
    $compilation = [Microsoft.CodeAnalysis.CSharp.CSharpCompilation]::Create('ApimNative.Interop', $trees.ToArray(), $references, $options)

    $binDirectory = [System.IO.Path]::Combine($moduleRoot, 'bin')
    $null = New-Item -Path $binDirectory -ItemType Directory -Force
    $assemblyPath = [System.IO.Path]::Combine($binDirectory, 'ApimNative.Interop.dll')
    $stream = New-Object -TypeName System.IO.MemoryStream
    try {
        $emitted = $compilation.Emit($stream)
        $problems = @($emitted.Diagnostics | Where-Object -FilterScript {
                $_.Severity -eq [Microsoft.CodeAnalysis.DiagnosticSeverity]::Error -or $_.Severity -eq [Microsoft.CodeAnalysis.DiagnosticSeverity]::Warning
            })
        if (-not $emitted.Success -or $problems.Count -gt 0) {
            Stop-BuildTask -Message ('The module C# did not compile as C# 5 / .NET Standard 2.0:{0}{1}' -f [System.Environment]::NewLine, (($problems | ForEach-Object -Process { $_.ToString() }) -join [System.Environment]::NewLine)) -ErrorId 'ApimNative.InteropBuildFailed'
        }
        [System.IO.File]::WriteAllBytes($assemblyPath, $stream.ToArray())
    }
    finally {
        $stream.Dispose()
    }
    Write-Information -MessageData ('Compiled {0} (version {1})' -f $assemblyPath, $version) -InformationAction Continue
}

function Stop-BuildTask {
    <# Ends the build with a terminating error under the given id. #>
    [CmdletBinding()]
    param (
        [Parameter(Mandatory = $true)]
        [string]
        $Message,

        [Parameter(Mandatory = $true)]
        [string]
        $ErrorId
    )

    $exception = New-Object -TypeName System.InvalidOperationException -ArgumentList @($Message)
    $PSCmdlet.ThrowTerminatingError((New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @(
                $exception, $ErrorId, [System.Management.Automation.ErrorCategory]::InvalidResult, $null)))
}

function Invoke-PesterTask {
    <# Build, then the Pester suite; prints 'Pester: N passed, N failed, N skipped' last. #>
    [CmdletBinding()]
    param ()

    $pester = Get-Module -Name Pester -ListAvailable | Where-Object -FilterScript { $_.Version.Major -ge 5 } | Sort-Object -Property Version -Descending | Select-Object -First 1
    if ($null -eq $pester) {
        $message = 'Pester 5 is not installed, so the tests/pester suite cannot run (Install-Module -Name Pester -MinimumVersion 5.0).'
        if ($env:CI -eq 'true') {
            Stop-BuildTask -Message ('FAILED: {0}' -f $message) -ErrorId 'ApimNative.PesterFailed'
        }
        Write-Warning -Message ('SKIPPED: {0}' -f $message)
        return
    }
    Invoke-BuildTask
    Import-Module -Name $pester.Path -Force
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = [System.IO.Path]::Combine($repositoryRoot, 'tests', 'pester')
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Normal'
    $result = Invoke-Pester -Configuration $configuration
    $totals = 'Pester: {0} passed, {1} failed, {2} skipped' -f $result.PassedCount, $result.FailedCount, $result.SkippedCount
    if ($result.FailedCount -gt 0 -or $result.Result -ne 'Passed') {
        # The totals stay the closing line and the exit code says it failed.
        Write-Information -MessageData ('FAILED: {0} Pester test(s) failed, {1} test file(s) failed to run.' -f $result.FailedCount, $result.FailedContainersCount) -InformationAction Continue
        Write-Information -MessageData $totals -InformationAction Continue
        exit 1
    }
    Write-Information -MessageData $totals -InformationAction Continue
}

function Invoke-TestTask {
    <# cargo test, then the Pester suite. #>
    [CmdletBinding()]
    param ()

    Invoke-Cargo -ArgumentList @('test', '--all-targets', '--no-fail-fast')
    Invoke-PesterTask
}

function Invoke-DemoTask {
    <# The seed examples, as cmdlets, against the in-process emulator. #>
    [CmdletBinding()]
    param ()

    Invoke-BuildTask
    # SeedDemo.ps1 imports the module and starts the emulator itself.
    $demo = [System.IO.Path]::Combine($repositoryRoot, 'tests', 'pester', 'SeedDemo.ps1')
    & $demo
}

function Invoke-PackageTask {
    <# The module folder (every staged runtime, the interop assembly, LICENSE), a zip and a .nupkg. #>
    [CmdletBinding()]
    param ()

    Invoke-BuildTask
    $staged = @(Get-ChildItem -LiteralPath ([System.IO.Path]::Combine($moduleRoot, 'bin')) -Directory | Where-Object -FilterScript {
            @(Get-ChildItem -LiteralPath $_.FullName -File | Where-Object -FilterScript { $_.Name -match '^(lib)?apim_native\.(dll|so|dylib)$' }).Count -gt 0
        })
    if ($staged.Count -eq 0) {
        Stop-BuildTask -Message 'No native library is staged under module/ApimNative/bin/<rid>/: run without -SkipNativeBuild, or stage the downloaded libraries first.' -ErrorId 'ApimNative.PackageFailed'
    }
    $manifest = Import-PowerShellDataFile -Path ([System.IO.Path]::Combine($moduleRoot, 'ApimNative.psd1'))
    $version = $manifest.ModuleVersion
    $out = $OutputDirectory
    if ([string]::IsNullOrEmpty($out)) {
        $out = [System.IO.Path]::Combine($repositoryRoot, 'out')
    }
    $out = [System.IO.Path]::GetFullPath($out)
    $packageRoot = [System.IO.Path]::Combine($out, 'ApimNative')
    if (Test-Path -LiteralPath $packageRoot) {
        Remove-Item -LiteralPath $packageRoot -Recurse -Force
    }
    $null = New-Item -Path $packageRoot -ItemType Directory -Force
    Copy-Item -Path ([System.IO.Path]::Combine($moduleRoot, '*')) -Destination $packageRoot -Recurse -Force
    Copy-Item -LiteralPath ([System.IO.Path]::Combine($repositoryRoot, 'LICENSE')) -Destination $packageRoot -Force

    $zip = [System.IO.Path]::Combine($out, ('ApimNative-{0}.zip' -f $version))
    # The framework's ZipFile, not Compress-Archive: loading Microsoft.PowerShell.Archive failed now
    # and then ("found in the module ... but the module could not be loaded") when several pwsh
    # processes started at once, and the zip is the same (the ApimNative folder at its root).
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    if ([System.IO.File]::Exists($zip)) {
        [System.IO.File]::Delete($zip)
    }
    [System.IO.Compression.ZipFile]::CreateFromDirectory($packageRoot, $zip, [System.IO.Compression.CompressionLevel]::Optimal, $true)

    # Publish-PSResource makes the .nupkg; a folder repository under a name of our own is
    # registered for that one call and always removed again, so the user's repositories are untouched.
    $nupkgDirectory = [System.IO.Path]::Combine($out, 'nupkg')
    if (Test-Path -LiteralPath $nupkgDirectory) {
        Remove-Item -LiteralPath $nupkgDirectory -Recurse -Force
    }
    $null = New-Item -Path $nupkgDirectory -ItemType Directory -Force
    $repositoryName = 'ApimNativeBuild{0}' -f [System.Guid]::NewGuid().ToString('N')
    Register-PSResourceRepository -Name $repositoryName -Uri $nupkgDirectory -Trusted
    try {
        Publish-PSResource -Path $packageRoot -Repository $repositoryName
    }
    finally {
        Unregister-PSResourceRepository -Name $repositoryName
    }
    $nupkg = [System.IO.Path]::Combine($nupkgDirectory, ('ApimNative.{0}.nupkg' -f $version))
    if (-not (Test-Path -LiteralPath $nupkg)) {
        Stop-BuildTask -Message ('Publish-PSResource did not write {0}.' -f $nupkg) -ErrorId 'ApimNative.PackageFailed'
    }
    Write-Information -MessageData ('Packaged {0} (runtimes: {1}), {2} and {3}' -f $packageRoot, (($staged | ForEach-Object -Process { $_.Name }) -join ', '), $zip, $nupkg) -InformationAction Continue
}

foreach ($name in $Task) {
    Write-Information -MessageData ('== {0}' -f $name) -InformationAction Continue
    switch ($name) {
        'Build' { Invoke-BuildTask }
        'Pester' { Invoke-PesterTask }
        'Test' { Invoke-TestTask }
        'Demo' { Invoke-DemoTask }
        'Package' { Invoke-PackageTask }
    }
}
