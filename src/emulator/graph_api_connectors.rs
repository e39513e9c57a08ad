//! Graph `/v1.0/identity/apiConnectors` with the service's behaviour (rest-contracts B): list with
//! OData query options and `@odata.nextLink` paging, get, create (201, generated id), PATCH (204),
//! delete (204, `If-Match` honoured), and `uploadClientCertificate` (200), which really opens the
//! PFX with its password. Errors use Graph's shape (`graph_error`); secrets are never stored or
//! returned (`stored`). The path is matched in both spellings the docs use (`apiConnectors`,
//! `apiconnectors`).

mod graph_error;
mod pfx;
mod query;
mod stored;

pub use graph_error::{GraphError, Tracing};
pub use pfx::{read_pfx, CertificateFacts, PfxProblem};

use super::context::EmulatorContext;
use super::etag::IfMatch;
use super::request::{absolute_url, Query};
use super::store::{Change, JsonCollection};
use crate::model::api_connector::{
    check_api_connector_create, check_api_connector_id, check_api_connector_update, check_upload_client_certificate,
    decode_pkcs12_value, AuthenticationConfiguration, IdentityApiConnector,
};
use crate::model::{ApimError, ErrorCategory};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use query::{encode_skip_token, parse_select, reject_expand, ListQuery};
use serde_json::{Map, Value};
use std::sync::Arc;

/// The store collection holding the connectors.
const COLLECTION: &str = "graphApiConnectors";

#[derive(Clone)]
struct GraphState {
    ctx: EmulatorContext,
    connectors: Arc<JsonCollection>,
}

/// The Graph routes over the emulator's shared store (persisted when it has a data directory).
pub fn routes(ctx: &EmulatorContext) -> Result<Router, ApimError> {
    let connectors = ctx.store.collection(COLLECTION).map_err(|e| {
        ApimError::new("EmulatorStartFailed", format!("cannot load stored API connectors: {e}"), ErrorCategory::ResourceUnavailable)
    })?;
    let state = GraphState { ctx: ctx.clone(), connectors };
    let mut router = Router::new();
    for collection in ["/v1.0/identity/apiConnectors", "/v1.0/identity/apiconnectors"] {
        router = router
            .route(collection, get(list_connectors).post(create_connector))
            .route(&format!("{collection}/{{id}}"), get(get_connector).patch(update_connector).delete(delete_connector))
            .route(&format!("{collection}/{{id}}/uploadClientCertificate"), post(upload_client_certificate));
    }
    Ok(router.with_state(state))
}

async fn list_connectors(State(s): State<GraphState>, headers: HeaderMap, uri: Uri) -> Response {
    let tracing = Tracing::from_headers(&headers);
    tracing.finish(list(&s, &headers, &uri))
}

async fn get_connector(State(s): State<GraphState>, Path(id): Path<String>, headers: HeaderMap, uri: Uri) -> Response {
    let tracing = Tracing::from_headers(&headers);
    tracing.finish(read_one(&s, &id, &headers, &uri))
}

async fn create_connector(State(s): State<GraphState>, headers: HeaderMap, uri: Uri, body: Bytes) -> Response {
    let tracing = Tracing::from_headers(&headers);
    tracing.finish(create(s, &headers, &uri, &body).await)
}

async fn update_connector(State(s): State<GraphState>, Path(id): Path<String>, headers: HeaderMap, body: Bytes) -> Response {
    let tracing = Tracing::from_headers(&headers);
    tracing.finish(update(s, id, &headers, &body).await)
}

async fn delete_connector(State(s): State<GraphState>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let tracing = Tracing::from_headers(&headers);
    tracing.finish(delete(s, id, &headers).await)
}

