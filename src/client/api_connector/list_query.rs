//! The OData query options of an apiConnectors list or get, checked before anything is sent and
//! written as `$name=value` with `%20` for spaces (not `+`, which OData services may read as a
//! literal plus) and `$` kept literal, as Graph's own SDKs send them.

use super::ApiConnectorRequest;
use crate::model::{ApimError, ErrorDetail};
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use serde::Deserialize;
use url::Url;

/// Graph's largest page.
pub const MAX_TOP: i64 = 999;

/// What a query value must escape: everything that would end or confuse a query parameter.
const QUERY_VALUE: &AsciiSet = &CONTROLS.add(b' ').add(b'"').add(b'#').add(b'%').add(b'&').add(b'+').add(b'<').add(b'>').add(b'=').add(b'`').add(b'{').add(b'}').add(b'|').add(b'\\').add(b'^').add(b'[').add(b']');

/// `select` / `orderBy` / `expand` as a comma-separated string or a list of names.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Names {
    One(String),
    Many(Vec<String>),
}

impl Names {
    /// The items, split on commas and trimmed; `None` when one is empty.
    /// An empty list means the option is not used.
    fn items(&self) -> Option<Vec<String>> {
        let raw: Vec<&str> = match self {
            Names::One(s) => s.split(',').collect(),
            Names::Many(list) if list.is_empty() => return Some(Vec::new()),
            Names::Many(list) => list.iter().flat_map(|s| s.split(',')).collect(),
        };
        let items: Vec<String> = raw.iter().map(|s| s.trim().to_string()).collect();
        (!items.is_empty() && items.iter().all(|s| !s.is_empty())).then_some(items)
    }
}

/// `(name, value)` pairs for a list, in a stable order.
pub fn list_query(req: &ApiConnectorRequest) -> Result<Vec<(&'static str, String)>, ApimError> {
    let mut details = Vec::new();
    let mut query = Vec::new();
    if let Some(f) = req.filter.as_deref().filter(|f| !f.trim().is_empty()) {
        query.push(("$filter", f.to_string()));
    }
    if let Some(s) = req.search.as_deref().filter(|s| !s.trim().is_empty()) {
        query.push(("$search", s.to_string()));
    }
    names(&mut query, &mut details, "$orderby", "orderBy", req.order_by.as_ref());
    names(&mut query, &mut details, "$select", "select", req.select.as_ref());
    names(&mut query, &mut details, "$expand", "expand", req.expand.as_ref());
    if let Some(top) = req.top {
        if (1..=MAX_TOP).contains(&top) {
            query.push(("$top", top.to_string()));
        } else {
            details.push(ErrorDetail::new("top", "Range", format!("'top' must be between 1 and {MAX_TOP}.")));
        }
    }
    if let Some(skip) = req.skip {
        if skip >= 0 {
            query.push(("$skip", skip.to_string()));
        } else {
            details.push(ErrorDetail::new("skip", "Minimum", "'skip' must be 0 or more."));
        }
    }
    if req.max_items.is_some_and(|n| n < 1) {
        details.push(ErrorDetail::new("maxItems", "Minimum", "'maxItems' must be 1 or more."));
    }
    if req.count {
        query.push(("$count", "true".to_string()));
    }
    finish(query, details)
}

/// `(name, value)` pairs for a get: only `$select` and `$expand` apply to one entity.
pub fn entity_query(req: &ApiConnectorRequest) -> Result<Vec<(&'static str, String)>, ApimError> {
    let mut details = Vec::new();
    let mut query = Vec::new();
    names(&mut query, &mut details, "$select", "select", req.select.as_ref());
    names(&mut query, &mut details, "$expand", "expand", req.expand.as_ref());
    finish(query, details)
}

/// Replaces `url`'s query with `query`.
pub fn set_query(url: &mut Url, query: &[(&'static str, String)]) {
    if query.is_empty() {
        url.set_query(None);
        return;
    }
    let text: Vec<String> =
        query.iter().map(|(k, v)| format!("{k}={}", utf8_percent_encode(v, QUERY_VALUE))).collect();
    url.set_query(Some(&text.join("&")));
}

fn names(
    query: &mut Vec<(&'static str, String)>,
    details: &mut Vec<ErrorDetail>,
    option: &'static str,
    target: &str,
    value: Option<&Names>,
) {
    let Some(value) = value else { return };
    match value.items() {
        Some(items) if items.is_empty() => {}
        Some(items) => query.push((option, items.join(","))),
        None => details.push(ErrorDetail::new(target, "NotEmpty", format!("'{target}' must not contain empty names."))),
    }
}

fn finish(query: Vec<(&'static str, String)>, details: Vec<ErrorDetail>) -> Result<Vec<(&'static str, String)>, ApimError> {
    if details.is_empty() {
        Ok(query)
    } else {
        Err(ApimError::validation(details))
    }
}
