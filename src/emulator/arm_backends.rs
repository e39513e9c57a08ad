//! ARM backend routes (`.../service/{svc}/backends[/{id}[/reconnect]]`) and workspace backend
//! routes (`.../service/{svc}/workspaces/{ws}/backends[/{id}]`, 2025-03-01-preview, no reconnect)
//! with the real service's semantics (rest-contracts A.1, A.7): 201 create / 200 replace, PATCH
//! merge, ETags and If-Match, 404 `ResourceNotFound`, 400 `ValidationError` from the model's
//! validators, 202 reconnect. Service and workspace backends live in two collections, so a list
//! of one never shows the other. The list operation lives in `backend_list.rs`, body parsing and
//! service-side defaults in `backend_body.rs`, the checks that need other backends in
//! `pool_members.rs`, the per-api-version view of a stored backend in `version_view.rs`.

use super::async_put::{PendingPuts, Poll};
use super::backend_list::list_backends;
use super::context::EmulatorContext;
use super::errors::ArmError;
use super::etag::IfMatch;
use super::backend_body::{json_body, service_fills_in, stored_properties, validation_error};
use super::json_merge::merge_properties;
use super::pool_members::check_pool_members;
use super::version_view::for_version;
use super::request::{absolute_url, api_version, Query};
use super::store::{Change, JsonCollection, Record};
use crate::model::address::{collect_workspace_id, validate_backend_id, ServiceAddress};
use crate::model::backend::{check_backend_contract, check_backend_reconnect, check_backend_update};
use crate::model::validate::Problems;
use crate::model::{ApiVersion, ApimError, ErrorDetail};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Map, Value};
use std::sync::Arc;

pub const RESOURCE_TYPE: &str = "Microsoft.ApiManagement/service/backends";
pub const WORKSPACE_RESOURCE_TYPE: &str = "Microsoft.ApiManagement/service/workspaces/backends";
const COLLECTION: &str = "backends";
const WORKSPACE_COLLECTION: &str = "workspace-backends";

/// State of the backend routes.
#[derive(Clone)]
pub struct ArmState {
    pub ctx: EmulatorContext,
    pub backends: Arc<JsonCollection>,
    /// Workspace backends, keyed `{sub}/{rg}/{svc}/{ws}/{id}`.
    pub workspace_backends: Arc<JsonCollection>,
    pub pending: Arc<PendingPuts>,
}

impl ArmState {
    /// The collection of a service's (`None`) or a workspace's backends.
    pub fn collection(&self, workspace: Option<&str>) -> &Arc<JsonCollection> {
        match workspace {
            None => &self.backends,
            Some(_) => &self.workspace_backends,
        }
    }
}

/// The backend routes; fails only when the data directory cannot be read.
pub fn routes(ctx: &EmulatorContext) -> Result<Router, ApimError> {
    let load = |name: &str| {
        ctx.store.collection(name).map_err(|e| {
            ApimError::new("EmulatorStartFailed", format!("cannot load stored {name}: {e}"), crate::model::ErrorCategory::ResourceUnavailable)
        })
    };
    let state = ArmState {
        ctx: ctx.clone(),
        backends: load(COLLECTION)?,
        workspace_backends: load(WORKSPACE_COLLECTION)?,
        pending: Arc::new(PendingPuts::default()),
    };
    let service = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ApiManagement/service/{svc}";
    let base = format!("{service}/backends");
    let workspace = format!("{service}/workspaces/{{ws}}/backends");
    let entity = || get(get_backend).head(head_backend).put(put_backend).patch(patch_backend).delete(delete_backend);
    Ok(Router::new()
        .route(&base, get(list_backends))
        .route(&format!("{base}/{{id}}"), entity())
        .route(&format!("{base}/{{id}}/reconnect"), post(reconnect_backend))
        .route(&workspace, get(list_backends))
        .route(&format!("{workspace}/{{id}}"), entity())
        .with_state(state))
}

/// The path parameters of an entity route (`ws` only on workspace routes).
#[derive(serde::Deserialize)]
pub struct EntityPath {
    pub sub: String,
    pub rg: String,
    pub svc: String,
    #[serde(default)]
    pub ws: Option<String>,
    pub id: String,
}

