//! What a backend sync asks of the service and reads from it: the request (address, directory,
//! options), the service's backends, which of their values are secrets, which are pools. Shared
//! by `backend` (export, plan, sync) and `dry_run` (mirror, plan from an emulator).

use super::executor::BulkOptions;
use super::Action;
use super::secrets::{self, SecretSource};
use crate::client::backend::BackendRequest;
use crate::client::ApimClient;
use crate::model::ApimError;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The request of `apim_backend_export`, `_plan` and `_sync`: the backend address of the other
/// backend functions (without `backendId`) plus the directory and the options of each step.
#[derive(Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BackendSyncRequest {
    #[serde(default)]
    pub subscription_id: Option<String>,
    pub resource_group_name: String,
    pub service_name: String,
    /// A workspace of the service: its backends instead of the service's.
    #[serde(default)]
    pub workspace_id: Option<String>,
    /// The directory of `<backendId>.json` files (not used with `fromEndpoint` or by mirror).
    #[serde(default)]
    pub path: String,
    /// Plan only: the desired state is the backends at the same address on this loopback
    /// endpoint (the dry run's emulator) instead of files; a value there that is still a
    /// placeholder stands for the service's own (unchanged) secret.
    #[serde(default)]
    pub from_endpoint: Option<String>,
    /// Mirror only: the loopback endpoint (an emulator) the service's backends are copied to.
    #[serde(default)]
    pub to_endpoint: Option<String>,
    /// Export: only these backends (all when absent).
    #[serde(default)]
    pub backend_ids: Option<Vec<String>>,
    /// Export: write secret values instead of placeholders.
    #[serde(default)]
    pub include_secret: bool,
    /// Plan/sync: delete backends that have no file.
    #[serde(default)]
    pub prune: bool,
    /// Plan/sync: placeholder name -> secret value.
    #[serde(default)]
    pub secrets: BTreeMap<String, String>,
    /// Plan/sync: also resolve placeholders from `APIM_NATIVE_SECRET_*` variables.
    #[serde(default = "super::default_true")]
    pub use_environment: bool,
    /// Plan/sync: the caller's `APIM_NATIVE_SECRET_*` variables, used instead of this process's
    /// when given. Why: .NET on Linux and macOS keeps `$env:` changes to itself (native code never
    /// sees them), so the module hands over what PowerShell sees.
    #[serde(default)]
    pub environment: Option<BTreeMap<String, String>>,
    /// Sync: the plan the caller approved (from `apim_backend_plan`); its actions and ETags are
    /// what is applied. Without it, sync plans and applies in one go.
    #[serde(default)]
    pub plan: Option<Vec<ApprovedItem>>,
    #[serde(default)]
    pub throttle_limit: Option<u32>,
    #[serde(default)]
    pub write_burst: Option<u32>,
    #[serde(default)]
    pub writes_per_second: Option<f64>,
}

impl std::fmt::Debug for BackendSyncRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BackendSyncRequest")
            .field("resource_group_name", &self.resource_group_name)
            .field("service_name", &self.service_name)
            .field("workspace_id", &self.workspace_id)
            .field("path", &self.path)
            .field("prune", &self.prune)
            .field("secrets", &self.secrets.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

/// One item of an approved plan: what to do and the ETag it was planned against.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApprovedItem {
    pub backend_id: String,
    pub action: Action,
    #[serde(default)]
    pub etag: Option<String>,
}

impl BackendSyncRequest {
    pub(crate) fn address(&self, backend_id: Option<&str>) -> BackendRequest {
        BackendRequest {
            subscription_id: self.subscription_id.clone(),
            resource_group_name: self.resource_group_name.clone(),
            service_name: self.service_name.clone(),
            workspace_id: self.workspace_id.clone(),
            backend_id: backend_id.map(str::to_string),
            ..BackendRequest::default()
        }
    }

    pub(super) fn source(&self) -> SecretSource {
        SecretSource { values: self.secrets.clone(), env: self.use_environment.then(|| super::secrets::environment(self.environment.as_ref())) }
    }

    pub(super) fn bulk(&self) -> BulkOptions {
        BulkOptions::from_request(self.throttle_limit, self.write_burst, self.writes_per_second)
    }

    pub(super) fn dir(&self) -> Result<PathBuf, ApimError> {
        if self.path.trim().is_empty() {
            return Err(ApimError::invalid_argument("path", "path is required: the directory of <backendId>.json files"));
        }
        Ok(PathBuf::from(&self.path))
    }
}

// ---------------------------------------------------------------------------------------------
// Secrets of a backend

/// The secret slots of a backend's properties: (JSON pointer, placeholder name). Every value of
/// `credentials.header` and `credentials.query` counts as secret: they are how API keys and
/// signatures reach a backend, and nothing in the contract tells a key from a harmless value.
pub fn secret_slots(backend_id: &str, properties: &Value) -> Vec<(String, String)> {
    let mut slots = Vec::new();
    if properties.pointer("/credentials/authorization/parameter").is_some_and(Value::is_string) {
        slots.push(("/credentials/authorization/parameter".to_string(), format!("{backend_id}.authorizationParameter")));
    }
    if properties.pointer("/proxy/password").is_some_and(Value::is_string) {
        slots.push(("/proxy/password".to_string(), format!("{backend_id}.proxyPassword")));
    }
    for kind in ["header", "query"] {
        let Some(map) = properties.pointer(&format!("/credentials/{kind}")).and_then(Value::as_object) else { continue };
        for (name, values) in map {
            let Some(values) = values.as_array() else { continue };
            for (i, v) in values.iter().enumerate() {
                if !v.is_string() {
                    continue;
                }
                let mut placeholder = format!("{backend_id}.{kind}.{}", secrets::name_part(name));
                if values.len() > 1 {
                    placeholder.push_str(&format!(".{i}"));
                }
                slots.push((format!("/credentials/{kind}/{}/{i}", secrets::escape(name)), placeholder));
            }
        }
    }
    slots
}

/// Lists the service's backends: id -> properties.
pub(crate) async fn read_service(client: &ApimClient, req: &BackendSyncRequest) -> Result<BTreeMap<String, Value>, ApimError> {
    let list = client.backend_list(&req.address(None)).await?;
    let mut current = BTreeMap::new();
    for entity in list.value {
        if let Some(name) = entity.get("name").and_then(Value::as_str) {
            current.insert(name.to_string(), entity.get("properties").cloned().unwrap_or_else(|| json!({})));
        }
    }
    Ok(current)
}

pub(crate) fn is_pool(properties: &Value) -> bool {
    properties.get("type").and_then(Value::as_str).is_some_and(|t| t.eq_ignore_ascii_case("Pool"))
}
