function ConvertFrom-ApimWirePool {
    <#
    .SYNOPSIS
    Wire pool -> ApimNative.BackendPool (services, session affinity, failure response).
    #>
    [CmdletBinding()]
    [OutputType('ApimNative.BackendPool')]
    param (
        [Parameter(Mandatory = $true)]
        [AllowNull()]
        [object]
        $Wire
    )

    if ($null -eq $Wire) {
        return $null
    }
    $services = New-Object -TypeName System.Collections.Generic.List[object]
    foreach ($service in @($Wire.services)) {
        if ($null -ne $service) {
            $services.Add((ConvertFrom-ApimWirePoolItem -Wire $service))
        }
    }
    $sessionIdSource = $null
    $sessionIdName = $null
    if ($null -ne $Wire.sessionAffinity -and $null -ne $Wire.sessionAffinity.sessionId) {
        $sessionIdSource = $Wire.sessionAffinity.sessionId.source
        $sessionIdName = $Wire.sessionAffinity.sessionId.name
    }
    $failureStatusCode = $null
    if ($null -ne $Wire.failureResponse) {
        $failureStatusCode = $Wire.failureResponse.statusCode
    }
    [PSCustomObject]@{
        PSTypeName                = 'ApimNative.BackendPool'
        Services                  = $services.ToArray()
        SessionIdSource           = $sessionIdSource
        SessionIdName             = $sessionIdName
        FailureResponseStatusCode = $failureStatusCode
    }
}
