# ApimNative root module: loads the interop type once, then dot-sources the private helpers and the
# public cmdlets. Everything else lives in the files it loads, one job per file.

# The native library is staged by build.ps1 under bin/<rid>/. The rid is worked out here, not at
# build time, so one module folder can carry the libraries for several platforms.
$isWindowsHost = [System.IO.Path]::DirectorySeparatorChar -eq [char]'\'
if ($isWindowsHost) {
    # Windows PowerShell 5.1 may run on a .NET Framework without RuntimeInformation.
    $nativeRid = 'win-x64'
    if ($env:PROCESSOR_ARCHITECTURE -eq 'ARM64') {
        $nativeRid = 'win-arm64'
    }
    $nativeName = 'apim_native.dll'
}
else {
    $architecture = [System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture.ToString().ToLowerInvariant()
    if ([System.Runtime.InteropServices.RuntimeInformation]::IsOSPlatform([System.Runtime.InteropServices.OSPlatform]::OSX)) {
        $nativeRid = 'osx-{0}' -f $architecture
        $nativeName = 'libapim_native.dylib'
    }
    else {
        $nativeRid = 'linux-{0}' -f $architecture
        $nativeName = 'libapim_native.so'
    }
}
$nativePath = [System.IO.Path]::Combine($PSScriptRoot, 'bin', $nativeRid, $nativeName)

# Add-Type cannot be undone in a session; a second Import-Module -Force must reuse the loaded type.
if (-not ('ApimNative.Interop' -as [type])) {
    if (-not (Test-Path -LiteralPath $nativePath -PathType Leaf)) {
        $exception = New-Object -TypeName System.IO.FileNotFoundException -ArgumentList @(
            ('The ApimNative native library was not found at {0}. Run build.ps1 -Task Build to stage it.' -f $nativePath),
            $nativePath)
        $record = New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @(
            $exception, 'ApimNative.LoadNativeLibraryFailed', [System.Management.Automation.ErrorCategory]::ObjectNotFound, $nativePath)
        throw $record
    }
    # Native.cs carries a placeholder in its DllImport; the absolute path makes the loader find the
    # staged library without touching PATH / LD_LIBRARY_PATH.
    $nativeSource = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($PSScriptRoot, 'Native.cs'))
    $nativeSource = $nativeSource.Replace('__APIM_NATIVE_LIBRARY__', $nativePath.Replace('\', '\\'))
    Add-Type -TypeDefinition $nativeSource -Language CSharp
}

# Module state shared by the private helpers:
# - ApimNativeConnection: what Connect-ApimNative chose (Auth options, SubscriptionId, endpoints);
#   $null means "no Authorization header", which is what the local emulator accepts.
# - ApimNativeClients: native client handles keyed by endpoint and api-version (Get-ApimNativeClient).
# - ApimNativeDefault*: what the native client uses when a context names no endpoint/api-version;
#   used to print the URL in -WhatIf messages and to decide whether a client needs a credential
#   (the native library applies its own defaults).
$script:ApimNativeConnection = $null
$script:ApimNativeClients = @{}
$script:ApimNativeDefaultArmEndpoint = 'https://management.azure.com'
$script:ApimNativeDefaultGraphEndpoint = 'https://graph.microsoft.com'
$script:ApimNativeDefaultApiVersion = '2025-03-01-preview'

foreach ($folder in @('Private', 'Public')) {
    $folderPath = [System.IO.Path]::Combine($PSScriptRoot, $folder)
    foreach ($file in (Get-ChildItem -LiteralPath $folderPath -Filter '*.ps1' | Sort-Object -Property Name)) {
        . $file.FullName
    }
}

$MyInvocation.MyCommand.ScriptBlock.Module.OnRemove = {
    Clear-ApimNativeClientCache
}

$publicFunctions = Get-ChildItem -LiteralPath ([System.IO.Path]::Combine($PSScriptRoot, 'Public')) -Filter '*.ps1' |
    ForEach-Object -Process { $_.BaseName }
Export-ModuleMember -Function $publicFunctions
