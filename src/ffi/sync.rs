//! Backends and API connectors as files, each `(client, request_json, out_json)`:
//! `apim_backend_export`, `apim_backend_plan`, `apim_backend_sync` and the
//! `apim_api_connector_*` equivalents. Plan, diff, ordering, secrets and the bulk executor live
//! in the core (`sync`); this file only decodes, blocks and encodes.

use super::boundary::block_on;
use super::client::ApimClientHandle;
use super::operation::client_operation;
use super::status::ApimStatus;
use crate::sync::api_connector::{self, ApiConnectorSyncRequest};
use crate::sync::backend::{self, BackendSyncRequest};
use crate::sync::dry_run;
use std::ffi::c_char;

/// Writes one `<backendId>.json` per backend of a service (or workspace) into a directory: the
/// wire `properties`, keys sorted, LF, a trailing newline. Secrets (authorization parameter,
/// proxy password, credential header and query values) are written as `{{secret:NAME}}`
/// placeholders unless `includeSecret` is true. `request_json`: `resourceGroupName`,
/// `serviceName`, optional `subscriptionId`, `workspaceId`, and `path`; optional `backendIds`.
/// On success `*out_json` is `{"files":[{"backendId":"b1","path":"..."}]}`.
/// `*out_json` is always set unless `out_json` is NULL; free it with `apim_string_free`.
/// NULL `client` or `request_json` returns `APIM_STATUS_NULL_ARGUMENT`. Any thread; blocks.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_export(client: *const ApimClientHandle, request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { client_operation("apim_backend_export", client, request_json, out_json, |c, r: &BackendSyncRequest| block_on(backend::export(c, r))?) }
}

/// Compares a directory of backend files with the service and returns the plan, reading only:
/// `{"items":[{"backendId","action":"Create|Update|Delete|NoChange","etag","changes":[{"path",
/// "kind","secret","old","new"}],"secrets":[{"path","state"}],"phase","dependsOn"}]}`. A secret
/// shows as changed or unchanged, never its value. `request_json` as for `apim_backend_export`
/// plus `prune`, `secrets` (placeholder name -> value) and `useEnvironment` (default true:
/// `APIM_NATIVE_SECRET_<NAME>`). An unresolved placeholder, an invalid file or a pool member
/// found neither in the files nor on the service is an error, and nothing is read or written.
/// With `fromEndpoint` (a loopback emulator, see `apim_backend_mirror`) instead of `path`, the
/// desired state is that emulator's backends at the same address (a dry run).
/// Ownership, NULL handling and threads as for `apim_backend_export`.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_plan(client: *const ApimClientHandle, request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { client_operation("apim_backend_plan", client, request_json, out_json, |c, r: &BackendSyncRequest| block_on(backend::plan(c, r))?) }
}

/// Applies a directory of backend files: plans as `apim_backend_plan`, then writes single
/// backends, then pools, then deletes, each Update/Delete with If-Match set to the ETag read
/// (or given in `plan`, an approved plan's items), with at most `throttleLimit` (default 8)
/// writes in flight paced to `writeBurst` (200) and `writesPerSecond` (10). A failed write is
/// reported for its backend and the others go on. On success `*out_json` is
/// `{"results":[{"backendId","action","outcome":"Succeeded|Failed|Skipped|NoChange",
/// "httpStatus","etag","changes","error"}],"succeeded":N,"failed":N,"skipped":N,"unchanged":N}`.
/// Ownership, NULL handling and threads as for `apim_backend_export`.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_sync(client: *const ApimClientHandle, request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { client_operation("apim_backend_sync", client, request_json, out_json, |c, r: &BackendSyncRequest| block_on(backend::sync(c, r))?) }
}

/// Copies a service's backends (reads only) into the emulator at `toEndpoint` (loopback only),
/// at the same address, every secret replaced by its placeholder: the first step of a dry run.
/// `apim_backend_plan` with `fromEndpoint` (and `prune`) then plans the emulator's state against
/// the service, a placeholder still in the emulator standing for the service's unchanged secret.
/// `request_json`: the address of `apim_backend_export` and `toEndpoint`. On success
/// `*out_json` is `{"backendIds":["b1",...]}`.
/// Ownership, NULL handling and threads as for `apim_backend_export`.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_mirror(client: *const ApimClientHandle, request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { client_operation("apim_backend_mirror", client, request_json, out_json, |c, r: &BackendSyncRequest| block_on(dry_run::mirror(c, r))?) }
}

/// Writes one `<displayName>.json` per identity API connector (the wire object without `id`;
/// secrets always as placeholders, since Graph never returns them). `request_json`: `path`,
/// optional `displayNames`. On success `*out_json` is `{"files":[{"displayName","id","path"}]}`.
/// Ownership, NULL handling and threads as for `apim_backend_export`.
#[no_mangle]
pub unsafe extern "C" fn apim_api_connector_export(client: *const ApimClientHandle, request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { client_operation("apim_api_connector_export", client, request_json, out_json, |c, r: &ApiConnectorSyncRequest| Ok(serde_json::json!({"files": block_on(api_connector::export(c, r))??}))) }
}

/// Compares a directory of API connector files with the tenant (reads only):
/// `{"items":[{"displayName","id","action","etag","changes","secrets"}]}`. Secrets cannot be
/// compared (Graph never returns them): their state is `NotComparable` unless they will be sent.
/// `request_json`: `path`, optional `prune`, `rotateSecrets`, `secrets`, `useEnvironment`.
/// Ownership, NULL handling and threads as for `apim_backend_export`.
#[no_mangle]
pub unsafe extern "C" fn apim_api_connector_plan(client: *const ApimClientHandle, request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { client_operation("apim_api_connector_plan", client, request_json, out_json, |c, r: &ApiConnectorSyncRequest| block_on(api_connector::plan(c, r))?) }
}

/// Applies a directory of API connector files as `apim_backend_sync` does for backends
/// (approved `plan` items are keyed by `displayName`). Results carry `displayName` and `id`.
/// Ownership, NULL handling and threads as for `apim_backend_export`.
#[no_mangle]
pub unsafe extern "C" fn apim_api_connector_sync(client: *const ApimClientHandle, request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { client_operation("apim_api_connector_sync", client, request_json, out_json, |c, r: &ApiConnectorSyncRequest| block_on(api_connector::sync(c, r))?) }
}
