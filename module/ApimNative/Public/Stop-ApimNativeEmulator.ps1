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
    The emulator, as Start-ApimNativeEmulator returned it. A copy of it (Import-Clixml, a job, a
    remote session) is accepted and stops nothing: only the session that started an emulator can
    stop it.

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
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('ApimNative.Emulator')]
        [ApimNative.Models.Emulator]
        $Emulator
    )

    begin {
        . Use-ApimCallerPreference
    }

    process {
        # Only the handle Start-ApimNativeEmulator made in this session stops its emulator: a
        # Deserialized copy (or a script's own object) carries none, and is left alone.
        $handle = $Emulator.Handle
        if ($handle -isnot [ApimNative.EmulatorHandle] -or $handle.IsClosed) {
            return
        }
        $handle.Dispose()
        Write-Verbose -Message ('The ApimNative emulator on {0} stopped.' -f $Emulator.BaseUrl)
    }
}
