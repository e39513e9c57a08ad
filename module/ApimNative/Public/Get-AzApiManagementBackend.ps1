function Get-AzApiManagementBackend {
    <#
    .SYNOPSIS
    Gets the details of the Backend.

    .DESCRIPTION
    Gets one backend (-BackendId) or lists the backends of an API Management service. A list is read
    page by page with progress, following nextLink until the end (or until -Top backends).

    Each object carries the backend's ETag (single gets), which Set-AzApiManagementBackend and
    Remove-AzApiManagementBackend send as If-Match when the object is piped to them.

    Differences from Az.ApiManagement, on purpose:
    - -ResourceId keeps the subscription of the id (Az used the current Az context's), and a
      -BackendId that contradicts the id is an error (Az ignored it). The id may start with an
      endpoint (http://127.0.0.1:PORT/subscriptions/...) to read from the emulator.
    - -Filter, -Top and -Skip are passed to the service ($filter, $top, $skip); Az always read
      every page.
    - A missing backend is still a non-terminating error (ApimNative.BackendGetFailed,
      ObjectNotFound) with the service's code, message and request id; use -ErrorAction Stop to
      make it terminating.

    .PARAMETER Context
    Instance of PsApiManagementContext.
    Required, except with -ResourceId (which names the service itself).

    .PARAMETER BackendId
    Identifier of the backend. If specified will find backend by the identifier.
    This parameter is optional: left out, every backend is listed. Given as an empty or blank string
    (an unset variable, a blank CSV column) it is an error, not a list, so that
    `Get-AzApiManagementBackend -BackendId $unset | Remove-AzApiManagementBackend` cannot remove
    every backend (Az lists in that case).

    .PARAMETER ResourceId
    Arm Resource Identifier of the Backend. If specified will try to find backend by the identifier.
    Required in its parameter set, instead of -Context.

    .PARAMETER Filter
    OData filter passed to the service as $filter, for example "title eq 'first backend'" or
    "startswith(name, 'b')". Not in Az.

    .PARAMETER Top
    Number of backends to return ($top). Not in Az.

    .PARAMETER Skip
    Number of backends to skip ($skip). Not in Az.

    .PARAMETER DefaultProfile
    Accepted for scripts written for Az and not used: sign-in comes from Connect-ApimNative (see about_ApimNative).

    .EXAMPLE
    PS C:\>$apimContext = New-AzApiManagementContext -ResourceGroupName "Api-Default-WestUS" -ServiceName "contoso"
    PS C:\>Get-AzApiManagementBackend -Context $apimContext

    Gets all the backends of the service.

    .EXAMPLE
    PS C:\>$apimContext = New-AzApiManagementContext -ResourceGroupName "Api-Default-WestUS" -ServiceName "contoso"
    PS C:\>Get-AzApiManagementBackend -Context $apimContext -backendId 123

    Gets the backend with id 123.

    .EXAMPLE
    PS C:\>Get-AzApiManagementBackend -ResourceId /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/proxybackend

    Gets a backend by its ARM id.

    .EXAMPLE
    PS C:\>Get-AzApiManagementBackend -Context $apimContext -Filter "startswith(name, 'backend-')" -Top 10

    Lists at most 10 backends whose id starts with backend-.

    .INPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext

    System.String

    .OUTPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend

    .LINK
    https://learn.microsoft.com/powershell/module/az.apimanagement/get-azapimanagementbackend

    .LINK
    New-AzApiManagementBackend

    .LINK
    Set-AzApiManagementBackend

    .LINK
    Remove-AzApiManagementBackend

    .LINK
    about_ApimNative
    #>
    [CmdletBinding(DefaultParameterSetName = 'ContextParameterSet', PositionalBinding = $false)]
    [OutputType('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend', [ApimNative.Models.PsApiManagementBackend])]
    param (
        [Parameter(Mandatory = $true, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [ValidateNotNullOrEmpty()]
        [ApimNative.AcceptDeserialized()]
        [PSTypeName('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext')]
        [ApimNative.Models.PsApiManagementContext]
        $Context,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [string]
        $BackendId,

        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ResourceIdParameterSet')]
        [string]
        $ResourceId,

        [Parameter(ParameterSetName = 'ContextParameterSet')]
        [ValidateNotNullOrEmpty()]
        [string]
        $Filter,

        [Parameter(ParameterSetName = 'ContextParameterSet')]
        [ValidateRange(1, 2147483647)]
        [int]
        $Top,

        [Parameter(ParameterSetName = 'ContextParameterSet')]
        [ValidateRange(0, 2147483647)]
        [int]
        $Skip,

        [Parameter()]
        [Alias('AzContext', 'AzureRmContext', 'AzureCredential')]
        [ApimNative.Models.IAzureContextContainer]
        $DefaultProfile
    )

    begin {
        . Use-ApimCallerPreference
    }

    process {
        $parameters = $PSBoundParameters
        $backendContext = $Context
        $id = $BackendId
        if ($PSCmdlet.ParameterSetName -eq 'ResourceIdParameterSet') {
            # The id may start with an endpoint, which decides the client, so it is read here.
            $parsed = ConvertFrom-ApimResourceId -ResourceId $ResourceId -Backend
            if ($null -eq $parsed) {
                $message = "ResourceId '{0}' is not a valid Backend Id (/subscriptions/{{subscriptionId}}/resourceGroups/{{resourceGroupName}}/providers/Microsoft.ApiManagement/service/{{serviceName}}/backends/{{backendId}})." -f $ResourceId
                $PSCmdlet.WriteError((New-ApimErrorRecord -Message $message -ErrorId 'ApimNative.ResourceIdParseFailed' -TargetObject $ResourceId))
                return
            }
            if ($BackendId -and $BackendId -ne $parsed['BackendId']) {
                $message = "BackendId '{0}' contradicts the backend '{1}' named by ResourceId." -f $BackendId, $parsed['BackendId']
                $PSCmdlet.WriteError((New-ApimErrorRecord -Message $message -ErrorId 'ApimNative.ResourceIdParseFailed' -TargetObject $ResourceId))
                return
            }
            $backendContext = New-ApimContextObject -ResourceGroupName $parsed['ResourceGroupName'] -ServiceName $parsed['ServiceName'] -SubscriptionId $parsed['SubscriptionId'] -Endpoint $parsed['Endpoint'] -WorkspaceId $parsed['WorkspaceId']
            $id = $parsed['BackendId']
            $parameters = @{ Context = $backendContext; BackendId = $id }
        }

        $client = Get-ApimNativeClient -Cmdlet $PSCmdlet -Endpoint ([string]$backendContext.Endpoint) -ApiVersion ([string]$backendContext.ApiVersion)
        # The library follows every page of a list in one call; the progress bar stands while it does.
        $listing = -not $PSBoundParameters.ContainsKey('BackendId') -and $PSCmdlet.ParameterSetName -eq 'ContextParameterSet'
        if ($listing) {
            $activity = 'Listing the backends of API Management service {0}' -f $backendContext.ServiceName
            Write-Progress -Activity $activity -Status 'Reading every page'
        }
        try {
            # The interop writes the objects itself; what is left (an error, -Verbose/-Debug lines) Invoke-ApimNativeCmdlet finishes.
            $ApimAnswer = [ApimNative.Interop]::Run($PSCmdlet, $client, 'cmdlet_backend_get', $parameters)
            if ($null -ne $ApimAnswer) {
                Invoke-ApimNativeCmdlet -Cmdlet $PSCmdlet -Answer $ApimAnswer -TargetObject $id
            }
        }
        finally {
            if ($listing) {
                Write-Progress -Activity $activity -Completed
            }
        }
    }
}
