//! The OData query options of the apiConnectors list and get: `$filter`, `$search`, `$orderby`,
//! `$select`, `$expand`, `$count`, `$top`, `$skip` and the `$skiptoken` of `@odata.nextLink`.
//! Anything outside what is supported is a 400 `Request_UnsupportedQuery` that says what is.
//!
//! `$filter` is parsed by the emulator's one parser (`odata::filter`) in Graph's dialect for this
//! entity ([`ConnectorField`]): comparisons `field eq|ne 'text'` and `startswith(field,'text')` on
//! `id`, `displayName`, `targetUrl`, joined with `and` / `or` and parentheses.

use super::error::GraphError;
use crate::emulator::odata::filter::{Dialect, Filter, Function, Op};
use crate::emulator::request::Query;
use base64::Engine;
use serde_json::Value;
use std::cmp::Ordering;

/// Properties of identityApiConnector that can be filtered, sorted and selected.
const PROPERTIES: [&str; 4] = ["id", "displayName", "targetUrl", "authenticationConfiguration"];
const FILTERABLE: [&str; 3] = ["id", "displayName", "targetUrl"];

/// Graph's largest page.
pub const MAX_PAGE_SIZE: usize = 999;

/// Everything a list request asked for.
#[derive(Debug, Clone)]
pub struct ListQuery {
    pub filter: Option<Filter<ConnectorField>>,
    pub search: Option<(Option<&'static str>, String)>,
    pub order_by: Vec<(&'static str, bool)>,
    pub select: Option<Vec<&'static str>>,
    pub count: bool,
    /// Page size (`$top`, else the emulator's default).
    pub page_size: usize,
    /// Items to pass over (`$skip`, or the position a `$skiptoken` encodes).
    pub offset: usize,
}

impl ListQuery {
    pub fn parse(query: &Query, default_page_size: usize) -> Result<ListQuery, GraphError> {
        reject_expand(query)?;
        let filter = query.get("$filter").filter(|f| !f.trim().is_empty()).map(parse_filter).transpose()?;
        let search = query.get("$search").filter(|s| !s.trim().is_empty()).map(parse_search).transpose()?;
        let order_by = match query.get("$orderby") {
            None => Vec::new(),
            Some(o) => parse_order_by(o)?,
        };
        let count = match query.get("$count").map(str::trim) {
            None => false,
            Some(v) if v.eq_ignore_ascii_case("true") => true,
            Some(v) if v.eq_ignore_ascii_case("false") => false,
            Some(_) => return Err(GraphError::unsupported_query("$count must be true or false.")),
        };
        let top = match query.get("$top") {
            None => None,
            Some(t) => match t.trim().parse::<usize>() {
                Ok(n) if (1..=MAX_PAGE_SIZE).contains(&n) => Some(n),
                _ => return Err(GraphError::unsupported_query(format!("Invalid page size specified: $top must be between 1 and {MAX_PAGE_SIZE}."))),
            },
        };
        let skip = match query.get("$skip") {
            None => 0,
            Some(s) => s
                .trim()
                .parse::<usize>()
                .map_err(|_| GraphError::unsupported_query("$skip must be a whole number of 0 or more."))?,
        };
        let offset = match query.get("$skiptoken") {
            None => skip,
            Some(token) => decode_skip_token(token)?,
        };
        Ok(ListQuery {
            filter,
            search,
            order_by,
            select: parse_select(query)?,
            count,
            page_size: top.unwrap_or(default_page_size.clamp(1, MAX_PAGE_SIZE)),
            offset,
        })
    }

    /// Whether a stored connector passes `$filter` and `$search`.
    pub fn matches(&self, connector: &Value) -> bool {
        let filtered = self.filter.as_ref().is_none_or(|f| f.matches(connector));
        let searched = self.search.as_ref().is_none_or(|(property, term)| {
            let haystacks: Vec<&str> = match property {
                Some(p) => vec![text(connector, p)],
                None => vec![text(connector, "displayName")],
            };
            haystacks.iter().any(|h| h.to_lowercase().contains(term))
        });
        filtered && searched
    }

    /// Sorts by `$orderby` (stable, so ties keep the store's order).
    pub fn sort(&self, connectors: &mut [Value]) {
        if self.order_by.is_empty() {
            return;
        }
        connectors.sort_by(|a, b| {
            for (property, ascending) in &self.order_by {
                let ord = text(a, property).to_lowercase().cmp(&text(b, property).to_lowercase());
                let ord = if *ascending { ord } else { ord.reverse() };
                if ord != Ordering::Equal {
                    return ord;
                }
            }
            Ordering::Equal
        });
    }
}

/// `$select` for a list or a get: a comma list of known property names.
pub fn parse_select(query: &Query) -> Result<Option<Vec<&'static str>>, GraphError> {
    let Some(select) = query.get("$select").filter(|s| !s.trim().is_empty()) else {
        return Ok(None);
    };
    select.split(',').map(|p| property(p.trim())).collect::<Result<Vec<_>, _>>().map(Some)
}

/// identityApiConnector has no navigation properties, so any `$expand` names one that is missing.
pub fn reject_expand(query: &Query) -> Result<(), GraphError> {
    match query.get("$expand").map(str::trim).filter(|e| !e.is_empty()) {
        None => Ok(()),
        Some(e) => Err(GraphError::unsupported_query(format!(
            "Could not find a navigation property named '{e}' on type 'microsoft.graph.identityApiConnector' (it has none)."
        ))),
    }
}

/// The `$skiptoken` that resumes a walk at `offset` (opaque to callers, as Graph's are).
pub fn encode_skip_token(offset: usize) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("offset:{offset}"))
}

