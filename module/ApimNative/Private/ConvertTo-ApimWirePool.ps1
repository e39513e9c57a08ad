function ConvertTo-ApimWirePool {
    <#
    .SYNOPSIS
    ApimNative.BackendPool -> wire pool hashtable.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Pool
    )

    $services = New-Object -TypeName System.Collections.Generic.List[object]
    foreach ($service in @($Pool.Services)) {
        if ($null -ne $service) {
            $services.Add((ConvertTo-ApimWirePoolItem -PoolItem $service))
        }
    }
    $wire = @{ services = $services.ToArray() }
    if ($Pool.SessionIdSource -or $Pool.SessionIdName) {
        $sessionId = @{}
        if ($Pool.SessionIdSource) {
            $sessionId['source'] = [string]$Pool.SessionIdSource
        }
        if ($Pool.SessionIdName) {
            $sessionId['name'] = [string]$Pool.SessionIdName
        }
        $wire['sessionAffinity'] = @{ sessionId = $sessionId }
    }
    if ($null -ne $Pool.FailureResponseStatusCode) {
        $wire['failureResponse'] = @{ statusCode = [int]$Pool.FailureResponseStatusCode }
    }
    $wire
}
