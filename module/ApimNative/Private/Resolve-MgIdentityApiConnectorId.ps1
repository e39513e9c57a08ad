function Resolve-MgIdentityApiConnectorId {
    <#
    .SYNOPSIS
    The connector id carried by an -InputObject (the ViaIdentity parameter sets).

    .DESCRIPTION
    Graph's identity objects carry IdentityApiConnectorId; the cmdlets' own output carries Id; a
    plain string is taken as the id. Anything else is a terminating InvalidArgument error.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param (
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        [Parameter(Mandatory = $true)]
        [object]
        $InputObject,

        [Parameter(Mandatory = $true)]
        [string]
        $Operation
    )

    if ($InputObject -is [string]) {
        return $InputObject
    }
    foreach ($name in @('IdentityApiConnectorId', 'Id')) {
        $value = $null
        if ($InputObject -is [System.Collections.IDictionary]) {
            if ($InputObject.Contains($name)) {
                $value = $InputObject[$name]
            }
        }
        else {
            $property = $InputObject.PSObject.Properties[$name]
            if ($null -ne $property) {
                $value = $property.Value
            }
        }
        if ($value) {
            return [string]$value
        }
    }
    $record = New-ApimErrorRecord -Message 'InputObject has no IdentityApiConnectorId or Id property naming the API connector.' -ErrorId ('ApimNative.{0}Failed' -f $Operation) -TargetObject $InputObject
    $Cmdlet.ThrowTerminatingError($record)
}
