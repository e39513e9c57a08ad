# Shared by the *.Tests.ps1 files (dot-sourced in BeforeAll): imports the staged module and offers
# an in-process emulator and a context pointing at it. Run build.ps1 -Task Build first (the Test
# task does).

$modulePath = [System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'module', 'ApimNative', 'ApimNative.psd1')
Import-Module -Name $modulePath -Force

$script:TestSubscriptionId = '00000000-0000-0000-0000-000000000000'

function Start-TestEmulator {
    # A fresh emulator (empty, in memory) on a free 127.0.0.1 port.
    param (
        [int]
        $PageSize = 100
    )
    $emulator = $null
    $options = ConvertTo-Json -InputObject @{ listen = '127.0.0.1:0'; pageSize = $PageSize } -Compress
    $started = [ApimNative.Interop]::StartEmulator($options, [ref]$emulator)
    if (-not $started.Ok) {
        throw ('The emulator did not start: {0}' -f $started.Json)
    }
    $emulator
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
