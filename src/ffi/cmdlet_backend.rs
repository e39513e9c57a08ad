//! The Az backend cmdlets (`New-/Get-/Set-/Remove-AzApiManagementBackend` and the builders of their
//! parameter objects), each `(parameters_json, out_json)` or `(client, parameters_json, out_json)`.
//!
//! `parameters_json` is the cmdlet's `$PSBoundParameters` as JSON, names as the cmdlet has them
//! (`{"AuthorizationHeaderScheme":"basic","Query":{"sv":["a"]}}`), with the conventions of
//! `crate::cmdlet` (PSTypeName objects, SecureString markers). On `APIM_STATUS_OK` `*out_json` is
//! `{"output":[<object>...],"exchanges":[...]}`, each object carrying its `PSTypeName`; otherwise
//! the error JSON, whose message names the cmdlet's parameters (`-AuthorizationHeaderParameter`)
//! while each detail's `target` keeps the wire path. Secret values never appear in errors.
//! `*out_json` is always set unless `out_json` is NULL; free it with `apim_string_free`.

use super::cmdlet::cmdlet_builder;
use super::status::ApimStatus;
use crate::cmdlet::backend_credential;
use std::ffi::c_char;

/// `New-AzApiManagementBackendCredential`: `CertificateThumbprint`, `CertificateId`, `Query`,
/// `Header`, `AuthorizationHeaderScheme`, `AuthorizationHeaderParameter`; answers one
/// `PsApiManagementBackendCredential`. No client, no request; an incomplete or invalid credential
/// is `APIM_STATUS_INVALID_ARGUMENT`. NULL `parameters_json` returns `APIM_STATUS_NULL_ARGUMENT`.
/// Threads: any; no shared state.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_credential_new(parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_builder("apim_cmdlet_backend_credential_new", parameters_json, out_json, backend_credential::new) }
}

/// `New-AzApiManagementBackendProxy`: `Url`, `ProxyCredential` (a PSCredential marker); answers one
/// `PsApiManagementBackendProxy` whose `ProxyCredentials` is a PSCredential marker (bare, meaning
/// `PSCredential.Empty`, without credentials). Errors, NULL handling and threads as for
/// `apim_cmdlet_backend_credential_new`; the password never appears in an error.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_proxy_new(parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_builder("apim_cmdlet_backend_proxy_new", parameters_json, out_json, crate::cmdlet::backend_proxy::new) }
}

/// `New-AzApiManagementBackendTls`: `SkipCertificateChainValidation`, `SkipCertificateNameValidation`,
/// `ServerCertificateThumbprint`, `ServerX509Name` (name -> issuer thumbprint, list or null); answers
/// one complete `ApimNative.BackendTls` (both validate flags set). Errors, NULL handling and threads
/// as for `apim_cmdlet_backend_credential_new`.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_tls_new(parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_builder("apim_cmdlet_backend_tls_new", parameters_json, out_json, crate::cmdlet::backend_tls::new) }
}

/// `New-AzApiManagementBackendServiceFabric`: `ManagementEndpoint`, `ClientCertificateThumbprint`,
/// `ClientCertificateId`, `MaxPartitionResolutionRetry`, `ServerX509Name`, `ServerCertificateThumbprint`;
/// answers one `PsApiManagementServiceFabric`. Errors, NULL handling and threads as for
/// `apim_cmdlet_backend_credential_new`.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_service_fabric_new(parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_builder("apim_cmdlet_backend_service_fabric_new", parameters_json, out_json, crate::cmdlet::backend_service_fabric::new) }
}

/// `New-AzApiManagementBackendCircuitBreakerRule`: `Name`, `FailureCount`, `FailurePercentage`,
/// `FailureInterval` and `TripDuration` (TimeSpan markers or ISO 8601 text), `FailureStatusCodeRange`
/// (`[{"Min":500,"Max":599}]`), `FailureErrorReason`, `AcceptRetryAfter`, `FailureResponseStatusCode`;
/// answers one `ApimNative.BackendCircuitBreakerRule` with TimeSpan markers. Errors, NULL handling
/// and threads as for `apim_cmdlet_backend_credential_new`.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_circuit_breaker_rule_new(parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe {
        cmdlet_builder("apim_cmdlet_backend_circuit_breaker_rule_new", parameters_json, out_json, crate::cmdlet::backend_circuit_breaker::new)
    }
}

/// `New-AzApiManagementBackendPoolItem`: `Id` or `Backend` (an object with an `Id`), `Priority`,
/// `Weight`, `PreferredCarbonEmission`; answers one `ApimNative.BackendPoolItem`. Errors, NULL
/// handling and threads as for `apim_cmdlet_backend_credential_new`.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_pool_item_new(parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_builder("apim_cmdlet_backend_pool_item_new", parameters_json, out_json, crate::cmdlet::backend_pool::new_item) }
}

/// `New-AzApiManagementBackendPool`: `Service` (every member, piped ones included, as
/// `ApimNative.BackendPoolItem` objects), `SessionIdSource`, `SessionIdName`,
/// `FailureResponseStatusCode`; answers one `ApimNative.BackendPool`. Errors, NULL handling and
/// threads as for `apim_cmdlet_backend_credential_new`.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_pool_new(parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_builder("apim_cmdlet_backend_pool_new", parameters_json, out_json, crate::cmdlet::backend_pool::new) }
}
