// The cmdlets' output objects as declared .NET types of our own namespace (C# 5, .NET Standard 2.0).
//
// Why declared types and not PSCustomObjects: PowerShell adds a note property to a PSCustomObject
// at about 1 us each, so a list of 1,000 backends of twenty properties cost 20 ms in property adds
// alone, more than the whole Invoke-RestMethod loop it competes with; setting the properties of a
// class costs a tenth of that. Declared types also let Get-Member, help and tab completion know the
// properties. Each object is wrapped in a PSObject whose TypeNames start with the Az or Graph type
// name (the attribute below), so format views and [PSTypeName()] parameters keep working, and the
// classes never clash with Az's own types when Az is loaded in the same session.
//
// The library (src/cmdlet) names the properties; a class here only declares them. An answer whose
// members do not fit a class (a member it lacks, a value of another type) is read as a
// PSCustomObject instead, so nothing is lost; a Pester test proves every cmdlet's output fits.

using System;

namespace ApimNative.Models
{
    /// <summary>The PowerShell type name (PSTypeName) a declared output type stands for.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class PowerShellTypeNameAttribute : Attribute
    {
        public readonly string Name;

        public PowerShellTypeNameAttribute(string name)
        {
            Name = name;
        }
    }

    [PowerShellTypeName("Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext")]
    public sealed class PsApiManagementContext
    {
        public string ResourceGroupName { get; set; }
        public string ServiceName { get; set; }
        public string SubscriptionId { get; set; }
        public string Endpoint { get; set; }
        public string ApiVersion { get; set; }
        public string WorkspaceId { get; set; }
    }

    [PowerShellTypeName("Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend")]
    public sealed class PsApiManagementBackend
    {
        public string Id { get; set; }
        public string ResourceGroupName { get; set; }
        public string ServiceName { get; set; }
        public string SubscriptionId { get; set; }
        public string BackendId { get; set; }
        public string Type { get; set; }
        public string Protocol { get; set; }
        public string Url { get; set; }
        public string ResourceId { get; set; }
        public string Title { get; set; }
        public string Description { get; set; }
        public string AzureRegion { get; set; }
        public object Properties { get; set; }
        public object Tls { get; set; }
        public object Proxy { get; set; }
        public object Credentials { get; set; }
        public object ServiceFabricCluster { get; set; }
        public object Pool { get; set; }
        public object CircuitBreaker { get; set; }
        public string ETag { get; set; }
        public object Context { get; set; }
    }

    [PowerShellTypeName("Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential")]
    public sealed class PsApiManagementBackendCredential
    {
        public object Certificate { get; set; }
        public object CertificateIds { get; set; }
        public object Query { get; set; }
        public object Header { get; set; }
        public object Authorization { get; set; }
    }

    [PowerShellTypeName("Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementAuthorizationHeaderCredential")]
    public sealed class PsApiManagementAuthorizationHeaderCredential
    {
        public string Scheme { get; set; }
        public string Parameter { get; set; }
    }

    [PowerShellTypeName("Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendProxy")]
    public sealed class PsApiManagementBackendProxy
    {
        public string Url { get; set; }
        public object ProxyCredentials { get; set; }
    }

    [PowerShellTypeName("Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementServiceFabric")]
    public sealed class PsApiManagementServiceFabric
    {
        public string ClientCertificateThumbprint { get; set; }
        public string ClientCertificateId { get; set; }
        public object MaxPartitionResolutionRetries { get; set; }
        public object ManagementEndpoints { get; set; }
        public object ServerCertificateThumbprint { get; set; }
        public object ServerX509Names { get; set; }
    }

    [PowerShellTypeName("ApimNative.BackendTls")]
    public sealed class BackendTls
    {
        public object ValidateCertificateChain { get; set; }
        public object ValidateCertificateName { get; set; }
        public object ServerCertificateThumbprints { get; set; }
        public object ServerX509Names { get; set; }
    }

    [PowerShellTypeName("ApimNative.BackendCircuitBreakerRule")]
    public sealed class BackendCircuitBreakerRule
    {
        public string Name { get; set; }
        public object FailureCount { get; set; }
        public object FailurePercentage { get; set; }
        public object FailureInterval { get; set; }
        public object FailureStatusCodeRange { get; set; }
        public object FailureErrorReason { get; set; }
        public object TripDuration { get; set; }
        public object AcceptRetryAfter { get; set; }
        public object FailureResponseStatusCode { get; set; }
    }

