function Invoke-ApimNativeBuilder {
    <#
    .SYNOPSIS
    Validates and normalises an in-memory object (credentials, proxy, pool, ...) with the native library.

    .DESCRIPTION
    The builders take the wire form of one object and return {"body": <normalised wire object>}. The
    module never decides on its own whether such an object is valid: the rules live once, in the
    native model. A rejected object becomes a terminating ErrorRecord on the calling cmdlet, because
    an in-memory builder has nothing else to go on with. Returns the normalised body.
    #>
    [CmdletBinding()]
    param (
        # The C function name without the apim_ prefix, e.g. backend_credential_new.
        [Parameter(Mandatory = $true)]
        [string]
        $Builder,

        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $Request,

        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet
    )

    $requestJson = ConvertTo-Json -InputObject $Request -Depth 20 -Compress
    $result = [ApimNative.Interop]::Build($Builder, $requestJson)
    $parsed = ConvertFrom-Json -InputObject $result.Json
    if ($result.Ok) {
        return $parsed.body
    }

    $record = ConvertTo-ApimErrorRecord -NativeError $parsed -Operation $Builder -TargetObject $null -CommandName $Cmdlet.MyInvocation.MyCommand.Name
    $Cmdlet.ThrowTerminatingError($record)
}
