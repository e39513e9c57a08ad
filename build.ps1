<#
.SYNOPSIS
Builds, tests, demonstrates and packages ApimNative.

.DESCRIPTION
Tasks (run in the order given):
- Build:   cargo build --release --lib, then stage the native library under
           module/ApimNative/bin/<rid>/ where ApimNative.psm1 looks for it.
- Test:    cargo test --all-targets --no-fail-fast; then, when Pester 5 is installed, Build and
           Invoke-Pester on tests/pester (each test file imports the staged module and starts the
           in-process emulator).
- Demo:    Build, import the module, start the in-process emulator and run the seed examples as
           cmdlets against it (no Azure account, no network beyond 127.0.0.1).
- Package: Build, then copy the module with the staged library to out/ApimNative and zip it as
           out/ApimNative-<version>-<rid>.zip.

.PARAMETER Task
The tasks to run. Default: Build.

.EXAMPLE
PS> ./build.ps1 -Task Demo

.EXAMPLE
PS> ./build.ps1 -Task Build, Test
#>
[CmdletBinding()]
param (
    [Parameter()]
    [ValidateSet('Build', 'Test', 'Demo', 'Package')]
    [string[]]
    $Task = @('Build')
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
    <# cargo build --release, then stage the library under module/ApimNative/bin/<rid>/. #>
    [CmdletBinding()]
    param ()

    Invoke-Cargo -ArgumentList @('build', '--release', '--lib')
    $target = Get-NativeTarget
    $built = [System.IO.Path]::Combine($repositoryRoot, 'target', 'release', $target.Name)
    $stage = [System.IO.Path]::Combine($moduleRoot, 'bin', $target.Rid)
    $null = New-Item -Path $stage -ItemType Directory -Force
    Copy-Item -LiteralPath $built -Destination $stage -Force
    Write-Information -MessageData ('Staged {0} in {1}' -f $target.Name, $stage) -InformationAction Continue
}

function Invoke-TestTask {
    <# cargo test, then Pester where pwsh and Pester 5 exist. #>
    [CmdletBinding()]
    param ()

    Invoke-Cargo -ArgumentList @('test', '--all-targets', '--no-fail-fast')
    $pester = Get-Module -Name Pester -ListAvailable | Where-Object -FilterScript { $_.Version.Major -ge 5 } | Select-Object -First 1
    if ($null -eq $pester) {
        Write-Warning -Message 'Pester 5 is not installed: the tests/pester files were not run (Install-Module -Name Pester -MinimumVersion 5.0).'
        return
    }
    Invoke-BuildTask
    Import-Module -Name $pester.Path -Force
    $result = Invoke-Pester -Path ([System.IO.Path]::Combine($repositoryRoot, 'tests', 'pester')) -Output Detailed -PassThru
    if ($result.FailedCount -gt 0) {
        $exception = New-Object -TypeName System.InvalidOperationException -ArgumentList @(
            ('{0} Pester test(s) failed.' -f $result.FailedCount))
        $PSCmdlet.ThrowTerminatingError((New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @(
                    $exception, 'ApimNative.PesterFailed', [System.Management.Automation.ErrorCategory]::InvalidResult, $result)))
    }
}

function Invoke-DemoTask {
    <# The seed examples, as cmdlets, against the in-process emulator. #>
    [CmdletBinding()]
    param ()

    Invoke-BuildTask
    Import-Module -Name ([System.IO.Path]::Combine($moduleRoot, 'ApimNative.psd1')) -Force
    $demo = [System.IO.Path]::Combine($repositoryRoot, 'tests', 'pester', 'SeedDemo.ps1')
    & $demo
}

function Invoke-PackageTask {
    <# Copies the module (with the staged library) to out/ and zips it. #>
    [CmdletBinding()]
    param ()

    Invoke-BuildTask
    $manifest = Import-PowerShellDataFile -Path ([System.IO.Path]::Combine($moduleRoot, 'ApimNative.psd1'))
    $target = Get-NativeTarget
    $out = [System.IO.Path]::Combine($repositoryRoot, 'out')
    $packageRoot = [System.IO.Path]::Combine($out, 'ApimNative')
    if (Test-Path -LiteralPath $packageRoot) {
        Remove-Item -LiteralPath $packageRoot -Recurse -Force
    }
    $null = New-Item -Path $packageRoot -ItemType Directory -Force
    Copy-Item -Path ([System.IO.Path]::Combine($moduleRoot, '*')) -Destination $packageRoot -Recurse -Force
    $zip = [System.IO.Path]::Combine($out, ('ApimNative-{0}-{1}.zip' -f $manifest.ModuleVersion, $target.Rid))
    Compress-Archive -Path $packageRoot -DestinationPath $zip -Force
    Write-Information -MessageData ('Packaged {0}' -f $zip) -InformationAction Continue
}

foreach ($name in $Task) {
    Write-Information -MessageData ('== {0}' -f $name) -InformationAction Continue
    switch ($name) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Demo' { Invoke-DemoTask }
        'Package' { Invoke-PackageTask }
    }
}
