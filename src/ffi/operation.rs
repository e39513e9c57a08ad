//! The bodies of the resource operation entry points: check the client handle, decode the request
//! JSON, run the core's operation, encode its result. [`client_task`] (`apim_backend_*`,
//! `apim_api_connector_*`) runs the operation as one task on the runtime's workers;
//! [`client_operation`] (the file sync ones) drives it from the calling thread.

use super::boundary::{self, handle_ref, json_arg};
use super::client::ApimClientHandle;
use super::status::ApimStatus;
use crate::client::ApimClient;
use crate::model::ApimError;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::ffi::c_char;
use std::future::Future;
use std::sync::Arc;

/// Runs `operation` for the C caller of `function`.
///
/// # Safety
/// `client` is NULL or a live client; `request_json` is NULL or a NUL-terminated string;
/// `out_json` is NULL or writable.
pub(crate) unsafe fn client_operation<R, T>(
    function: &'static str,
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
    operation: impl FnOnce(&ApimClient, &R) -> Result<T, ApimError>,
) -> ApimStatus
where
    R: DeserializeOwned,
    T: Serialize,
{
    boundary::run(function, out_json, || {
        // SAFETY: forwarded from the caller's contract above.
        let client: &ApimClientHandle = unsafe { handle_ref(client, "client") }?;
        // SAFETY: as above.
        let request: R = unsafe { json_arg(request_json, "request_json") }?;
        boundary::to_json(&operation(client.core(), &request)?)
    })
}

/// Runs the future `operation` makes as one task on the shared runtime, result JSON included;
/// the calling thread decodes the request and then only waits.
///
/// Why not [`client_operation`]'s `block_on` on the caller's thread: there the request future
/// and the connection task that does its I/O live on different threads, so every call handed
/// its request and its response across threads several times; as a task, both run on one
/// worker and the caller is woken once, when everything is done. Measured with
/// `cargo bench --bench side_by_side` (README, Performance).
///
/// # Safety
/// As [`client_operation`].
pub(crate) unsafe fn client_task<R, F, Fut, T>(
    function: &'static str,
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
    operation: F,
) -> ApimStatus
where
    R: DeserializeOwned,
    F: FnOnce(Arc<ApimClient>, R) -> Fut,
    Fut: Future<Output = Result<T, ApimError>> + Send + 'static,
    T: Serialize,
{
    // SAFETY: forwarded from the caller's contract above.
    unsafe { client_task_decoded(function, client, request_json, out_json, json_arg::<R>, operation) }
}

/// [`client_task`] with the request decoded by `decode` (a [`json_arg`] variant).
///
/// # Safety
/// As [`client_operation`]; `decode` is safe to call with `request_json` and a name.
pub(crate) unsafe fn client_task_decoded<R, F, Fut, T>(
    function: &'static str,
    client: *const ApimClientHandle,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
    decode: unsafe fn(*const c_char, &str) -> Result<R, ApimError>,
    operation: F,
) -> ApimStatus
where
    F: FnOnce(Arc<ApimClient>, R) -> Fut,
    Fut: Future<Output = Result<T, ApimError>> + Send + 'static,
    T: Serialize,
{
    boundary::run(function, out_json, || {
        // SAFETY: forwarded from the caller's contract above.
        let client: &ApimClientHandle = unsafe { handle_ref(client, "client") }?;
        // SAFETY: as above.
        let request: R = unsafe { decode(request_json, "request_json") }?;
        let operation = operation(client.shared(), request);
        // Boxed here, where it is made: see `CallRuntime::block_on`.
        boundary::run_task(Box::pin(async move { boundary::to_json(&operation.await?) }))
    })
}
