//! The seven ARM backend operations, each `(client, request_json, out_json)`.
//!
//! `request_json` is the backend address plus the wire body, e.g.
//! `{"subscriptionId":"...","resourceGroupName":"rg1","serviceName":"apimService1",
//!   "backendId":"b1","ifMatch":"*","body":{"properties":{...}}}`; list also takes `filter`,
//! `top`, `skip`, `onePage` and `nextLink`. Validation and HTTP live in the core
//! (`client::backend`); this file only decodes, blocks and encodes. Entities pass through as the
//! service's JSON text (`RawJson`): parsing them only to write them out again cost a sixth of a GET.

use super::boundary::json_arg_body_text;
use super::operation::{client_task, client_task_decoded};
use super::status::ApimStatus;
use crate::client::backend::BackendRequest;
use crate::client::RawJson;
use super::client::ApimClientHandle;
use std::ffi::c_char;

/// A PUT's or PATCH's `request_json` with its body kept as the caller's text, which the core
/// checks without building a `Value` (see `boundary::json_arg_body_text`).
///
/// # Safety
/// As `boundary::utf8_arg`.
unsafe fn request_with_body_text(request_json: *const c_char, name: &str) -> Result<BackendRequest, crate::model::ApimError> {
    // SAFETY: forwarded to the caller.
    let (mut request, text) = unsafe { json_arg_body_text::<BackendRequest>(request_json, name) }?;
    request.body_text = text;
    Ok(request)
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
    unsafe {
        client_task_decoded("apim_backend_create_or_update", client, request_json, out_json, request_with_body_text, |c, r| async move {
            c.backend_create_or_update_as::<RawJson>(&r).await
        })
    }
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
    unsafe { client_task("apim_backend_get", client, request_json, out_json, |c, r: BackendRequest| async move { c.backend_get_as::<RawJson>(&r).await }) }
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
    unsafe { client_task("apim_backend_get_entity_tag", client, request_json, out_json, |c, r: BackendRequest| async move { c.backend_get_entity_tag(&r).await }) }
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
    unsafe { client_task("apim_backend_list", client, request_json, out_json, |c, r: BackendRequest| async move { c.backend_list(&r).await }) }
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
    unsafe {
        client_task_decoded("apim_backend_update", client, request_json, out_json, request_with_body_text, |c, r| async move {
            c.backend_update_as::<RawJson>(&r).await
        })
    }
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
    unsafe { client_task("apim_backend_delete", client, request_json, out_json, |c, r: BackendRequest| async move { c.backend_delete_as::<RawJson>(&r).await }) }
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
    unsafe { client_task("apim_backend_reconnect", client, request_json, out_json, |c, r: BackendRequest| async move { c.backend_reconnect_as::<RawJson>(&r).await }) }
}
