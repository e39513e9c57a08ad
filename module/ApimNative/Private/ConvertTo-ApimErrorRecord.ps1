function ConvertTo-ApimErrorRecord {
    <#
    .SYNOPSIS
    Maps the native error JSON to an ErrorRecord with a stable ErrorId.

    .DESCRIPTION
    The native error JSON is {code, message, target, details[{code, message, target}], httpStatus,
    requestId, category, shown{message, details[]}}. The ErrorId is ApimNative.<Operation>Failed (backend_get ->
    ApimNative.BackendGetFailed), the category is the JSON's category (a PowerShell ErrorCategory
    name chosen by the native library), and ErrorDetails carries the service's code, message, target,
    request id and each detail. For scripts, the exception's Data carries ApimErrorCode,
    ApimHttpStatus, ApimTarget, ApimRequestId and ApimErrorJson (the whole native error), all as
    strings or numbers because Exception.Data on .NET Framework only takes serializable values.

    The native library never puts secrets into error messages, so this text is safe to show.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $NativeError,

        # The error JSON as the library wrote it, kept whole in the exception's data.
        [Parameter()]
        [string]
        $ErrorJson,

        [Parameter(Mandatory = $true)]
        [string]
        $Operation,

        [Parameter()]
        [object]
        $TargetObject
    )

    $operationName = -join ($Operation.Split('_') | ForEach-Object -Process {
            if ($_.Length -gt 0) {
                $_.Substring(0, 1).ToUpperInvariant() + $_.Substring(1)
            }
        })
    $errorId = 'ApimNative.{0}Failed' -f $operationName

    $category = [System.Management.Automation.ErrorCategory]::NotSpecified
    $categoryName = [string]$NativeError.category
    if ($categoryName -and [System.Enum]::IsDefined([System.Management.Automation.ErrorCategory], $categoryName)) {
        $category = [System.Management.Automation.ErrorCategory]$categoryName
    }

    $message = [string]$NativeError.message
    if (-not $message) {
        $message = 'The native library reported an error without a message.'
    }

    # The exception type tells catch blocks what kind of failure it was without reading the text.
    if ($category -eq [System.Management.Automation.ErrorCategory]::InvalidArgument) {
        $exception = New-Object -TypeName System.ArgumentException -ArgumentList @($message)
    }
    elseif ($category -eq [System.Management.Automation.ErrorCategory]::ObjectNotFound) {
        $exception = New-Object -TypeName System.Management.Automation.ItemNotFoundException -ArgumentList @($message)
    }
    elseif ($category -eq [System.Management.Automation.ErrorCategory]::OperationStopped) {
        $exception = New-Object -TypeName System.OperationCanceledException -ArgumentList @($message)
    }
    else {
        $exception = New-Object -TypeName System.InvalidOperationException -ArgumentList @($message)
    }
    $exception.Data['ApimErrorCode'] = [string]$NativeError.code
    $exception.Data['ApimTarget'] = [string]$NativeError.target
    $exception.Data['ApimRequestId'] = [string]$NativeError.requestId
    if (-not $ErrorJson) {
        $ErrorJson = ConvertTo-Json -InputObject $NativeError -Depth 10 -Compress
    }
    $exception.Data['ApimErrorJson'] = $ErrorJson
    if ($null -ne $NativeError.httpStatus) {
        $exception.Data['ApimHttpStatus'] = [int]$NativeError.httpStatus
    }

    if ($null -eq $TargetObject) {
        $TargetObject = $NativeError.target
    }
    $record = New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @(
        $exception, $errorId, $category, $TargetObject)

    # What is shown: the message once, in the cmdlet's parameter names (the library wrote them:
    # in the message itself, or beside it in "shown" where the message keeps the wire paths for
    # scripts); the target and each detail only when they add something the message does not say.
    $shown = $message
    $shownDetails = $null
    if ($null -ne $NativeError.shown) {
        # The library's own wording in the cmdlet's parameter names, beside the message that keeps
        # the wire paths for scripts (ported cmdlets: the module has no map of their fields).
        $shown = [string]$NativeError.shown.message
        $shownDetails = @($NativeError.shown.details)
    }
    $lines = New-Object -TypeName System.Collections.Generic.List[string]
    $lines.Add(('{0}: {1}' -f [string]$NativeError.code, $shown))
    $target = [string]$NativeError.target
    # Details already say which field each problem is about; the library's messages name the
    # cmdlet's parameters while the target stays the wire path, which the message need not repeat.
    if ($target -and -not $message.Contains($target) -and @($NativeError.details | Where-Object -FilterScript { $null -ne $_ }).Count -eq 0) {
        $lines.Add(('Target: {0}' -f $target))
    }
    if ($NativeError.httpStatus) {
        $lines.Add(('HTTP status: {0}' -f [string]$NativeError.httpStatus))
    }
    if ($NativeError.requestId) {
        $lines.Add(('Request id: {0}' -f [string]$NativeError.requestId))
    }
    $index = -1
    foreach ($detail in @($NativeError.details)) {
        $index++
        if ($null -eq $detail -or $message.Contains([string]$detail.message)) {
            continue
        }
        $text = [string]$detail.message
        if ($null -ne $shownDetails -and $index -lt $shownDetails.Count) {
            $text = [string]$shownDetails[$index]
        }
        $lines.Add(('  {0} ({1})' -f $text, [string]$detail.code))
    }
    $record.ErrorDetails = New-Object -TypeName System.Management.Automation.ErrorDetails -ArgumentList @(
        ($lines -join [System.Environment]::NewLine))
    if ($NativeError.requestId) {
        $record.ErrorDetails.RecommendedAction = 'Quote request id {0} when asking the service owner.' -f [string]$NativeError.requestId
    }
    $record
}
