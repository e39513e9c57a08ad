# Dot-sourced by ApimNative.psm1 instead of bin/ApimNative.Functions.ps1 when that bundle is missing
# or was built from other sources (an edit since the last build; ModuleScripts.cs decides): the
# function files themselves, Private/ then Public/, each sorted as build.ps1 bundles them, then the
# public ones exported. Slower than the bundle (one dot-source a file), but never stale.
foreach ($folder in @('Private', 'Public')) {
    $files = [System.IO.Directory]::GetFiles([System.IO.Path]::Combine($PSScriptRoot, $folder), '*.ps1')
    [System.Array]::Sort($files, [System.StringComparer]::OrdinalIgnoreCase)
    foreach ($file in $files) {
        . $file
    }
}
Export-ModuleMember -Function ([ApimNative.ModuleScripts]::PublicFunctions($PSScriptRoot))
