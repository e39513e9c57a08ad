//! The one body of every cmdlet entry point (`apim_cmdlet_*`): decode the bound parameters, run
//! the cmdlet's mapping (and its requests), encode `{"output":[...],"exchanges":[...]}`.

use super::boundary::{self, handle_ref, json_arg};
use super::client::ApimClientHandle;
use super::status::ApimStatus;
use crate::client::ApimClient;
use crate::cmdlet::{CmdletOutput, Parameters};
use crate::model::ApimError;
use serde_json::Value;
use std::ffi::c_char;

/// Runs a cmdlet that makes no request (the in-memory builders) for the C caller of `function`.
///
/// # Safety
/// `parameters_json` is NULL or a NUL-terminated string; `out_json` is NULL or writable.
pub(crate) unsafe fn cmdlet_builder(
    function: &'static str,
    parameters_json: *const c_char,
    out_json: *mut *mut c_char,
    cmdlet: fn(&Parameters) -> Result<CmdletOutput, ApimError>,
) -> ApimStatus {
    boundary::run(function, out_json, || {
        // SAFETY: forwarded from the caller's contract above.
        let parameters = Parameters::from_value(unsafe { json_arg::<Value>(parameters_json, "parameters_json") }?)?;
        boundary::to_json(&cmdlet(&parameters)?)
    })
}

/// Runs a cmdlet that talks to the service through `client` for the C caller of `function`.
///
/// # Safety
/// `client` is NULL or a live client; `parameters_json` is NULL or a NUL-terminated string;
/// `out_json` is NULL or writable.
pub(crate) unsafe fn cmdlet_operation(
    function: &'static str,
    client: *const ApimClientHandle,
    parameters_json: *const c_char,
    out_json: *mut *mut c_char,
    cmdlet: impl FnOnce(&ApimClient, &Parameters) -> Result<CmdletOutput, ApimError>,
) -> ApimStatus {
    boundary::run(function, out_json, || {
        // SAFETY: forwarded from the caller's contract above.
        let client: &ApimClientHandle = unsafe { handle_ref(client, "client") }?;
        // SAFETY: as above.
        let parameters = Parameters::from_value(unsafe { json_arg::<Value>(parameters_json, "parameters_json") }?)?;
        boundary::to_json(&cmdlet(client.core(), &parameters)?)
    })
}
