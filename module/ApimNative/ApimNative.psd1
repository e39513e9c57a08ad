@{
    RootModule           = 'ApimNative.psm1'
    # Loaded before the psm1 runs, so that the psm1 makes no .NET call to load it (README, PowerShell).
    RequiredAssemblies   = @('bin/ApimNative.Interop.dll')
    ModuleVersion        = '0.1.0'
    GUID                 = 'b42629b9-5f44-4e29-8dcc-6083f1233a0b'
    Author               = 'ApimNative contributors'
    Copyright            = '(c) ApimNative contributors. MIT License.'
    Description          = 'Azure API Management backends and Microsoft Graph identity API connectors with the Az.ApiManagement / Microsoft.Graph cmdlet names, backed by a native Rust library (no Az or Graph SDK load).'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    # No FormatsToProcess: the views load when a cmdlet first runs (Private/Import-ApimFormatData.ps1), saving 100-150 ms of import.
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
            # PSEdition_* and platform tags are what the Gallery filters on.
            Tags         = @('Azure', 'ApiManagement', 'APIM', 'Backend', 'Graph', 'ApiConnector', 'Native', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/apimnative/ApimNative'
            LicenseUri   = 'https://github.com/apimnative/ApimNative/blob/main/LICENSE'
            ReleaseNotes = 'Az.ApiManagement backend cmdlets and Microsoft.Graph identity API connector cmdlets on a native library: pools, circuit breakers, TLS pinning, regions and ETag concurrency, a local emulator of both REST APIs, Windows (x64, arm64), Linux (x64, arm64) and macOS (arm64).'
        }
    }
}
