function Test-ApimBlankId {
    <#
    .SYNOPSIS
    Writes an error and returns $true when an id parameter was given (on the command line or from
    a piped object's property) but is empty, $null or only white space.

    .DESCRIPTION
    An absent id means "generate one" (New) or "list" (Get), as in Az. A given-but-blank id is
    almost always a script bug (an unset variable, a blank CSV column), and reading it as absent
    would create a new backend on every run or list (and then remove) every backend, so it is an
    error instead, naming the parameter.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param (
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        [Parameter(Mandatory = $true)]
        [string]
        $ParameterName,

        [Parameter(Mandatory = $true)]
        [string]
        $AbsentMeans,

        # The operation the cmdlet would have run, for the ErrorId (ApimNative.<Operation>Failed).
        [Parameter(Mandatory = $true)]
        [string]
        $Operation
    )

    $bound = $Cmdlet.MyInvocation.BoundParameters
    if (-not $bound.ContainsKey($ParameterName)) {
        return $false
    }
    $value = $bound[$ParameterName]
    if ($null -ne $value -and -not [string]::IsNullOrWhiteSpace([string]$value)) {
        return $false
    }
    $message = '-{0} is empty or blank. Give an id, or leave -{0} out to {1}.' -f $ParameterName, $AbsentMeans
    $record = New-ApimErrorRecord -Message $message -ErrorId ('ApimNative.{0}Failed' -f $Operation) -TargetObject $ParameterName
    $Cmdlet.WriteError($record)
    $true
}
