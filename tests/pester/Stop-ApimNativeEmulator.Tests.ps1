Describe 'Stop-ApimNativeEmulator' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))

        function Test-Listening {
            param ([int] $Port)
            $client = New-Object -TypeName System.Net.Sockets.TcpClient
            try {
                $client.Connect([System.Net.IPAddress]::Loopback, $Port)
                $true
            }
            catch {
                $false
            }
            finally {
                $client.Close()
            }
        }
    }

    It 'stops accepting connections' {
        $emulator = Start-ApimNativeEmulator
        Test-Listening -Port $emulator.Port | Should -BeTrue
        Stop-ApimNativeEmulator -Emulator $emulator
        Test-Listening -Port $emulator.Port | Should -BeFalse
    }

    It 'takes the emulator from the pipeline and does nothing the second time' {
        $emulator = Start-ApimNativeEmulator
        $emulator | Stop-ApimNativeEmulator
        { $emulator | Stop-ApimNativeEmulator -ErrorAction Stop } | Should -Not -Throw
        Test-Listening -Port $emulator.Port | Should -BeFalse
    }

    It 'refuses anything that is not an emulator' {
        { Stop-ApimNativeEmulator -Emulator ([PSCustomObject]@{ BaseUrl = 'http://127.0.0.1:1' }) } | Should -Throw
    }
}
