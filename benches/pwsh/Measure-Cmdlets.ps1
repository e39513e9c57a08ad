<#
.SYNOPSIS
Measures the cost per call of the cmdlets against the in-process emulator, next to the same
requests made with Invoke-RestMethod (or, for builders, an empty advanced function) in the same run.

.DESCRIPTION
A benchmark, not a test: it asserts nothing. In one PowerShell process it imports the module,
starts the emulator (Start-ApimNativeEmulator, 127.0.0.1), connects to it and creates one backend
and one API connector. Then, for each pair, it runs -Count calls of the cmdlet and -Count calls of
its baseline in alternating rounds of 100 (so that drift of a shared machine hits both alike),
after a warm-up (below), and prints the microseconds per call and the ratio, in wall-clock time
and in CPU time of the whole process (all its threads, the in-process emulator's included;
steadier than the wall clock on a busy machine, and it counts work moved to other threads).

Why the warm-up is long: .NET compiles each method first without optimising (tier 0) and again,
optimised, once it has been called 30 times after 100 ms without a new tier-0 compile; a
PowerShell loop keeps compiling new methods (hundreds per round of 100 calls) for its first
1,500-2,500 calls, so with the earlier warm-up of 50 calls the first pair
(Get-AzApiManagementBackend) was measured mostly on tier-0 code: 1,000-1,500 us of its thread's
CPU per call against 340-430 us once warmed, alone or alternating with Invoke-RestMethod alike.
Gen-0 collections were one per 100 calls in every case, and with DOTNET_TieredCompilation=0 the
gap between the first pair and the rest was gone. Each pair now warms up in rounds of 100 calls
of both until a round compiles fewer than 10 methods twice in a row ([System.Runtime.JitInfo],
.NET 6 and later; without it 30 rounds), at most -MaxWarmup calls; the Warmup column says how
many it took and the JIT column how many methods were compiled while measuring (more than a few
dozen means the pair was still warming up). CmdletKB and BaseKB are the kilobytes each call
allocated on the pipeline thread ([GC]::GetAllocatedBytesForCurrentThread; the emulator's and the
native library's memory is not counted): load does not move them, so they show a change to the
module's .NET side that the clock on a shared machine cannot.

- Get-AzApiManagementBackend -BackendId   vs  Invoke-RestMethod GET of the same URL
- New-AzApiManagementBackend              vs  Invoke-RestMethod PUT of the same body
- Set-AzApiManagementBackend -Description vs  Invoke-RestMethod PATCH with If-Match * and the same body
- Get-MgIdentityApiConnector -IdentityApiConnectorId vs Invoke-RestMethod GET of the same URL
- New-AzApiManagementBackendCredential    vs  the same object built in PowerShell (it sends nothing)
- New-AzApiManagementBackendCredential and New-AzApiManagementBackendTls vs an empty advanced function
- Get-AzApiManagementBackend of a service with 1,000 backends (20 lists) vs Invoke-WebRequest and
  ConvertFrom-Json of the same pages, following nextLink
- an empty advanced function               (the floor of any cmdlet written in PowerShell)

Build first (build.ps1 -Task Build: a release library). The figures are per call, in one process.

.PARAMETER Count
Calls per cmdlet and per baseline (default 1000).

.PARAMETER MaxWarmup
Most warm-up calls per cmdlet and per baseline before measuring (default 4000; the list pair
warms up with 10 lists, each a thousand objects).

.EXAMPLE
PS> ./benches/pwsh/Measure-Cmdlets.ps1
#>
[CmdletBinding()]
param (
    [Parameter()]
    [ValidateRange(100, 100000)]
    [int]
    $Count = 1000,

    [Parameter()]
    [ValidateRange(100, 100000)]
    [int]
    $MaxWarmup = 4000
)

$ErrorActionPreference = 'Stop'
Import-Module -Name ([System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'module', 'ApimNative', 'ApimNative.psd1'))

function Measure-Pair {
    <# Alternating rounds of 100 calls of each scriptblock; returns microseconds per call of each. #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param (
        [Parameter(Mandatory = $true)]
        [string]
        $Name,

        [Parameter(Mandatory = $true)]
        [scriptblock]
        $Cmdlet,

        [Parameter(Mandatory = $true)]
        [string]
        $BaselineName,

        [Parameter(Mandatory = $true)]
        [scriptblock]
        $Baseline,

        # Calls of each in one round; the list measures rounds of 1 (each call is 1,000 objects).
        [Parameter()]
        [int]
        $RoundSize = 100,

        [Parameter()]
        [int]
        $Calls = $Count,

        [Parameter()]
        [int]
        $WarmupLimit = $MaxWarmup
    )

    # Warm-up (see the description): rounds of both until the JIT has little left to compile.
    $jitInfo = 'System.Runtime.JitInfo' -as [type]
    $warmupCalls = 0
    $quietRounds = 0
    while ($warmupCalls -lt $WarmupLimit -and $quietRounds -lt 2) {
        $compiledBefore = if ($jitInfo) { $jitInfo::GetCompiledMethodCount($false) } else { 0 }
        for ($i = 0; $i -lt $RoundSize; $i++) {
            $null = & $Cmdlet
            $null = & $Baseline
        }
        $warmupCalls += $RoundSize
        if ($jitInfo) {
            $quietRounds = if ($jitInfo::GetCompiledMethodCount($false) - $compiledBefore -lt 10) { $quietRounds + 1 } else { 0 }
        }
        elseif ($warmupCalls -ge 30 * $RoundSize) {
            $quietRounds = 2
        }
    }
    $compiledAtStart = if ($jitInfo) { $jitInfo::GetCompiledMethodCount($false) } else { 0 }
    $cmdletWatch = New-Object -TypeName System.Diagnostics.Stopwatch
    $baselineWatch = New-Object -TypeName System.Diagnostics.Stopwatch
    # CPU time of the whole process (every thread: the emulator's and the runtime's too), which a
    # busy machine disturbs far less than the wall clock.
    $process = [System.Diagnostics.Process]::GetCurrentProcess()
    $cmdletCpu = [System.TimeSpan]::Zero
    $baselineCpu = [System.TimeSpan]::Zero
    # Bytes allocated by this thread (the pipeline's): a figure load does not move, so it shows a
    # change that the noisy clock cannot (.NET Core 3 and later; absent, the columns stay empty).
    $countsAllocation = $null -ne [System.GC].GetMethod('GetAllocatedBytesForCurrentThread')
    $cmdletBytes = [long]0
    $baselineBytes = [long]0
    $rounds = [int][System.Math]::Ceiling($Calls / $RoundSize)
    for ($round = 0; $round -lt $rounds; $round++) {
        $process.Refresh()
        $cpuBefore = $process.TotalProcessorTime
        $bytesBefore = if ($countsAllocation) { [System.GC]::GetAllocatedBytesForCurrentThread() } else { 0 }
        $cmdletWatch.Start()
        for ($i = 0; $i -lt $RoundSize; $i++) {
            $null = & $Cmdlet
        }
        $cmdletWatch.Stop()
        $bytesBetween = if ($countsAllocation) { [System.GC]::GetAllocatedBytesForCurrentThread() } else { 0 }
        $process.Refresh()
        $cpuBetween = $process.TotalProcessorTime
        $baselineWatch.Start()
        for ($i = 0; $i -lt $RoundSize; $i++) {
            $null = & $Baseline
        }
        $baselineWatch.Stop()
        if ($countsAllocation) {
            $cmdletBytes += $bytesBetween - $bytesBefore
            $baselineBytes += [System.GC]::GetAllocatedBytesForCurrentThread() - $bytesBetween
        }
        $process.Refresh()
        $cmdletCpu += $cpuBetween - $cpuBefore
        $baselineCpu += $process.TotalProcessorTime - $cpuBetween
    }
    $calls = $rounds * $RoundSize
    $cmdletMicroseconds = $cmdletWatch.Elapsed.TotalMilliseconds * 1000 / $calls
    $baselineMicroseconds = $baselineWatch.Elapsed.TotalMilliseconds * 1000 / $calls
    $cmdletCpuMicroseconds = $cmdletCpu.TotalMilliseconds * 1000 / $calls
    $baselineCpuMicroseconds = $baselineCpu.TotalMilliseconds * 1000 / $calls
    [PSCustomObject]@{
        Cmdlet      = $Name
        CmdletUs    = [System.Math]::Round($cmdletMicroseconds, 0)
        Baseline    = $BaselineName
        BaselineUs  = [System.Math]::Round($baselineMicroseconds, 0)
        Ratio       = [System.Math]::Round($cmdletMicroseconds / $baselineMicroseconds, 2)
        CmdletCpuUs = [System.Math]::Round($cmdletCpuMicroseconds, 0)
        BaseCpuUs   = [System.Math]::Round($baselineCpuMicroseconds, 0)
        CpuRatio    = [System.Math]::Round($cmdletCpuMicroseconds / [System.Math]::Max($baselineCpuMicroseconds, 1), 2)
        CmdletKB    = if ($countsAllocation) { [System.Math]::Round($cmdletBytes / 1024 / $calls, 1) } else { $null }
        BaseKB      = if ($countsAllocation) { [System.Math]::Round($baselineBytes / 1024 / $calls, 1) } else { $null }
        Calls       = $calls
        Warmup      = $warmupCalls
        JIT         = if ($jitInfo) { $jitInfo::GetCompiledMethodCount($false) - $compiledAtStart } else { $null }
    }
}

