function Invoke-MgIdentityApiConnectorCall {
    <#
    .SYNOPSIS
    Runs one apim_api_connector_* operation for a Graph cmdlet and fills -ResponseHeadersVariable.

    .DESCRIPTION
    The client is the cached one for the connection's Graph endpoint. On success the parsed result
    is returned; on failure the ErrorRecord has been written (Invoke-ApimNative) and nothing is
    returned. -ResponseHeadersVariable receives, in the caller's scope, every header of the final
    response (each as a string array, as Graph's cmdlets give them; set-cookie left out) and the
    HTTP status as StatusCode. -Headers are added to the request as its `headers` map (values as
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
    $client = Get-ApimNativeClient -Cmdlet $Cmdlet -ForGraph
    $result = Invoke-ApimNative -Client $client -Operation $Operation -Request $Request -Cmdlet $Cmdlet -TargetObject $TargetObject
    if ($null -ne $result -and $ResponseHeadersVariable) {
        # Every header of the final response (the last page for a list), each as a string array
        # as Graph's cmdlets give them, plus the HTTP status.
        $responseHeaders = @{}
        $headersProperty = $result.PSObject.Properties['headers']
        if ($null -ne $headersProperty -and $null -ne $headersProperty.Value) {
            foreach ($header in $headersProperty.Value.PSObject.Properties) {
                $responseHeaders[$header.Name] = @(@($header.Value) | ForEach-Object -Process { [string]$_ })
            }
        }
        $exchanges = @($result.exchanges)
        if ($exchanges.Count -gt 0) {
            $responseHeaders['StatusCode'] = $exchanges[$exchanges.Count - 1].status
        }
        $Cmdlet.SessionState.PSVariable.Set($ResponseHeadersVariable, $responseHeaders)
    }
    $result
}
