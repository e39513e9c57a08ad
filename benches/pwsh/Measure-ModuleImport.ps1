<#
.SYNOPSIS
Measures what Import-Module ApimNative adds to the start of a fresh PowerShell process.

.DESCRIPTION
A benchmark, not a test: it asserts nothing. Starts, in turn, a bare 'pwsh -NoProfile -Command exit'
(the baseline), 'pwsh -NoProfile -Command "Import-Module <manifest>; exit"' and the same import of
an empty script module (one function, a manifest: the floor that Import-Module itself costs any
script module, written to a temporary folder), each -Runs times
after one warm-up of each, and prints every run's wall time, the medians and the median of the
pairwise differences. Both run side by side in the same loop, so a machine that gets slower or
faster during the run affects both alike. Run build.ps1 -Task Build first (the module must be
built: the import loads bin/ApimNative.Interop.dll, the staged native library and the function
bundle bin/ApimNative.Functions.ps1).

With -BaselineManifest, a second build of the module (another checkout, e.g. main before a change)
is imported in the same loop, so a before/after comparison sees the same machine at the same time;
its added time and the median of the pairwise differences to this module are printed too.

.PARAMETER Runs
How many counted runs of each command (default 9).

.PARAMETER PwshPath
The PowerShell executable to start (default: the one running this script).

.PARAMETER BaselineManifest
Optional: the ApimNative.psd1 of another built copy of the module to import alternately with this one.

.PARAMETER FirstCall
Also time the import followed by the first cmdlet call (New-AzApiManagementBackendCredential, which
sends nothing), for this module and the baseline: work the import leaves to the first call (format
views, PowerShell's first .NET call site) shows up there, so a cut of the import that only moves
work is visible.

.PARAMETER JitTime
Also start, in the same loop, a bare process and an importing one that each print at exit how long
their pipeline thread spent compiling methods and how many the process compiled
([System.Runtime.JitInfo]), and
report what the import adds in JIT time beside what it adds in wall time. Their difference is the
import's cost that a precompiled (ReadyToRun) PowerShell would not pay the JIT for, the way the
official PowerShell packages ship their engine; the NuGet tool build these machines use ships it as
IL only. Both processes pay the same extra call site for the print, so the differences stay fair.

.EXAMPLE
PS> ./benches/pwsh/Measure-ModuleImport.ps1 -Runs 9

.EXAMPLE
PS> ./benches/pwsh/Measure-ModuleImport.ps1 -Runs 15 -JitTime

.EXAMPLE
PS> ./benches/pwsh/Measure-ModuleImport.ps1 -Runs 15 -BaselineManifest ../before/module/ApimNative/ApimNative.psd1
#>
[CmdletBinding()]
param (
    [Parameter()]
    [ValidateRange(1, 100)]
    [int]
    $Runs = 9,

    [Parameter()]
    [ValidateNotNullOrEmpty()]
    [string]
    $PwshPath = ([System.IO.Path]::Combine($PSHOME, 'pwsh')),

    [Parameter()]
    [string]
    $BaselineManifest = '',

    [Parameter()]
    [switch]
    $FirstCall,

    [Parameter()]
    [switch]
    $JitTime
)

$ErrorActionPreference = 'Stop'
$manifest = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'module', 'ApimNative', 'ApimNative.psd1'))

function Measure-Process {
    <# Wall milliseconds of one process from start to exit; a non-zero exit stops the benchmark. #>
    [CmdletBinding()]
    [OutputType([double])]
    param (
        [Parameter(Mandatory = $true)]
        [string[]]
        $ArgumentList
    )

    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $output = & $PwshPath @ArgumentList 2>&1
    $watch.Stop()
    if ($LASTEXITCODE -ne 0) {
        $exception = New-Object -TypeName System.InvalidOperationException -ArgumentList @(
            ('{0} {1} exited with {2}: {3}' -f $PwshPath, ($ArgumentList -join ' '), $LASTEXITCODE, ($output | Out-String)))
        $PSCmdlet.ThrowTerminatingError((New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @(
                    $exception, 'ApimNative.BenchmarkFailed', [System.Management.Automation.ErrorCategory]::InvalidResult, $null)))
    }
    $watch.Elapsed.TotalMilliseconds
}

