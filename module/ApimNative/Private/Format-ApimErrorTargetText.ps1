function Format-ApimErrorTargetText {
    <#
    .SYNOPSIS
    Replaces the wire field paths in an error text with the cmdlet parameters they came from.

    .DESCRIPTION
    TargetMap is Get-ApimParameterTargetMap's (wire path -> -Parameter). A path is replaced only
    where it stands as a whole path (not inside a longer name), longest first, so
    properties.tls.validateCertificateChain becomes -SkipCertificateChainValidation rather than
    -Tls.validateCertificateChain; a longer path below a mapped one keeps its rest in parentheses:
    properties.credentials.authorization.parameter -> -Credential (authorization.parameter).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param (
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]
        $Text,

        [Parameter(Mandatory = $true)]
        [hashtable]
        $TargetMap
    )

    if ($TargetMap.Count -eq 0 -or -not $Text) {
        return $Text
    }
    $paths = [string[]]@($TargetMap.Keys)
    $lengths = [int[]]@($paths | ForEach-Object -Process { - $_.Length })
    [System.Array]::Sort($lengths, $paths)
    $alternatives = ($paths | ForEach-Object -Process { [regex]::Escape($_) }) -join '|'
    # A path, then optionally its deeper part (.name, [0]), not preceded or followed by a name character.
    $pattern = '(?<![\w.\[\]-])(?<path>' + $alternatives + ')(?<rest>(?:\.[A-Za-z_][\w]*|\[\d+\])*)(?![\w-])'
    $evaluator = [System.Text.RegularExpressions.MatchEvaluator] {
        param ($match)
        $parameter = $TargetMap[$match.Groups['path'].Value]
        $rest = $match.Groups['rest'].Value.TrimStart('.')
        if ($rest) {
            return ('{0} ({1})' -f $parameter, $rest)
        }
        $parameter
    }
    [regex]::Replace($Text, $pattern, $evaluator)
}
