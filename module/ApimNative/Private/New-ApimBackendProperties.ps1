function New-ApimBackendProperties {
    <#
    .SYNOPSIS
    Builds the wire "properties" hashtable of a backend from cmdlet parameters (and an input object).

    .DESCRIPTION
    Shared by New-AzApiManagementBackend (PUT) and Set-AzApiManagementBackend (PATCH) so that a
    parameter means the same thing in both. With -InputObject (Set -InputObject) the object's
    current values are the starting point and the bound parameters override them: Az used only the
    object's identity and ignored its values. The result is validated by the native library
    (check_backend_contract / check_backend_update) before anything is sent.

    TLS: when -AlwaysSendTls is set, or any TLS parameter is bound, a complete tls object is built
    (ConvertTo-ApimWireTls) from -CurrentTls, the -Tls object and the Skip* switches.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param (
        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $BoundParameters,

        [Parameter()]
        [AllowNull()]
        [object]
        $InputObject,

        # The backend's TLS settings as the service has them now (Set), so that one Skip* switch
        # does not reset the other flag.
        [Parameter()]
        [AllowNull()]
        [object]
        $CurrentTls,

        [Parameter()]
        [switch]
        $AlwaysSendTls
    )

    $wire = @{}
    $values = @{}
    if ($null -ne $InputObject) {
        $values['Url'] = $InputObject.Url
        $values['Protocol'] = $InputObject.Protocol
        $values['ResourceId'] = $InputObject.ResourceId
        $values['Title'] = $InputObject.Title
        $values['Description'] = $InputObject.Description
        $values['AzureRegion'] = $InputObject.AzureRegion
        $values['Type'] = $InputObject.Type
        $values['Credential'] = $InputObject.Credentials
        $values['Proxy'] = $InputObject.Proxy
        $values['ServiceFabricCluster'] = $InputObject.ServiceFabricCluster
        $values['Pool'] = $InputObject.Pool
        $values['CircuitBreaker'] = $InputObject.CircuitBreaker
        if ($null -eq $CurrentTls) {
            $CurrentTls = $InputObject.Tls
        }
    }
    $names = @('Url', 'Protocol', 'ResourceId', 'Title', 'Description', 'AzureRegion', 'Type',
        'Credential', 'Proxy', 'ServiceFabricCluster', 'Pool', 'CircuitBreaker')
    # A value given as a parameter is sent even when empty, so that the native rules name the field
    # (title length 1..300, ...); a null one (a piped object's unset property) means "not given".
    $explicit = @{}
    foreach ($name in $names) {
        if ($BoundParameters.ContainsKey($name) -and $null -ne $BoundParameters[$name]) {
            $values[$name] = $BoundParameters[$name]
            $explicit[$name] = $true
        }
    }

    $plain = [ordered]@{
        Url         = 'url'
        Protocol    = 'protocol'
        ResourceId  = 'resourceId'
        Title       = 'title'
        Description = 'description'
        AzureRegion = 'azureRegion'
        Type        = 'type'
    }
    foreach ($name in $plain.Keys) {
        if ($null -ne $values[$name] -and ($explicit.ContainsKey($name) -or [string]$values[$name] -ne '')) {
            $wire[$plain[$name]] = [string]$values[$name]
        }
    }
    if ($null -ne $values['Credential']) {
        $wire['credentials'] = ConvertTo-ApimWireCredential -Credential $values['Credential']
    }
    if ($null -ne $values['Proxy']) {
        $wire['proxy'] = ConvertTo-ApimWireProxy -Proxy $values['Proxy']
    }
    if ($null -ne $values['ServiceFabricCluster']) {
        $wire['properties'] = @{
            serviceFabricCluster = ConvertTo-ApimWireServiceFabric -ServiceFabric $values['ServiceFabricCluster']
        }
    }
    if ($null -ne $values['Pool']) {
        $wire['pool'] = ConvertTo-ApimWirePool -Pool $values['Pool']
        # A pool is only meaningful on a Pool backend: saying -Pool is saying -Type Pool, also over
        # the type of an -InputObject that was a Single backend.
        $poolGiven = $BoundParameters.ContainsKey('Pool') -and -not $BoundParameters.ContainsKey('Type')
        if ($poolGiven -or -not $wire.ContainsKey('type')) {
            $wire['type'] = 'Pool'
        }
    }
    if ($null -ne $values['CircuitBreaker']) {
        $rules = [object[]]@($values['CircuitBreaker'] | ForEach-Object -Process {
                ConvertTo-ApimWireCircuitBreakerRule -Rule $_
            })
        $wire['circuitBreaker'] = @{ rules = $rules }
    }

    $tlsBound = ($BoundParameters.ContainsKey('Tls') -or
        $BoundParameters.ContainsKey('SkipCertificateChainValidation') -or
        $BoundParameters.ContainsKey('SkipCertificateNameValidation'))
    if ($AlwaysSendTls -or $tlsBound -or ($null -ne $InputObject -and $null -ne $CurrentTls)) {
        $tls = $CurrentTls
        if ($BoundParameters.ContainsKey('Tls')) {
            $tls = $BoundParameters['Tls']
        }
        $tlsArguments = @{
            Tls                            = $tls
            SkipCertificateChainValidation = $BoundParameters['SkipCertificateChainValidation']
            SkipCertificateNameValidation  = $BoundParameters['SkipCertificateNameValidation']
        }
        $wire['tls'] = ConvertTo-ApimWireTls @tlsArguments
    }
    $wire
}
