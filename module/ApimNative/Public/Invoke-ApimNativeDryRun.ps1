function Invoke-ApimNativeDryRun {
    <#
    .SYNOPSIS
    Runs a script against a copy of the service's backends and returns the plan of what it would
    have changed on the real service.

    .DESCRIPTION
    Copies the backends of the context's service (reads only) into an in-process emulator, with
    every secret replaced by its placeholder, runs the script block unchanged with every
    ApimNative cmdlet (ARM and Graph) pointed at that emulator, and then compares the emulator's
    backends with the service's: the result is the plan objects Compare-ApimNativeBackend returns
    (Create, Update, Delete), for every backend the script changed. Nothing is written to the
    service. A secret the script did not set counts as unchanged; one it set shows as changed or
    unchanged, never its value. Output of the script itself is discarded; its errors are written
    as usual. The emulator is stopped afterwards, also when the script fails.

    .PARAMETER Context
    Instance of PsApiManagementContext (New-AzApiManagementContext) of the real service.

    .PARAMETER ScriptBlock
    The script to review, e.g. { ./deploy.ps1 }. Its own contexts may name any endpoint: while it
    runs, every ApimNative cmdlet talks to the emulator.

    .EXAMPLE
    PS C:\>Set-Content -Path ./deploy.ps1 -Value 'New-AzApiManagementBackend -Context $apimContext -BackendId orders -Url https://orders.contoso.example/api -Protocol http'
    PS C:\>Invoke-ApimNativeDryRun -Context $apimContext -ScriptBlock { . ./deploy.ps1 } | Format-Table Action, BackendId, Changes

    Runs an existing deployment script against a read-only copy of the service and shows what it would change: one Create for orders. Nothing is written to the service.

    .INPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext

    .OUTPUTS
    ApimNative.BackendPlan

    .LINK
    Compare-ApimNativeBackend

    .LINK
    Sync-ApimNativeBackend

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(PositionalBinding = $false)]
    [OutputType('ApimNative.BackendPlan', [ApimNative.Models.BackendPlan])]
    param (
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext')]
        [ApimNative.Models.PsApiManagementContext]
        $Context,

        [Parameter(Mandatory = $true)]
        [ValidateNotNull()]
        [scriptblock]
        $ScriptBlock
    )

    . Use-ApimCallerPreference
    $address = Resolve-ApimServiceAddress -Context $Context
    $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -Endpoint $address['Endpoint'] -ApiVersion $address['ApiVersion']
    $handle = $null
    $started = [ApimNative.Interop]::StartEmulator('{"listen":"127.0.0.1:0"}', [ref]$handle)
    if (-not $started.Ok) {
        $nativeError = ConvertFrom-Json -InputObject $started.Json
        $PSCmdlet.ThrowTerminatingError((ConvertTo-ApimErrorRecord -NativeError $nativeError -Operation 'emulator_start' -TargetObject '127.0.0.1:0'))
    }
    try {
        $PSBoundParameters['DryRunEndpoint'] = $handle.BaseUrl
        $copy = Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_backend_dry_run_copy' -Parameters $PSBoundParameters -Client $client -TargetObject $address['ServiceName'] -Operation 'backend_mirror'
        if ($null -eq $copy) {
            return
        }
        Write-Verbose -Message $copy.Summary
        $script:ApimNativeDryRunEndpoint = $handle.BaseUrl
        try {
            $null = & $ScriptBlock
        }
        finally {
            $script:ApimNativeDryRunEndpoint = $null
        }
        Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_backend_dry_run_plan' -Parameters $PSBoundParameters -Client $client -TargetObject $address['ServiceName'] -Operation 'backend_plan'
    }
    finally {
        $handle.Dispose()
    }
}
