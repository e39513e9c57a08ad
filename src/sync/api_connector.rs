//! Identity API connectors as files: one `<displayName>.json` per connector (the wire object
//! without its `id`, which each tenant assigns itself), keyed by `displayName`.
//!
//! Graph never returns a connector's secrets (a basic password comes back as `******`, a
//! certificate only as its thumbprints), so a secret in a file cannot be compared with the
//! service. The rule: a secret alone never makes a connector differ (its state is
//! `NotComparable`); `authenticationConfiguration` is compared by what Graph does return (the
//! type, and the username of basic authentication) and sent, secret included, only when that
//! differs, on Create, or when the caller asks to rotate secrets (`rotateSecrets`). Export
//! always writes placeholders: there is no value to include.

use super::diff::{self, Change, SecretState, SecretStatus};
use super::executor::{BulkOptions, Pacer};
use super::files;
use super::secrets::{self, SecretSource};
use super::{Action, Outcome};
use crate::client::api_connector::ApiConnectorRequest;
use crate::client::ApimClient;
use crate::model::api_connector::{check_api_connector_create, AuthenticationKind, ODATA_TYPE};
use crate::model::{ApimError, ErrorCategory, ErrorDetail};
use futures_util::stream::{self, StreamExt};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

const AUTH: &str = "authenticationConfiguration";

/// The request of `apim_api_connector_export`, `_plan` and `_sync`.
#[derive(Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApiConnectorSyncRequest {
    /// The directory of `<displayName>.json` files.
    pub path: String,
    /// Export: only the connectors with these display names (all when absent).
    #[serde(default)]
    pub display_names: Option<Vec<String>>,
    /// Plan/sync: delete connectors that have no file.
    #[serde(default)]
    pub prune: bool,
    /// Plan/sync: send the secrets of every connector that has a file, even when nothing that
    /// Graph returns differs (a secret rotation).
    #[serde(default)]
    pub rotate_secrets: bool,
    #[serde(default)]
    pub secrets: BTreeMap<String, String>,
    #[serde(default = "super::default_true")]
    pub use_environment: bool,
    /// Plan/sync: the caller's `APIM_NATIVE_SECRET_*` variables, used instead of this process's
    /// when given. Why: .NET on Linux and macOS keeps `$env:` changes to itself (native code never
    /// sees them), so the module hands over what PowerShell sees.
    #[serde(default)]
    pub environment: Option<BTreeMap<String, String>>,
    /// Sync: the approved plan (display name, action, etag).
    #[serde(default)]
    pub plan: Option<Vec<ApprovedConnector>>,
    #[serde(default)]
    pub throttle_limit: Option<u32>,
    #[serde(default)]
    pub write_burst: Option<u32>,
    #[serde(default)]
    pub writes_per_second: Option<f64>,
}

