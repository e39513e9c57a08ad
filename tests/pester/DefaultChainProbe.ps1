# Run in a child pwsh by Connect-ApimNative.Tests.ps1: the child inherits environment variables
# that make every source of the default chain call a loopback listener of the parent (the native
# library reads the process environment, which only a new process can be given). Without
# Connect-ApimNative credential parameters, a Graph call to a loopback Graph endpoint must not
# start that chain: the parent checks that its listener saw no connection.
param (
    [Parameter(Mandatory = $true)]
    [string]
    $ModulePath
)
$ErrorActionPreference = 'Stop'
Import-Module -Name $ModulePath
$emulator = Start-ApimNativeEmulator
try {
    # Only the Graph endpoint is named: the ARM endpoint stays https://management.azure.com.
    $null = Connect-ApimNative -GraphEndpoint $emulator.BaseUrl
    $params = @{
        displayName                 = 'Probe'
        targetUrl                   = 'https://someapi.com/api'
        authenticationConfiguration = @{
            '@odata.type' = '#microsoft.graph.basicAuthentication'
            username      = 'MyUsername'
            password      = 'MyPassword'
        }
    }
    $connector = New-MgIdentityApiConnector -BodyParameter $params
    $read = Get-MgIdentityApiConnector -IdentityApiConnectorId $connector.Id
    'probe-result {0}' -f $read.DisplayName
}
finally {
    Stop-ApimNativeEmulator -Emulator $emulator
}
