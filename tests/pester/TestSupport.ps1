# Shared by the *.Tests.ps1 files (dot-sourced in BeforeAll): imports the staged module and offers
# an in-process emulator and a context pointing at it. Run build.ps1 -Task Build first (the Test
# and Pester tasks do). Import-Module -Force starts every file with a fresh module state (no
# connection, no cached clients).

$modulePath = [System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'module', 'ApimNative', 'ApimNative.psd1')
Import-Module -Name $modulePath -Force

$script:TestSubscriptionId = '00000000-0000-0000-0000-000000000000'

function Start-TestEmulator {
    # A fresh emulator (empty, in memory) on a free 127.0.0.1 port, started the public way.
    param (
        [int]
        $PageSize = 100
    )
    Start-ApimNativeEmulator -PageSize $PageSize
}

function New-TestContext {
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Emulator,

        [string]
        $ServiceName = 'apimService1'
    )
    New-AzApiManagementContext -ResourceGroupName 'rg1' -ServiceName $ServiceName -SubscriptionId $script:TestSubscriptionId -Endpoint $Emulator.BaseUrl
}

function New-TestBackend {
    # A plain Single backend to work on.
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Context,

        [Parameter(Mandatory = $true)]
        [string]
        $BackendId
    )
    New-AzApiManagementBackend -Context $Context -BackendId $BackendId -Url ('https://{0}.contoso.com/' -f $BackendId) -Protocol http -Title $BackendId
}

function Get-WhatIfText {
    # What -WhatIf printed (it goes to the host, so a transcript is the way to read it).
    param (
        [Parameter(Mandatory = $true)]
        [scriptblock]
        $ScriptBlock
    )
    $path = [System.IO.Path]::GetTempFileName()
    try {
        $null = Start-Transcript -Path $path -Force
        try {
            $null = & $ScriptBlock
        }
        finally {
            $null = Stop-Transcript
        }
        [System.IO.File]::ReadAllText($path)
    }
    finally {
        Remove-Item -LiteralPath $path -Force
    }
}

function ConvertTo-CanonicalJson {
    # JSON with every object's keys sorted, so that two bodies compare equal whatever their key order.
    param (
        [Parameter(Mandatory = $true)]
        [AllowNull()]
        [object]
        $InputObject
    )
    function ConvertTo-Sorted {
        param ([AllowNull()] [object] $Value)
        if ($null -eq $Value -or $Value -is [string] -or $Value -is [System.ValueType]) {
            return $Value
        }
        if ($Value -is [System.Collections.IDictionary]) {
            $sorted = [ordered]@{}
            foreach ($key in ($Value.Keys | Sort-Object)) {
                $sorted[[string]$key] = ConvertTo-Sorted -Value $Value[$key]
            }
            return $sorted
        }
        if ($Value -is [System.Collections.IEnumerable]) {
            return , @($Value | ForEach-Object -Process { ConvertTo-Sorted -Value $_ })
        }
        $sorted = [ordered]@{}
        foreach ($property in ($Value.PSObject.Properties | Sort-Object -Property Name)) {
            $sorted[$property.Name] = ConvertTo-Sorted -Value $property.Value
        }
        $sorted
    }
    # A round trip through JSON first turns hashtables and objects into the same kind of value.
    $plain = ConvertFrom-Json -InputObject (ConvertTo-Json -InputObject $InputObject -Depth 20)
    ConvertTo-Json -InputObject (ConvertTo-Sorted -Value $plain) -Depth 20 -Compress
}

function Get-SeedRequestBody {
    # The "Sample request" body of one example of seed 004 (backend-create-or-update.md).
    param (
        [Parameter(Mandatory = $true)]
        [string]
        $Example
    )
    $seed = [System.IO.Path]::Combine($PSScriptRoot, '..', 'fixtures', 'seeds', 'backend-create-or-update.md')
    $text = [System.IO.File]::ReadAllText($seed).Replace("`r`n", "`n")
    $pattern = '(?s)\n' + [regex]::Escape($Example) + '\s*\n\s*Sample request\s*\n\s*PUT [^\n]+\n(?<json>.*?)\n\s*Sample response'
    $match = [regex]::Match($text, $pattern)
    if (-not $match.Success) {
        throw ('Seed 004 has no request body for {0}' -f $Example)
    }
    ConvertFrom-Json -InputObject $match.Groups['json'].Value
}