async fn upload_client_certificate(
    State(s): State<GraphState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Response {
    let tracing = Tracing::from_headers(&headers);
    tracing.finish(upload(s, id, &headers, &uri, &body).await)
}

fn list(s: &GraphState, headers: &HeaderMap, uri: &Uri) -> Result<Response, GraphError> {
    let q = ListQuery::parse(&Query::from_uri(uri), s.ctx.options.page_size)?;
    let mut all: Vec<Value> = s.connectors.list_prefix("").into_iter().map(|r| r.value).filter(|v| q.matches(v)).collect();
    q.sort(&mut all);
    let total = all.len();
    let now = unix_now();
    let page: Vec<Value> =
        all.iter().skip(q.offset).take(q.page_size).map(|v| stored::present(v, now, q.select.as_deref())).collect();
    let url = absolute_url(headers, uri, &s.ctx.base_url);
    let mut body = Map::new();
    body.insert("@odata.context".into(), Value::String(context_url(&url, false)));
    if q.count {
        body.insert("@odata.count".into(), Value::from(total));
    }
    let next = q.offset.saturating_add(q.page_size);
    if next < total {
        body.insert("@odata.nextLink".into(), Value::String(next_link(&url, next)));
    }
    body.insert("value".into(), Value::Array(page));
    Ok((StatusCode::OK, Json(Value::Object(body))).into_response())
}

fn read_one(s: &GraphState, id: &str, headers: &HeaderMap, uri: &Uri) -> Result<Response, GraphError> {
    check_id(id)?;
    let query = Query::from_uri(uri);
    reject_expand(&query)?;
    let select = parse_select(&query)?;
    let record = s.connectors.get(id).ok_or_else(|| GraphError::not_found(id))?;
    let url = absolute_url(headers, uri, &s.ctx.base_url);
    Ok(entity_response(StatusCode::OK, &url, &record.value, &record.etag, select.as_deref()))
}

async fn create(s: GraphState, headers: &HeaderMap, uri: &Uri, body: &[u8]) -> Result<Response, GraphError> {
    let body = parse_json(body)?;
    let connector = check_api_connector_create(&body).map_err(GraphError::from_validation)?;
    let certificate = certificate_of(&connector, "authenticationConfiguration.").await?;
    let id = uuid::Uuid::new_v4().to_string();
    let value = stored::new_connector(&id, &connector, certificate);
    let connectors = s.connectors.clone();
    let key = id.clone();
    let modified = blocking(move || connectors.modify::<GraphError, _>(&key, |_| Ok(Change::Put(value)))).await?;
    let record = modified.after.ok_or_else(|| GraphError::internal("the created connector was not stored"))?;
    let url = absolute_url(headers, uri, &s.ctx.base_url);
    let mut response = entity_response(StatusCode::CREATED, &url, &record.value, &record.etag, None);
    let location = format!("{}/{id}", url.as_str().split('?').next().unwrap_or("").trim_end_matches('/'));
    if let Ok(v) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, v);
    }
    Ok(response)
}

async fn update(s: GraphState, id: String, headers: &HeaderMap, body: &[u8]) -> Result<Response, GraphError> {
    check_id(&id)?;
    let body = parse_json(body)?;
    let patch = check_api_connector_update(&body).map_err(GraphError::from_validation)?;
    // Reading the PFX first keeps a broken upload from touching the stored connector.
    let certificate = certificate_of(&patch, "authenticationConfiguration.").await?;
    let condition = if_match(headers);
    let connectors = s.connectors.clone();
    let modified = blocking(move || {
        connectors.modify::<GraphError, _>(&id, |current| {
            let current = current.ok_or_else(|| GraphError::not_found(&id))?;
            if !condition.allows(Some(&current.etag)) {
                return Err(GraphError::precondition_failed(&id));
            }
            Ok(Change::Put(stored::updated(&current.value, &patch, certificate)))
        })
    })
    .await?;
    Ok(no_content(modified.after.map(|r| r.etag)))
}

async fn delete(s: GraphState, id: String, headers: &HeaderMap) -> Result<Response, GraphError> {
    check_id(&id)?;
    let condition = if_match(headers);
    let connectors = s.connectors.clone();
    blocking(move || {
        connectors.modify::<GraphError, _>(&id, |current| {
            let current = current.ok_or_else(|| GraphError::not_found(&id))?;
            if !condition.allows(Some(&current.etag)) {
                return Err(GraphError::precondition_failed(&id));
            }
            Ok(Change::Delete)
        })
    })
    .await?;
    Ok(no_content(None))
}

async fn upload(s: GraphState, id: String, headers: &HeaderMap, uri: &Uri, body: &[u8]) -> Result<Response, GraphError> {
    check_id(&id)?;
    let body = parse_json(body)?;
    let upload = check_upload_client_certificate(&body).map_err(GraphError::from_validation)?;
    // A missing connector is reported before the (slow) PFX is opened.
    if s.connectors.get(&id).is_none() {
        return Err(GraphError::not_found(&id));
    }
    let facts = open_pfx(upload.pkcs12_value.unwrap_or_default(), upload.password.unwrap_or_default(), "").await?;
    let connectors = s.connectors.clone();
    let modified = blocking(move || {
        connectors.modify::<GraphError, _>(&id, |current| {
            let current = current.ok_or_else(|| GraphError::not_found(&id))?;
            Ok(Change::Put(stored::with_uploaded_certificate(&current.value, facts)))
        })
    })
    .await?;
    let record = modified.after.ok_or_else(|| GraphError::internal("the connector was not stored"))?;
    let url = absolute_url(headers, uri, &s.ctx.base_url);
    Ok(entity_response(StatusCode::OK, &url, &record.value, &record.etag, None))
}

