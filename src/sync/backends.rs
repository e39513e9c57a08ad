//! Backends as files: `export` writes one `<backendId>.json` per backend (its wire `properties`,
//! secrets as placeholders), `plan` compares a directory with the service, `sync` applies a plan.
//!
//! Ordering: single backends are written before the pools that reference them, and pools are
//! written or deleted before single backends are deleted (so no pool ever points at a missing
//! member). A pool member that is neither in the files nor on the service, or that this sync
//! would delete while a pool keeps it, is an error before anything is sent.
//!
//! Concurrency: every Update and Delete carries `If-Match` with the ETag the plan read, so a
//! change made by someone else in between gets a 412 for that backend alone; the others go on.
//! Creates carry no `If-Match` (ARM has no create-only condition for backends); a backend that
//! appears on the service after an approved plan said Create is reported, not overwritten.

use super::diff::{self, Change, SecretState, SecretStatus};
use super::executor::{BulkOptions, Pacer};
use super::files;
use super::secrets::{self, SecretSource};
use super::{Action, Outcome};
use crate::client::backends::BackendRequest;
use crate::client::ApimClient;
use crate::model::address::validate_backend_id;
use crate::model::backend::check_backend_contract;
use crate::model::pool::parse_backend_arm_id;
use crate::model::{ApimError, ErrorCategory, ErrorDetail};
use futures_util::stream::{self, StreamExt};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

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

    fn source(&self) -> SecretSource {
        SecretSource { values: self.secrets.clone(), env: self.use_environment.then(|| super::secrets::environment(self.environment.as_ref())) }
    }

    fn bulk(&self) -> BulkOptions {
        BulkOptions::from_request(self.throttle_limit, self.write_burst, self.writes_per_second)
    }

    fn dir(&self) -> Result<PathBuf, ApimError> {
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

// ---------------------------------------------------------------------------------------------
// Export

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedFile {
    pub backend_id: String,
    pub path: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportResult {
    pub files: Vec<ExportedFile>,
}

/// The file text of one backend: its properties, secrets masked unless `include_secret`.
pub fn backend_file_text(backend_id: &str, properties: &Value, include_secret: bool) -> String {
    let mut props = properties.clone();
    if !include_secret {
        for (pointer, name) in secret_slots(backend_id, properties) {
            secrets::mask(&mut props, &pointer, &name);
        }
    }
    files::canonical_text(&props)
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

pub async fn export(client: &ApimClient, req: &BackendSyncRequest) -> Result<ExportResult, ApimError> {
    let dir = req.dir()?;
    let current = read_service(client, req).await?;
    let wanted: Vec<String> = match &req.backend_ids {
        Some(ids) => {
            let missing: Vec<ErrorDetail> = ids
                .iter()
                .filter(|id| !current.contains_key(*id))
                .map(|id| ErrorDetail::new("backendIds", "NotFound", format!("backendIds: backend '{id}' is not on the service")))
                .collect();
            if !missing.is_empty() {
                let mut e = ApimError::validation(missing);
                e.category = ErrorCategory::ObjectNotFound;
                return Err(e);
            }
            ids.clone()
        }
        None => current.keys().cloned().collect(),
    };
    let mut written = Vec::new();
    for id in wanted {
        let text = backend_file_text(&id, &current[&id], req.include_secret);
        let path = files::write_file(&dir, &id, &text)?;
        written.push(ExportedFile { backend_id: id, path: path.display().to_string() });
    }
    Ok(ExportResult { files: written })
}

// ---------------------------------------------------------------------------------------------
// Plan

/// One backend of a plan. `desired` (the resolved properties, secrets included) is never
/// serialised.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendPlanItem {
    pub backend_id: String,
    pub action: Action,
    /// The ETag read for an Update or Delete (what the write's If-Match carries).
    pub etag: Option<String>,
    pub changes: Vec<Change>,
    pub secrets: Vec<SecretStatus>,
    /// 1: single backends written; 2: pools written or deleted; 3: single backends deleted.
    pub phase: u8,
    /// Backends whose writes in an earlier phase this one waits for.
    pub depends_on: Vec<String>,
    #[serde(skip)]
    desired: Option<Value>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendPlan {
    pub items: Vec<BackendPlanItem>,
}

impl BackendPlan {
    pub fn has_changes(&self) -> bool {
        self.items.iter().any(|i| i.action.writes())
    }
}

pub(crate) fn is_pool(properties: &Value) -> bool {
    properties.get("type").and_then(Value::as_str).is_some_and(|t| t.eq_ignore_ascii_case("Pool"))
}

/// The desired state read from the files: id -> (resolved properties, pointers where a
/// placeholder was resolved). Every problem in every file is reported at once.
fn read_desired(client: &ApimClient, req: &BackendSyncRequest, dir: &Path) -> Result<BTreeMap<String, (Value, BTreeSet<String>)>, ApimError> {
    let source = req.source();
    let mut desired = BTreeMap::new();
    let mut problems: Vec<ErrorDetail> = Vec::new();
    let mut missing = Vec::new();
    for file in files::read_dir(dir)? {
        let file_label = format!("{}.json", file.name);
        if let Err(e) = validate_backend_id(&file.name, &file_label) {
            problems.push(ErrorDetail::new(&file_label, "InvalidFileName", format!("{file_label}: the file name must be a backend id: {}", e.message)));
            continue;
        }
        let mut unresolved = Vec::new();
        let (resolved, at) = secrets::resolve(&file.value, &source, &mut unresolved);
        missing.extend(unresolved.into_iter().map(|(pointer, name)| (format!("{file_label}:"), pointer, name)));
        desired.insert(file.name, (resolved, at));
    }
    if !missing.is_empty() {
        return Err(secrets::unresolved_error(&missing));
    }
    for (id, (props, _)) in &desired {
        if let Err(e) = check_backend_contract(&json!({"properties": props}), client.api_version()) {
            let file_label = format!("{id}.json");
            if e.details.is_empty() {
                problems.push(ErrorDetail::new(format!("{file_label}:{}", e.target.unwrap_or_default()), e.code, format!("{file_label}: {}", e.message)));
            }
            for d in e.details {
                let target = format!("{file_label}:{}", d.target.unwrap_or_default());
                problems.push(ErrorDetail::new(target, d.code, format!("{file_label}: {}", d.message)));
            }
        }
    }
    if problems.is_empty() {
        Ok(desired)
    } else {
        Err(ApimError::validation(problems))
    }
}

/// The member backend ids of a pool's properties that belong to the synced service (or
/// workspace); members elsewhere are reported in `foreign`.
fn pool_members(req: &BackendSyncRequest, client: &ApimClient, properties: &Value, foreign: &mut Vec<String>) -> Vec<String> {
    let Some(services) = properties.pointer("/pool/services").and_then(Value::as_array) else { return Vec::new() };
    let subscription = req.subscription_id.clone().or_else(|| client.options().subscription_id.clone());
    let mut members = Vec::new();
    for service in services {
        let Some(id) = service.get("id").and_then(Value::as_str) else { continue };
        let Some(parts) = parse_backend_arm_id(id) else { continue };
        let same_scope = subscription.as_deref().is_none_or(|s| s.eq_ignore_ascii_case(&parts.subscription_id))
            && parts.resource_group_name.eq_ignore_ascii_case(&req.resource_group_name)
            && parts.service_name.eq_ignore_ascii_case(&req.service_name)
            && match (&parts.workspace_id, &req.workspace_id) {
                (None, None) => true,
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                _ => false,
            };
        if same_scope {
            members.push(parts.backend_id);
        } else {
            foreign.push(id.to_string());
        }
    }
    members
}

fn secret_statuses(current: Option<&Value>, desired: &Value, secret_pointers: &BTreeSet<String>) -> Vec<SecretStatus> {
    secret_pointers
        .iter()
        .filter(|p| desired.pointer(p).is_some())
        .map(|p| {
            let changed = current.and_then(|c| c.pointer(p)) != desired.pointer(p);
            SecretStatus { path: diff::dotted(p), state: if changed { SecretState::Changed } else { SecretState::Unchanged } }
        })
        .collect()
}

/// Compares the files with the service. Reads only: one list, then one GET per backend that
/// would be updated or deleted (for its ETag and its current state).
pub async fn plan(client: &ApimClient, req: &BackendSyncRequest) -> Result<BackendPlan, ApimError> {
    let (desired, mut current) = match &req.from_endpoint {
        Some(endpoint) => {
            let current = read_service(client, req).await?;
            let desired = super::dry_run::desired_from_endpoint(client, req, endpoint, &current).await?;
            (desired, current)
        }
        None => {
            let dir = req.dir()?;
            let desired = read_desired(client, req, &dir)?;
            (desired, read_service(client, req).await?)
        }
    };

    // Read the ETag (and the exact state) of everything that would change.
    let candidates: Vec<String> = current
        .keys()
        .filter(|id| match desired.get(*id) {
            Some((props, at)) => !diff::diff(&current[*id], props, at).is_empty(),
            None => req.prune,
        })
        .cloned()
        .collect();
    let limit = req.bulk().throttle_limit.max(1) as usize;
    let reads: Vec<(String, Result<crate::client::OperationResult, ApimError>)> = stream::iter(candidates)
        .map(|id| async move {
            let r = client.backend_get(&req.address(Some(&id))).await;
            (id, r)
        })
        .buffer_unordered(limit)
        .collect()
        .await;
    let mut etags = BTreeMap::new();
    for (id, result) in reads {
        match result {
            Ok(r) => {
                if let Some(props) = r.body.as_ref().and_then(|b| b.get("properties")) {
                    current.insert(id.clone(), props.clone());
                }
                etags.insert(id, r.etag);
            }
            Err(e) if e.http_status == Some(404) => {
                current.remove(&id);
            }
            Err(e) => return Err(e),
        }
    }

    let mut items = Vec::new();
    for (id, (props, resolved_at)) in &desired {
        let now = current.get(id);
        let mut secret_pointers: BTreeSet<String> = secret_slots(id, props).into_iter().map(|(p, _)| p).collect();
        if let Some(now) = now {
            secret_pointers.extend(secret_slots(id, now).into_iter().map(|(p, _)| p));
        }
        secret_pointers.extend(resolved_at.iter().cloned());
        let changes = diff::diff(now.unwrap_or(&Value::Null), props, &secret_pointers);
        let action = match (now, changes.is_empty()) {
            (None, _) => Action::Create,
            (Some(_), true) => Action::NoChange,
            (Some(_), false) => Action::Update,
        };
        items.push(BackendPlanItem {
            backend_id: id.clone(),
            action,
            etag: if action == Action::Update { etags.get(id).cloned().flatten() } else { None },
            changes,
            secrets: secret_statuses(now, props, &secret_pointers),
            phase: if is_pool(props) { 2 } else { 1 },
            depends_on: Vec::new(),
            desired: Some(props.clone()),
        });
    }
    if req.prune {
        for (id, now) in &current {
            if desired.contains_key(id) {
                continue;
            }
            let secret_pointers: BTreeSet<String> = secret_slots(id, now).into_iter().map(|(p, _)| p).collect();
            items.push(BackendPlanItem {
                backend_id: id.clone(),
                action: Action::Delete,
                etag: etags.get(id).cloned().flatten(),
                changes: diff::diff(now, &Value::Null, &secret_pointers),
                secrets: Vec::new(),
                phase: if is_pool(now) { 2 } else { 3 },
                depends_on: Vec::new(),
                desired: None,
            });
        }
    }
    order(client, req, &current, &mut items)?;
    Ok(BackendPlan { items })
}

/// Checks every pool reference and fills `depends_on`; sorts the items by phase, then id.
fn order(client: &ApimClient, req: &BackendSyncRequest, current: &BTreeMap<String, Value>, items: &mut [BackendPlanItem]) -> Result<(), ApimError> {
    let deleted: BTreeSet<String> = items.iter().filter(|i| i.action == Action::Delete).map(|i| i.backend_id.clone()).collect();
    let in_files: BTreeSet<String> = items.iter().filter(|i| i.desired.is_some()).map(|i| i.backend_id.clone()).collect();
    let writes_in_phase_1: BTreeSet<String> =
        items.iter().filter(|i| i.phase == 1 && i.action.writes()).map(|i| i.backend_id.clone()).collect();
    let mut problems = Vec::new();
    // Pools that stay, in the form they will have: from the files, else as on the service.
    let mut kept_pools: BTreeMap<String, Value> =
        current.iter().filter(|(id, p)| is_pool(p) && !deleted.contains(*id)).map(|(id, p)| (id.clone(), p.clone())).collect();
    for item in items.iter() {
        if let Some(d) = &item.desired {
            if is_pool(d) {
                kept_pools.insert(item.backend_id.clone(), d.clone());
            } else {
                kept_pools.remove(&item.backend_id);
            }
        }
    }
    let mut member_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (pool, props) in &kept_pools {
        let mut foreign = Vec::new();
        let members = pool_members(req, client, props, &mut foreign);
        let target = if in_files.contains(pool) { format!("{pool}.json:pool.services") } else { format!("{pool} (on the service):pool.services") };
        for id in foreign {
            problems.push(ErrorDetail::new(&target, "PoolMemberOutOfScope", format!(
                "{target}: the member '{id}' is not a backend of the synced service{}; its order cannot be planned",
                req.workspace_id.as_deref().map(|w| format!(" workspace '{w}'")).unwrap_or_default()
            )));
        }
        for m in members {
            if deleted.contains(&m) {
                problems.push(ErrorDetail::new(&target, "PoolMemberDeleted", format!(
                    "{target}: the pool keeps backend '{m}', which this sync would delete (remove it from the pool, or keep its file)"
                )));
            } else if !in_files.contains(&m) && !current.contains_key(&m) {
                problems.push(ErrorDetail::new(&target, "PoolMemberNotFound", format!(
                    "{target}: backend '{m}' is found neither in the files nor on the service"
                )));
            }
            member_of.entry(m).or_default().push(pool.clone());
        }
    }
    // Current pools' members, for deletes: a single backend is deleted only after every pool
    // that had it has been rewritten or deleted.
    let mut was_member_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (pool, props) in current.iter().filter(|(_, p)| is_pool(p)) {
        for m in pool_members(req, client, props, &mut Vec::new()) {
            was_member_of.entry(m).or_default().push(pool.clone());
        }
    }
    if !problems.is_empty() {
        let mut e = ApimError::validation(problems);
        e.message = format!("the pools cannot be ordered; nothing was sent. {}", e.message);
        return Err(e);
    }
    let pool_writes: BTreeSet<String> = items.iter().filter(|i| i.phase == 2 && i.action.writes()).map(|i| i.backend_id.clone()).collect();
    for item in items.iter_mut() {
        item.depends_on = match item.phase {
            2 => item
                .desired
                .as_ref()
                .map(|d| pool_members(req, client, d, &mut Vec::new()))
                .unwrap_or_default()
                .into_iter()
                .filter(|m| writes_in_phase_1.contains(m))
                .collect(),
            3 => was_member_of.get(&item.backend_id).cloned().unwrap_or_default().into_iter().filter(|p| pool_writes.contains(p)).collect(),
            _ => Vec::new(),
        };
        item.depends_on.sort();
        item.depends_on.dedup();
    }
    items.sort_by(|a, b| (a.phase, &a.backend_id).cmp(&(b.phase, &b.backend_id)));
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Sync

/// How one backend's write ended.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendSyncResult {
    pub backend_id: String,
    pub action: Action,
    pub outcome: Outcome,
    pub http_status: Option<u16>,
    /// The ETag after the write (Create, Update).
    pub etag: Option<String>,
    pub changes: Vec<Change>,
    pub error: Option<ApimError>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendSyncReport {
    pub results: Vec<BackendSyncResult>,
    pub succeeded: usize,
    pub failed: usize,
    pub skipped: usize,
    pub unchanged: usize,
}

fn result(item: &BackendPlanItem, outcome: Outcome, error: Option<ApimError>) -> BackendSyncResult {
    BackendSyncResult {
        backend_id: item.backend_id.clone(),
        action: item.action,
        outcome,
        http_status: error.as_ref().and_then(|e| e.http_status),
        etag: None,
        changes: item.changes.clone(),
        error,
    }
}

/// Applies the files to the service: plans (reads), then writes phase by phase. With
/// `req.plan`, the approved actions and ETags are what is applied.
pub async fn sync(client: &ApimClient, req: &BackendSyncRequest) -> Result<BackendSyncReport, ApimError> {
    let bulk = req.bulk();
    bulk.check()?;
    let mut fresh = plan(client, req).await?;
    let mut preset: BTreeMap<String, BackendSyncResult> = BTreeMap::new();
    if let Some(approved) = &req.plan {
        let approved: BTreeMap<&str, &ApprovedItem> = approved.iter().map(|a| (a.backend_id.as_str(), a)).collect();
        let mut problems = Vec::new();
        for item in fresh.items.iter_mut() {
            match approved.get(item.backend_id.as_str()) {
                None if item.action.writes() => {
                    let e = ApimError::new(
                        "NotInPlan",
                        format!("backend '{}' would be {} but is not in the approved plan; not sent", item.backend_id, item.action.past()),
                        ErrorCategory::InvalidOperation,
                    );
                    preset.insert(item.backend_id.clone(), result(item, Outcome::Skipped, Some(e)));
                }
                None => {}
                Some(a) => {
                    if a.action == Action::Create && item.action != Action::Create {
                        let e = ApimError::new("PreconditionFailed", format!("backend '{}' was created on the service after the plan was made; it is not overwritten", item.backend_id), ErrorCategory::ResourceExists).with_http_status(412);
                        item.action = Action::Create;
                        preset.insert(item.backend_id.clone(), result(item, Outcome::Failed, Some(e)));
                        continue;
                    }
                    if a.action.writes() && item.desired.is_none() && a.action != Action::Delete {
                        problems.push(ErrorDetail::new("plan", "FileMissing", format!("plan: backend '{}' is to be {} but has no file any more", a.backend_id, a.action.past())));
                    }
                    item.action = a.action;
                    item.etag = a.etag.clone();
                }
            }
        }
        if !problems.is_empty() {
            return Err(ApimError::validation(problems));
        }
    }
    let pacer = Pacer::new(&bulk);
    let mut done: BTreeMap<String, BackendSyncResult> = BTreeMap::new();
    for phase in 1..=3u8 {
        let mut to_write = Vec::new();
        for item in fresh.items.iter().filter(|i| i.phase == phase) {
            if let Some(r) = preset.remove(&item.backend_id) {
                done.insert(item.backend_id.clone(), r);
                continue;
            }
            if !item.action.writes() {
                done.insert(item.backend_id.clone(), result(item, Outcome::NoChange, None));
                continue;
            }
            let blocked: Vec<&String> = item.depends_on.iter().filter(|d| done.get(*d).is_some_and(|r| r.outcome != Outcome::Succeeded)).collect();
            if !blocked.is_empty() {
                let e = ApimError::new(
                    "DependencyFailed",
                    format!("backend '{}' was not written because the write of {} did not succeed", item.backend_id, blocked.iter().map(|b| format!("'{b}'")).collect::<Vec<_>>().join(", ")),
                    ErrorCategory::NotSpecified,
                );
                done.insert(item.backend_id.clone(), result(item, Outcome::Skipped, Some(e)));
                continue;
            }
            to_write.push(item);
        }
        let results = pacer.run(to_write, |item| write(client, req, item)).await;
        for r in results {
            done.insert(r.backend_id.clone(), r);
        }
    }
    let results: Vec<BackendSyncResult> = fresh.items.iter().filter_map(|i| done.remove(&i.backend_id)).collect();
    let count = |o: Outcome| results.iter().filter(|r| r.outcome == o).count();
    Ok(BackendSyncReport {
        succeeded: count(Outcome::Succeeded),
        failed: count(Outcome::Failed),
        skipped: count(Outcome::Skipped),
        unchanged: count(Outcome::NoChange),
        results,
    })
}

async fn write(client: &ApimClient, req: &BackendSyncRequest, item: &BackendPlanItem) -> BackendSyncResult {
    let mut address = req.address(Some(&item.backend_id));
    let outcome = match item.action {
        Action::Create | Action::Update => {
            address.body = Some(json!({"properties": item.desired.clone().unwrap_or_else(|| json!({}))}));
            address.if_match = match item.action {
                Action::Update => Some(item.etag.clone().unwrap_or_else(|| "*".to_string())),
                _ => None,
            };
            client.backend_create_or_update(&address).await
        }
        Action::Delete => {
            address.if_match = Some(item.etag.clone().unwrap_or_else(|| "*".to_string()));
            client.backend_delete(&address).await
        }
        Action::NoChange => unreachable!("only writes are sent"),
    };
    match outcome {
        Ok(r) => BackendSyncResult { http_status: Some(r.status), etag: r.etag, ..result(item, Outcome::Succeeded, None) },
        Err(e) => result(item, Outcome::Failed, Some(e)),
    }
}
