function Stop-ApimNativeEmulator {
    <#
    .SYNOPSIS
    Stops an emulator started with Start-ApimNativeEmulator.

    .DESCRIPTION
    Waits until the emulator no longer accepts connections and frees it. The data of an emulator
    started without -Path is gone; with -Path it stays in that directory for the next start.
    Stopping an emulator twice does nothing. Cached clients keep pointing at its address; run
    Connect-ApimNative again to choose another endpoint.

    .PARAMETER Emulator
    The emulator, as Start-ApimNativeEmulator returned it.

    .EXAMPLE
    PS C:\> $emulator = Start-ApimNativeEmulator
    PS C:\> Stop-ApimNativeEmulator -Emulator $emulator

    Starts and stops an emulator.

    .EXAMPLE
    PS C:\> $emulator | Stop-ApimNativeEmulator

    Stops the emulator given through the pipeline.

    .OUTPUTS
    None

    .LINK
    Connect-ApimNative

    .LINK
    Disconnect-ApimNative

    .LINK
    Start-ApimNativeEmulator

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(PositionalBinding = $false)]
    param (
        [Parameter(Mandatory = $true, ValueFromPipeline = $true)]
        [PSTypeName('ApimNative.Emulator')]
        [PSObject]
        $Emulator
    )

    begin {
        . Use-ApimCallerPreference
    }

    process {
        $handle = $Emulator.Handle
        if ($null -eq $handle -or $handle.IsClosed) {
            return
        }
        $handle.Dispose()
        Write-Verbose -Message ('The ApimNative emulator on {0} stopped.' -f $Emulator.BaseUrl)
    }
}