function Invoke-Nothing {
    [CmdletBinding()]
    param (
        [Parameter()]
        [string]
        $Value
    )
}

$emulator = Start-ApimNativeEmulator
try {
    $subscriptionId = '00000000-0000-0000-0000-000000000000'
    $null = Connect-ApimNative -Emulator $emulator -Subscription $subscriptionId
    $context = New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'contoso'
    $null = New-AzApiManagementBackend -Context $context -BackendId 'bench' -Url 'https://bench.contoso.com/' -Protocol http -Title 'bench'
    $connector = New-MgIdentityApiConnector -BodyParameter @{
        displayName                 = 'Bench API'
        targetUrl                   = 'https://someapi.com/api'
        authenticationConfiguration = @{
            '@odata.type' = '#microsoft.graph.basicAuthentication'
            username      = 'MyUsername'
            password      = 'MyPassword'
        }
    }
    $backendUrl = '{0}/subscriptions/{1}/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/contoso/backends/bench?api-version=2025-03-01-preview' -f $emulator.BaseUrl, $subscriptionId
    $connectorUrl = '{0}/v1.0/identity/apiConnectors/{1}' -f $emulator.BaseUrl, $connector.Id
    $patchBody = '{"properties":{"description":"benchmark"}}'
    $putBody = '{"properties":{"url":"https://bench.contoso.com/","protocol":"http","title":"bench"}}'

    # The list: 1,000 more backends, in a second service so the one-backend calls stay alike.
    $listContext = New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName 'contoso-list'
    for ($i = 0; $i -lt 1000; $i++) {
        $null = New-AzApiManagementBackend -Context $listContext -BackendId ('list{0:d4}' -f $i) -Url 'https://list.contoso.com/' -Protocol http
    }
    $listUrl = '{0}/subscriptions/{1}/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/contoso-list/backends?api-version=2025-03-01-preview' -f $emulator.BaseUrl, $subscriptionId

    $results = @(
    Measure-Pair -Name 'Get-AzApiManagementBackend -BackendId' -Cmdlet {
        Get-AzApiManagementBackend -Context $context -BackendId 'bench'
    } -BaselineName 'Invoke-RestMethod GET' -Baseline {
        Invoke-RestMethod -Uri $backendUrl -Method Get
    }
    Measure-Pair -Name 'New-AzApiManagementBackend (PUT)' -Cmdlet {
        New-AzApiManagementBackend -Context $context -BackendId 'bench' -Url 'https://bench.contoso.com/' -Protocol http -Title 'bench'
    } -BaselineName 'Invoke-RestMethod PUT' -Baseline {
        Invoke-RestMethod -Uri $backendUrl -Method Put -ContentType 'application/json' -Body $putBody
    }
    Measure-Pair -Name 'Set-AzApiManagementBackend -Description' -Cmdlet {
        Set-AzApiManagementBackend -Context $context -BackendId 'bench' -Description 'benchmark'
    } -BaselineName 'Invoke-RestMethod PATCH' -Baseline {
        Invoke-RestMethod -Uri $backendUrl -Method Patch -Headers @{ 'If-Match' = '*' } -ContentType 'application/json' -Body $patchBody
    }
    Measure-Pair -Name 'Get-MgIdentityApiConnector -IdentityApiConnectorId' -Cmdlet {
        Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id
    } -BaselineName 'Invoke-RestMethod GET' -Baseline {
        Invoke-RestMethod -Uri $connectorUrl -Method Get
    }
    Measure-Pair -Name 'New-AzApiManagementBackendCredential' -Cmdlet {
        New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter opensesame -Query @{ 'sv' = @('xx', 'bb'); 'sr' = @('cc') } -Header @{ 'x-my-1' = @('val1', 'val2') }
    } -BaselineName 'same object built in PowerShell' -Baseline {
        [PSCustomObject]@{
            PSTypeName    = 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential'
            Certificate   = $null
            CertificateId = $null
            Query         = @{ 'sv' = @('xx', 'bb'); 'sr' = @('cc') }
            Header        = @{ 'x-my-1' = @('val1', 'val2') }
            Authorization = [PSCustomObject]@{ Scheme = 'basic'; Parameter = 'opensesame' }
        }
    }
    Measure-Pair -Name 'New-AzApiManagementBackendCredential' -Cmdlet {
        New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter opensesame -Query @{ 'sv' = @('xx', 'bb'); 'sr' = @('cc') } -Header @{ 'x-my-1' = @('val1', 'val2') }
    } -BaselineName 'empty advanced function' -Baseline {
        Invoke-Nothing -Value 'x'
    }
    Measure-Pair -Name 'New-AzApiManagementBackendTls' -Cmdlet {
        New-AzApiManagementBackendTls -SkipCertificateChainValidation $true -ServerCertificateThumbprint '1365083bae61ee876fc26850b825d05d3eb2e503'
    } -BaselineName 'empty advanced function' -Baseline {
        Invoke-Nothing -Value 'x'
    }
    Measure-Pair -Name 'Get-AzApiManagementBackend (list of 1,000)' -Cmdlet {
        Get-AzApiManagementBackend -Context $listContext
    } -BaselineName 'Invoke-WebRequest + ConvertFrom-Json, every page' -Baseline {
        $next = $listUrl
        while ($next) {
            $page = ConvertFrom-Json -InputObject (Invoke-WebRequest -Uri $next -Method Get).Content
            $page.value
            $next = $page.nextLink
        }
    } -RoundSize 1 -Calls 20 -WarmupLimit 10
    Measure-Pair -Name 'empty advanced function' -Cmdlet {
        Invoke-Nothing -Value 'x'
    } -BaselineName 'scriptblock with $null' -Baseline {
        $null
    }
    )
    $results | Format-Table -Property * -AutoSize | Out-String -Width 260
}
finally {
    Disconnect-ApimNative
    Stop-ApimNativeEmulator -Emulator $emulator
}
