function ConvertFrom-MgIdentityApiConnectorWire {
    <#
    .SYNOPSIS
    Turns an identityApiConnector as Graph returns it into the object the Graph cmdlets output.

    .DESCRIPTION
    The shape follows Microsoft.Graph.PowerShell.Models.MicrosoftGraphIdentityApiConnector: Id,
    DisplayName, TargetUrl, AuthenticationConfiguration (whose members, @odata.type included, sit in
    its AdditionalProperties, since apiAuthenticationConfigurationBase declares none) and
    AdditionalProperties for everything else (@odata.context among them). The service never returns
    a basic password (it sends ******) nor any PFX content, so nothing secret is shown.
    #>
    [CmdletBinding()]
    [OutputType([PSObject])]
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Wire
    )

    $known = @('id', 'displayName', 'targetUrl', 'authenticationConfiguration')
    $additional = @{}
    foreach ($property in $Wire.PSObject.Properties) {
        if ($known -notcontains $property.Name) {
            $additional[$property.Name] = ConvertTo-ApimHashtable -InputObject $property.Value
        }
    }
    $authentication = $null
    if ($null -ne $Wire.authenticationConfiguration) {
        $authentication = [PSCustomObject]@{
            PSTypeName           = 'Microsoft.Graph.PowerShell.Models.MicrosoftGraphApiAuthenticationConfigurationBase'
            AdditionalProperties = ConvertTo-ApimHashtable -InputObject $Wire.authenticationConfiguration
        }
    }
    [PSCustomObject]@{
        PSTypeName                  = 'Microsoft.Graph.PowerShell.Models.MicrosoftGraphIdentityApiConnector'
        Id                          = [string]$Wire.id
        DisplayName                 = [string]$Wire.displayName
        TargetUrl                   = [string]$Wire.targetUrl
        AuthenticationConfiguration = $authentication
        AdditionalProperties        = $additional
    }
}