/// Workspace backends exist from api-version 2025-03-01-preview on; an older version is refused
/// the way ARM refuses an api-version a resource type does not have.
pub fn check_workspace_version(workspace: Option<&str>, version: ApiVersion) -> Result<(), ArmError> {
    if workspace.is_some() && version < ApiVersion::V2025_03_01Preview {
        return Err(ArmError::new(
            StatusCode::BAD_REQUEST,
            "InvalidApiVersionParameter",
            format!(
                "The api-version '{version}' is invalid for workspace backends. The supported versions are '{}'.",
                ApiVersion::V2025_03_01Preview
            ),
        )
        .with_target("api-version"));
    }
    Ok(())
}

/// Validates the address of a service or workspace backend with the model's rules and returns
/// the ARM path of the collection's parent (`.../service/{svc}` or `.../workspaces/{ws}`).
pub fn check_scope(sub: &str, rg: &str, svc: &str, workspace: Option<&str>, id: Option<&str>) -> Result<String, ArmError> {
    let service_path = check_address(sub, rg, svc, id)?;
    let Some(ws) = workspace else { return Ok(service_path) };
    let mut p = Problems::new();
    collect_workspace_id(ws, "workspaceId", &mut p);
    if !p.is_empty() {
        return Err(ArmError::validation(p.into_details()));
    }
    Ok(format!("{service_path}/workspaces/{ws}"))
}

/// Validates the service address (and the backend id when given) with the model's rules.
pub fn check_address(sub: &str, rg: &str, svc: &str, id: Option<&str>) -> Result<String, ArmError> {
    let address = ServiceAddress {
        subscription_id: sub.to_string(),
        resource_group_name: rg.to_string(),
        service_name: svc.to_string(),
    };
    let mut details: Vec<ErrorDetail> = Vec::new();
    if let Err(e) = address.validate() {
        details.extend(ArmError::from_apim(StatusCode::BAD_REQUEST, e).error.details);
    }
    if let Some(id) = id {
        if let Err(e) = validate_backend_id(id, "backendId") {
            details.extend(ArmError::from_apim(StatusCode::BAD_REQUEST, e).error.details);
        }
    }
    if details.is_empty() {
        Ok(address.path())
    } else {
        Err(ArmError::validation(details))
    }
}

/// Store key prefix of a service's or a workspace's backends (compared case-insensitively).
pub fn scope_key(sub: &str, rg: &str, svc: &str, workspace: Option<&str>) -> String {
    match workspace {
        None => format!("{sub}/{rg}/{svc}/"),
        Some(ws) => format!("{sub}/{rg}/{svc}/{ws}/"),
    }
}

fn entity_key(p: &EntityPath) -> String {
    format!("{}{}", scope_key(&p.sub, &p.rg, &p.svc, p.ws.as_deref()), p.id)
}

fn resource_type(workspace: Option<&str>) -> &'static str {
    if workspace.is_some() {
        WORKSPACE_RESOURCE_TYPE
    } else {
        RESOURCE_TYPE
    }
}

fn with_etag(mut response: Response, etag: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(etag) {
        response.headers_mut().insert("etag", v);
    }
    response
}

/// The entity as the requested api-version shows it (fields of newer versions left out).
fn entity_response(status: StatusCode, record: &Record, version: ApiVersion) -> Response {
    with_etag((status, Json(for_version(&record.value, version))).into_response(), &record.etag)
}

/// Runs a store change off the async threads (it may fsync).
async fn modify<F>(state: &ArmState, workspace: Option<&str>, key: String, decide: F) -> Result<super::store::Modified, ArmError>
where
    F: FnOnce(Option<&Record>) -> Result<Change, ArmError> + Send + 'static,
{
    let backends = state.collection(workspace).clone();
    tokio::task::spawn_blocking(move || backends.modify(&key, decide))
        .await
        .map_err(|e| ArmError::new(StatusCode::INTERNAL_SERVER_ERROR, "InternalServerError", format!("store task failed: {e}")))?
}

fn require_if_match(headers: &HeaderMap, operation: &str) -> Result<IfMatch, ArmError> {
    match IfMatch::from_header(headers.get("if-match").and_then(|v| v.to_str().ok())) {
        IfMatch::Absent => Err(ArmError::bad_parameter(
            "If-Match",
            "Required",
            format!("The If-Match header is required for {operation}: send the entity's ETag, or * to {operation} unconditionally."),
        )),
        m => Ok(m),
    }
}

fn if_match(headers: &HeaderMap) -> IfMatch {
    IfMatch::from_header(headers.get("if-match").and_then(|v| v.to_str().ok()))
}

