function ConvertTo-ApimStringListMap {
    <#
    .SYNOPSIS
    Turns a Query/Header hashtable into the wire map name -> string[].

    .DESCRIPTION
    Az rejects a plain string value ("Invalid input type specified for Key 'k', expected string[]");
    users write @{ 'x-key' = 'value' } all the time, so a single value becomes a one-element list.
    A value may be a string, a SecureString (an API key from Key Vault: its text is read only here,
    to be sent, and is never written anywhere else) or an array of those. Anything else (a
    hashtable, a DateTime, a number) would be sent as its type name or as culture-formatted text,
    so it is refused with a terminating error naming the parameter and the key. Whether the names
    and values are acceptable to the service is decided by the native library.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $Map,

        # The cmdlet parameter the map came from (Header or Query), for the error message.
        [Parameter(Mandatory = $true)]
        [string]
        $ParameterName,

        # The cmdlet the error is reported for (the one the user called, when the map is new).
        [Parameter()]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet = $PSCmdlet
    )

    $wire = @{}
    foreach ($key in @($Map.Keys)) {
        $value = $Map[$key]
        if ($value -is [System.Management.Automation.PSObject]) {
            $value = $value.PSObject.BaseObject
        }
        $items = @($value)
        if ($value -is [string] -or $value -is [System.Security.SecureString] -or $null -eq $value) {
            $items = @($value)
        }
        elseif ($value -is [System.Collections.IDictionary] -or -not ($value -is [System.Collections.IEnumerable])) {
            $items = @(, $value)
        }
        $values = New-Object -TypeName System.Collections.Generic.List[string]
        foreach ($item in $items) {
            if ($null -eq $item) {
                continue
            }
            if ($item -is [System.Management.Automation.PSObject]) {
                $item = $item.PSObject.BaseObject
            }
            if ($item -is [string]) {
                $values.Add($item)
            }
            elseif ($item -is [System.Security.SecureString]) {
                $values.Add((New-Object -TypeName System.Net.NetworkCredential -ArgumentList @('', $item)).Password)
            }
            else {
                $message = "-{0} '{1}': a value must be a string, a string array or a SecureString, not {2}. Convert it to the text the backend expects first." -f $ParameterName, [string]$key, $item.GetType().FullName
                $Cmdlet.ThrowTerminatingError((New-ApimErrorRecord -Message $message -ErrorId 'ApimNative.BackendCredentialNewFailed' -TargetObject ([string]$key)))
            }
        }
        $wire[[string]$key] = $values.ToArray()
    }
    $wire
}
