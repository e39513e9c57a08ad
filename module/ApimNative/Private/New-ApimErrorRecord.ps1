function New-ApimErrorRecord {
    <#
    .SYNOPSIS
    Creates an ErrorRecord for a problem the module finds itself (before the native library runs),
    with the same ErrorId scheme (ApimNative.<Operation>Failed) as native errors.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param (
        [Parameter(Mandatory = $true)]
        [string]
        $Message,

        [Parameter(Mandatory = $true)]
        [string]
        $ErrorId,

        [Parameter()]
        [System.Management.Automation.ErrorCategory]
        $Category = [System.Management.Automation.ErrorCategory]::InvalidArgument,

        [Parameter()]
        [AllowNull()]
        [object]
        $TargetObject
    )

    if ($Category -eq [System.Management.Automation.ErrorCategory]::InvalidArgument) {
        $exception = New-Object -TypeName System.ArgumentException -ArgumentList @($Message)
    }
    else {
        $exception = New-Object -TypeName System.InvalidOperationException -ArgumentList @($Message)
    }
    New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @(
        $exception, $ErrorId, $Category, $TargetObject)
}
