# Run by ApimNative.psm1 when [ApimNative.ModuleImport] refused the import (ModuleLoader.cs): throws
# the refusal as an ErrorRecord with its own ErrorId, category and target. The conversion wraps
# the exception; anything that is not a refusal is thrown as it came.
param (
    [Parameter(Mandatory = $true)]
    [System.Management.Automation.ErrorRecord]
    $Failure
)

$refusal = $Failure.Exception
while ($null -ne $refusal -and $refusal -isnot [ApimNative.ImportRefusedException]) {
    $refusal = $refusal.InnerException
}
if ($null -eq $refusal) {
    throw $Failure
}
$record = New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @(
    $refusal.Refusal.Exception, $refusal.Refusal.ErrorId, [System.Management.Automation.ErrorCategory]$refusal.Refusal.Category, $refusal.Refusal.Target)
throw $record
