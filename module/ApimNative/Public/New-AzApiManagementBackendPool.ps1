function New-AzApiManagementBackendPool {
    <#
    .SYNOPSIS
    Creates the pool of a load-balanced backend.

    .DESCRIPTION
    Creates an in-memory ApimNative.BackendPool for New-AzApiManagementBackend -Pool or
    Set-AzApiManagementBackend -Pool: its member backends (New-AzApiManagementBackendPoolItem, given
    with -Service or piped), optional cookie session affinity and the status code answered when no
    member is available. Nothing is sent; the native library validates the pool. Az.ApiManagement
    has no cmdlet for pools.

    .PARAMETER Service
    The pool's members, from New-AzApiManagementBackendPoolItem. Piped items are collected.

    .PARAMETER SessionIdSource
    Where the gateway keeps the session id for session affinity: cookie.

    .PARAMETER SessionIdName
    Name of the session id (the cookie name).

    .PARAMETER FailureResponseStatusCode
    Status code (100-599) returned when no member of the pool can answer.

    .PARAMETER DefaultProfile
    Accepted for scripts written for Az and not used: sign-in comes from Connect-ApimNative (see about_ApimNative).

    .EXAMPLE
    PS C:\>$backends = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends'
    PS C:\>$pool = New-AzApiManagementBackendPool -Service @(
    >>     New-AzApiManagementBackendPoolItem -Id "$backends/backend-1"
    >>     New-AzApiManagementBackendPoolItem -Id "$backends/backend-2")
    PS C:\>New-AzApiManagementBackend -Context $apimContext -BackendId simple-load-balancer -Pool $pool

    A simple round-robin load balancer (REST example ApiManagementCreateBackendWithSimpleLoadBalancer).

    .EXAMPLE
    PS C:\>$pool = New-AzApiManagementBackendPool -Service @(
    >>     New-AzApiManagementBackendPoolItem -Id "$backends/backend-1" -Weight 75
    >>     New-AzApiManagementBackendPoolItem -Id "$backends/backend-2" -Weight 25)
    PS C:\>New-AzApiManagementBackend -Context $apimContext -BackendId weighted-load-balancer -Pool $pool

    A weighted load balancer (REST example ApiManagementCreateBackendWithWeightedLoadBalancer).

    .EXAMPLE
    PS C:\>$pool = "$backends/backend-1", "$backends/backend-2" | New-AzApiManagementBackendPoolItem | New-AzApiManagementBackendPool -SessionIdSource cookie -SessionIdName APIM-Session -FailureResponseStatusCode 503

    A pool with cookie session affinity that answers 503 when every member is down.

    .INPUTS
    ApimNative.BackendPoolItem

    .OUTPUTS
    ApimNative.BackendPool

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
    [OutputType('ApimNative.BackendPool', [ApimNative.Models.BackendPool])]
    param (
        [Parameter(Mandatory = $true, ValueFromPipeline = $true)]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('ApimNative.BackendPoolItem')]
        [ApimNative.Models.BackendPoolItem[]]
        $Service,

        [Parameter()]
        [ValidateSet('cookie')]
        [string]
        $SessionIdSource,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string]
        $SessionIdName,

        [Parameter()]
        [ValidateRange(100, 599)]
        [int]
        $FailureResponseStatusCode,

        [Parameter()]
        [Alias('AzContext', 'AzureRmContext', 'AzureCredential')]
        [ApimNative.Models.IAzureContextContainer]
        $DefaultProfile
    )

    begin {
        $services = New-Object -TypeName System.Collections.Generic.List[object]
    }

    process {
        foreach ($item in $Service) {
            $services.Add($item)
        }
    }

    end {
        # In the end block the bound Service is only the last piped item: the library gets them all.
        $PSBoundParameters['Service'] = $services.ToArray()
        # One step of the interop: the builder run, its object written (no preference governs what
        # a builder does, see Interop.RunBuilder); what is left (the session's first use, an error)
        # Invoke-ApimNativeCmdlet finishes.
        $ApimAnswer = [ApimNative.Interop]::RunBuilder($PSCmdlet, 'cmdlet_backend_pool_new', $PSBoundParameters)
        if ($null -ne $ApimAnswer) {
            Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Answer $ApimAnswer -Terminating
        }
    }
}
