function ConvertFrom-MgBodyParameterJson {
    <#
    .SYNOPSIS
    Returns -BodyParameter as a hashtable when it is given as a JSON string; any other value as it is.

    .DESCRIPTION
    Microsoft.Graph's cmdlets accept the body as a JSON string ('{"displayName":"x"}') as well as a
    hashtable or an object, so scripts pass either. A string that is not a JSON object cannot be a
    body: the calling cmdlet gets a terminating error that says so (the JSON parser's message is
    left out, because the string may hold a password).
    #>
    [CmdletBinding()]
    [OutputType([object])]
    param (
        [Parameter(Mandatory = $true)]
        [AllowNull()]
        [object]
        $BodyParameter,

        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        # The operation the cmdlet runs, for the ErrorId (ApimNative.<Operation>Failed).
        [Parameter(Mandatory = $true)]
        [string]
        $Operation
    )

    $value = $BodyParameter
    if ($value -is [System.Management.Automation.PSObject]) {
        $value = $value.PSObject.BaseObject
    }
    if (-not ($value -is [string])) {
        return , $BodyParameter
    }
    $parsed = $null
    if ($value.TrimStart().StartsWith('{')) {
        try {
            $parsed = ConvertFrom-Json -InputObject $value -ErrorAction Stop
        }
        catch {
            $parsed = $null
        }
    }
    if ($null -eq $parsed -or $parsed -is [string] -or $parsed -is [System.ValueType] -or $parsed -is [System.Array]) {
        $message = '-BodyParameter is a string but not a JSON object. Give a hashtable, an object, or a JSON object such as ''{"displayName":"Test API"}''.'
        $Cmdlet.ThrowTerminatingError((New-ApimErrorRecord -Message $message -ErrorId ('ApimNative.{0}Failed' -f $Operation) -TargetObject 'BodyParameter'))
    }
    ConvertTo-ApimHashtable -InputObject $parsed
}
