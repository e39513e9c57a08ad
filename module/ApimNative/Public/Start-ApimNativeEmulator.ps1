function Start-ApimNativeEmulator {
    <#
    .SYNOPSIS
    Starts the local emulator of the ARM backend and Graph identity API connector APIs inside this
    PowerShell process.

    .DESCRIPTION
    The emulator is the one the native library carries (apim_emulator_start): it serves the seven
    ARM backend operations and Graph /v1.0/identity/apiConnectors with the services' semantics
    (ETags, If-Match, 404s, validation errors, paging). It listens on 127.0.0.1 only, so nothing
    outside this machine can reach it, and it needs no credential.

    Point the cmdlets at it with Connect-ApimNative -Emulator; every ARM and Graph cmdlet that
    follows talks to it. Stop it with Stop-ApimNativeEmulator (it also stops when the session
    ends).

    .PARAMETER Path
    A directory where the emulator keeps its data: every write is stored there before it is
    answered and loaded again on the next start. Without it the data lives in memory and is gone
    when the emulator stops.

    .PARAMETER Port
    The 127.0.0.1 port to listen on. Default 0: a free port chosen by the system (read it from
    the BaseUrl of the result).

    .PARAMETER PageSize
    How many items a list returns per page when the caller asks for no page size (default 100).

    .PARAMETER RequiredToken
    Answer 401 to every request whose bearer token is not exactly this, to try out
    Connect-ApimNative -AccessToken. It is never shown in the result or in -Verbose.

    .PARAMETER Subscription
    The subscriptions the emulator's subscription list (GET /subscriptions) shows, as a hashtable
    of subscription id to display name, e.g. @{ '00000000-0000-0000-0000-000000000001' = 'Contoso Dev' }:
    then Connect-ApimNative -Emulator $emulator -Subscription 'Contoso Dev' resolves the name as
    against Azure. Without it the list is empty.

    .EXAMPLE
    PS C:\> $emulator = Start-ApimNativeEmulator
    PS C:\> Connect-ApimNative -Emulator $emulator -Subscription 00000000-0000-0000-0000-000000000000
    PS C:\> $apimContext = New-AzApiManagementContext -ResourceGroupName "Api-Default-WestUS" -ServiceName "contoso"
    PS C:\> New-AzApiManagementBackend -Context $apimContext -BackendId 123 -Url 'https://contoso.com/awesomeapi' -Protocol http
    PS C:\> Get-MgIdentityApiConnector
    PS C:\> Stop-ApimNativeEmulator -Emulator $emulator

    Starts an empty emulator on a free port, runs ARM and Graph cmdlets against it, and stops it.

    .EXAMPLE
    PS C:\> $emulator = Start-ApimNativeEmulator -Path ./emulator-data -Port 8085
    PS C:\> $emulator.BaseUrl

    Keeps the emulator's data in ./emulator-data, so that it survives a restart. BaseUrl is
    http://127.0.0.1:8085.

    .OUTPUTS
    ApimNative.Emulator

    .LINK
    Connect-ApimNative

    .LINK
    Disconnect-ApimNative

    .LINK
    Stop-ApimNativeEmulator

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(PositionalBinding = $false)]
    [OutputType('ApimNative.Emulator', [ApimNative.Models.Emulator])]
    param (
        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string]
        $Path,

        [Parameter()]
        [ValidateRange(0, 65535)]
        [int]
        $Port = 0,

        [Parameter()]
        [ValidateRange(1, 1000)]
        [int]
        $PageSize = 100,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string]
        $RequiredToken,

        [Parameter()]
        [ValidateNotNull()]
        [hashtable]
        $Subscription
    )

    . Use-ApimCallerPreference

    $options = @{ listen = ('127.0.0.1:{0}' -f $Port); pageSize = $PageSize }
    $dataDirectory = $null
    if ($Path) {
        # The native library runs in the process's working directory, not PowerShell's location.
        $dataDirectory = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
        $options['dataDir'] = $dataDirectory
    }
    if ($RequiredToken) {
        $options['requireToken'] = $RequiredToken
    }
    if ($Subscription) {
        # Keys and values as text: the library takes an object of id to display name.
        $subscriptions = @{}
        foreach ($key in @($Subscription.Keys)) {
            $subscriptions[[string]$key] = [string]$Subscription[$key]
        }
        $options['subscriptions'] = $subscriptions
    }
    # The options may hold the required token: handed to the library, never printed.
    $optionsJson = ConvertTo-Json -InputObject $options -Compress
    $handle = $null
    $result = [ApimNative.Interop]::StartEmulator($optionsJson, [ref]$handle)
    if (-not $result.Ok) {
        $nativeError = ConvertFrom-Json -InputObject $result.Json
        $record = ConvertTo-ApimErrorRecord -NativeError $nativeError -Operation 'emulator_start' -TargetObject $options['listen']
        $PSCmdlet.ThrowTerminatingError($record)
    }
    $baseUri = New-Object -TypeName System.Uri -ArgumentList @($handle.BaseUrl)
    Write-Verbose -Message ('The ApimNative emulator listens on {0}.' -f $handle.BaseUrl)

    # The declared type (Emulator.cs), wrapped with its type name first as the module's other
    # objects are: the view, [PSTypeName('ApimNative.Emulator')] and completion all know it. The
    # handle stays out of the default view; Stop-ApimNativeEmulator disposes it.
    $emulator = New-Object -TypeName ApimNative.Models.Emulator
    $emulator.BaseUrl = $handle.BaseUrl
    $emulator.Port = $baseUri.Port
    $emulator.Path = $dataDirectory
    $emulator.Handle = $handle
    $wrapped = [System.Management.Automation.PSObject]::AsPSObject($emulator)
    $wrapped.PSObject.TypeNames.Insert(0, 'ApimNative.Emulator')
    $wrapped
}
