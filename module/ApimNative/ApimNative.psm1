# ApimNative root module: loads the prebuilt interop assembly once, then dot-sources the private helpers and the
# public cmdlets (one bundle of them when built). Everything else lives in the files it loads, one job per file.

# The native libraries are 64-bit only. A 32-bit host (Windows PowerShell (x86), a 32-bit
# Azure Automation hybrid worker) would load the x64 library and fail on the first call with
# BadImageFormatException; refuse at import instead, saying why and what to run.
if ([System.IntPtr]::Size -ne 8) {
    $exception = New-Object -TypeName System.PlatformNotSupportedException -ArgumentList @(
        'ApimNative needs a 64-bit PowerShell: this process is 32-bit, and the native library ships for x64 and arm64 only. Start the 64-bit Windows PowerShell (C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe, not SysWOW64) or pwsh.')
    $record = New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @(
        $exception, 'ApimNative.ImportFailed', [System.Management.Automation.ErrorCategory]::NotImplemented, [System.IntPtr]::Size)
    throw $record
}

# The interop assembly is compiled once by build.ps1 (bin/ApimNative.Interop.dll, .NET Standard 2.0),
# so importing compiles nothing. An assembly cannot be unloaded: a second Import-Module -Force
# reuses the loaded one when it is the same build, and refuses clearly when it is another.
# Only core language and as few distinct .NET calls as possible here: a cmdlet of another module
# (Test-Path, Add-Type, Get-ChildItem, Sort-Object) would load that whole module first and double
# the import time, and each .NET method or property PowerShell calls the first time costs it a
# compiled call site (a few ms each), which is why the rest of the loading is one call into C#.
$interopPath = [System.IO.Path]::Combine($PSScriptRoot, 'bin', 'ApimNative.Interop.dll')
$loadedInterop = 'ApimNative.Interop' -as [type]
if ($null -eq $loadedInterop) {
    try {
        $null = [System.Reflection.Assembly]::LoadFrom($interopPath)
    }
    catch [System.IO.FileNotFoundException] {
        $exception = New-Object -TypeName System.IO.FileNotFoundException -ArgumentList @(
            ('ApimNative is not built: {0} was not found. Run build.ps1 -Task Build to make it.' -f $interopPath),
            $interopPath)
        $record = New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @(
            $exception, 'ApimNative.LoadNativeLibraryFailed', [System.Management.Automation.ErrorCategory]::ObjectNotFound, $interopPath)
        throw $record
    }
}
else {
    $loadedVersion = $loadedInterop.Assembly.GetName().Version
    $builtVersion = [System.Reflection.AssemblyName]::GetAssemblyName($interopPath).Version
    if ($loadedVersion -ne $builtVersion) {
        $exception = New-Object -TypeName System.InvalidOperationException -ArgumentList @(
            ('This session already loaded ApimNative.Interop {0}; {1} is version {2}. An assembly cannot be unloaded: start a new PowerShell session to use the new build.' -f $loadedVersion, $interopPath, $builtVersion))
        $record = New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @(
            $exception, 'ApimNative.LoadNativeLibraryFailed', [System.Management.Automation.ErrorCategory]::ResourceExists, $interopPath)
        throw $record
    }
}
# The native library (bin/<rid>/, worked out at import so one module folder carries several
# platforms) is handed to the interop by absolute path: the prebuilt assembly carries none, and
# PATH / LD_LIBRARY_PATH stay untouched. ModuleLoader.cs refuses a library that is not staged,
# and another copy of the module when this session already runs its library (a process loads
# it once), naming both locations; the library itself opens on the first call that needs it.
$refusal = [ApimNative.ModuleLoader]::LoadStagedLibrary($PSScriptRoot)
if ($null -ne $refusal) {
    $record = New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @(
        $refusal.Exception, 'ApimNative.LoadNativeLibraryFailed', $refusal.Category, $refusal.Target)
    throw $record
}

# [ApimNative.AcceptDeserialized()] lets the [PSTypeName()] parameters take the copies that
# Import-Clixml, jobs and remote sessions give back: DeserializedBinding.cs says why the attribute
# class is emitted here, at run time. Its Transform(engineIntrinsics, inputData) returns
# [ApimNative.DeserializedBinding]::Accept(inputData). An emitted type cannot be unloaded, so an
# Import-Module -Force in the same session reuses it.
if ($null -eq ('ApimNative.AcceptDeserializedAttribute' -as [type])) {
    $transformationAttribute = [System.Management.Automation.ArgumentTransformationAttribute]
    $transform = $transformationAttribute.GetMethod('Transform')
    $bindingAssembly = [System.Reflection.Emit.AssemblyBuilder]::DefineDynamicAssembly(
        [System.Reflection.AssemblyName]::new('ApimNative.Binding'), [System.Reflection.Emit.AssemblyBuilderAccess]::Run)
    $attributeBuilder = $bindingAssembly.DefineDynamicModule('ApimNative.Binding').DefineType(
        'ApimNative.AcceptDeserializedAttribute', [System.Reflection.TypeAttributes]'Public, Sealed, Class', $transformationAttribute)
    $null = $attributeBuilder.DefineDefaultConstructor([System.Reflection.MethodAttributes]::Public)
    $transformBuilder = $attributeBuilder.DefineMethod('Transform', [System.Reflection.MethodAttributes]'Public, Virtual, HideBySig', [object],
        @([System.Management.Automation.EngineIntrinsics], [object]))
    $il = $transformBuilder.GetILGenerator()
    $il.Emit([System.Reflection.Emit.OpCodes]::Ldarg_2)
    $il.Emit([System.Reflection.Emit.OpCodes]::Call, [ApimNative.DeserializedBinding].GetMethod('Accept'))
    $il.Emit([System.Reflection.Emit.OpCodes]::Ret)
    $attributeBuilder.DefineMethodOverride($transformBuilder, $transform)
    $null = $attributeBuilder.CreateTypeInfo()
}

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

# The functions: build.ps1 -Task Build concatenates Private/ then Public/ into
# bin/ApimNative.Functions.ps1, and one dot-sourced file costs a third of the 46 (110 -> 37 ms
# measured; README, PowerShell benchmark). CurrentBundle answers it only when it was built from the
# sources on disk (a hash of them); after an edit without a build the files themselves are
# dot-sourced, in the same order, so a stale bundle never shadows a change.
$functionBundle = [ApimNative.ModuleScripts]::CurrentBundle($PSScriptRoot)
if ($null -ne $functionBundle) {
    . $functionBundle
}
else {
    foreach ($folder in @('Private', 'Public')) {
        $files = [System.IO.Directory]::GetFiles([System.IO.Path]::Combine($PSScriptRoot, $folder), '*.ps1')
        [System.Array]::Sort($files, [System.StringComparer]::OrdinalIgnoreCase)
        foreach ($file in $files) {
            . $file
        }
    }
}

# Remove-Module (and Import-Module -Force) frees the native clients. Through the session state
# rather than $MyInvocation.MyCommand.ScriptBlock.Module: two member lookups fewer, 2 ms of import.
$ExecutionContext.SessionState.Module.OnRemove = {
    Clear-ApimNativeClientCache
    if ($script:ApimNativeConnection -and $script:ApimNativeConnection['Session']) {
        $script:ApimNativeConnection['Session'].Dispose()
    }
}

Export-ModuleMember -Function ([ApimNative.ModuleScripts]::PublicFunctions($PSScriptRoot))