    [PowerShellTypeName("ApimNative.BackendPool")]
    public sealed class BackendPool
    {
        public object Services { get; set; }
        public string SessionIdSource { get; set; }
        public string SessionIdName { get; set; }
        public object FailureResponseStatusCode { get; set; }
    }

    [PowerShellTypeName("ApimNative.BackendPoolItem")]
    public sealed class BackendPoolItem
    {
        public string Id { get; set; }
        public object Priority { get; set; }
        public object Weight { get; set; }
        public string PreferredCarbonEmission { get; set; }
    }

    [PowerShellTypeName("Microsoft.Graph.PowerShell.Models.MicrosoftGraphIdentityApiConnector")]
    public sealed class MicrosoftGraphIdentityApiConnector
    {
        public string Id { get; set; }
        public string DisplayName { get; set; }
        public string TargetUrl { get; set; }
        public object AuthenticationConfiguration { get; set; }
        public object AdditionalProperties { get; set; }
    }

    [PowerShellTypeName("Microsoft.Graph.PowerShell.Models.MicrosoftGraphApiAuthenticationConfigurationBase")]
    public sealed class MicrosoftGraphApiAuthenticationConfigurationBase
    {
        public object AdditionalProperties { get; set; }
    }

    // The "backends in git" cmdlets (src/cmdlet/sync_output.rs).

    [PowerShellTypeName("ApimNative.BackendPlan")]
    public sealed class BackendPlan
    {
        public string BackendId { get; set; }
        public string Action { get; set; }
        public string ETag { get; set; }
        public object Changes { get; set; }
        public object Secrets { get; set; }
        public object Phase { get; set; }
        public object DependsOn { get; set; }
        public string ShouldProcessTarget { get; set; }
        public string ShouldProcessAction { get; set; }
        public string ApprovalKey { get; set; }
    }

    [PowerShellTypeName("ApimNative.BackendSyncResult")]
    public sealed class BackendSyncResult
    {
        public string BackendId { get; set; }
        public string Action { get; set; }
        public string Outcome { get; set; }
        public object HttpStatus { get; set; }
        public string ETag { get; set; }
        public object Changes { get; set; }
        public object Error { get; set; }
    }

    [PowerShellTypeName("ApimNative.ExportedBackend")]
    public sealed class ExportedBackend
    {
        public string BackendId { get; set; }
        public string Path { get; set; }
    }

    [PowerShellTypeName("ApimNative.ApiConnectorPlan")]
    public sealed class ApiConnectorPlan
    {
        public string DisplayName { get; set; }
        public string Id { get; set; }
        public string Action { get; set; }
        public string ETag { get; set; }
        public object Changes { get; set; }
        public object Secrets { get; set; }
        public string ShouldProcessTarget { get; set; }
        public string ShouldProcessAction { get; set; }
        public string ApprovalKey { get; set; }
    }

    [PowerShellTypeName("ApimNative.ApiConnectorSyncResult")]
    public sealed class ApiConnectorSyncResult
    {
        public string DisplayName { get; set; }
        public string Id { get; set; }
        public string Action { get; set; }
        public string Outcome { get; set; }
        public object HttpStatus { get; set; }
        public object Changes { get; set; }
        public object Error { get; set; }
    }

    [PowerShellTypeName("ApimNative.ExportedApiConnector")]
    public sealed class ExportedApiConnector
    {
        public string DisplayName { get; set; }
        public string Id { get; set; }
        public string Path { get; set; }
    }

    [PowerShellTypeName("ApimNative.PropertyChange")]
    public sealed class PropertyChange
    {
        public string Path { get; set; }
        public string Kind { get; set; }
        public object Secret { get; set; }
        public object Old { get; set; }
        public object New { get; set; }
    }

    [PowerShellTypeName("ApimNative.SecretStatus")]
    public sealed class SecretStatus
    {
        public string Path { get; set; }
        public string State { get; set; }
    }

    [PowerShellTypeName("ApimNative.DryRunCopy")]
    public sealed class DryRunCopy
    {
        public object BackendIds { get; set; }
        public string Summary { get; set; }
    }
}
