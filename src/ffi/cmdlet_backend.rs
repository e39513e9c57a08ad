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

use super::boundary::block_on;
use super::client::ApimClientHandle;
use super::cmdlet::{cmdlet_builder, cmdlet_operation};
use super::status::ApimStatus;
use crate::cmdlet::{backend_credential, backend_operations};
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

// The network cmdlets: `(client, parameters_json, out_json)`. Each runs as one library operation
// (Set's read-merge-write, the list's pages) and blocks until done, cancelled
// (`apim_client_cancel`) or timed out; any number of threads may use one client at once. A
// parameter refused before anything is sent is `APIM_STATUS_INVALID_ARGUMENT`, an error the
// service answered `APIM_STATUS_ERROR` with its `httpStatus`. An error's `message` and details
// keep the wire paths (`properties.title`); its `shown` member, when present, has the same
// messages in the cmdlet's parameter names (`-Title`) for display. NULL `client` or `parameters_json`
// returns `APIM_STATUS_NULL_ARGUMENT`. Each `*_should_process` answers, without any request,
// `{"output":[{"Target":"backend 'id' (METHOD url)","Action":"...","BackendId":"id"}],"exchanges":[]}`
// for ShouldProcess, after the checks that need no service.

/// `New-AzApiManagementBackend`: `Context`, `BackendId` (absent: generated), `Url`, `Protocol`,
/// `ResourceId`, `Title`, `Description`, `SkipCertificateChainValidation`,
/// `SkipCertificateNameValidation`, `Credential`, `Proxy`, `ServiceFabricCluster`, `Type`, `Pool`,
/// `CircuitBreaker`, `Tls`, `AzureRegion`; PUT without If-Match; answers the `PsApiManagementBackend`.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_create_or_update(
    client: *const ApimClientHandle,
    parameters_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe {
        cmdlet_operation("apim_cmdlet_backend_create_or_update", client, parameters_json, out_json, |c, p| {
            block_on(backend_operations::create_or_update(c, p))?
        })
    }
}

/// `New-AzApiManagementBackend -WhatIf`: the PUT's target and the id it will use (pass it back as
/// `BackendId`). No request.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_create_or_update_should_process(
    client: *const ApimClientHandle,
    parameters_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_backend_create_or_update_should_process", client, parameters_json, out_json, backend_operations::create_or_update_should_process) }
}

/// `Get-AzApiManagementBackend`: `Context`, `BackendId` (absent: the list), `Filter`, `Top`, `Skip`;
/// answers one backend with its ETag, or every backend of every page (their common `Context`
/// written once in `shared`, each backend holding `{"PSShared":0}`).
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_get(
    client: *const ApimClientHandle,
    parameters_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_backend_get", client, parameters_json, out_json, |c, p| block_on(backend_operations::get(c, p))?) }
}

/// `Set-AzApiManagementBackend`: `Context` and `BackendId`, or `InputObject` (a backend object whose
/// values are the starting point), the fields of New, `IfMatch`, `PassThru`; one PATCH (after a read
/// of the TLS flags when only one Skip flag is given), answers the backend with `PassThru`.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_update(
    client: *const ApimClientHandle,
    parameters_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_backend_update", client, parameters_json, out_json, |c, p| block_on(backend_operations::update(c, p))?) }
}

/// `Set-AzApiManagementBackend -WhatIf`: the PATCH's target. No request, not even the TLS read.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_update_should_process(
    client: *const ApimClientHandle,
    parameters_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_backend_update_should_process", client, parameters_json, out_json, backend_operations::update_should_process) }
}

/// `Remove-AzApiManagementBackend`: `Context`, `BackendId`, `IfMatch` (absent: `*`), `PassThru`
/// (answers `true`).
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_delete(
    client: *const ApimClientHandle,
    parameters_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_backend_delete", client, parameters_json, out_json, |c, p| block_on(backend_operations::delete(c, p))?) }
}

/// `Remove-AzApiManagementBackend -WhatIf`: the DELETE's target. No request.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_delete_should_process(
    client: *const ApimClientHandle,
    parameters_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_backend_delete_should_process", client, parameters_json, out_json, backend_operations::delete_should_process) }
}

/// `Invoke-AzApiManagementBackendReconnect`: `Context` and `BackendId`, or `InputObject`; `After`
/// (a TimeSpan, at least two minutes), `PassThru` (answers `true`).
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_reconnect(
    client: *const ApimClientHandle,
    parameters_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_backend_reconnect", client, parameters_json, out_json, |c, p| block_on(backend_operations::reconnect(c, p))?) }
}

/// `Invoke-AzApiManagementBackendReconnect -WhatIf`: the POST's target, after the -After check.
/// No request.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_reconnect_should_process(
    client: *const ApimClientHandle,
    parameters_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_backend_reconnect_should_process", client, parameters_json, out_json, backend_operations::reconnect_should_process) }
}
