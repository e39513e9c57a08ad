function Compare-ApimNativeApiConnector {
    <#
    .SYNOPSIS
    Shows what Sync-ApimNativeApiConnector would change: one plan object per connector.

    .DESCRIPTION
    Reads the <displayName>.json files of a directory and the tenant's connectors (reads only) and
    returns, per connector, the Action (Create, Update, Delete with -Prune, NoChange), the
    DisplayName and Id, the property-level Changes and the ETag it read.
    How a secret is compared: Graph never returns secrets (a password reads back as ******), so a
    secret cannot be compared and its state is NotComparable. A secret alone never makes a
    connector differ; authenticationConfiguration is compared by what Graph does return (its type
    and, for basic authentication, the username) and is sent, with its secret, on Create, when
    that part differs, or with -RotateSecret. Placeholders must still resolve (from -Secret or
    APIM_NATIVE_SECRET_<NAME>), or nothing is planned.

    .PARAMETER Path
    The directory of <displayName>.json files.

    .PARAMETER Prune
    Plans the deletion of connectors that have no file.

    .PARAMETER Secret
    Placeholder name -> value (string or SecureString).

    .PARAMETER RotateSecret
    Plans an update of every connector with a file, sending its secrets again.

    .EXAMPLE
    PS C:\>Export-ApimNativeApiConnector -Path ./apiConnectors
    PS C:\>$secret = @{ 'Old_API.password' = (Read-Host -AsSecureString -Prompt 'Old API password') }
    PS C:\>Compare-ApimNativeApiConnector -Path ./apiConnectors -Secret $secret | Format-Table Action, DisplayName

    Exports the identity API connectors (secrets as placeholders such as {{secret:Old_API.password}}) and compares the files with the service, the placeholder filled from -Secret: each comes back NoChange. Graph never returns a secret, so a secret alone never makes an Update (see -RotateSecret on Sync).

    .INPUTS
    None

    .OUTPUTS
    ApimNative.ApiConnectorPlan

    .LINK
    Export-ApimNativeApiConnector

    .LINK
    Sync-ApimNativeApiConnector

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(PositionalBinding = $false)]
    [OutputType('ApimNative.ApiConnectorPlan')]
    param (
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]
        $Path,

        [Parameter()]
        [switch]
        $Prune,

        [Parameter()]
        [System.Collections.IDictionary]
        $Secret,

        [Parameter()]
        [switch]
        $RotateSecret
    )

    . Use-ApimCallerPreference
    Initialize-ApimSyncParameter -Cmdlet $PSCmdlet -Parameters $PSBoundParameters
    $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -ForGraph
    Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Function 'cmdlet_api_connector_plan' -Parameters $PSBoundParameters -Client $client -TargetObject $PSBoundParameters['Path']
}
