# Shared by the *-ApimNativeBackend / *-ApimNativeApiConnector sync tests (dot-sourced after
# TestSupport.ps1): seed backends with secrets, and reading a directory's files.

$script:SyncSecrets = @{
    'orders.authorizationParameter' = 'Pester-Auth-S3cret'
    'orders.header.x-api-key'       = 'Pester-Header-S3cret'
}

function New-TestSyncBackends {
    # Two single backends (one with secrets) and a pool of both.
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Context
    )
    $credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme 'Basic' -AuthorizationHeaderParameter $script:SyncSecrets['orders.authorizationParameter'] -Header @{ 'x-api-key' = @($script:SyncSecrets['orders.header.x-api-key']) }
    $null = New-AzApiManagementBackend -Context $Context -BackendId 'orders' -Url 'https://orders.contoso.example/' -Protocol http -Title 'Orders' -Credential $credential
    $null = New-AzApiManagementBackend -Context $Context -BackendId 'billing' -Url 'https://billing.contoso.example/' -Protocol soap -Description 'Billing'
    $prefix = '/subscriptions/{0}/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/{1}/backends/' -f $Context.SubscriptionId, $Context.ServiceName
    $members = @(
        (New-AzApiManagementBackendPoolItem -Id ($prefix + 'orders') -Priority 1)
        (New-AzApiManagementBackendPoolItem -Id ($prefix + 'billing') -Priority 2)
    )
    $pool = New-AzApiManagementBackendPool -Service $members
    $null = New-AzApiManagementBackend -Context $Context -BackendId 'lb' -Pool $pool -Description 'orders then billing'
}

function Get-TestFileText {
    # name -> text of every *.json file of a directory.
    param (
        [Parameter(Mandatory = $true)]
        [string]
        $Path
    )
    $texts = [ordered]@{}
    foreach ($file in Get-ChildItem -LiteralPath $Path -Filter '*.json' | Sort-Object -Property Name) {
        $texts[$file.Name] = [System.IO.File]::ReadAllText($file.FullName)
    }
    $texts
}

function New-TestDirectory {
    $path = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'apimnative-sync-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $path
    $path
}