function Measure-JitProcess {
    <#
    One process that prints at exit the time its pipeline thread spent in the JIT (the thread that
    runs the import: JIT work there is serial with it, unlike tier-1 recompiles on background
    threads) and how many methods the process compiled: wall ms, JIT ms and JIT'd methods.
    #>
    [CmdletBinding()]
    [OutputType([double[]])]
    param (
        # What runs before the print: the import, or nothing for the bare start.
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]
        $Command
    )

    $print = '$jit = [System.Runtime.JitInfo]; [System.Console]::Out.WriteLine((''jit {0} {1}'' -f @($jit::GetCompilationTime($true).TotalMilliseconds.ToString([cultureinfo]::InvariantCulture), $jit::GetCompiledMethodCount($false)))); exit'
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $output = & $PwshPath -NoProfile -NonInteractive -Command ($Command + $print) 2>&1
    $watch.Stop()
    $line = @($output | Where-Object { "$_" -like 'jit *' })
    if ($LASTEXITCODE -ne 0 -or $line.Count -ne 1) {
        $exception = New-Object -TypeName System.InvalidOperationException -ArgumentList @(
            ('{0} -Command {1} exited with {2} without its JIT line: {3}' -f $PwshPath, $Command, $LASTEXITCODE, ($output | Out-String)))
        $PSCmdlet.ThrowTerminatingError((New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @(
                    $exception, 'ApimNative.BenchmarkFailed', [System.Management.Automation.ErrorCategory]::InvalidResult, $null)))
    }
    $fields = "$($line[0])".Split(' ')
    @($watch.Elapsed.TotalMilliseconds, [double]::Parse($fields[1], [cultureinfo]::InvariantCulture), [double]$fields[2])
}

function Get-Median {
    [CmdletBinding()]
    [OutputType([double])]
    param (
        [Parameter(Mandatory = $true)]
        [double[]]
        $Value
    )

    $sorted = @($Value | Sort-Object)
    $middle = [int][System.Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2 -eq 1) {
        return $sorted[$middle]
    }
    ($sorted[$middle - 1] + $sorted[$middle]) / 2
}

$emptyFolder = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), ('apimnative-empty-module-{0}' -f [guid]::NewGuid().ToString('N')), 'EmptyModule')
$null = New-Item -Path $emptyFolder -ItemType Directory -Force
[System.IO.File]::WriteAllText([System.IO.Path]::Combine($emptyFolder, 'EmptyModule.psm1'), "function Get-Empty {`n    [CmdletBinding()]`n    param ()`n}`n")
[System.IO.File]::WriteAllText([System.IO.Path]::Combine($emptyFolder, 'EmptyModule.psd1'), "@{ RootModule = 'EmptyModule.psm1'; ModuleVersion = '1.0.0'; FunctionsToExport = @('Get-Empty') }`n")
$emptyManifest = [System.IO.Path]::Combine($emptyFolder, 'EmptyModule.psd1')

$bare = @('-NoProfile', '-NonInteractive', '-Command', 'exit')
$import = @('-NoProfile', '-NonInteractive', '-Command', ('Import-Module -Name ''{0}''; exit' -f $manifest))
$importEmpty = @('-NoProfile', '-NonInteractive', '-Command', ('Import-Module -Name ''{0}''; exit' -f $emptyManifest))
$hasBaseline = -not [string]::IsNullOrEmpty($BaselineManifest)
if ($hasBaseline) {
    $importBaseline = @('-NoProfile', '-NonInteractive', '-Command', ('Import-Module -Name ''{0}''; exit' -f [System.IO.Path]::GetFullPath($BaselineManifest)))
}
$firstCallCommand = 'Import-Module -Name ''{0}''; $null = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter x; exit'
$firstCallDifferences = New-Object -TypeName System.Collections.Generic.List[double]
$baselineFirstCallDifferences = New-Object -TypeName System.Collections.Generic.List[double]
if ($FirstCall) {
    $importFirstCall = @('-NoProfile', '-NonInteractive', '-Command', ($firstCallCommand -f $manifest))
    if ($hasBaseline) {
        $baselineFirstCall = @('-NoProfile', '-NonInteractive', '-Command', ($firstCallCommand -f [System.IO.Path]::GetFullPath($BaselineManifest)))
    }
}

# Warm-up: file caches, the first unpack of a self-contained pwsh.
$null = Measure-Process -ArgumentList $bare
$null = Measure-Process -ArgumentList $import
$null = Measure-Process -ArgumentList $importEmpty
if ($hasBaseline) {
    $null = Measure-Process -ArgumentList $importBaseline
}

