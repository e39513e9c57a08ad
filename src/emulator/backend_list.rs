//! Backend_ListByService: `$filter` (odata_filter.rs), `$top`/`$skip` paging with an absolute
//! `nextLink` (paging.rs), and `count` = every match across all pages.

use super::arm_backends::{check_scope, check_workspace_version, scope_key, ArmState};
use super::version_view::for_version;
use super::errors::ArmError;
use super::odata_filter::Filter;
use super::paging::Paging;
use super::request::{absolute_url, api_version, Query};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use axum::Json;
use serde_json::{json, Value};

#[derive(serde::Deserialize)]
pub struct ServicePath {
    sub: String,
    rg: String,
    svc: String,
    /// Only on the workspace route: a workspace's list never shows the service's backends.
    #[serde(default)]
    ws: Option<String>,
}

pub async fn list_backends(
    State(state): State<ArmState>,
    Path(p): Path<ServicePath>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Json<Value>, ArmError> {
    let query = Query::from_uri(&uri);
    let version = api_version(&query)?;
    check_workspace_version(p.ws.as_deref(), version)?;
    check_scope(&p.sub, &p.rg, &p.svc, p.ws.as_deref(), None)?;
    let paging = Paging::parse(query.get("$top"), query.get("$skip"), state.ctx.options.page_size)?;
    let filter = match query.get("$filter").map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(Filter::parse(text).map_err(|why| {
            ArmError::bad_parameter("$filter", "InvalidFilter", format!("$filter '{}' is not supported: {why}.", super::limits::excerpt(text)))
        })?),
    };
    let matching: Vec<Value> = state
        .collection(p.ws.as_deref())
        .list_prefix(&scope_key(&p.sub, &p.rg, &p.svc, p.ws.as_deref()))
        .into_iter()
        .map(|r| for_version(&r.value, version))
        .filter(|v| filter.as_ref().map_or(true, |f| f.matches(v)))
        .collect();
    let page = paging.page(&matching);
    let mut body = json!({ "value": page, "count": matching.len() });
    if let Some(next) = paging.next_link(&absolute_url(&headers, &uri, &state.ctx.base_url), matching.len()) {
        body["nextLink"] = json!(next);
    }
    Ok(Json(body))
}
