<#
.SYNOPSIS
Measures what Get-ApimNativeClient costs every network cmdlet on its common path (a cached client),
next to an empty advanced function and an empty plain function with the same parameters.

.DESCRIPTION
A benchmark, not a test: it asserts nothing. In one PowerShell process it imports the module,
starts the emulator (Start-ApimNativeEmulator, 127.0.0.1), connects to it, makes the ARM and the
Graph client once, and then, inside the module (Get-ApimNativeClient is private), runs -Count
calls of each of these in alternating rounds (so that drift of a shared machine hits all alike),
printing the best round's microseconds per call:

- Get-ApimNativeClient -Cmdlet $PSCmdlet -Endpoint <emulator> -ApiVersion <version>  (ARM cmdlets)
- Get-ApimNativeClient -Cmdlet $PSCmdlet -ForGraph                                   (Graph cmdlets)
- an empty advanced function with -Cmdlet, -Endpoint, -ApiVersion  (what the lookup was before)
- an empty plain function with the same parameters                 (the floor of any call)

.PARAMETER Count
Calls per case and round (default 5000).

.PARAMETER Rounds
How many rounds of every case (default 7); the best round is shown.

.EXAMPLE
PS> ./benches/pwsh/Measure-ClientLookup.ps1
#>
[CmdletBinding()]
param (
    [Parameter()]
    [ValidateRange(100, 1000000)]
    [int]
    $Count = 5000,

    [Parameter()]
    [ValidateRange(1, 100)]
    [int]
    $Rounds = 7
)

$manifest = [System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'module', 'ApimNative', 'ApimNative.psd1')
Import-Module -Name $manifest -Force
$emulator = Start-ApimNativeEmulator
try {
    $null = Connect-ApimNative -Emulator $emulator
    & (Get-Module -Name ApimNative) {
        param ($Count, $Rounds, $BaseUrl)
        function Invoke-EmptyAdvanced {
            [CmdletBinding()]
            param ([System.Management.Automation.PSCmdlet] $Cmdlet, [string] $Endpoint, [string] $ApiVersion)
        }
        function Invoke-EmptyPlain {
            param ([System.Management.Automation.PSCmdlet] $Cmdlet, [string] $Endpoint, [string] $ApiVersion)
        }
        # An advanced function, as the cmdlets are: $PSCmdlet is what they pass.
        function Measure-Lookup {
            [CmdletBinding()]
            param ($Count, $Rounds, $BaseUrl)
            $null = Get-ApimNativeClient -Cmdlet $PSCmdlet -Endpoint $BaseUrl -ApiVersion '2024-05-01'
            $null = Get-ApimNativeClient -Cmdlet $PSCmdlet -ForGraph
            $best = [ordered]@{ 'Get-ApimNativeClient (ARM)' = [double]::MaxValue; 'Get-ApimNativeClient -ForGraph' = [double]::MaxValue; 'empty advanced function' = [double]::MaxValue; 'empty plain function' = [double]::MaxValue }
            foreach ($round in 1..$Rounds) {
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                for ($i = 0; $i -lt $Count; $i++) { $null = Get-ApimNativeClient -Cmdlet $PSCmdlet -Endpoint $BaseUrl -ApiVersion '2024-05-01' }
                $best['Get-ApimNativeClient (ARM)'] = [math]::Min($best['Get-ApimNativeClient (ARM)'], $watch.Elapsed.TotalMilliseconds * 1000 / $Count)
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                for ($i = 0; $i -lt $Count; $i++) { $null = Get-ApimNativeClient -Cmdlet $PSCmdlet -ForGraph }
                $best['Get-ApimNativeClient -ForGraph'] = [math]::Min($best['Get-ApimNativeClient -ForGraph'], $watch.Elapsed.TotalMilliseconds * 1000 / $Count)
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                for ($i = 0; $i -lt $Count; $i++) { $null = Invoke-EmptyAdvanced -Cmdlet $PSCmdlet -Endpoint $BaseUrl -ApiVersion '2024-05-01' }
                $best['empty advanced function'] = [math]::Min($best['empty advanced function'], $watch.Elapsed.TotalMilliseconds * 1000 / $Count)
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                for ($i = 0; $i -lt $Count; $i++) { $null = Invoke-EmptyPlain -Cmdlet $PSCmdlet -Endpoint $BaseUrl -ApiVersion '2024-05-01' }
                $best['empty plain function'] = [math]::Min($best['empty plain function'], $watch.Elapsed.TotalMilliseconds * 1000 / $Count)
            }
            foreach ($name in $best.Keys) {
                '{0,-32} {1,7:N1} us/call' -f $name, $best[$name]
            }
        }
        Measure-Lookup -Count $Count -Rounds $Rounds -BaseUrl $BaseUrl
    } $Count $Rounds $emulator.BaseUrl
}
finally {
    Disconnect-ApimNative
    Stop-ApimNativeEmulator -Emulator $emulator
}
