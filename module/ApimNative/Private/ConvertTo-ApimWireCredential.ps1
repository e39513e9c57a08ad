function ConvertTo-ApimWireCredential {
    <#
    .SYNOPSIS
    PsApiManagementBackendCredential -> wire credentials hashtable.

    .DESCRIPTION
    Reads the object's current property values, so a credential object edited after
    New-AzApiManagementBackendCredential is sent as it is now. Certificate ids go to
    credentials.certificateIds (Az sent them as thumbprints, issue #25799).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Credential
    )

    $wire = @{}
    if ($null -ne $Credential.Certificate) {
        $wire['certificate'] = [object[]]@($Credential.Certificate | ForEach-Object -Process { [string]$_ })
    }
    if ($null -ne $Credential.CertificateIds) {
        $wire['certificateIds'] = [object[]]@($Credential.CertificateIds | ForEach-Object -Process { [string]$_ })
    }
    if ($Credential.Query -is [System.Collections.IDictionary]) {
        $wire['query'] = ConvertTo-ApimStringListMap -Map $Credential.Query -ParameterName 'Credential.Query'
    }
    if ($Credential.Header -is [System.Collections.IDictionary]) {
        $wire['header'] = ConvertTo-ApimStringListMap -Map $Credential.Header -ParameterName 'Credential.Header'
    }
    if ($null -ne $Credential.Authorization) {
        $authorization = @{}
        if ($Credential.Authorization.Scheme) {
            $authorization['scheme'] = [string]$Credential.Authorization.Scheme
        }
        if ($Credential.Authorization.Parameter) {
            $authorization['parameter'] = [string]$Credential.Authorization.Parameter
        }
        $wire['authorization'] = $authorization
    }
    $wire
}