function Start-TestCountingRelay {
    # A loopback HTTP relay in front of an emulator that counts every request it forwards (and
    # keeps each body, in Bodies), so a test can prove that a cmdlet sent nothing (-WhatIf) or
    # exactly what it expected. Its
    # BaseUrl works wherever the emulator's does (New-TestContext, Connect-ApimNative -Emulator).
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Emulator
    )
    $probe = New-Object -TypeName System.Net.Sockets.TcpListener -ArgumentList @([System.Net.IPAddress]::Loopback, 0)
    $probe.Start()
    $port = $probe.LocalEndpoint.Port
    $probe.Stop()
    $listener = New-Object -TypeName System.Net.HttpListener
    $listener.Prefixes.Add(('http://127.0.0.1:{0}/' -f $port))
    $listener.Start()
    $state = [hashtable]::Synchronized(@{
        Requests = [System.Collections.ArrayList]::Synchronized((New-Object -TypeName System.Collections.ArrayList))
        Bodies   = [System.Collections.ArrayList]::Synchronized((New-Object -TypeName System.Collections.ArrayList))
    })
    $relay = [powershell]::Create()
    $null = $relay.AddScript({
            param ($Listener, $Target, $State)
            $http = New-Object -TypeName System.Net.Http.HttpClient
            while ($Listener.IsListening) {
                try {
                    $context = $Listener.GetContext()
                }
                catch {
                    break
                }
                $incoming = $context.Request
                $null = $State.Requests.Add(('{0} {1}' -f $incoming.HttpMethod, $incoming.RawUrl))
                $outgoing = New-Object -TypeName System.Net.Http.HttpRequestMessage -ArgumentList @(
                    (New-Object -TypeName System.Net.Http.HttpMethod -ArgumentList @($incoming.HttpMethod)), ($Target + $incoming.RawUrl))
                $reader = New-Object -TypeName System.IO.MemoryStream
                $incoming.InputStream.CopyTo($reader)
                # Kept with the same index as the request line, for tests that compare bodies.
                $null = $State.Bodies.Add([System.Text.Encoding]::UTF8.GetString($reader.ToArray()))
                if ($reader.Length -gt 0) {
                    $outgoing.Content = New-Object -TypeName System.Net.Http.ByteArrayContent -ArgumentList @(, $reader.ToArray())
                    $outgoing.Content.Headers.TryAddWithoutValidation('Content-Type', $incoming.ContentType) | Out-Null
                }
                foreach ($name in $incoming.Headers.AllKeys) {
                    if (@('Host', 'Content-Length', 'Content-Type', 'Connection') -notcontains $name) {
                        $null = $outgoing.Headers.TryAddWithoutValidation($name, $incoming.Headers[$name])
                    }
                }
                $answer = $http.SendAsync($outgoing).GetAwaiter().GetResult()
                $context.Response.StatusCode = [int]$answer.StatusCode
                foreach ($header in @($answer.Headers) + @($answer.Content.Headers)) {
                    if (@('Content-Length', 'Transfer-Encoding', 'Connection') -notcontains $header.Key) {
                        try {
                            $context.Response.AddHeader($header.Key, ($header.Value -join ', '))
                        }
                        catch {
                            # HttpListener sets a few headers itself (Server, Date) and refuses them.
                        }
                    }
                }
                $bytes = $answer.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult()
                $context.Response.ContentLength64 = $bytes.Length
                $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
                $context.Response.Close()
            }
        }).AddArgument($listener).AddArgument([string]$Emulator.BaseUrl).AddArgument($state)
    $handle = $relay.BeginInvoke()
    [PSCustomObject]@{
        PSTypeName = 'ApimNative.Emulator'
        BaseUrl    = ('http://127.0.0.1:{0}' -f $port)
        Requests   = $state.Requests
        Bodies     = $state.Bodies
        Listener   = $listener
        Relay      = $relay
        Handle     = $handle
    }
}

function Stop-TestCountingRelay {
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Relay
    )
    $Relay.Listener.Stop()
    $Relay.Listener.Close()
    $null = $Relay.Handle.AsyncWaitHandle.WaitOne(5000)
    $Relay.Relay.Dispose()
}

function ConvertTo-Deserialized {
    <#
    The copy a remote session or Import-Clixml gives back: Deserialized.<type>, no methods. Depth 3
    keeps a backend's nested parts (credentials -> authorization, pool -> services) as objects; at
    PSSerializer's default depth 1 they would become their ToString().
    #>
    param ($InputObject)
    $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($InputObject, 3))
    $copy.PSObject.TypeNames[0] | Should -BeLike 'Deserialized.*'
    $copy
}
