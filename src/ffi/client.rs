//! `ApimClient` handles: create, free, cancel in-flight calls.

use super::boundary::{self, handle_ref, json_arg, out_ptr};
use super::status::ApimStatus;
use crate::client::{ApimClient, ClientOptions};
use crate::model::ApimError;
use serde_json::json;
use std::ffi::c_char;
use std::sync::Arc;

/// A client: endpoints, api-version, retry policy, credentials and one HTTP connection pool.
/// Opaque to C (`ApimClient` in the header); made by `apim_client_new`, freed by
/// `apim_client_free`; one client may be used by any number of threads at once.
pub struct ApimClientHandle {
    /// Shared so that an operation can run as a task of its own on the runtime (`client_task`).
    client: Arc<ApimClient>,
}

impl ApimClientHandle {
    /// The safe core client behind the handle (for the resource files of this module).
    pub(crate) fn core(&self) -> &ApimClient {
        &self.client
    }

    /// The same client, for a task that outlives this borrow of the handle.
    pub(crate) fn shared(&self) -> Arc<ApimClient> {
        Arc::clone(&self.client)
    }
}

/// Creates a client from `options_json`, e.g.
/// `{"armEndpoint":"http://127.0.0.1:8080","apiVersion":"2025-03-01-preview",
///   "auth":{"kind":"token","token":"..."},"retry":{"maxAttempts":4},"timeoutSeconds":100}`
/// (every field optional: `{}` gives management.azure.com, the newest api-version and no
/// Authorization header). Nothing is sent over the network.
///
/// On `APIM_STATUS_OK`, `*out_client` receives a new client owned by the caller (free it with
/// `apim_client_free`) and `*out_json` a summary (`{"apiVersion":...,"armEndpoint":...,
/// "graphEndpoint":...}`; never the token). On failure `*out_client` is left untouched and
/// `*out_json` holds the error JSON (an unknown field or bad value names its JSON path).
/// `*out_json` is always set unless `out_json` is NULL; free it with `apim_string_free`.
/// NULL `options_json` or `out_client` returns `APIM_STATUS_NULL_ARGUMENT`.
/// Threads: any thread; the client may then be shared by any number of threads.
#[no_mangle]
pub unsafe extern "C" fn apim_client_new(
    options_json: *const c_char,
    out_client: *mut *mut ApimClientHandle,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    boundary::run("apim_client_new", out_json, || {
        let out_client = out_ptr(out_client, "out_client")?;
        // SAFETY: the caller passes NULL or a NUL-terminated string valid for this call.
        let options: ClientOptions = unsafe { json_arg(options_json, "options_json") }?;
        // Why enter: parts of the client (HTTP pools, timers) may need a runtime context to build.
        let _runtime = crate::runtime::runtime().enter();
        let client = ApimClient::new(options)?;
        // SAFETY: checked non-NULL; the caller promises writable storage for one pointer.
        unsafe { hand_out_client(client, out_client) }
    })
}

/// Writes a new handle for `client` to `*out_client` and returns the summary JSON of
/// `apim_client_new` (`apiVersion`, `armEndpoint`, `graphEndpoint`; never a secret).
///
/// # Safety
/// `out_client` is non-NULL and points to writable storage for one pointer.
pub(crate) unsafe fn hand_out_client(client: ApimClient, out_client: *mut *mut ApimClientHandle) -> Result<String, ApimError> {
    let summary = boundary::to_json(&json!({
        "apiVersion": client.api_version().as_str(),
        "armEndpoint": client.options().arm_endpoint,
        "graphEndpoint": client.options().graph_endpoint,
    }))?;
    // The thread that makes a client is the one most likely to call it first.
    client.prepare_this_thread();
    // SAFETY: the caller's promise above.
    unsafe { *out_client = Box::into_raw(Box::new(ApimClientHandle { client: Arc::new(client) })) };
    Ok(summary)
}

/// Frees a client made by `apim_client_new`. NULL is a no-op.
///
/// Call it once, after every call using `client` has returned (call `apim_client_cancel` first
/// to make in-flight calls return quickly); `client` must not be used afterwards.
/// Threads: any thread, but no other thread may be using `client`.
#[no_mangle]
pub unsafe extern "C" fn apim_client_free(client: *mut ApimClientHandle) {
    if client.is_null() {
        return;
    }
    boundary::run_void(|| {
        // SAFETY: the caller promises `client` came from apim_client_new and is freed once.
        drop(unsafe { Box::from_raw(client) });
    });
}

/// Cancels every call in flight on `client`: they return `APIM_STATUS_CANCELLED` with an error
/// JSON whose `code` is `OperationCancelled` and `category` `OperationStopped`. Calls started
/// afterwards run normally. Returns without waiting for them. NULL is a no-op.
/// Threads: any thread, typically not the one blocked in the call (e.g. a Ctrl+C handler).
#[no_mangle]
pub unsafe extern "C" fn apim_client_cancel(client: *const ApimClientHandle) {
    boundary::run_void(|| {
        // SAFETY: NULL or a live client from apim_client_new.
        if let Ok(client) = unsafe { handle_ref(client, "client") } {
            client.core().cancel_all();
        }
    });
}
