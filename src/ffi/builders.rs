//! The wire-level builders: each takes the wire form of one backend part (credentials, proxy, tls,
//! ...), validates and normalises it with the model's rules, and returns
//! `{"body":{...normalised wire object...}}`. No client, no network. The module's
//! `New-AzApiManagementBackend*` builder cmdlets use the cmdlet functions (`apim_cmdlet_backend_*_new`
//! in cmdlet_backend.rs), which take the cmdlets' parameters; these stay for C callers that hold
//! wire JSON.

use super::boundary::{self, json_arg};
use super::status::ApimStatus;
use crate::model::{circuit_breaker, credentials, pool, proxy, service_fabric, tls, ApimError};
use serde::Serialize;
use serde_json::{json, Value};
use std::ffi::c_char;

/// The shared body of every builder.
///
/// # Safety
/// `request_json` is NULL or a NUL-terminated string valid for this call.
unsafe fn build<T: Serialize>(
    function: &'static str,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
    check: fn(&Value) -> Result<T, ApimError>,
) -> ApimStatus {
    boundary::run(function, out_json, || {
        // SAFETY: forwarded from the caller's contract above.
        let object: Value = unsafe { json_arg(request_json, "request_json") }?;
        let normalised = check(&object)?;
        boundary::to_json(&json!({ "body": normalised }))
    })
}

/// Validates and normalises backend credentials (`properties.credentials`), e.g.
/// `{"authorization":{"scheme":"Basic","parameter":"..."},"header":{"x-key":["a"]},
///   "query":{"sv":["a"]},"certificateIds":[...]}`.
///
/// On `APIM_STATUS_OK`, `*out_json` is `{"body":{...}}`; on `APIM_STATUS_INVALID_ARGUMENT` it is a
/// `ValidationError` whose `details[].target` are paths relative to the object. Secret values
/// never appear in errors. `*out_json` is always set unless `out_json` is NULL; free it with
/// `apim_string_free`. NULL `request_json` returns `APIM_STATUS_NULL_ARGUMENT`.
/// Threads: any; no shared state.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_credential_new(request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { build("apim_backend_credential_new", request_json, out_json, credentials::check_credentials) }
}

/// Validates and normalises a backend proxy (`properties.proxy`):
/// `{"url":"http://proxy:8080","username":"...","password":"..."}`.
/// Output, errors, ownership, NULL handling and threads as for `apim_backend_credential_new`.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_proxy_new(request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { build("apim_backend_proxy_new", request_json, out_json, proxy::check_proxy) }
}

/// Validates and normalises a Service Fabric cluster description
/// (`properties.properties.serviceFabricCluster`): `managementEndpoints`, `clientCertificateId`
/// or `clientCertificatethumbprint`, `serverCertificateThumbprints`, `serverX509Names`,
/// `maxPartitionResolutionRetries`.
/// Output, errors, ownership, NULL handling and threads as for `apim_backend_credential_new`.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_service_fabric_new(request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { build("apim_backend_service_fabric_new", request_json, out_json, service_fabric::check_service_fabric) }
}

/// Validates and normalises backend TLS settings (`properties.tls`):
/// `{"validateCertificateChain":true,"validateCertificateName":true, ...}`.
/// Output, errors, ownership, NULL handling and threads as for `apim_backend_credential_new`.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_tls_new(request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { build("apim_backend_tls_new", request_json, out_json, tls::check_tls) }
}

/// Validates and normalises one member of a load-balanced pool (`properties.pool.services[]`):
/// `{"id":"/subscriptions/.../backends/b1","priority":1,"weight":3}`.
/// Output, errors, ownership, NULL handling and threads as for `apim_backend_credential_new`.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_pool_item_new(request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { build("apim_backend_pool_item_new", request_json, out_json, pool::check_pool_item) }
}

/// Validates and normalises a load-balanced pool (`properties.pool`): `{"services":[...]}`.
/// Output, errors, ownership, NULL handling and threads as for `apim_backend_credential_new`.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_pool_new(request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { build("apim_backend_pool_new", request_json, out_json, pool::check_pool) }
}

/// Validates and normalises one circuit breaker rule (`properties.circuitBreaker.rules[]`):
/// `{"name":"r1","failureCondition":{"count":3,"interval":"PT1H","statusCodeRanges":[...]},
///   "tripDuration":"PT1H","acceptRetryAfter":true}`.
/// Output, errors, ownership, NULL handling and threads as for `apim_backend_credential_new`.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_circuit_breaker_rule_new(request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { build("apim_backend_circuit_breaker_rule_new", request_json, out_json, circuit_breaker::check_circuit_breaker_rule) }
}
