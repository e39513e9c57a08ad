# ApimNative root module: the manifest has loaded the prebuilt interop assembly (RequiredAssemblies:
# bin/ApimNative.Interop.dll, compiled once by build.ps1, .NET Standard 2.0), so importing compiles
# nothing; this sets the module state, runs the import's checks in C# and dot-sources the functions
# (one bundle of them when built). Everything else lives in the files it loads, one job per file.
#
# Why no .NET call here: PowerShell compiles a dynamic call site for every .NET method or property
# a script touches, and the first one in a process costs about 60 ms of CPU before it does anything
# (the binders' own code is compiled then); a cmdlet of another module (Test-Path, Add-Type,
# New-Object) would load that module first. A typed assignment converts through a constructor
# without a call site, so the whole import is [ApimNative.ModuleImport] (ModuleLoader.cs): it refuses
# a 32-bit host, another build or another copy of the module already in this session, and a
# library that is not staged; hands the staged library's path to the interop (opened on first
# use); defines [ApimNative.AcceptDeserialized()] (DeserializedBinding.cs); and names the function
# script to dot-source (README, PowerShell).

# Module state shared by the private helpers:
# - ApimNativeConnection: what Connect-ApimNative chose (the native Session handle that holds the
#   credential's secrets and the subscription, Auth without secrets, SubscriptionId, endpoints);
#   $null means "no Authorization header", which is what the local emulator accepts.
# - ApimNativeClients: native client handles keyed by endpoint and api-version (Get-ApimNativeClient).
# - ApimNativeDefault*: what the native client uses when a context names no endpoint/api-version;
#   used to print the URL in -WhatIf messages and to key the client cache (the native library
#   applies its own defaults and decides how each client signs in).
$script:ApimNativeConnection = $null
# Set by Import-ApimFormatData once the format views are loaded (on the first cmdlet call).
$script:ApimNativeFormatsLoaded = $false
$script:ApimNativeClients = @{}
# Set by Invoke-ApimNativeDryRun while its script runs: every client then talks to its emulator.
$script:ApimNativeDryRunEndpoint = $null
$script:ApimNativeDefaultArmEndpoint = 'https://management.azure.com'
$script:ApimNativeDefaultApiVersion = '2025-03-01-preview'

try {
    [ApimNative.ModuleImport]$moduleImport = $PSScriptRoot
}
catch {
    # In a script of its own so that the import does not compile what only a refusal runs.
    & "$PSScriptRoot/ApimNative.ImportRefusal.ps1" $_
}

# The functions: build.ps1 -Task Build concatenates Private/ then Public/ into
# bin/ApimNative.Functions.ps1 (one dot-sourced file instead of ~46: 110 -> 37 ms measured; README,
# PowerShell benchmark), which ends by exporting the public ones. ModuleImport names it only when it
# was built from the sources on disk (ModuleScripts.cs); after an edit without a build it names
# ApimNative.Sources.ps1, which dot-sources the files themselves, so a stale bundle never shadows a
# change. The cleanup on Remove-Module (OnRemove) is registered by the first cmdlet call, the first
# moment there is anything to free (Private/Register-ApimNativeCleanup.ps1).
. $moduleImport
