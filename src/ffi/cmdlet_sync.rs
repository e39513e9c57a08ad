//! The "backends in git" cmdlets (`Export-`, `Compare-`, `Test-`, `Sync-ApimNativeBackend`,
//! `Invoke-ApimNativeDryRun`, `Export-`, `Compare-`, `Sync-ApimNativeApiConnector`), each
//! `(client, parameters_json, out_json)` except the `-Secret` check, `(parameters_json, out_json)`.
//!
//! `parameters_json` is the cmdlet's `$PSBoundParameters` as JSON (conventions of
//! `crate::cmdlet`), plus what only PowerShell knows: `Path` resolved against PowerShell's
//! location, `ProcessEnvironment` (the environment as PowerShell sees it, for the
//! `APIM_NATIVE_SECRET_*` placeholders), `Approved` for a sync (the `ApprovalKey`s of the plan
//! items ShouldProcess let through) and `DryRunEndpoint` for the dry run. On `APIM_STATUS_OK`
//! `*out_json` is `{"output":[<object>...],"exchanges":[]}`; otherwise the error JSON, which names
//! the cmdlet's parameters and never a secret value. `*out_json` is always set unless `out_json`
//! is NULL; free it with `apim_string_free`. NULL `client` or `parameters_json` returns
//! `APIM_STATUS_NULL_ARGUMENT`. Any thread that is not a runtime worker; each call blocks until
//! done (cancel with `apim_client_cancel`).

use super::boundary::block_on;
use super::client::ApimClientHandle;
use super::cmdlet::{cmdlet_builder, cmdlet_operation};
use super::status::ApimStatus;
use crate::cmdlet::sync;
use std::ffi::c_char;

/// The `-Secret` check of `Compare-`, `Test-` and `Sync-*`: every value a string or a SecureString;
/// answers no object. No client, no request.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_secret_map(parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_builder("apim_cmdlet_secret_map", parameters_json, out_json, sync::secret_map) }
}

/// `Export-ApimNativeBackend`: `Context`, `Path`, `BackendId`, `IncludeSecret`; writes one
/// `<backendId>.json` per backend and answers one `ApimNative.ExportedBackend` per file.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_export(client: *const ApimClientHandle, parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_backend_export", client, parameters_json, out_json, |c, p| block_on(sync::backend_export(c, p))?) }
}

/// `Compare-ApimNativeBackend` and the plan step of `Sync-ApimNativeBackend`: `Context`, `Path`,
/// `Prune`, `Secret`; reads only; answers one `ApimNative.BackendPlan` per backend.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_plan(client: *const ApimClientHandle, parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_backend_plan", client, parameters_json, out_json, |c, p| block_on(sync::backend_plan(c, p))?) }
}

/// `Test-ApimNativeBackend`: as `apim_cmdlet_backend_plan`; answers one boolean, true when
/// nothing would be written.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_test(client: *const ApimClientHandle, parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_backend_test", client, parameters_json, out_json, |c, p| block_on(sync::backend_test(c, p))?) }
}

/// The apply step of `Sync-ApimNativeBackend`: as the plan plus `ThrottleLimit` and `Approved`
/// (required; an empty list approves nothing); answers one `ApimNative.BackendSyncResult` per
/// backend, a failed write as a result with `Error`, not as a failed call.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_sync(client: *const ApimClientHandle, parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_backend_sync", client, parameters_json, out_json, |c, p| block_on(sync::backend_sync(c, p))?) }
}

/// `Invoke-ApimNativeDryRun` before the script: `Context`, `DryRunEndpoint` (a loopback
/// emulator); copies the service's backends there (reads only on the service) and answers one
/// `ApimNative.DryRunCopy`.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_dry_run_copy(client: *const ApimClientHandle, parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_backend_dry_run_copy", client, parameters_json, out_json, |c, p| block_on(sync::backend_dry_run_copy(c, p))?) }
}

/// `Invoke-ApimNativeDryRun` after the script: the emulator's backends planned against the
/// service; answers the `ApimNative.BackendPlan` items that would write.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_backend_dry_run_plan(client: *const ApimClientHandle, parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_backend_dry_run_plan", client, parameters_json, out_json, |c, p| block_on(sync::backend_dry_run_plan(c, p))?) }
}

/// `Export-ApimNativeApiConnector`: `Path`, `DisplayName`; answers one
/// `ApimNative.ExportedApiConnector` per file written.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_api_connector_export(client: *const ApimClientHandle, parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_api_connector_export", client, parameters_json, out_json, |c, p| block_on(sync::api_connector_export(c, p))?) }
}

/// `Compare-ApimNativeApiConnector` and the plan step of `Sync-ApimNativeApiConnector`: `Path`,
/// `Prune`, `Secret`, `RotateSecret`; answers one `ApimNative.ApiConnectorPlan` per connector.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_api_connector_plan(client: *const ApimClientHandle, parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_api_connector_plan", client, parameters_json, out_json, |c, p| block_on(sync::api_connector_plan(c, p))?) }
}

/// The apply step of `Sync-ApimNativeApiConnector`, as `apim_cmdlet_backend_sync`; answers one
/// `ApimNative.ApiConnectorSyncResult` per connector.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_api_connector_sync(client: *const ApimClientHandle, parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_operation("apim_cmdlet_api_connector_sync", client, parameters_json, out_json, |c, p| block_on(sync::api_connector_sync(c, p))?) }
}
