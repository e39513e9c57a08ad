//! The one body of every resource operation entry point (`apim_backend_*`, `apim_api_connector_*`,
//! the file sync ones too):
//! check the client handle, decode the request JSON, run the core's operation (blocking on it), encode its result.

use super::boundary::{self, handle_ref, json_arg};
use super::client::ApimClientHandle;
use super::status::ApimStatus;
use crate::client::ApimClient;
use crate::model::ApimError;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::ffi::c_char;

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
