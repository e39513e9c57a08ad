function New-AzApiManagementBackendPoolItem {
    <#
    .SYNOPSIS
    Creates a member of a load-balanced backend pool.

    .DESCRIPTION
    Creates an in-memory ApimNative.BackendPoolItem for New-AzApiManagementBackendPool: an existing
    backend (by ARM id, or a backend object from Get-AzApiManagementBackend / the pipeline) with its
    priority, weight and preferred carbon emission category. Nothing is sent; the native library
    validates the item (0-100 for priority and weight, a known carbon category). Az.ApiManagement
    has no cmdlet for pools.

    .PARAMETER Id
    ARM id of an existing backend:
    /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ApiManagement/service/{serviceName}/backends/{backendId}

    .PARAMETER Backend
    A backend object (Get-AzApiManagementBackend or New-AzApiManagementBackend output); its Id is used.

    .PARAMETER Priority
    Priority in the pool, 0-100; lower values are used first.

    .PARAMETER Weight
    Weight in the pool, 0-100, among members of the same priority.

    .PARAMETER PreferredCarbonEmission
    Highest Scope 2 carbon emission category to route to when the backend has an azureRegion:
    VeryLow, Low, Medium, High or VeryHigh.

    .PARAMETER DefaultProfile
    Accepted for scripts written for Az and not used: sign-in comes from Connect-ApimNative (see about_ApimNative).

    .EXAMPLE
    PS C:\>$backends = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends'
    PS C:\>$pool = New-AzApiManagementBackendPool -Service @(
    >>     New-AzApiManagementBackendPoolItem -Id "$backends/backend-1" -Priority 1
    >>     New-AzApiManagementBackendPoolItem -Id "$backends/backend-2" -Priority 1
    >>     New-AzApiManagementBackendPoolItem -Id "$backends/backend-3" -Priority 2
    >>     New-AzApiManagementBackendPoolItem -Id "$backends/backend-4" -Priority 2)
    PS C:\>New-AzApiManagementBackend -Context $apimContext -BackendId priority-based-load-balancer -Pool $pool

    A priority-based load balancer (REST example ApiManagementCreateBackendWithPriorityBasedLoadBalancer).

    .EXAMPLE
    PS C:\>$pool = New-AzApiManagementBackendPool -Service @(
    >>     New-AzApiManagementBackendPoolItem -Id "$backends/sustainable-backend-europe-north" -PreferredCarbonEmission Medium -Priority 1 -Weight 1
    >>     New-AzApiManagementBackendPoolItem -Id "$backends/proxybackend" -Priority 1 -Weight 1)
    PS C:\>New-AzApiManagementBackend -Context $apimContext -BackendId carbonawareloadbalancerbackend -Pool $pool

    A carbon-aware load balancer (REST example ApiManagementCreateBackendWithCarbonAwareLoadBalancer).

    .EXAMPLE
    PS C:\>$pool = Get-AzApiManagementBackend -Context $apimContext -Filter "startswith(name, 'backend-')" | New-AzApiManagementBackendPoolItem -Weight 50 | New-AzApiManagementBackendPool

    Every backend whose id starts with backend-, equally weighted.

    .INPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend

    System.String

    .OUTPUTS
    ApimNative.BackendPoolItem

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
    [CmdletBinding(DefaultParameterSetName = 'ById', PositionalBinding = $false)]
    [OutputType('ApimNative.BackendPoolItem', [ApimNative.Models.BackendPoolItem])]
    param (
        [Parameter(Mandatory = $true, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ById')]
        [ValidateNotNullOrEmpty()]
        [string]
        $Id,

        [Parameter(Mandatory = $true, ValueFromPipeline = $true, ParameterSetName = 'ByBackend')]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend')]
        [ApimNative.Models.PsApiManagementBackend]
        $Backend,

        [Parameter()]
        [ValidateRange(0, 100)]
        [int]
        $Priority,

        [Parameter()]
        [ValidateRange(0, 100)]
        [int]
        $Weight,

        [Parameter()]
        [ValidateSet('VeryLow', 'Low', 'Medium', 'High', 'VeryHigh')]
        [string]
        $PreferredCarbonEmission,

        [Parameter()]
        [Alias('AzContext', 'AzureRmContext', 'AzureCredential')]
        [ApimNative.Models.IAzureContextContainer]
        $DefaultProfile
    )

    process {
        # One step of the interop per item: the builder run, its object written (no preference
        # governs what a builder does, see Interop.RunBuilder); what is left (the session's first
        # use, an error) Invoke-ApimNativeCmdlet finishes.
        $ApimAnswer = [ApimNative.Interop]::RunBuilder($PSCmdlet, 'cmdlet_backend_pool_item_new', $PSBoundParameters)
        if ($null -ne $ApimAnswer) {
            Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Answer $ApimAnswer -Terminating
        }
    }
}
