//! What an operation returns: the entity or the page, the status and ETag, the final headers
//! (Graph), and one [`Exchange`] per HTTP attempt for `-Verbose`. The entity is a parsed [`Value`]
//! for Rust callers, or the service's JSON text passed through unparsed ([`RawJson`]) for the C ABI.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::BTreeMap;

/// One HTTP exchange, reported for `-Verbose` (never headers or bodies: they may hold secrets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Exchange {
    pub method: String,
    pub url: String,
    pub status: Option<u16>,
    pub request_id: Option<String>,
    pub elapsed_ms: u64,
    pub attempt: u32,
    /// The wait before the next attempt, when this one is retried (Retry-After or back-off).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay_ms: Option<u64>,
}

/// An entity as the service sent it: checked to be one JSON value, never parsed into a tree.
/// Why: the C ABI only writes the body back out as text, and parsing it into a [`Value`] and
/// writing it again was a sixth of a GET's instructions (issue 11).
pub type RawJson = Box<RawValue>;

/// A single-entity result: `{"status":201,"etag":"\"...\"","body":{...},"exchanges":[...]}`.
/// `B` is the body's form: [`Value`] (the default, for Rust callers) or [`RawJson`] (the C ABI);
/// both serialise to the same JSON.
/// Debug is written by hand: the body can hold credentials.authorization.parameter or proxy.password.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OperationResult<B = Value> {
    pub status: u16,
    pub etag: Option<String>,
    pub body: Option<B>,
    #[serde(default)]
    pub exchanges: Vec<Exchange>,
    /// The final response's headers (Graph operations; empty, and not serialised, for ARM).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, Vec<String>>,
}

/// A list result: `{"value":[...],"nextLink":null,"count":3,"exchanges":[...]}`.
/// Debug is written by hand: the entities can hold secrets (as in [`OperationResult`]).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListResult {
    pub value: Vec<Value>,
    pub next_link: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<i64>,
    #[serde(default)]
    pub exchanges: Vec<Exchange>,
    /// The last page's response headers (Graph lists; empty, and not serialised, for ARM).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, Vec<String>>,
}

/// How a JSON body shows in Debug output: its presence, never its content.
pub(crate) struct RedactedBody<'a, B>(pub &'a Option<B>);

impl<B> std::fmt::Debug for RedactedBody<'_, B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            None => f.write_str("None"),
            Some(_) => f.write_str("<redacted body>"),
        }
    }
}

impl<B> std::fmt::Debug for OperationResult<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OperationResult")
            .field("status", &self.status)
            .field("etag", &self.etag)
            .field("body", &RedactedBody(&self.body))
            .field("exchanges", &self.exchanges)
            .finish()
    }
}

impl std::fmt::Debug for ListResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListResult")
            .field("value", &format_args!("<{} redacted entities>", self.value.len()))
            .field("next_link", &self.next_link)
            .field("count", &self.count)
            .field("exchanges", &self.exchanges)
            .finish()
    }
}
