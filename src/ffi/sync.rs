//! Backends and API connectors as files, each `(client, request_json, out_json)`:
//! `apim_backend_export`, `apim_backend_plan`, `apim_backend_sync` and the
//! `apim_api_connector_*` equivalents. Plan, diff, ordering, secrets and the bulk executor live
//! in the core (`sync`); this file only decodes, blocks and encodes.

use super::boundary::{self, block_on, handle_ref, json_arg};
use super::client::ApimClientHandle;
use super::status::ApimStatus;
use crate::client::ApimClient;
use crate::model::ApimError;
use crate::sync::api_connector::{self, ApiConnectorSyncRequest};
use crate::sync::backend::{self, BackendSyncRequest};
use std::ffi::c_char;

#[derive(Clone, Copy)]
enum SyncOp {
    BackendExport,
    BackendPlan,
    BackendSync,
    BackendMirror,
    ApiConnectorExport,
    ApiConnectorPlan,
    ApiConnectorSync,
}

/// The shared body of every entry point here.
///
/// # Safety
/// `client` is NULL or a live client; `request_json` is NULL or a NUL-terminated string.
unsafe fn call(function: &'static str, op: SyncOp, client: *const ApimClientHandle, request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    boundary::run(function, out_json, || {
        // SAFETY: forwarded from the caller's contract above.
        let client = unsafe { handle_ref(client, "client") }?;
        let core = client.core();
        match op {
            SyncOp::BackendExport | SyncOp::BackendPlan | SyncOp::BackendSync | SyncOp::BackendMirror => {
                // SAFETY: as above.
                let request: BackendSyncRequest = unsafe { json_arg(request_json, "request_json") }?;
                backend(core, op, &request)
            }
            _ => {
                // SAFETY: as above.
                let request: ApiConnectorSyncRequest = unsafe { json_arg(request_json, "request_json") }?;
                api_connector(core, op, &request)
            }
        }
    })
}

fn backend(client: &ApimClient, op: SyncOp, request: &BackendSyncRequest) -> Result<String, ApimError> {
    match op {
        SyncOp::BackendExport => boundary::to_json(&block_on(backend::export(client, request))??),
        SyncOp::BackendPlan => boundary::to_json(&block_on(backend::plan(client, request))??),
        SyncOp::BackendMirror => boundary::to_json(&block_on(crate::sync::dry_run::mirror(client, request))??),
        _ => boundary::to_json(&block_on(backend::sync(client, request))??),
    }
}

fn api_connector(client: &ApimClient, op: SyncOp, request: &ApiConnectorSyncRequest) -> Result<String, ApimError> {
    match op {
        SyncOp::ApiConnectorExport => boundary::to_json(&serde_json::json!({"files": block_on(api_connector::export(client, request))??})),
        SyncOp::ApiConnectorPlan => boundary::to_json(&block_on(api_connector::plan(client, request))??),
        _ => boundary::to_json(&block_on(api_connector::sync(client, request))??),
    }
}

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
    unsafe { call("apim_backend_export", SyncOp::BackendExport, client, request_json, out_json) }
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
    unsafe { call("apim_backend_plan", SyncOp::BackendPlan, client, request_json, out_json) }
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
    unsafe { call("apim_backend_sync", SyncOp::BackendSync, client, request_json, out_json) }
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
    unsafe { call("apim_backend_mirror", SyncOp::BackendMirror, client, request_json, out_json) }
}

/// Writes one `<displayName>.json` per identity API connector (the wire object without `id`;
/// secrets always as placeholders, since Graph never returns them). `request_json`: `path`,
/// optional `displayNames`. On success `*out_json` is `{"files":[{"displayName","id","path"}]}`.
/// Ownership, NULL handling and threads as for `apim_backend_export`.
#[no_mangle]
pub unsafe extern "C" fn apim_api_connector_export(client: *const ApimClientHandle, request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { call("apim_api_connector_export", SyncOp::ApiConnectorExport, client, request_json, out_json) }
}

/// Compares a directory of API connector files with the tenant (reads only):
/// `{"items":[{"displayName","id","action","etag","changes","secrets"}]}`. Secrets cannot be
/// compared (Graph never returns them): their state is `NotComparable` unless they will be sent.
/// `request_json`: `path`, optional `prune`, `rotateSecrets`, `secrets`, `useEnvironment`.
/// Ownership, NULL handling and threads as for `apim_backend_export`.
#[no_mangle]
pub unsafe extern "C" fn apim_api_connector_plan(client: *const ApimClientHandle, request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { call("apim_api_connector_plan", SyncOp::ApiConnectorPlan, client, request_json, out_json) }
}

/// Applies a directory of API connector files as `apim_backend_sync` does for backends
/// (approved `plan` items are keyed by `displayName`). Results carry `displayName` and `id`.
/// Ownership, NULL handling and threads as for `apim_backend_export`.
#[no_mangle]
pub unsafe extern "C" fn apim_api_connector_sync(client: *const ApimClientHandle, request_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { call("apim_api_connector_sync", SyncOp::ApiConnectorSync, client, request_json, out_json) }
}
