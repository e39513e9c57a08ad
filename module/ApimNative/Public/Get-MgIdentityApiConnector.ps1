function Get-MgIdentityApiConnector {
    <#
    .SYNOPSIS
    Read the properties of an identityApiConnector object, or list them.

    .DESCRIPTION
    List (default): GET /v1.0/identity/apiConnectors with the OData options. Without -All or -Top
    only the first page is written, as the Graph cmdlets do; -All follows @odata.nextLink to the
    end; -Top n writes at most n connectors, following pages as needed. -PageSize sets $top, the
    size of each page the service returns. -CountVariable asks for $count and stores the total.
    Get / GetViaIdentity: GET /v1.0/identity/apiConnectors/{id}; -Property and -ExpandProperty apply.

    The service never returns a basic password (******) nor any PFX content.

    Not mirrored: -Break, -HttpPipelineAppend, -HttpPipelinePrepend, -Proxy, -ProxyCredential and
    -ProxyUseDefaultCredentials belong to the Graph SDK's HTTP pipeline, which this module does not
    load. -Headers are sent on every request of the call (Authorization, Host and Content-Length are refused). -CountVariable and
    -ResponseHeadersVariable are set in the caller's scope (Graph's cmdlets use the global scope).

    .PARAMETER All
    List all pages.

    .PARAMETER CountVariable
    Specifies a count of the total number of items in a collection.

    .PARAMETER ExpandProperty
    Expand related entities.

    .PARAMETER Filter
    Filter items by property values (for example displayName eq 'Test API').

    .PARAMETER Headers
    Optional headers that will be added to the request. Not sent yet: a warning names them.

    .PARAMETER IdentityApiConnectorId
    The unique identifier of identityApiConnector.

    .PARAMETER InputObject
    Identity Parameter: an object with IdentityApiConnectorId or Id (such as this cmdlet's output).

    .PARAMETER PageSize
    Sets the page size of results.

    .PARAMETER Property
    Select properties to be returned.

    .PARAMETER ResponseHeadersVariable
    Optional Response Headers Variable: receives a hashtable of every response header (string arrays; set-cookie left out) plus StatusCode.

    .PARAMETER Search
    Search items by search phrases (for example '"displayName:test"').

    .PARAMETER Skip
    Skip the first n items.

    .PARAMETER Sort
    Order items by property values (for example 'displayName desc').

    .PARAMETER Top
    Show only the first n items.

    .EXAMPLE
    Get-MgIdentityApiConnector

    Lists the API connectors (the first page).

    .EXAMPLE
    Get-MgIdentityApiConnector -All -Filter "startswith(displayName,'Test')" -Sort 'displayName' -CountVariable total

    Lists every connector whose name starts with Test, sorted, and stores how many there are in $total.

    .EXAMPLE
    Get-MgIdentityApiConnector -IdentityApiConnectorId $identityApiConnectorId -Property id, displayName

    Reads one connector's id and name.

    .INPUTS
    Microsoft.Graph.PowerShell.Models.IIdentitySignInsIdentity

    System.Collections.IDictionary

    .OUTPUTS
    Microsoft.Graph.PowerShell.Models.IMicrosoftGraphIdentityApiConnector

    .LINK
    https://learn.microsoft.com/powershell/module/microsoft.graph.identity.signins/get-mgidentityapiconnector

    .LINK
    New-MgIdentityApiConnector

    .LINK
    Update-MgIdentityApiConnector

    .LINK
    Remove-MgIdentityApiConnector

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(DefaultParameterSetName = 'List', PositionalBinding = $false)]
    [OutputType('Microsoft.Graph.PowerShell.Models.IMicrosoftGraphIdentityApiConnector', [ApimNative.Models.MicrosoftGraphIdentityApiConnector])]
    param (
        [Parameter(ParameterSetName = 'List')]
        [switch]
        $All,

        [Parameter(ParameterSetName = 'List')]
        [Alias('CV')]
        [string]
        $CountVariable,

        [Parameter()]
        [Alias('Expand')]
        [string[]]
        $ExpandProperty,

        [Parameter(ParameterSetName = 'List')]
        [string]
        $Filter,

        [Parameter()]
        [System.Collections.IDictionary]
        $Headers,

        [Parameter(ParameterSetName = 'Get', Mandatory = $true)]
        [string]
        $IdentityApiConnectorId,

        [Parameter(ParameterSetName = 'GetViaIdentity', Mandatory = $true, ValueFromPipeline = $true)]
        [ApimNative.Models.IIdentitySignInsIdentity]
        $InputObject,

        [Parameter(ParameterSetName = 'List')]
        [int]
        $PageSize,

        [Parameter()]
        [Alias('Select')]
        [string[]]
        $Property,

        [Parameter()]
        [Alias('RHV')]
        [string]
        $ResponseHeadersVariable,

        [Parameter(ParameterSetName = 'List')]
        [string]
        $Search,

        [Parameter(ParameterSetName = 'List')]
        [int]
        $Skip,

        [Parameter(ParameterSetName = 'List')]
        [Alias('OrderBy')]
        [string[]]
        $Sort,

        [Parameter(ParameterSetName = 'List')]
        [Alias('Limit')]
        [int]
        $Top
    )

    begin {
        . Use-ApimCallerPreference
    }

    process {
        $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -ForGraph
        # The interop writes the objects itself; what is left (an error, -Verbose/-Debug lines) Invoke-ApimNativeCmdlet finishes.
        $ApimAnswer = [ApimNative.Interop]::Run($PSCmdlet, $client, 'cmdlet_api_connector_get', $PSBoundParameters)
        if ($null -ne $ApimAnswer) {
            Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Answer $ApimAnswer -TargetObject $IdentityApiConnectorId
        }
    }
}
