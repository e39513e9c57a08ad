function ConvertFrom-ApimIsoDuration {
    <#
    .SYNOPSIS
    ISO 8601 duration text (PT1M) -> TimeSpan; text that is not a duration is returned unchanged.
    #>
    [CmdletBinding()]
    [OutputType([object])]
    param (
        [Parameter(Mandatory = $true)]
        [AllowNull()]
        [object]
        $Value
    )

    if ($null -eq $Value -or $Value -is [System.TimeSpan]) {
        return $Value
    }
    try {
        [System.Xml.XmlConvert]::ToTimeSpan([string]$Value)
    }
    catch [System.FormatException] {
        Write-Verbose -Message ('Kept the duration {0} as text: it is not an ISO 8601 duration.' -f [string]$Value)
        [string]$Value
    }
}
