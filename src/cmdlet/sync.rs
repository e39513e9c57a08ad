//! The "backends in git" cmdlets: `Export-`, `Compare-`, `Test-`, `Sync-ApimNativeBackend`,
//! `Invoke-ApimNativeDryRun` and `Export-`, `Compare-`, `Sync-ApimNativeApiConnector`, each from
//! its bound parameters (see `sync_request`) to its output objects (see `sync_output`), on top of
//! the core's export, plan and sync (`crate::sync`).
//!
//! `Sync-*` is two calls with ShouldProcess between them, which only PowerShell can ask: the plan
//! (`backend_plan`, whose items carry the ShouldProcess text and an approval key), then the sync
//! of the approved keys (`backend_sync`), which plans again and applies exactly those items with
//! the ETags that were shown.

use super::sync_output::{
    api_connector_plan_item, api_connector_sync_result, backend_plan_item, backend_sync_result, exported_api_connector, exported_backend,
};
use super::sync_request::{api_connector_request, approved_api_connectors, approved_backends, backend_request, SYNC_PARAMETER_NAMES};
use super::{CmdletOutput, Parameters, PsObject};
use crate::client::ApimClient;
use crate::model::ApimError;
use crate::sync::{api_connector, backend, dry_run};
use serde_json::Value;

pub use super::sync_request::secret_map;

/// The core's errors name request fields (`backendIds`, `throttleLimit`): shown as parameters.
fn named<T>(result: Result<T, ApimError>) -> Result<T, ApimError> {
    result.map_err(|error| SYNC_PARAMETER_NAMES.rename(error))
}

/// `Export-ApimNativeBackend`: one `ApimNative.ExportedBackend` per file written.
pub async fn backend_export(client: &ApimClient, parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    let request = backend_request(parameters)?;
    let exported = named(backend::export(client, &request).await)?;
    Ok(CmdletOutput::objects(exported.files.iter().map(exported_backend).collect()))
}

/// `Compare-ApimNativeBackend` (and the first step of `Sync-ApimNativeBackend`): one
/// `ApimNative.BackendPlan` per backend, in the order a sync writes them.
pub async fn backend_plan(client: &ApimClient, parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    let request = backend_request(parameters)?;
    let plan = named(backend::plan(client, &request).await)?;
    Ok(CmdletOutput::objects(plan.items.iter().map(backend_plan_item).collect()))
}

/// `Test-ApimNativeBackend`: `$true` when the plan would write nothing. A plan that cannot be
/// made is an error, never `$false`.
pub async fn backend_test(client: &ApimClient, parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    let request = backend_request(parameters)?;
    let plan = named(backend::plan(client, &request).await)?;
    Ok(CmdletOutput::objects(vec![Value::Bool(!plan.has_changes())]))
}

/// `Sync-ApimNativeBackend` after ShouldProcess: applies the approved items (`Approved`), one
/// `ApimNative.BackendSyncResult` per backend; a write that was not approved is Skipped.
pub async fn backend_sync(client: &ApimClient, parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    let mut request = backend_request(parameters)?;
    request.plan = Some(approved_backends(parameters)?);
    let report = named(backend::sync(client, &request).await)?;
    Ok(CmdletOutput::objects(report.results.iter().map(backend_sync_result).collect()))
}

/// The emulator a dry run copies to and plans from (`DryRunEndpoint`, set by the module).
fn dry_run_endpoint(parameters: &Parameters) -> Result<String, ApimError> {
    parameters
        .string("DryRunEndpoint")?
        .ok_or_else(|| ApimError::invalid_argument("DryRunEndpoint", "DryRunEndpoint is required: the base URL of the dry run's emulator"))
}

/// `Invoke-ApimNativeDryRun`, before the script: copies the service's backends into the
/// emulator; answers one `ApimNative.DryRunCopy` (`BackendIds`, and `Summary` for -Verbose).
pub async fn backend_dry_run_copy(client: &ApimClient, parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    let mut request = backend_request(parameters)?;
    let endpoint = dry_run_endpoint(parameters)?;
    request.to_endpoint = Some(endpoint.clone());
    let copied = dry_run::mirror(client, &request).await?;
    let summary = format!(
        "Copied {} backend(s) of {} into the dry-run emulator on {endpoint}.",
        copied.backend_ids.len(),
        request.service_name
    );
    let object = PsObject::new("ApimNative.DryRunCopy").property("BackendIds", copied.backend_ids).property("Summary", summary);
    Ok(CmdletOutput::objects(vec![object.into_value()]))
}

/// `Invoke-ApimNativeDryRun`, after the script: the emulator's backends planned against the
/// service (deletions included), only the items that would write.
pub async fn backend_dry_run_plan(client: &ApimClient, parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    let mut request = backend_request(parameters)?;
    request.from_endpoint = Some(dry_run_endpoint(parameters)?);
    request.prune = true;
    let plan = backend::plan(client, &request).await?;
    Ok(CmdletOutput::objects(plan.items.iter().filter(|item| item.action.writes()).map(backend_plan_item).collect()))
}

/// `Export-ApimNativeApiConnector`: one `ApimNative.ExportedApiConnector` per file written.
pub async fn api_connector_export(client: &ApimClient, parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    let request = api_connector_request(parameters)?;
    let exported = named(api_connector::export(client, &request).await)?;
    Ok(CmdletOutput::objects(exported.iter().map(exported_api_connector).collect()))
}

/// `Compare-ApimNativeApiConnector` (and the first step of `Sync-ApimNativeApiConnector`).
pub async fn api_connector_plan(client: &ApimClient, parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    let request = api_connector_request(parameters)?;
    let plan = named(api_connector::plan(client, &request).await)?;
    Ok(CmdletOutput::objects(plan.items.iter().map(api_connector_plan_item).collect()))
}

/// `Sync-ApimNativeApiConnector` after ShouldProcess, as `backend_sync`.
pub async fn api_connector_sync(client: &ApimClient, parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    let mut request = api_connector_request(parameters)?;
    request.plan = Some(approved_api_connectors(parameters)?);
    let report = named(api_connector::sync(client, &request).await)?;
    Ok(CmdletOutput::objects(report.results.iter().map(api_connector_sync_result).collect()))
}
