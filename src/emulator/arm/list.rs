//! Backend_ListByService: `$filter` (../odata/filter.rs), `$top`/`$skip` paging with an absolute
//! `nextLink` (paging.rs), and `count` = every match across all pages.

use super::state::{check_scope, check_workspace_version, scope_key, ArmState};
use super::version_view::for_version;
use crate::emulator::errors::ArmError;
use crate::emulator::odata::filter::{Dialect, Filter, Function, Op};
use super::paging::Paging;
use crate::emulator::request::{absolute_url, api_version, Query};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use axum::Json;
use serde_json::{json, Value};

/// A filterable field of a backend: the documented `name`, `title`, `url`, with every operator
/// and function and the OData v2 extras.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendField {
    Name,
    Title,
    Url,
}

impl Dialect for BackendField {
    fn field(word: &str) -> Option<BackendField> {
        match word.to_ascii_lowercase().as_str() {
            "name" => Some(BackendField::Name),
            "title" => Some(BackendField::Title),
            "url" => Some(BackendField::Url),
            _ => None,
        }
    }

    /// `name` is the backend id; the others are properties.
    fn value_in(self, entity: &Value) -> Option<String> {
        let v = match self {
            BackendField::Name => entity.get("name"),
            BackendField::Title => entity.pointer("/properties/title"),
            BackendField::Url => entity.pointer("/properties/url"),
        };
        v.and_then(Value::as_str).map(str::to_string)
    }

    const FIELDS: &'static str = "name, title or url";
    const OPERATORS: &'static [Op] = Op::ALL;
    const FUNCTIONS: &'static [(&'static str, Function)] = &[
        ("substringof", Function::SubstringOf),
        ("contains", Function::Contains),
        ("startswith", Function::StartsWith),
        ("endswith", Function::EndsWith),
    ];
    const V2_EXTRAS: bool = true;
}

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
    let filter_text = query.get("$filter").map(str::trim).unwrap_or_default();
    let filter = match filter_text {
        "" => None,
        text => Some(Filter::<BackendField>::parse(text).map_err(|why| {
            ArmError::bad_parameter("$filter", "InvalidFilter", format!("$filter '{}' is not supported: {why}.", crate::emulator::limits::excerpt(text)))
        })?),
    };
    // One page from the store (it resumes a walk over nextLink where the last page ended), so a
    // list of n backends costs n, not n^2 / page size, and other requests wait only for a page.
    // The filter sees each backend as the requested api-version shows it, so the version is part
    // of the query the store keeps a cursor for.
    let scope = scope_key(&p.sub, &p.rg, &p.svc, p.ws.as_deref());
    let cursor_query = format!("{}\u{0}{filter_text}", version.as_str());
    let listed = state.collection(p.ws.as_deref()).page(&scope, &cursor_query, paging.skip, paging.top, |v| {
        filter.as_ref().map_or(true, |f| f.matches(&for_version(v, version)))
    });
    let page: Vec<Value> = listed.records.into_iter().map(|r| for_version(&r.value, version)).collect();
    let mut body = json!({ "value": page, "count": listed.total });
    if let Some(next) = paging.next_link(&absolute_url(&headers, &uri, &state.ctx.base_url), listed.total) {
        body["nextLink"] = json!(next);
    }
    Ok(Json(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(name: &str, title: Option<&str>, url: &str) -> Value {
        json!({"name": name, "properties": {"title": title, "url": url}})
    }

    fn parse(text: &str) -> Result<Filter<BackendField>, String> {
        Filter::parse(text)
    }

    #[test]
    fn precedence_and_binds_tighter_than_or_and_not_is_tightest() {
        let e = b("a", Some("t"), "https://x");
        // false and false or true -> true with correct precedence (false with a right fold).
        assert!(parse("name eq 'z' and title eq 'z' or url eq 'https://x'").unwrap().matches(&e));
        // not name eq 'z' and title eq 'z' -> true and false -> false,
        // while not(name eq 'z' and title eq 'z') would be true.
        assert!(!parse("not name eq 'z' and title eq 'z'").unwrap().matches(&e));
    }

    #[test]
    fn functions_and_null() {
        let e = b("Alpha", None, "https://contoso.com/api");
        assert!(parse("substringof('TOSO', url)").unwrap().matches(&e));
        assert!(parse("startswith(name,'al') eq true").unwrap().matches(&e));
        assert!(!parse("endswith(url,'api') eq false").unwrap().matches(&e));
        assert!(parse("title eq null").unwrap().matches(&e));
        assert!(parse("'b' gt name").unwrap().matches(&e));
    }

    #[test]
    fn unsupported_parts_are_named() {
        assert!(parse("description eq 'x'").unwrap_err().contains("'description'"));
        assert!(parse("name has 'x'").unwrap_err().contains("'has'"));
        assert!(parse("tolower(name) eq 'x'").unwrap_err().contains("'tolower'"));
        assert!(parse("tolower(name) eq 'x'").unwrap_err().contains("use substringof, contains, startswith or endswith"));
        assert!(parse("name has 'x'").unwrap_err().contains("use eq, ne, gt, ge, lt or le"));
        assert!(parse("name eq 'x").unwrap_err().contains("unterminated"));
        assert!(parse("(name eq 'x'").is_err());
    }
}
