function Invoke-MgIdentityApiConnectorCall {
    <#
    .SYNOPSIS
    Runs one apim_api_connector_* operation for a Graph cmdlet and fills -ResponseHeadersVariable.

    .DESCRIPTION
    The client is the cached one for the connection's Graph endpoint. On success the parsed result
    is returned; on failure the ErrorRecord has been written (Invoke-ApimNative) and nothing is
    returned. -ResponseHeadersVariable receives, in the caller's scope, the response headers the
    native library reports: request-id and ETag (each as a string array, as Graph's cmdlets give
    them) and the HTTP status. -Headers are added to the request as its `headers` map (values as
    strings); the native library sends them on every request of the operation (all pages of a
    list) and refuses Authorization, Host and Content-Length before anything is sent. Header values
    are never written to -Verbose or errors.
    #>
    [CmdletBinding()]
    [OutputType([object])]
    param (
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        [Parameter(Mandatory = $true)]
        [string]
        $Operation,

        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $Request,

        [Parameter()]
        [AllowNull()]
        [object]
        $TargetObject,

        [Parameter()]
        [AllowNull()]
        [AllowEmptyString()]
        [string]
        $ResponseHeadersVariable,

        [Parameter()]
        [AllowNull()]
        [System.Collections.IDictionary]
        $Headers
    )

    if ($null -ne $Headers -and $Headers.Count -gt 0) {
        $extraHeaders = @{}
        foreach ($name in $Headers.Keys) {
            $extraHeaders[[string]$name] = [string]$Headers[$name]
        }
        $Request['headers'] = $extraHeaders
    }
    $client = Get-ApimNativeClient -Cmdlet $Cmdlet
    $result = Invoke-ApimNative -Client $client -Operation $Operation -Request $Request -Cmdlet $Cmdlet -TargetObject $TargetObject
    if ($null -ne $result -and $ResponseHeadersVariable) {
        $responseHeaders = @{}
        $exchanges = @($result.exchanges)
        if ($exchanges.Count -gt 0) {
            $last = $exchanges[$exchanges.Count - 1]
            if ($last.requestId) {
                $responseHeaders['request-id'] = @([string]$last.requestId)
            }
            $responseHeaders['StatusCode'] = $last.status
        }
        $etag = $result.PSObject.Properties['etag']
        if ($null -ne $etag -and $etag.Value) {
            $responseHeaders['ETag'] = @([string]$etag.Value)
        }
        $Cmdlet.SessionState.PSVariable.Set($ResponseHeadersVariable, $responseHeaders)
    }
    $result
}