fn decode_skip_token(token: &str) -> Result<usize, GraphError> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(token.trim())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix("offset:").and_then(|n| n.parse().ok()))
        .ok_or_else(|| GraphError::unsupported_query("The $skiptoken is not one this service issued; start the list again."))
}

fn property(name: &str) -> Result<&'static str, GraphError> {
    PROPERTIES.into_iter().find(|p| p.eq_ignore_ascii_case(name)).ok_or_else(|| {
        GraphError::unsupported_query(format!(
            "Could not find a property named '{name}' on type 'microsoft.graph.identityApiConnector'."
        ))
    })
}

fn filterable(name: &str) -> Result<&'static str, GraphError> {
    FILTERABLE.into_iter().find(|p| p.eq_ignore_ascii_case(name)).ok_or_else(|| {
        GraphError::unsupported_query(format!(
            "Unsupported property '{name}' in $filter: filter on id, displayName or targetUrl."
        ))
    })
}

fn text<'a>(connector: &'a Value, property: &str) -> &'a str {
    connector.get(property).and_then(Value::as_str).unwrap_or("")
}

/// `$orderby=displayName desc,id`.
fn parse_order_by(text: &str) -> Result<Vec<(&'static str, bool)>, GraphError> {
    text.split(',')
        .map(|part| {
            let words: Vec<&str> = part.split_whitespace().collect();
            let (name, direction) = match words.as_slice() {
                [name] => (*name, "asc"),
                [name, dir] => (*name, *dir),
                _ => return Err(GraphError::unsupported_query(format!("Invalid $orderby clause '{}'.", part.trim()))),
            };
            let property = filterable(name).map_err(|_| {
                GraphError::unsupported_query(format!("Unsupported $orderby property '{name}': sort by id, displayName or targetUrl."))
            })?;
            match direction.to_ascii_lowercase().as_str() {
                "asc" => Ok((property, true)),
                "desc" => Ok((property, false)),
                _ => Err(GraphError::unsupported_query(format!("$orderby direction '{direction}' must be asc or desc."))),
            }
        })
        .collect()
}

/// `$search="displayName:contoso"` (Graph's form) or a bare term, matched case-insensitively as
/// a substring of displayName (or of the named property).
fn parse_search(text: &str) -> Result<(Option<&'static str>, String), GraphError> {
    let inner = text.trim();
    let inner = inner.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(inner);
    match inner.split_once(':') {
        Some((name, term)) if !name.contains(' ') && !name.contains('/') => {
            let property = filterable(name).map_err(|_| {
                GraphError::unsupported_query(format!("Unsupported $search property '{name}': search displayName, id or targetUrl."))
            })?;
            Ok((Some(property), term.trim().to_lowercase()))
        }
        _ => Ok((None, inner.trim().to_lowercase())),
    }
}

/// A filterable property of a connector: Graph's subset for this entity, `eq` / `ne` and
/// `startswith` only, no `not` or `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectorField(&'static str);

impl Dialect for ConnectorField {
    fn field(word: &str) -> Option<ConnectorField> {
        FILTERABLE.into_iter().find(|p| p.eq_ignore_ascii_case(word)).map(ConnectorField)
    }

    /// A missing property compares as the empty text, as the directory does.
    fn value_in(self, connector: &Value) -> Option<String> {
        Some(text(connector, self.0).to_string())
    }

    const FIELDS: &'static str = "id, displayName or targetUrl";
    const OPERATORS: &'static [Op] = &[Op::Eq, Op::Ne];
    const FUNCTIONS: &'static [(&'static str, Function)] = &[("startswith", Function::StartsWith)];
    const V2_EXTRAS: bool = false;
}

/// `$filter` in Graph's error: the parser's reason and what is supported.
fn parse_filter(text: &str) -> Result<Filter<ConnectorField>, GraphError> {
    Filter::parse(text).map_err(|why| unsupported_filter(&why))
}

fn unsupported_filter(why: &str) -> GraphError {
    GraphError::unsupported_query(format!(
        "Unsupported $filter ({why}). Supported: id|displayName|targetUrl eq|ne 'text', startswith(displayName,'text'), joined with and/or and parentheses."
    ))
}
