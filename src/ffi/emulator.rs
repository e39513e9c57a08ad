//! `ApimEmulator` handles: the local ARM + Graph emulator, in-process on a loopback port.

use super::boundary::{self, block_on_shared, json_arg, out_ptr};
use super::status::ApimStatus;
use crate::emulator::{EmulatorHandle, EmulatorOptions};
use crate::model::ApimError;
use serde_json::json;
use std::ffi::c_char;

/// A running in-process emulator (opaque to C).
pub struct ApimEmulator {
    handle: EmulatorHandle,
}

/// Starts the emulator inside this process on the library's runtime. `options_json` is
/// `{"listen":"127.0.0.1:0","dataDir":null,"requireToken":null,"throttle":false,"pageSize":100}`
/// (every field optional; `{}` picks a free loopback port and keeps data in memory). `listen`
/// must be a loopback address: the in-process emulator is for tests and dry runs only.
///
/// On `APIM_STATUS_OK`, `*out_emulator` receives a handle owned by the caller (stop and free it
/// with `apim_emulator_stop`) and `*out_json` is `{"baseUrl":"http://127.0.0.1:PORT"}` (use it
/// as a client's `armEndpoint` / `graphEndpoint`). On failure `*out_emulator` is untouched and
/// `*out_json` holds the error JSON. `*out_json` is always set unless `out_json` is NULL; free it
/// with `apim_string_free`. NULL `options_json` or `out_emulator` returns
/// `APIM_STATUS_NULL_ARGUMENT`. Threads: any thread; the emulator serves many clients at once.
#[no_mangle]
pub unsafe extern "C" fn apim_emulator_start(
    options_json: *const c_char,
    out_emulator: *mut *mut ApimEmulator,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    boundary::run("apim_emulator_start", out_json, || {
        let out_emulator = out_ptr(out_emulator, "out_emulator")?;
        // SAFETY: the caller passes NULL or a NUL-terminated string valid for this call.
        let options: EmulatorOptions = unsafe { json_arg(options_json, "options_json") }?;
        if !options.listen.ip().is_loopback() {
            return Err(ApimError::invalid_argument(
                "listen",
                format!("listen must be a loopback address such as 127.0.0.1:0, not {}", options.listen),
            ));
        }
        let handle = block_on_shared(crate::emulator::start(options))??;
        let started = boundary::to_json(&json!({ "baseUrl": handle.base_url }))?;
        // SAFETY: checked non-NULL; the caller promises writable storage for one pointer.
        unsafe { *out_emulator = Box::into_raw(Box::new(ApimEmulator { handle })) };
        Ok(started)
    })
}

/// Stops an emulator started by `apim_emulator_start` (waits until it no longer accepts
/// connections) and frees the handle; the data of an in-memory emulator is gone. NULL is a
/// no-op. `emulator` must not be used afterwards. Threads: any thread, once per handle.
#[no_mangle]
pub unsafe extern "C" fn apim_emulator_stop(emulator: *mut ApimEmulator) {
    if emulator.is_null() {
        return;
    }
    boundary::run_void(|| {
        // SAFETY: the caller promises `emulator` came from apim_emulator_start and is stopped once.
        let emulator = unsafe { Box::from_raw(emulator) };
        let stop = emulator.handle.stop();
        if tokio::runtime::Handle::try_current().is_ok() {
            // Called from async code: cannot block here, so let the runtime finish the stop.
            crate::runtime::runtime().spawn(stop);
        } else {
            let _ = block_on_shared(stop);
        }
    });
}
