@{
    RootModule           = 'ApimNative.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = 'b42629b9-5f44-4e29-8dcc-6083f1233a0b'
    Author               = 'ApimNative contributors'
    Copyright            = '(c) ApimNative contributors. MIT License.'
    Description          = 'Azure API Management backends and Microsoft Graph identity API connectors with the Az.ApiManagement / Microsoft.Graph cmdlet names, backed by a native Rust library (no Az or Graph SDK load).'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('ApimNative.Format.ps1xml')
    FunctionsToExport    = @(
        'Compare-ApimNativeApiConnector'
        'Compare-ApimNativeBackend'
        'Connect-ApimNative'
        'Disconnect-ApimNative'
        'Export-ApimNativeApiConnector'
        'Export-ApimNativeBackend'
        'Get-AzApiManagementBackend'
        'Get-MgIdentityApiConnector'
        'Invoke-ApimNativeDryRun'
        'Invoke-AzApiManagementBackendReconnect'
        'Invoke-MgUploadIdentityApiConnectorClientCertificate'
        'New-AzApiManagementBackend'
        'New-AzApiManagementBackendCircuitBreakerRule'
        'New-AzApiManagementBackendCredential'
        'New-AzApiManagementBackendPool'
        'New-AzApiManagementBackendPoolItem'
        'New-AzApiManagementBackendProxy'
        'New-AzApiManagementBackendServiceFabric'
        'New-AzApiManagementBackendTls'
        'New-AzApiManagementContext'
        'New-MgIdentityApiConnector'
        'Remove-AzApiManagementBackend'
        'Remove-MgIdentityApiConnector'
        'Set-AzApiManagementBackend'
        'Start-ApimNativeEmulator'
        'Stop-ApimNativeEmulator'
        'Sync-ApimNativeApiConnector'
        'Sync-ApimNativeBackend'
        'Test-ApimNativeBackend'
        'Update-MgIdentityApiConnector'
    )
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Azure', 'ApiManagement', 'APIM', 'Backend', 'Graph', 'Native')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = 'Az.ApiManagement backend cmdlets plus pools, circuit breakers, TLS pinning, regions and ETag concurrency.'
        }
    }
}