fn stale(id: &str) -> ArmError {
    ArmError::precondition_failed(format!(
        "The If-Match ETag does not match the current state of backend '{id}'; get the entity again and retry with its ETag."
    ))
}

async fn get_backend(
    State(state): State<ArmState>,
    Path(p): Path<EntityPath>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, ArmError> {
    let query = Query::from_uri(&uri);
    let version = api_version(&query)?;
    check_workspace_version(p.ws.as_deref(), version)?;
    check_scope(&p.sub, &p.rg, &p.svc, p.ws.as_deref(), Some(&p.id))?;
    let record = state.collection(p.ws.as_deref()).get(&entity_key(&p)).ok_or_else(|| ArmError::not_found("Backend"))?;
    if let Some(async_id) = query.get("asyncId") {
        match state.pending.poll(async_id) {
            Poll::Running => {
                let location = absolute_url(&headers, &uri, &state.ctx.base_url).to_string();
                let mut response = StatusCode::ACCEPTED.into_response();
                if let Ok(v) = HeaderValue::from_str(&location) {
                    response.headers_mut().insert("location", v);
                }
                response.headers_mut().insert("retry-after", HeaderValue::from_static("0"));
                return Ok(response);
            }
            Poll::Done(status) => {
                let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
                return Ok(entity_response(status, &record, version));
            }
            Poll::Unknown => {}
        }
    }
    Ok(entity_response(StatusCode::OK, &record, version))
}

async fn head_backend(State(state): State<ArmState>, Path(p): Path<EntityPath>, uri: Uri) -> Result<Response, ArmError> {
    let head = |e: ArmError| e.for_method(&Method::HEAD);
    let version = api_version(&Query::from_uri(&uri)).map_err(head)?;
    check_workspace_version(p.ws.as_deref(), version).map_err(head)?;
    check_scope(&p.sub, &p.rg, &p.svc, p.ws.as_deref(), Some(&p.id)).map_err(head)?;
    let record = state.collection(p.ws.as_deref()).get(&entity_key(&p)).ok_or_else(|| head(ArmError::not_found("Backend")))?;
    Ok(with_etag(StatusCode::OK.into_response(), &record.etag))
}

async fn put_backend(
    State(state): State<ArmState>,
    Path(p): Path<EntityPath>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ArmError> {
    let version = api_version(&Query::from_uri(&uri))?;
    let workspace = p.ws.clone();
    check_workspace_version(workspace.as_deref(), version)?;
    let scope_path = check_scope(&p.sub, &p.rg, &p.svc, workspace.as_deref(), Some(&p.id))?;
    let body = json_body(&body, true)?.unwrap_or_default();
    let properties = stored_properties(&body, version)?;
    let member_problems = check_pool_members(&state, &p, &properties);
    if !member_problems.is_empty() {
        return Err(ArmError::validation(member_problems));
    }
    let condition = if_match(&headers);
    let id = p.id.clone();
    let kind = resource_type(workspace.as_deref());
    let changed = modify(&state, workspace.as_deref(), entity_key(&p), move |before| {
        if !condition.allows(before.map(|b| b.etag.as_str())) {
            // If-Match `*` (or a tag) on a backend that does not exist: ARM answers 412, not 404,
            // because the precondition is what failed.
            return Err(match before {
                None => ArmError::precondition_failed(format!(
                    "Backend '{id}' does not exist, so the If-Match condition cannot hold; omit If-Match to create it."
                )),
                Some(_) => stale(&id),
            });
        }
        // A replace keeps the id and name as first created (ARM keeps the original casing).
        let (resource_id, name) = match before {
            Some(b) => (b.value["id"].clone(), b.value["name"].clone()),
            None => (json!(format!("{scope_path}/backends/{id}")), json!(id)),
        };
        Ok(Change::Put(json!({ "id": resource_id, "type": kind, "name": name, "properties": properties })))
    })
    .await?;
    let record = changed.after.expect("a put leaves an entity");
    let status = if changed.before.is_some() { StatusCode::OK } else { StatusCode::CREATED };
    if state.ctx.options.async_put {
        let async_id = state.pending.register(status.as_u16());
        let mut location = absolute_url(&headers, &uri, &state.ctx.base_url);
        location.query_pairs_mut().append_pair("asyncId", &async_id).append_pair("asyncCode", &status.as_u16().to_string());
        let mut response = StatusCode::ACCEPTED.into_response();
        if let Ok(v) = HeaderValue::from_str(location.as_str()) {
            response.headers_mut().insert("location", v);
        }
        response.headers_mut().insert("retry-after", HeaderValue::from_static("0"));
        return Ok(response);
    }
    Ok(entity_response(status, &record, version))
}

async fn patch_backend(
    State(state): State<ArmState>,
    Path(p): Path<EntityPath>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ArmError> {
    let version = api_version(&Query::from_uri(&uri))?;
    check_workspace_version(p.ws.as_deref(), version)?;
    check_scope(&p.sub, &p.rg, &p.svc, p.ws.as_deref(), Some(&p.id))?;
    let condition = require_if_match(&headers, "update")?;
    let body = json_body(&body, true)?.unwrap_or_default();
    check_backend_update(&body, version).map_err(validation_error)?;
    let patch = body.get("properties").cloned().unwrap_or(Value::Null);
    let id = p.id.clone();
    // The merged result must be a valid backend as a whole (a PATCH may add url to a Pool, or
    // a pool to a Single one); the pool members it names are checked before the lock is taken.
    let merged_preview = state.collection(p.ws.as_deref()).get(&entity_key(&p)).map(|before| merged(&before.value, &patch));
    if let Some(entity) = &merged_preview {
        // Checked as this api-version sees it: stored fields of newer versions are kept, not
        // held against a client that cannot know them.
        check_backend_contract(&for_version(entity, version), version).map_err(validation_error)?;
        let member_problems = check_pool_members(&state, &p, &entity["properties"]);
        if !member_problems.is_empty() {
            return Err(ArmError::validation(member_problems));
        }
    }
    let changed = modify(&state, p.ws.as_deref(), entity_key(&p), move |before| {
        let Some(before) = before else { return Err(ArmError::not_found("Backend")) };
        if !condition.allows(Some(&before.etag)) {
            return Err(stale(&id));
        }
        Ok(Change::Put(merged(&before.value, &patch)))
    })
    .await?;
    Ok(entity_response(StatusCode::OK, &changed.after.expect("a patch leaves an entity"), version))
}

/// A stored entity with a PATCH's properties merged in, as the service stores it.
fn merged(entity: &Value, patch: &Value) -> Value {
    let mut entity = entity.clone();
    let stored = entity
        .as_object_mut()
        .map(|o| o.entry("properties").or_insert_with(|| Value::Object(Map::new())))
        .expect("stored entities are objects");
    merge_properties(stored, patch);
    service_fills_in(stored);
    entity
}

async fn delete_backend(
    State(state): State<ArmState>,
    Path(p): Path<EntityPath>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, ArmError> {
    let version = api_version(&Query::from_uri(&uri))?;
    check_workspace_version(p.ws.as_deref(), version)?;
    check_scope(&p.sub, &p.rg, &p.svc, p.ws.as_deref(), Some(&p.id))?;
    let condition = require_if_match(&headers, "delete")?;
    let id = p.id.clone();
    let changed = modify(&state, p.ws.as_deref(), entity_key(&p), move |before| match before {
        // ARM convention: deleting what is not there is not an error (204) when the caller
        // deletes unconditionally (`*`). A specific ETag names a version the caller saw; nothing
        // can match it, so the precondition fails (412), as for a PUT with If-Match (RFC 9110
        // 13.1.1: If-Match is false when there is no current representation).
        None if condition == IfMatch::Any => Ok(Change::Keep),
        None => Err(ArmError::precondition_failed(format!(
            "Backend '{id}' does not exist, so the If-Match ETag cannot match; get the backend again or delete with If-Match: *."
        ))),
        Some(b) if condition.allows(Some(&b.etag)) => Ok(Change::Delete),
        Some(_) => Err(stale(&id)),
    })
    .await?;
    Ok(if changed.before.is_some() { StatusCode::OK } else { StatusCode::NO_CONTENT }.into_response())
}

async fn reconnect_backend(
    State(state): State<ArmState>,
    Path(p): Path<EntityPath>,
    uri: Uri,
    body: Bytes,
) -> Result<Response, ArmError> {
    api_version(&Query::from_uri(&uri))?;
    check_address(&p.sub, &p.rg, &p.svc, Some(&p.id))?;
    if let Some(body) = json_body(&body, false)? {
        check_backend_reconnect(&body).map_err(validation_error)?;
    }
    state.backends.get(&entity_key(&p)).ok_or_else(|| ArmError::not_found("Backend"))?;
    Ok(StatusCode::ACCEPTED.into_response())
}
