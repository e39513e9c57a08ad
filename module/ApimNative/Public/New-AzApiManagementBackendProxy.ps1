function New-AzApiManagementBackendProxy {
    <#
    .SYNOPSIS
    Creates a new Backend Proxy Object.

    .DESCRIPTION
    Creates an in-memory PsApiManagementBackendProxy to pass to New-AzApiManagementBackend or
    Set-AzApiManagementBackend -Proxy. Nothing is sent to the service; the native library validates
    the URL and credentials. The password stays in the PSCredential's SecureString until the
    request is sent; it never appears in -Verbose, -WhatIf or error output.

    .PARAMETER Url
    Url of the Proxy server to be used when forwarding calls to Backend.
    This parameter is required.

    .PARAMETER ProxyCredential
    Credentials used to connect to the Backend Proxy.
    This parameter is optional.

    .PARAMETER DefaultProfile
    Accepted for scripts written for Az and not used: sign-in comes from Connect-ApimNative (see about_ApimNative).

    .EXAMPLE
    PS C:\>$secpassword = ConvertTo-SecureString "PlainTextPassword" -AsPlainText -Force
    PS C:\>$proxyCreds = New-Object System.Management.Automation.PSCredential ("foo", $secpassword)
    PS C:\>$credential = New-AzApiManagementBackendProxy -Url "http://12.168.1.1:8080" -ProxyCredential $proxyCreds

    PS C:\>$apimContext = New-AzApiManagementContext -ResourceGroupName "Api-Default-WestUS" -ServiceName "contoso"

    PS C:\>$backend = New-AzApiManagementBackend -Context  $apimContext -BackendId 123 -Url 'https://contoso.com/awesomeapi' -Protocol http -Title "first backend" -SkipCertificateChainValidation $true -Proxy $credential -Description "backend with proxy server"

    Creates a Backend Proxy In-Memory Object which can be used when setting up a backend.

    .EXAMPLE
    PS C:\>$credential = New-AzApiManagementBackendCredential -AuthorizationHeaderScheme Basic -AuthorizationHeaderParameter opensesma -Header @{ 'x-my-1' = @('val1', 'val2') } -Query @{ 'sv' = @('xx', 'bb', 'cc') }
    PS C:\>$proxy = New-AzApiManagementBackendProxy -Url 'http://192.168.1.1:8080' -ProxyCredential (Get-Credential -UserName 'Contoso\admin')
    PS C:\>New-AzApiManagementBackend -Context $apimContext -BackendId proxybackend -Url 'https://backendname2644/' -Protocol http -Description description5308 -Credential $credential -Proxy $proxy -SkipCertificateChainValidation $false -SkipCertificateNameValidation $false

    REST example ApiManagementCreateBackendProxyBackend: a backend reached through an
    authenticated web proxy, with credentials and a complete tls object.

    .INPUTS
    None

    .OUTPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendProxy

    .LINK
    https://learn.microsoft.com/powershell/module/az.apimanagement/new-azapimanagementbackendproxy

    .LINK
    New-AzApiManagementBackend

    .LINK
    Get-AzApiManagementBackend

    .LINK
    Set-AzApiManagementBackend

    .LINK
    Remove-AzApiManagementBackend

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(PositionalBinding = $false)]
    [OutputType('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendProxy', [ApimNative.Models.PsApiManagementBackendProxy])]
    param (
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [ValidateLength(1, 2000)]
        [string]
        $Url,

        [Parameter()]
        [System.Management.Automation.PSCredential]
        $ProxyCredential,

        [Parameter()]
        [Alias('AzContext', 'AzureRmContext', 'AzureCredential')]
        [ApimNative.Models.IAzureContextContainer]
        $DefaultProfile
    )

    # The whole call in one step of the interop: the builder run, its object written (no
    # preference governs what a builder does, see Interop.RunBuilder); what is left (the
    # session's first use, an error) Invoke-ApimNativeCmdlet finishes.
    $ApimAnswer = [ApimNative.Interop]::RunBuilder($PSCmdlet, 'cmdlet_backend_proxy_new', $PSBoundParameters)
    if ($null -ne $ApimAnswer) {
        Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Answer $ApimAnswer -Terminating
    }
}