impl std::fmt::Debug for ApiConnectorSyncRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiConnectorSyncRequest")
            .field("path", &self.path)
            .field("prune", &self.prune)
            .field("secrets", &self.secrets.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApprovedConnector {
    pub display_name: String,
    pub action: Action,
    #[serde(default)]
    pub etag: Option<String>,
}

impl ApiConnectorSyncRequest {
    fn dir(&self) -> Result<PathBuf, ApimError> {
        if self.path.trim().is_empty() {
            return Err(ApimError::invalid_argument("path", "path is required: the directory of <displayName>.json files"));
        }
        Ok(PathBuf::from(&self.path))
    }
    fn bulk(&self) -> BulkOptions {
        BulkOptions::from_request(self.throttle_limit, self.write_burst, self.writes_per_second)
    }
}

fn kind_of(auth: &Value) -> Option<AuthenticationKind> {
    auth.get(ODATA_TYPE).and_then(Value::as_str).and_then(AuthenticationKind::parse)
}

/// The secret slots of a connector in file form: (pointer, placeholder name).
fn secret_slots(name: &str, connector: &Value) -> Vec<(String, String)> {
    let prefix = secrets::name_part(name);
    let mut slots = Vec::new();
    for (field, suffix) in [("password", "password"), ("pkcs12Value", "pkcs12Value")] {
        if connector.pointer(&format!("/{AUTH}/{field}")).is_some() {
            slots.push((format!("/{AUTH}/{field}"), format!("{prefix}.{suffix}")));
        }
    }
    slots
}

/// A connector as Graph returns it, in file form: no id or annotations, and secrets as
/// placeholders (a certificate as the pkcs12 request form, with its PFX and password as placeholders).
pub fn file_form(connector: &Value) -> Value {
    let mut out: Map<String, Value> =
        connector.as_object().into_iter().flatten().filter(|(k, _)| *k != "id" && !k.starts_with("@odata.")).map(|(k, v)| (k.clone(), v.clone())).collect();
    let name = out.get("displayName").and_then(Value::as_str).unwrap_or_default().to_string();
    let prefix = secrets::name_part(&name);
    if let Some(auth) = out.get(AUTH).cloned() {
        let form = match kind_of(&auth) {
            Some(AuthenticationKind::Basic) => json!({ODATA_TYPE: AuthenticationKind::Basic.odata_type(), "username": auth.get("username").cloned().unwrap_or(Value::Null),
                "password": secrets::placeholder(&format!("{prefix}.password"))}),
            Some(_) => json!({ODATA_TYPE: AuthenticationKind::Pkcs12Certificate.odata_type(),
                "pkcs12Value": secrets::placeholder(&format!("{prefix}.pkcs12Value")), "password": secrets::placeholder(&format!("{prefix}.password"))}),
            None => auth,
        };
        out.insert(AUTH.into(), form);
    }
    Value::Object(out)
}

/// What of a connector can be compared with the service: everything but the id, annotations
/// and secrets; the authentication as its kind (a pkcs12 request and a client-certificate
/// answer are the same kind) and, for basic, the username.
fn comparable(connector: &Value) -> Value {
    let mut out: Map<String, Value> =
        connector.as_object().into_iter().flatten().filter(|(k, _)| *k != "id" && !k.starts_with("@odata.")).map(|(k, v)| (k.clone(), v.clone())).collect();
    if let Some(auth) = out.get(AUTH).cloned() {
        let form = match kind_of(&auth) {
            Some(AuthenticationKind::Basic) => json!({"kind": "basic", "username": auth.get("username").cloned().unwrap_or(Value::Null)}),
            Some(_) => json!({"kind": "certificate"}),
            None => auth,
        };
        out.insert(AUTH.into(), form);
    }
    Value::Object(out)
}

pub async fn list_connectors(client: &ApimClient) -> Result<BTreeMap<String, Value>, ApimError> {
    let list = client.api_connector_list(&ApiConnectorRequest::default()).await?;
    let mut by_name = BTreeMap::new();
    let mut duplicates = Vec::new();
    for c in list.value {
        let name = c.get("displayName").and_then(Value::as_str).unwrap_or_default().to_string();
        if by_name.insert(name.clone(), c).is_some() {
            duplicates.push(name);
        }
    }
    if !duplicates.is_empty() {
        return Err(ApimError::new(
            "DuplicateDisplayName",
            format!("the tenant has more than one API connector named {}; files are keyed by display name, so rename one first", duplicates.join(", ")),
            ErrorCategory::InvalidData,
        ));
    }
    Ok(by_name)
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedConnector {
    pub display_name: String,
    pub id: Option<String>,
    pub path: String,
}

pub async fn export(client: &ApimClient, req: &ApiConnectorSyncRequest) -> Result<Vec<ExportedConnector>, ApimError> {
    let dir = req.dir()?;
    let current = list_connectors(client).await?;
    let names: Vec<String> = match &req.display_names {
        Some(names) => {
            let missing: Vec<ErrorDetail> = names
                .iter()
                .filter(|n| !current.contains_key(*n))
                .map(|n| ErrorDetail::new("displayNames", "NotFound", format!("displayNames: no API connector is named '{n}'")))
                .collect();
            if !missing.is_empty() {
                return Err(ApimError::validation(missing));
            }
            names.clone()
        }
        None => current.keys().cloned().collect(),
    };
    let mut out = Vec::new();
    for name in names {
        let connector = &current[&name];
        let path = files::write_file(&dir, &files::file_stem_for(&name), &files::canonical_text(&file_form(connector)))?;
        out.push(ExportedConnector {
            display_name: name,
            id: connector.get("id").and_then(Value::as_str).map(str::to_string),
            path: path.display().to_string(),
        });
    }
    Ok(out)
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectorPlanItem {
    pub display_name: String,
    /// The connector's id on the service (absent for a Create).
    pub id: Option<String>,
    pub action: Action,
    pub etag: Option<String>,
    pub changes: Vec<Change>,
    pub secrets: Vec<SecretStatus>,
    #[serde(skip)]
    body: Option<Value>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectorPlan {
    pub items: Vec<ConnectorPlanItem>,
}

/// Compares the files with the tenant: one list, then one GET per connector that would change.
pub async fn plan(client: &ApimClient, req: &ApiConnectorSyncRequest) -> Result<ConnectorPlan, ApimError> {
    let dir = req.dir()?;
    let source = SecretSource { values: req.secrets.clone(), env: req.use_environment.then(|| super::secrets::environment(req.environment.as_ref())) };
    let mut desired: BTreeMap<String, (Value, BTreeSet<String>)> = BTreeMap::new();
    let mut missing = Vec::new();
    let mut problems = Vec::new();
    for file in files::read_dir(&dir)? {
        let label = format!("{}.json", file.name);
        let name = files::name_for_file_stem(&file.name);
        let stated = file.value.get("displayName").and_then(Value::as_str);
        if stated != Some(name.as_str()) {
            problems.push(ErrorDetail::new(format!("{label}:displayName"), "FileNameMismatch",
                format!("{label}: displayName must be present and equal the file name ('{name}')")));
            continue;
        }
        let mut unresolved = Vec::new();
        let (resolved, at) = secrets::resolve(&file.value, &source, &mut unresolved);
        missing.extend(unresolved.into_iter().map(|(p, n)| (format!("{label}:"), p, n)));
        if let Err(e) = check_api_connector_create(&resolved) {
            for d in if e.details.is_empty() { vec![ErrorDetail::new(e.target.clone().unwrap_or_default(), e.code.clone(), e.message.clone())] } else { e.details } {
                problems.push(ErrorDetail::new(format!("{label}:{}", d.target.unwrap_or_default()), d.code, format!("{label}: {}", d.message)));
            }
        }
        desired.insert(name, (resolved, at));
    }
    if !missing.is_empty() {
        return Err(secrets::unresolved_error(&missing));
    }
    if !problems.is_empty() {
        return Err(ApimError::validation(problems));
    }
    let mut current = list_connectors(client).await?;
    let differs = |name: &String, now: &Value| match desired.get(name) {
        Some((d, _)) => req.rotate_secrets || !diff::diff(&comparable(now), &comparable(d), &BTreeSet::new()).is_empty(),
        None => req.prune,
    };
    let candidates: Vec<(String, String)> = current
        .iter()
        .filter(|(n, c)| differs(n, c))
        .filter_map(|(n, c)| c.get("id").and_then(Value::as_str).map(|id| (n.clone(), id.to_string())))
        .collect();
    let reads: Vec<(String, Result<crate::client::OperationResult, ApimError>)> = stream::iter(candidates)
        .map(|(name, id)| async move {
            let r = client.api_connector_get(&ApiConnectorRequest { id: Some(id), ..Default::default() }).await;
            (name, r)
        })
        .buffer_unordered(req.bulk().throttle_limit.max(1) as usize)
        .collect()
        .await;
    let mut etags = BTreeMap::new();
    for (name, r) in reads {
        match r {
            Ok(r) => {
                if let Some(body) = r.body {
                    current.insert(name.clone(), body);
                }
                etags.insert(name, r.etag);
            }
            Err(e) if e.http_status == Some(404) => {
                current.remove(&name);
            }
            Err(e) => return Err(e),
        }
    }
    let mut items = Vec::new();
    for (name, (body, resolved_at)) in &desired {
        let now = current.get(name);
        let mut secret_pointers: BTreeSet<String> = secret_slots(name, body).into_iter().map(|(p, _)| p).collect();
        secret_pointers.extend(resolved_at.iter().cloned());
        // A new connector is shown as its file says; an existing one by what Graph can compare.
        let changes = match now {
            None => diff::diff(&Value::Null, body, &secret_pointers),
            Some(now) => diff::diff(&comparable(now), &comparable(body), &secret_pointers),
        };
        let action = match now {
            None => Action::Create,
            Some(_) if !changes.is_empty() || req.rotate_secrets => Action::Update,
            Some(_) => Action::NoChange,
        };
        // The PATCH names only what differs; the authentication (with its secret) only when
        // its comparable part differs or secrets are rotated.
        let send = match action {
            Action::Create => Some(body.clone()),
            Action::Update => {
                let mut patch = Map::new();
                for (k, v) in body.as_object().into_iter().flatten() {
                    let changed = changes.iter().any(|c| c.path == *k || c.path.starts_with(&format!("{k}.")));
                    if changed || (k == AUTH && req.rotate_secrets) {
                        patch.insert(k.clone(), v.clone());
                    }
                }
                Some(Value::Object(patch))
            }
            _ => None,
        };
        let secrets = secret_pointers
            .iter()
            .filter(|p| body.pointer(p).is_some())
            .map(|p| SecretStatus {
                path: diff::dotted(p),
                state: if now.is_none() || send.as_ref().is_some_and(|s| s.pointer(p).is_some()) && action == Action::Update { SecretState::Changed } else { SecretState::NotComparable },
            })
            .collect();
        items.push(ConnectorPlanItem {
            display_name: name.clone(),
            id: now.and_then(|c| c.get("id")).and_then(Value::as_str).map(str::to_string),
            action,
            etag: if action == Action::Update { etags.get(name).cloned().flatten() } else { None },
            changes,
            secrets,
            body: send,
        });
    }
    if req.prune {
        for (name, now) in &current {
            if desired.contains_key(name) {
                continue;
            }
            items.push(ConnectorPlanItem {
                display_name: name.clone(),
                id: now.get("id").and_then(Value::as_str).map(str::to_string),
                action: Action::Delete,
                etag: etags.get(name).cloned().flatten(),
                changes: diff::diff(&comparable(now), &Value::Null, &BTreeSet::new()),
                secrets: Vec::new(),
                body: None,
            });
        }
    }
    Ok(ConnectorPlan { items })
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectorSyncResult {
    pub display_name: String,
    pub id: Option<String>,
    pub action: Action,
    pub outcome: Outcome,
    pub http_status: Option<u16>,
    pub changes: Vec<Change>,
    pub error: Option<ApimError>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectorSyncReport {
    pub results: Vec<ConnectorSyncResult>,
    pub succeeded: usize,
    pub failed: usize,
    pub skipped: usize,
    pub unchanged: usize,
}

fn result(item: &ConnectorPlanItem, outcome: Outcome, error: Option<ApimError>) -> ConnectorSyncResult {
    ConnectorSyncResult {
        display_name: item.display_name.clone(),
        id: item.id.clone(),
        action: item.action,
        outcome,
        http_status: error.as_ref().and_then(|e| e.http_status),
        changes: item.changes.clone(),
        error,
    }
}

/// Plans and applies; with `req.plan`, the approved actions and ETags are applied.
pub async fn sync(client: &ApimClient, req: &ApiConnectorSyncRequest) -> Result<ConnectorSyncReport, ApimError> {
    let bulk = req.bulk();
    bulk.check()?;
    let mut fresh = plan(client, req).await?;
    let mut results: Vec<Option<ConnectorSyncResult>> = vec![None; fresh.items.len()];
    if let Some(approved) = &req.plan {
        let approved: BTreeMap<&str, &ApprovedConnector> = approved.iter().map(|a| (a.display_name.as_str(), a)).collect();
        for (i, item) in fresh.items.iter_mut().enumerate() {
            match approved.get(item.display_name.as_str()) {
                None if item.action.writes() => {
                    let e = ApimError::new("NotInPlan", format!("API connector '{}' would be {} but is not in the approved plan; not sent", item.display_name, item.action.past()), ErrorCategory::InvalidOperation);
                    results[i] = Some(result(item, Outcome::Skipped, Some(e)));
                }
                None => {}
                Some(a) if a.action == Action::Create && item.action != Action::Create => {
                    let e = ApimError::new("PreconditionFailed", format!("API connector '{}' was created on the service after the plan was made; it is not overwritten", item.display_name), ErrorCategory::ResourceExists).with_http_status(412);
                    item.action = Action::Create;
                    results[i] = Some(result(item, Outcome::Failed, Some(e)));
                }
                Some(a) => {
                    if a.action == Action::Update && item.body.is_none() {
                        // Approved as an update but equal now: the ETag decides (412 if it moved).
                        item.body = Some(json!({}));
                    }
                    item.action = a.action;
                    item.etag = a.etag.clone();
                }
            }
        }
    }
    let pacer = Pacer::new(&bulk);
    let pending: Vec<usize> = (0..fresh.items.len()).filter(|i| results[*i].is_none()).collect();
    let items = &fresh.items;
    let written = pacer
        .run(pending, |i| async move {
            let item = &items[i];
            if !item.action.writes() {
                return (i, result(item, Outcome::NoChange, None));
            }
            let request = ApiConnectorRequest { id: item.id.clone(), body: item.body.clone(), if_match: item.etag.clone(), ..Default::default() };
            let r = match item.action {
                Action::Create => client.api_connector_create(&request).await,
                Action::Update => client.api_connector_update(&request).await,
                Action::Delete => client.api_connector_delete(&request).await,
                Action::NoChange => unreachable!("handled above"),
            };
            match r {
                Ok(ok) => {
                    let id = item.id.clone().or_else(|| ok.body.as_ref().and_then(|b| b.get("id")).and_then(Value::as_str).map(str::to_string));
                    (i, ConnectorSyncResult { http_status: Some(ok.status), id, ..result(item, Outcome::Succeeded, None) })
                }
                Err(e) => (i, result(item, Outcome::Failed, Some(e))),
            }
        })
        .await;
    for (i, r) in written {
        results[i] = Some(r);
    }
    let results: Vec<ConnectorSyncResult> = results.into_iter().flatten().collect();
    let count = |o: Outcome| results.iter().filter(|r| r.outcome == o).count();
    Ok(ConnectorSyncReport {
        succeeded: count(Outcome::Succeeded),
        failed: count(Outcome::Failed),
        skipped: count(Outcome::Skipped),
        unchanged: count(Outcome::NoChange),
        results,
    })
}
