//! The six Microsoft Graph identity API connector operations, each `(client, request_json,
//! out_json)`.
//!
//! `request_json` is `{"id":"...","ifMatch":"...","body":{...wire identityApiConnector...}}`;
//! list takes `filter`, `top`, `skip`, `search`, `orderBy`, `select`, `expand`, `count`,
//! `maxItems`, `onePage` and `nextLink` instead. Validation and HTTP live in the core
//! (`client::api_connector`); this file only decodes, blocks and encodes; entities pass through as
//! the service's JSON text (`RawJson`).

use super::operation::client_task;
use super::client::ApimClientHandle;
use super::status::ApimStatus;
use crate::client::api_connector::ApiConnectorRequest;
use crate::client::RawJson;
use std::ffi::c_char;

/// Creates an API connector (Graph POST /identity/apiConnectors). `request_json` needs `body`:
/// an identityApiConnector with `displayName`, `targetUrl` and `authenticationConfiguration`
/// (`#microsoft.graph.basicAuthentication` or `#microsoft.graph.pkcs12Certificate`; the `#` is
/// optional). The body is validated before anything is sent.
///
/// On `APIM_STATUS_OK`, `*out_json` is `{"status":201,"etag":...,"body":{...created connector,
/// password shown as "******"...},"exchanges":[...]}`; otherwise the error JSON (validation
/// errors list every field's JSON path; passwords and PFX contents never appear).
/// `*out_json` is always set unless `out_json` is NULL; free it with `apim_string_free`.
/// NULL `client` or `request_json` returns `APIM_STATUS_NULL_ARGUMENT`.
/// Threads: any number of threads may use one client at once. Blocks until done, cancelled
/// (`apim_client_cancel`) or timed out.
#[no_mangle]
pub unsafe extern "C" fn apim_api_connector_create(
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { client_task("apim_api_connector_create", client, request_json, out_json, |c, r: ApiConnectorRequest| async move { c.api_connector_create_as::<RawJson>(&r).await }) }
}

/// Gets one API connector (Graph GET). `request_json` needs `id`; `select` and `expand` are
/// optional. On success `*out_json` is `{"status":200,"etag":...,"body":{...},"exchanges":[...]}`;
/// an unknown id is `APIM_STATUS_ERROR` with `code` `Request_ResourceNotFound` and `httpStatus` 404.
/// Ownership, NULL handling and threads as for `apim_api_connector_create`.
#[no_mangle]
pub unsafe extern "C" fn apim_api_connector_get(
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { client_task("apim_api_connector_get", client, request_json, out_json, |c, r: ApiConnectorRequest| async move { c.api_connector_get_as::<RawJson>(&r).await }) }
}

/// Lists API connectors, following `@odata.nextLink` to the end. Optional: `filter`, `search`,
/// `orderBy`, `select`, `expand` (strings or lists), `top` (page size, 1..999), `skip`, `count`
/// (true asks for the total), `maxItems` (stop after that many), `onePage` (return one page and
/// its `nextLink`) and `nextLink` (continue from a link).
/// On success `*out_json` is `{"value":[...],"nextLink":null,"count":N,"exchanges":[...]}`.
/// Ownership, NULL handling and threads as for `apim_api_connector_create`.
#[no_mangle]
pub unsafe extern "C" fn apim_api_connector_list(
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { client_task("apim_api_connector_list", client, request_json, out_json, |c, r: ApiConnectorRequest| async move { c.api_connector_list(&r).await }) }
}

/// Updates an API connector (Graph PATCH). `request_json` needs `id` and `body` (any of
/// `displayName`, `targetUrl`, `authenticationConfiguration`; a pkcs12Certificate replaces the
/// whole configuration); `ifMatch` makes it conditional. On success `*out_json` is
/// `{"status":204,"etag":...,"body":null,"exchanges":[...]}`.
/// Ownership, NULL handling and threads as for `apim_api_connector_create`.
#[no_mangle]
pub unsafe extern "C" fn apim_api_connector_update(
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { client_task("apim_api_connector_update", client, request_json, out_json, |c, r: ApiConnectorRequest| async move { c.api_connector_update_as::<RawJson>(&r).await }) }
}

/// Deletes an API connector (Graph DELETE). `request_json` needs `id`; `ifMatch` ("*" or an
/// ETag) makes it conditional (a stale ETag is `httpStatus` 412). On success `*out_json` is
/// `{"status":204,"etag":null,"body":null,"exchanges":[...]}`.
/// Ownership, NULL handling and threads as for `apim_api_connector_create`.
#[no_mangle]
pub unsafe extern "C" fn apim_api_connector_delete(
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe { client_task("apim_api_connector_delete", client, request_json, out_json, |c, r: ApiConnectorRequest| async move { c.api_connector_delete_as::<RawJson>(&r).await }) }
}

/// Adds a client certificate to an API connector (Graph POST .../uploadClientCertificate).
/// `request_json` needs `id` and `body` `{"pkcs12Value":"<base64 PFX>","password":"<or \"\">"}`.
/// On success `*out_json` is `{"status":200,...,"body":{...connector with
/// clientCertificateAuthentication.certificateList...}}`; a wrong password or an unreadable PFX
/// is answered by the service: `APIM_STATUS_ERROR` with `httpStatus` 400 naming `password` or
/// `pkcs12Value` (the values never appear), like every error the service answers.
/// Ownership, NULL handling and threads as for `apim_api_connector_create`.
#[no_mangle]
pub unsafe extern "C" fn apim_api_connector_upload_client_certificate(
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: the caller's pointers are checked inside; see the contract above.
    unsafe {
        client_task("apim_api_connector_upload_client_certificate", client, request_json, out_json, |c, r: ApiConnectorRequest| async move {
            c.api_connector_upload_client_certificate_as::<RawJson>(&r).await
        })
    }
}
