function New-AzApiManagementContext {
    <#
    .SYNOPSIS
    Creates an instance of PsApiManagementContext.

    .DESCRIPTION
    Creates the context object that the backend cmdlets take as -Context: the resource group and
    service name of an API Management service, and (beyond Az) the subscription, the management
    endpoint and the api-version to call.

    Differences from Az.ApiManagement, on purpose:
    - -ResourceId keeps the subscription of the id (Az dropped it and used the current Az context).
    - A -ResourceId that is not the ARM id of an API Management service is an error
      (ApimNative.ResourceIdParseFailed, InvalidArgument); Az returned a context with empty names
      and failed later.
    - -SubscriptionId, -Endpoint, -ApiVersion and -WorkspaceId are new. Without -SubscriptionId the
      subscription chosen with Connect-ApimNative is used.

    .PARAMETER ResourceGroupName
    Name of the resource group under which the API Management service is deployed.

    .PARAMETER ServiceName
    Name of the API Management service.

    .PARAMETER ResourceId
    ARM resource id of the API Management service, for example
    /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1.
    The subscription in the id is kept. The id of a workspace of the service
    (.../service/{serviceName}/workspaces/{workspaceId}) gives a workspace context, as -WorkspaceId
    does. The id may start with an endpoint
    (https://management.azure.com/subscriptions/...), which then becomes the context's -Endpoint.

    .PARAMETER SubscriptionId
    Subscription of the service. Not in Az. Overrides the one from Connect-ApimNative; must agree
    with the subscription of -ResourceId when both are given.

    .PARAMETER Endpoint
    Management endpoint to call, for a sovereign cloud (https://management.usgovcloudapi.net) or the
    local emulator (http://127.0.0.1:PORT). Not in Az. Default: https://management.azure.com.

    .PARAMETER ApiVersion
    api-version to send, for services that enforce a minimum API version (Az issue #24940; Az
    hard-codes its SDK's version). Not in Az. Default: the native library's default
    (2025-03-01-preview). Older versions reject the fields they do not have (pools, circuit
    breakers, regions) before anything is sent.

    .PARAMETER WorkspaceId
    A workspace of the service (api-version 2025-03-01-preview). Not in Az. Every backend cmdlet
    given this context works on the backends of that workspace
    (.../service/{serviceName}/workspaces/{workspaceId}/backends/{backendId}) instead of the
    service's own; -WhatIf shows that URL. The id is 1-80 characters without * # & + : < > ?
    (the spec's rule), checked by the native library before anything is sent. Workspaces have no
    reconnect operation, so Invoke-AzApiManagementBackendReconnect refuses a workspace context.

    .PARAMETER DefaultProfile
    Accepted for scripts written for Az and not used: sign-in comes from Connect-ApimNative (see about_ApimNative).

    .EXAMPLE
    PS C:\> New-AzApiManagementContext -ResourceGroupName "ContosoResources" -ServiceName "Contoso"

    Creates a context for the service Contoso in the resource group ContosoResources.

    .EXAMPLE
    PS C:\> $apimContext = New-AzApiManagementContext -ResourceGroupName "Api-Default-WestUS" -ServiceName "contoso"

    The context used by the New-AzApiManagementBackend and Set-AzApiManagementBackend examples.

    .EXAMPLE
    PS C:\> New-AzApiManagementContext -ResourceId /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1

    Creates a context from an ARM id; SubscriptionId is 00000000-0000-0000-0000-000000000000.

    .EXAMPLE
    PS C:\> New-AzApiManagementContext -ResourceGroupName rg1 -ServiceName apimService1 -SubscriptionId 00000000-0000-0000-0000-000000000000 -Endpoint http://127.0.0.1:5000 -ApiVersion 2022-08-01

    Targets a local emulator with api-version 2022-08-01.

    .EXAMPLE
    PS C:\> $wks = New-AzApiManagementContext -ResourceGroupName rg1 -ServiceName apimService1 -WorkspaceId wks1
    PS C:\> New-AzApiManagementBackend -Context $wks -BackendId proxybackend -Url https://backendname2644/ -Protocol http

    Creates a backend in workspace wks1 (REST example ApiManagementCreateWorkspaceBackendProxyBackend,
    without the proxy and credentials); Get-, Set- and Remove-AzApiManagementBackend with the same
    context read, change and delete it there.

    .INPUTS
    System.String

    .OUTPUTS
    Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext

    .LINK
    https://learn.microsoft.com/powershell/module/az.apimanagement/new-azapimanagementcontext

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
    [CmdletBinding(DefaultParameterSetName = 'ContextParameterSet', PositionalBinding = $false)]
    [OutputType('Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext', [ApimNative.Models.PsApiManagementContext])]
    param (
        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [ValidateNotNullOrEmpty()]
        [string]
        $ResourceGroupName,

        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ContextParameterSet')]
        [ValidateNotNullOrEmpty()]
        [string]
        $ServiceName,

        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true, ParameterSetName = 'ResourceIdParameterSet')]
        [string]
        $ResourceId,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string]
        $SubscriptionId,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string]
        $Endpoint,

        [Parameter()]
        [ValidateSet('2021-08-01', '2022-08-01', '2024-05-01', '2025-03-01-preview')]
        [string]
        $ApiVersion,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string]
        $WorkspaceId,

        [Parameter()]
        [Alias('AzContext', 'AzureRmContext', 'AzureCredential')]
        [ApimNative.Models.IAzureContextContainer]
        $DefaultProfile
    )

    begin {
        . Use-ApimCallerPreference
    }

    process {
        $resourceGroup = $ResourceGroupName
        $service = $ServiceName
        $subscription = $SubscriptionId
        $managementEndpoint = $Endpoint
        $workspace = $WorkspaceId

        if ($PSCmdlet.ParameterSetName -eq 'ResourceIdParameterSet') {
            $address = ConvertFrom-ApimResourceId -ResourceId $ResourceId
            if ($null -eq $address) {
                $message = "ResourceId '{0}' is not the ARM id of an API Management service (/subscriptions/{{subscriptionId}}/resourceGroups/{{resourceGroupName}}/providers/Microsoft.ApiManagement/service/{{serviceName}})." -f $ResourceId
                $PSCmdlet.WriteError((New-ApimErrorRecord -Message $message -ErrorId 'ApimNative.ResourceIdParseFailed' -TargetObject $ResourceId))
                return
            }
            if ($SubscriptionId -and $SubscriptionId -ne $address['SubscriptionId']) {
                $message = "SubscriptionId '{0}' contradicts the subscription '{1}' in ResourceId." -f $SubscriptionId, $address['SubscriptionId']
                $PSCmdlet.WriteError((New-ApimErrorRecord -Message $message -ErrorId 'ApimNative.ResourceIdParseFailed' -TargetObject $ResourceId))
                return
            }
            if ($address['WorkspaceId']) {
                if ($WorkspaceId -and $WorkspaceId -ne $address['WorkspaceId']) {
                    $message = "WorkspaceId '{0}' contradicts the workspace '{1}' in ResourceId." -f $WorkspaceId, $address['WorkspaceId']
                    $PSCmdlet.WriteError((New-ApimErrorRecord -Message $message -ErrorId 'ApimNative.ResourceIdParseFailed' -TargetObject $ResourceId))
                    return
                }
                $workspace = $address['WorkspaceId']
            }
            $resourceGroup = $address['ResourceGroupName']
            $service = $address['ServiceName']
            $subscription = $address['SubscriptionId']
            if (-not $managementEndpoint -and $address['Endpoint']) {
                $managementEndpoint = $address['Endpoint']
            }
        }

        New-ApimContextObject -ResourceGroupName $resourceGroup -ServiceName $service -SubscriptionId $subscription -Endpoint $managementEndpoint -ApiVersion $ApiVersion -WorkspaceId $workspace
    }
}