$bareTimes = New-Object -TypeName System.Collections.Generic.List[double]
$emptyDifferences = New-Object -TypeName System.Collections.Generic.List[double]
$importTimes = New-Object -TypeName System.Collections.Generic.List[double]
$differences = New-Object -TypeName System.Collections.Generic.List[double]
$baselineDifferences = New-Object -TypeName System.Collections.Generic.List[double]
$savedDifferences = New-Object -TypeName System.Collections.Generic.List[double]
$jitWallDifferences = New-Object -TypeName System.Collections.Generic.List[double]
$jitTimeDifferences = New-Object -TypeName System.Collections.Generic.List[double]
$jitMethodDifferences = New-Object -TypeName System.Collections.Generic.List[double]
$bareJitTimes = New-Object -TypeName System.Collections.Generic.List[double]
$jitImportCommand = 'Import-Module -Name ''{0}''; ' -f $manifest
for ($run = 1; $run -le $Runs; $run++) {
    $bareTime = Measure-Process -ArgumentList $bare
    $importTime = Measure-Process -ArgumentList $import
    $emptyTime = Measure-Process -ArgumentList $importEmpty
    $emptyDifferences.Add($emptyTime - $bareTime)
    $bareTimes.Add($bareTime)
    $importTimes.Add($importTime)
    $differences.Add($importTime - $bareTime)
    $row = [ordered]@{
        Run                = $run
        BareMs             = [System.Math]::Round($bareTime, 0)
        ImportMs           = [System.Math]::Round($importTime, 0)
        AddedMs            = [System.Math]::Round($importTime - $bareTime, 0)
        EmptyModuleAddedMs = [System.Math]::Round($emptyTime - $bareTime, 0)
    }
    if ($hasBaseline) {
        $baselineTime = Measure-Process -ArgumentList $importBaseline
        $baselineDifferences.Add($baselineTime - $bareTime)
        $savedDifferences.Add($baselineTime - $importTime)
        $row['BaselineAddedMs'] = [System.Math]::Round($baselineTime - $bareTime, 0)
    }
    if ($FirstCall) {
        $firstCallTime = Measure-Process -ArgumentList $importFirstCall
        $firstCallDifferences.Add($firstCallTime - $bareTime)
        $row['FirstCallAddedMs'] = [System.Math]::Round($firstCallTime - $bareTime, 0)
        if ($hasBaseline) {
            $baselineFirstCallTime = Measure-Process -ArgumentList $baselineFirstCall
            $baselineFirstCallDifferences.Add($baselineFirstCallTime - $bareTime)
            $row['BaselineFirstCallAddedMs'] = [System.Math]::Round($baselineFirstCallTime - $bareTime, 0)
        }
    }
    if ($JitTime) {
        $bareJit = Measure-JitProcess -Command ''
        $importJit = Measure-JitProcess -Command $jitImportCommand
        $bareJitTimes.Add($bareJit[1])
        $jitWallDifferences.Add($importJit[0] - $bareJit[0])
        $jitTimeDifferences.Add($importJit[1] - $bareJit[1])
        $jitMethodDifferences.Add($importJit[2] - $bareJit[2])
        $row['JitBareMs'] = [System.Math]::Round($bareJit[1], 0)
        $row['JitAddedMs'] = [System.Math]::Round($importJit[1] - $bareJit[1], 0)
        $row['JitAddedMethods'] = $importJit[2] - $bareJit[2]
        $row['JitRunWallAddedMs'] = [System.Math]::Round($importJit[0] - $bareJit[0], 0)
    }
    [PSCustomObject]$row
}

$summary = 'median over {0} runs: bare pwsh {1:N0} ms, with Import-Module ApimNative {2:N0} ms, added by the import {3:N0} ms; added by importing an empty script module {4:N0} ms (medians of pairwise differences)' -f @(
    $Runs, (Get-Median -Value $bareTimes.ToArray()), (Get-Median -Value $importTimes.ToArray()), (Get-Median -Value $differences.ToArray()), (Get-Median -Value $emptyDifferences.ToArray()))
if ($hasBaseline) {
    $summary += '; the baseline ({0}) adds {1:N0} ms, {2:N0} ms more than this module (median of pairwise differences)' -f @(
        $BaselineManifest, (Get-Median -Value $baselineDifferences.ToArray()), (Get-Median -Value $savedDifferences.ToArray()))
}
if ($FirstCall) {
    $summary += '; import and first cmdlet call add {0:N0} ms' -f (Get-Median -Value $firstCallDifferences.ToArray())
    if ($hasBaseline) {
        $summary += ' (the baseline {0:N0} ms)' -f (Get-Median -Value $baselineFirstCallDifferences.ToArray())
    }
}
if ($JitTime) {
    $jitWall = Get-Median -Value $jitWallDifferences.ToArray()
    $jitAdded = Get-Median -Value $jitTimeDifferences.ToArray()
    $outsideJit = New-Object -TypeName System.Collections.Generic.List[double]
    for ($index = 0; $index -lt $jitWallDifferences.Count; $index++) {
        $outsideJit.Add($jitWallDifferences[$index] - $jitTimeDifferences[$index])
    }
    $summary += '; in the JIT-reporting runs the bare start spends {0:N0} ms compiling methods, and the import adds {1:N0} ms of wall time, of which {2:N0} ms compiling {3:N0} more methods: {4:N0} ms outside the JIT (medians; pairwise)' -f @(
        (Get-Median -Value $bareJitTimes.ToArray()), $jitWall, $jitAdded, (Get-Median -Value $jitMethodDifferences.ToArray()), (Get-Median -Value $outsideJit.ToArray()))
}
$sortedDifferences = @($differences | Sort-Object)
$summary += '; added by the import: min {0:N0}, max {1:N0} ms (the spread says how noisy the machine was)' -f $sortedDifferences[0], $sortedDifferences[-1]
Remove-Item -LiteralPath ([System.IO.Path]::GetDirectoryName($emptyFolder)) -Recurse -Force
Write-Information -MessageData $summary -InformationAction Continue