/// The parsed PFX of a pkcs12Certificate configuration, or None for any other configuration.
async fn certificate_of(connector: &IdentityApiConnector, prefix: &str) -> Result<Option<CertificateFacts>, GraphError> {
    match &connector.authentication_configuration {
        Some(AuthenticationConfiguration::Pkcs12Certificate(p)) => {
            let value = p.pkcs12_value.clone().unwrap_or_default();
            let password = p.password.clone().unwrap_or_default();
            open_pfx(value, password, prefix).await.map(Some)
        }
        _ => Ok(None),
    }
}

/// Opens a base64 PFX; failures name `<prefix>pkcs12Value` or `<prefix>password`.
async fn open_pfx(value: String, password: String, prefix: &str) -> Result<CertificateFacts, GraphError> {
    let prefix = prefix.to_string();
    blocking(move || {
        decode_pkcs12_value(&value)
            .map_err(|_| PfxProblem::NotPkcs12)
            .and_then(|bytes| read_pfx(&bytes, &password))
            .map_err(|problem| {
                let (field, rule, message) = problem.describe();
                GraphError::bad_field(&format!("{prefix}{field}"), rule, message)
            })
    })
    .await
}

/// Runs blocking work (store file I/O, PFX key derivation) off the async workers.
async fn blocking<T, E, F>(work: F) -> Result<T, E>
where
    T: Send + 'static,
    E: Send + 'static + From<GraphError>,
    F: FnOnce() -> Result<T, E> + Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|e| Err(E::from(GraphError::internal(format!("the emulator's worker failed: {e}")))))
}

fn entity_response(status: StatusCode, url: &url::Url, stored: &Value, etag: &str, select: Option<&[&str]>) -> Response {
    let mut body = Map::new();
    body.insert("@odata.context".into(), Value::String(context_url(url, true)));
    if let Value::Object(fields) = stored::present(stored, unix_now(), select) {
        body.extend(fields);
    }
    let mut response = (status, Json(Value::Object(body))).into_response();
    if let Ok(v) = HeaderValue::from_str(etag) {
        response.headers_mut().insert(header::ETAG, v);
    }
    response
}

fn no_content(etag: Option<String>) -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    if let Some(v) = etag.and_then(|e| HeaderValue::from_str(&e).ok()) {
        response.headers_mut().insert(header::ETAG, v);
    }
    response
}

/// `http://host/v1.0/$metadata#identity/apiConnectors[/$entity]`.
fn context_url(url: &url::Url, entity: bool) -> String {
    let origin = url.origin().ascii_serialization();
    format!("{origin}/v1.0/$metadata#identity/apiConnectors{}", if entity { "/$entity" } else { "" })
}

/// The request URL with `$skip`/`$skiptoken` replaced by a `$skiptoken` for `offset`; every other
/// option (`$top`, `$filter`, `$count`, ...) is kept so the next page answers the same query.
fn next_link(url: &url::Url, offset: usize) -> String {
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !k.eq_ignore_ascii_case("$skip") && !k.eq_ignore_ascii_case("$skiptoken"))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let mut next = url.clone();
    {
        let mut q = next.query_pairs_mut();
        q.clear();
        for (k, v) in &kept {
            q.append_pair(k, v);
        }
        q.append_pair("$skiptoken", &encode_skip_token(offset));
    }
    next.to_string()
}

fn parse_json(body: &[u8]) -> Result<Value, GraphError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(GraphError::bad_field("body", "Required", "A JSON request body is required."));
    }
    // serde's message gives line and column only, never the content (which may hold secrets).
    serde_json::from_slice(body).map_err(|e| {
        GraphError::bad_field(
            "body",
            "InvalidJson",
            format!("The request body is not valid JSON (line {}, column {}).", e.line(), e.column()),
        )
    })
}

fn check_id(id: &str) -> Result<(), GraphError> {
    check_api_connector_id(id, "identityApiConnectorId").map_err(GraphError::from_validation)
}

fn if_match(headers: &HeaderMap) -> IfMatch {
    IfMatch::from_header(headers.get(header::IF_MATCH).and_then(|v| v.to_str().ok()))
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
