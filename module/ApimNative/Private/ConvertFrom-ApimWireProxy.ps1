function ConvertFrom-ApimWireProxy {
    <#
    .SYNOPSIS
    Wire proxy -> PsApiManagementBackendProxy (Url, ProxyCredentials as a PSCredential).

    .DESCRIPTION
    The service returns the proxy password in plain text; it is moved into a SecureString at once
    so that it is never displayed. PSCredential.Empty stands for "no credentials", as in Az.
    #>
    [CmdletBinding()]
    [OutputType('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendProxy')]
    param (
        [Parameter(Mandatory = $true)]
        [AllowNull()]
        [object]
        $Wire
    )

    if ($null -eq $Wire) {
        return $null
    }
    $credential = [System.Management.Automation.PSCredential]::Empty
    if ($Wire.username) {
        $password = New-Object -TypeName System.Security.SecureString
        if ($Wire.password) {
            foreach ($character in ([string]$Wire.password).ToCharArray()) {
                $password.AppendChar($character)
            }
        }
        $password.MakeReadOnly()
        $credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList @(
            [string]$Wire.username, $password)
    }
    [PSCustomObject]@{
        PSTypeName       = 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendProxy'
        Url              = [string]$Wire.url
        ProxyCredentials = $credential
    }
}
