function ConvertTo-ApimSecretMap {
    <#
    .SYNOPSIS
    Turns a -Secret hashtable (placeholder name -> string or SecureString) into plain strings for
    the native request.

    .DESCRIPTION
    The native library needs the values to send them; they go into the request JSON only, never to
    a stream. A value that is neither a string nor a SecureString is refused with an ErrorRecord
    naming the key (never the value).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $Secret
    )

    $plain = @{}
    foreach ($name in $Secret.Keys) {
        $value = $Secret[$name]
        if ($value -is [System.Security.SecureString]) {
            $plain[[string]$name] = (New-Object -TypeName System.Net.NetworkCredential -ArgumentList @('', $value)).Password
        }
        elseif ($value -is [string]) {
            $plain[[string]$name] = $value
        }
        else {
            $exception = New-Object -TypeName System.ArgumentException -ArgumentList @(("Secret['{0}'] must be a string or a SecureString." -f $name), 'Secret')
            $record = New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @($exception, 'ApimNative.SecretMapFailed', [System.Management.Automation.ErrorCategory]::InvalidArgument, [string]$name)
            throw $record
        }
    }
    $plain
}
