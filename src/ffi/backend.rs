//! The seven ARM backend operations, each `(client, request_json, out_json)`.
//!
//! `request_json` is the backend address plus the wire body, e.g.
//! `{"subscriptionId":"...","resourceGroupName":"rg1","serviceName":"apimService1",
//!   "backendId":"b1","ifMatch":"*","body":{"properties":{...}}}`; list also takes `filter`,
//! `top`, `skip`, `onePage` and `nextLink`. Validation and HTTP live in the core
//! (`client::backends`); this file only decodes, blocks and encodes.

use super::boundary::{self, block_on, handle_ref, json_arg};
use super::status::ApimStatus;
use crate::client::backends::BackendRequest;
use super::client::ApimClientHandle;
use crate::client::ApimClient;
use crate::model::ApimError;
use std::ffi::c_char;

#[derive(Clone, Copy)]
enum BackendOp {
    CreateOrUpdate,
    Get,
    GetEntityTag,
    List,
    Update,
    Delete,
    Reconnect,
}

/// The shared body of every backend entry point.
///
/// # Safety
/// `client` is NULL or a live client; `request_json` is NULL or a NUL-terminated string.
unsafe fn call(
    function: &'static str,
    op: BackendOp,
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    boundary::run(function, out_json, || {
        // SAFETY: forwarded from the caller's contract above.
        let client = unsafe { handle_ref(client, "client") }?;
        // SAFETY: as above.
        let request: BackendRequest = unsafe { json_arg(request_json, "request_json") }?;
        dispatch(client.core(), op, &request)
    })
}

fn dispatch(client: &ApimClient, op: BackendOp, request: &BackendRequest) -> Result<String, ApimError> {
    let one = |result: Result<crate::client::OperationResult, ApimError>| boundary::to_json(&result?);
    match op {
        BackendOp::CreateOrUpdate => one(block_on(client.backend_create_or_update(request))?),
        BackendOp::Get => one(block_on(client.backend_get(request))?),
        BackendOp::GetEntityTag => one(block_on(client.backend_get_entity_tag(request))?),
        BackendOp::List => boundary::to_json(&block_on(client.backend_list(request))??),
        BackendOp::Update => one(block_on(client.backend_update(request))?),
        BackendOp::Delete => one(block_on(client.backend_delete(request))?),
        BackendOp::Reconnect => one(block_on(client.backend_reconnect(request))?),
    }
}

/// Creates a backend or replaces it (ARM PUT). `request_json` needs `resourceGroupName`,
/// `serviceName`, `backendId` and `body` (a BackendContract in wire form); `ifMatch` ("*" or an
/// ETag) makes the replace conditional. The body is validated before anything is sent.
/// Every backend function also takes an optional `workspaceId` (api-version
/// 2025-03-01-preview): the backends of that workspace of the service instead of the service's
/// own (`.../service/{serviceName}/workspaces/{workspaceId}/backends/{backendId}`).
///
/// On `APIM_STATUS_OK`, `*out_json` is `{"status":201|200,"etag":"\"...\"","body":{...},
/// "exchanges":[...]}`; otherwise the error JSON (validation errors list every field's JSON path).
/// A request refused before sending is `APIM_STATUS_INVALID_ARGUMENT`; an error answered by the
/// service, a 400 `ValidationError` included, is `APIM_STATUS_ERROR` with its `httpStatus`.
/// `*out_json` is always set unless `out_json` is NULL; free it with `apim_string_free`.
/// NULL `client` or `request_json` returns `APIM_STATUS_NULL_ARGUMENT`.
/// Threads: any number of threads may use one client at once. Blocks until done, cancelled
/// (`apim_client_cancel`) or timed out.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_create_or_update(
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { call("apim_backend_create_or_update", BackendOp::CreateOrUpdate, client, request_json, out_json) }
}

/// Gets one backend (ARM GET). `request_json` needs `resourceGroupName`, `serviceName` and
/// `backendId`. On success `*out_json` is `{"status":200,"etag":...,"body":{...},"exchanges":[...]}`;
/// a missing backend is `APIM_STATUS_ERROR` with `code` `ResourceNotFound` and `httpStatus` 404.
/// Ownership, NULL handling and threads as for `apim_backend_create_or_update`.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_get(
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { call("apim_backend_get", BackendOp::Get, client, request_json, out_json) }
}

/// Gets only a backend's entity tag (ARM HEAD). `request_json` as for `apim_backend_get`.
/// On success `*out_json` is `{"status":200,"etag":"\"...\"","body":null,"exchanges":[...]}`.
/// Ownership, NULL handling and threads as for `apim_backend_create_or_update`.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_get_entity_tag(
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { call("apim_backend_get_entity_tag", BackendOp::GetEntityTag, client, request_json, out_json) }
}

/// Lists the backends of a service (or, with `workspaceId`, of one workspace; neither list shows
/// the other's backends). `request_json` needs `resourceGroupName` and `serviceName`;
/// optional `filter` (OData `$filter`), `top`, `skip`, `onePage` (return one page and its
/// `nextLink` instead of following every page) and `nextLink` (continue from a link).
/// On success `*out_json` is `{"value":[...],"nextLink":null,"count":N,"exchanges":[...]}`.
/// Ownership, NULL handling and threads as for `apim_backend_create_or_update`.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_list(
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { call("apim_backend_list", BackendOp::List, client, request_json, out_json) }
}

/// Updates some properties of a backend (ARM PATCH). `request_json` needs `resourceGroupName`,
/// `serviceName`, `backendId`, `ifMatch` ("*" or the ETag from a get; a stale ETag is
/// `PreconditionFailed`, 412) and `body` (BackendUpdateParameters in wire form). Without
/// `ifMatch` the call is `APIM_STATUS_INVALID_ARGUMENT` with `target` `ifMatch` and nothing is
/// sent (pass "*" for an unconditional update).
/// On success `*out_json` is `{"status":200,"etag":...,"body":{...updated backend...},"exchanges":[...]}`.
/// Ownership, NULL handling and threads as for `apim_backend_create_or_update`.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_update(
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { call("apim_backend_update", BackendOp::Update, client, request_json, out_json) }
}

/// Deletes a backend (ARM DELETE). `request_json` needs `resourceGroupName`, `serviceName`,
/// `backendId` and `ifMatch` ("*" or an ETag; without it the call is
/// `APIM_STATUS_INVALID_ARGUMENT` with `target` `ifMatch` and nothing is sent). On success
/// `*out_json` is `{"status":200|204,"etag":null,"body":null,"exchanges":[...]}`; a specific
/// ETag on a backend that does not exist is `PreconditionFailed` (412).
/// Ownership, NULL handling and threads as for `apim_backend_create_or_update`.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_delete(
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { call("apim_backend_delete", BackendOp::Delete, client, request_json, out_json) }
}

/// Asks the gateways to reconnect to a Service Fabric backend (ARM POST .../reconnect).
/// `request_json` needs `resourceGroupName`, `serviceName`, `backendId`; optional `body`
/// `{"properties":{"after":"PT2M"}}` (an ISO-8601 duration). On success `*out_json` is
/// `{"status":202,...}`. Workspaces have no reconnect: a `workspaceId` is
/// `APIM_STATUS_INVALID_ARGUMENT`.
/// Ownership, NULL handling and threads as for `apim_backend_create_or_update`.
#[no_mangle]
pub unsafe extern "C" fn apim_backend_reconnect(
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { call("apim_backend_reconnect", BackendOp::Reconnect, client, request_json, out_json) }
}
