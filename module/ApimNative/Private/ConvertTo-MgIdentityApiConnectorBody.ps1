function ConvertTo-MgIdentityApiConnectorBody {
    <#
    .SYNOPSIS
    Builds the wire identityApiConnector (a hashtable) from -BodyParameter or the expanded parameters.

    .DESCRIPTION
    -BodyParameter may be a hashtable (keys in any case, as the Graph cmdlets accept) or an object
    such as Get-MgIdentityApiConnector's output. Known property names are written in Graph's
    camelCase; other keys are kept as given. An object's AuthenticationConfiguration is sent as its
    AdditionalProperties (that is where the Graph model keeps @odata.type and the members).
    No validation happens here: the native library checks the body and names each bad field.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter()]
        [AllowNull()]
        [object]
        $BodyParameter,

        [Parameter()]
        [AllowNull()]
        [System.Collections.IDictionary]
        $Expanded
    )

    $wireNames = @{ id = 'id'; displayname = 'displayName'; targeturl = 'targetUrl'; authenticationconfiguration = 'authenticationConfiguration' }
    $source = @{}
    if ($null -ne $Expanded) {
        foreach ($key in @($Expanded.Keys)) {
            $source[[string]$key] = $Expanded[$key]
        }
    }
    elseif ($BodyParameter -is [System.Collections.IDictionary]) {
        foreach ($key in @($BodyParameter.Keys)) {
            $source[[string]$key] = $BodyParameter[$key]
        }
    }
    elseif ($null -ne $BodyParameter) {
        foreach ($property in $BodyParameter.PSObject.Properties) {
            if ($property.Name -eq 'AdditionalProperties' -and $property.Value -is [System.Collections.IDictionary]) {
                foreach ($key in @($property.Value.Keys)) {
                    $source[[string]$key] = $property.Value[$key]
                }
            }
            elseif ($null -ne $property.Value) {
                $source[$property.Name] = $property.Value
            }
        }
    }

    $body = @{}
    foreach ($key in @($source.Keys)) {
        $value = $source[$key]
        $name = $key
        if ($wireNames.ContainsKey($key.ToLowerInvariant())) {
            $name = $wireNames[$key.ToLowerInvariant()]
        }
        if ($name -eq 'authenticationConfiguration' -and $null -ne $value -and -not ($value -is [System.Collections.IDictionary])) {
            $inner = $value.PSObject.Properties['AdditionalProperties']
            if ($null -ne $inner) {
                $value = $inner.Value
            }
        }
        # @odata.context describes a response, not an entity to create.
        if ($name -ne '@odata.context') {
            $body[$name] = $value
        }
    }
    $body
}
