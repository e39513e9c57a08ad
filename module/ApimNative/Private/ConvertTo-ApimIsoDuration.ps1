function ConvertTo-ApimIsoDuration {
    <#
    .SYNOPSIS
    TimeSpan -> ISO 8601 duration text (00:01:00 -> PT1M); text is passed through for the native
    library to judge.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Value
    )

    if ($Value -is [System.TimeSpan]) {
        return [System.Xml.XmlConvert]::ToString([System.TimeSpan]$Value)
    }
    [string]$Value
}
