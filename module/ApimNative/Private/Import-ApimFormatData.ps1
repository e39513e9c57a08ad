function Import-ApimFormatData {
    <#
    .SYNOPSIS
    Loads the module's format views (ApimNative.Format.ps1xml) into the session, once, when a cmdlet first runs.

    .DESCRIPTION
    Loading the first format file of a session costs PowerShell 100-150 ms (its format loader
    starts up; our views themselves take about 15 ms), which was a third of Import-Module. The
    views are only needed once there are objects of ours to show, and those come from our cmdlets,
    so the first cmdlet call loads them instead of the import (FormatsToProcess is left out of the
    manifest on purpose). Appended, as FormatsToProcess would, so a view of another module for the
    same type name keeps its place.
    #>
    [CmdletBinding()]
    param ()

    if ($script:ApimNativeFormatsLoaded) {
        return
    }
    # Set first: should loading fail, the cmdlet still runs (with default formatting) and does not retry on every call.
    $script:ApimNativeFormatsLoaded = $true
    Update-FormatData -AppendPath ([System.IO.Path]::Combine($PSScriptRoot, '..', 'ApimNative.Format.ps1xml'))
}
