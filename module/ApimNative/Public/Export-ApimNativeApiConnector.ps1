function Export-ApimNativeApiConnector {
    <#
    .SYNOPSIS
    Writes the tenant's identity API connectors to a directory, one file per connector.

    .DESCRIPTION
    Each connector becomes <displayName>.json (characters that cannot be in a file name are
    percent-encoded) holding the Graph object without its id (each tenant assigns its own), keys
    sorted, LF line ends and a trailing newline. Files are keyed by displayName, so the tenant
    must not have two connectors with the same name.
    Graph never returns a connector's secrets, so they are always written as placeholders:
    {{secret:<name>.password}} for basic authentication, {{secret:<name>.pkcs12Value}} and
    {{secret:<name>.password}} for a client certificate (written in the pkcs12Certificate form
    that create and update take), where <name> is the display name with characters other than
    letters, digits, '.', '_' and '-' as '_'.

    .PARAMETER Path
    The directory to write to; created when missing.

    .PARAMETER DisplayName
    Only these connectors (all when absent).

    .PARAMETER WhatIf
    Shows what would be done without sending anything.

    .PARAMETER Confirm
    Asks for confirmation before each change.

    .EXAMPLE
    PS C:\>Connect-ApimNative -Emulator $emulator
    PS C:\>Export-ApimNativeApiConnector -Path ./apiConnectors

    Writes ./apiConnectors/<displayName>.json for every connector.

    .INPUTS
    None

    .OUTPUTS
    ApimNative.ExportedApiConnector

    .LINK
    Compare-ApimNativeApiConnector

    .LINK
    Sync-ApimNativeApiConnector

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(SupportsShouldProcess = $true, PositionalBinding = $false)]
    [OutputType('ApimNative.ExportedApiConnector')]
    param (
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]
        $Path,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string[]]
        $DisplayName
    )

    . Use-ApimCallerPreference
    Initialize-ApimSyncParameter -Cmdlet $PSCmdlet -Parameters $PSBoundParameters
    if (-not $PSCmdlet.ShouldProcess($PSBoundParameters['Path'], 'Export API connectors')) {
        return
    }
    $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -ForGraph
    Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_api_connector_export' -Parameters $PSBoundParameters -Client $client -TargetObject $PSBoundParameters['Path']
}
