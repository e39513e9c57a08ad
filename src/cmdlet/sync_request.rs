//! The "backends in git" cmdlets' parameters as the core's sync requests (`crate::sync`):
//! `-Context` becomes the service address, `-Path`, `-Prune`, `-Secret`, `-ThrottleLimit`,
//! `-RotateSecret`, `-BackendId`, `-DisplayName`, `-IncludeSecret` the request's options.
//!
//! Besides the cmdlet's own parameters the module adds what only PowerShell knows: `Path`
//! already resolved against PowerShell's current location (the process's working directory is
//! not it), `ProcessEnvironment` (the environment as PowerShell sees it: on Linux and macOS .NET
//! keeps `$env:` changes to itself, so a secret variable set in the script is not in this
//! process's environment), `Approved` (the approval keys of the plan items ShouldProcess let
//! through) and `DryRunEndpoint` (the dry run's emulator).

use super::{CmdletOutput, ParameterNames, Parameters};
use crate::model::ApimError;
use crate::sync::api_connector::{ApiConnectorSyncRequest, ApprovedConnector};
use crate::sync::backend::{ApprovedItem, BackendSyncRequest};
use crate::sync::secrets::ENV_PREFIX;
use crate::sync::Action;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The request fields the core names in its errors, as the sync cmdlets' parameters.
pub const SYNC_PARAMETER_NAMES: ParameterNames = ParameterNames(&[
    ("path", "-Path"),
    ("throttleLimit", "-ThrottleLimit"),
    ("backendIds", "-BackendId"),
    ("displayNames", "-DisplayName"),
    ("secrets", "-Secret"),
]);

/// `-Secret`'s values must be strings or SecureStrings: checked on its own, before the client is
/// made, so a wrong value is refused (`ApimNative.SecretMapFailed`) before anything else happens.
pub fn secret_map(parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    secrets(parameters)?;
    Ok(CmdletOutput::objects(Vec::new()))
}

/// Placeholder name -> value from `-Secret`; a value that is neither a string nor a SecureString
/// is refused naming its key, never showing the value.
fn secrets(parameters: &Parameters) -> Result<BTreeMap<String, String>, ApimError> {
    let Some(map) = parameters.object("Secret")? else { return Ok(BTreeMap::new()) };
    let mut values = BTreeMap::new();
    for name in map.names().map(str::to_string).collect::<Vec<_>>() {
        if let Some(value) = map.secret(&name)? {
            values.insert(name, value.0);
        }
    }
    Ok(values)
}

/// The `APIM_NATIVE_SECRET_*` variables of `ProcessEnvironment` (names kept as they are, looked
/// up as in this process's environment), or `None` (this process's own environment is used) when
/// the module sent none. Only those are kept: the rest of the environment is none of the sync's business.
fn environment(parameters: &Parameters) -> Option<BTreeMap<String, String>> {
    let members = parameters.get("ProcessEnvironment")?.as_object()?;
    Some(
        members
            .iter()
            .filter(|(name, _)| name.get(..ENV_PREFIX.len()).is_some_and(|prefix| prefix.eq_ignore_ascii_case(ENV_PREFIX)))
            .filter_map(|(name, value)| value.as_str().map(|text| (name.clone(), text.to_string())))
            .collect(),
    )
}

fn throttle_limit(parameters: &Parameters) -> Result<Option<u32>, ApimError> {
    match parameters.i64("ThrottleLimit")? {
        None => Ok(None),
        Some(limit) => u32::try_from(limit)
            .map(Some)
            .map_err(|_| ApimError::invalid_argument("-ThrottleLimit", format!("-ThrottleLimit must be 1..64 (got {limit})"))),
    }
}

/// A context member as text; an empty one counts as absent (a context without a workspace).
fn context_text(context: &Parameters, name: &str) -> Result<Option<String>, ApimError> {
    Ok(context.string(name)?.filter(|text| !text.trim().is_empty()))
}

/// The sync request of a backend cmdlet: the context's address and the cmdlet's options.
pub fn backend_request(parameters: &Parameters) -> Result<BackendSyncRequest, ApimError> {
    let context = parameters.object("Context")?.ok_or_else(|| ApimError::invalid_argument("-Context", "-Context is required"))?;
    Ok(BackendSyncRequest {
        subscription_id: context_text(&context, "SubscriptionId")?,
        resource_group_name: context_text(&context, "ResourceGroupName")?.unwrap_or_default(),
        service_name: context_text(&context, "ServiceName")?.unwrap_or_default(),
        workspace_id: context_text(&context, "WorkspaceId")?,
        path: parameters.string("Path")?.unwrap_or_default(),
        backend_ids: parameters.string_list("BackendId")?,
        include_secret: parameters.bool("IncludeSecret")?.unwrap_or(false),
        prune: parameters.bool("Prune")?.unwrap_or(false),
        secrets: secrets(parameters)?,
        use_environment: true,
        environment: environment(parameters),
        throttle_limit: throttle_limit(parameters)?,
        ..BackendSyncRequest::default()
    })
}

/// The sync request of an API connector cmdlet.
pub fn api_connector_request(parameters: &Parameters) -> Result<ApiConnectorSyncRequest, ApimError> {
    Ok(ApiConnectorSyncRequest {
        path: parameters.string("Path")?.unwrap_or_default(),
        display_names: parameters.string_list("DisplayName")?,
        prune: parameters.bool("Prune")?.unwrap_or(false),
        rotate_secrets: parameters.bool("RotateSecret")?.unwrap_or(false),
        secrets: secrets(parameters)?,
        use_environment: true,
        environment: environment(parameters),
        throttle_limit: throttle_limit(parameters)?,
        ..ApiConnectorSyncRequest::default()
    })
}

/// The key a plan item is approved by: opaque to the module, the core's approved item to us.
pub fn backend_approval_key(backend_id: &str, action: Action, etag: Option<&str>) -> String {
    json!({ "backendId": backend_id, "action": action, "etag": etag }).to_string()
}

pub fn api_connector_approval_key(display_name: &str, action: Action, etag: Option<&str>) -> String {
    json!({ "displayName": display_name, "action": action, "etag": etag }).to_string()
}

/// The approved items of a sync (`Approved`): required, because without it every planned write
/// would be sent unasked; an empty list approves none.
fn approved<T: DeserializeOwned>(parameters: &Parameters) -> Result<Vec<T>, ApimError> {
    let keys = parameters
        .string_list("Approved")?
        .ok_or_else(|| ApimError::invalid_argument("Approved", "Approved is required: the approval keys of the plan items to apply"))?;
    keys.iter()
        .map(|key| {
            serde_json::from_str::<Value>(key).and_then(serde_json::from_value::<T>).map_err(|_| {
                ApimError::invalid_argument("Approved", "Approved holds a key that is not the ApprovalKey of a plan item")
            })
        })
        .collect()
}

pub fn approved_backends(parameters: &Parameters) -> Result<Vec<ApprovedItem>, ApimError> {
    approved(parameters)
}

pub fn approved_api_connectors(parameters: &Parameters) -> Result<Vec<ApprovedConnector>, ApimError> {
    approved(parameters)
}
