//! Collections: `{"value":[...],"count":N,"nextLink":"..."}` (the field name comes from the
//! dialect). The next link is followed until it is absent, null or an empty string (the official
//! example answers `"nextLink": ""`), unless the caller asked for one page.

use super::engine::Call;
use super::transport::{HttpRequest, HttpResponse};
use super::ListResult;
use crate::model::{ApimError, ErrorCategory};
use reqwest::Method;
use serde_json::Value;
use std::collections::HashSet;
use url::Url;

/// One parsed page.
struct Page {
    value: Vec<Value>,
    count: Option<i64>,
    next_link: Option<String>,
}

impl Call<'_> {
    /// Lists from `first`; follows next links to the end unless `one_page`.
    /// The result's `exchanges` are left empty: the caller moves the call's exchanges in.
    pub async fn list(&mut self, first: Url, one_page: bool) -> Result<ListResult, ApimError> {
        let mut seen: HashSet<String> = HashSet::new();
        let mut url = first;
        let mut value = Vec::new();
        let mut count = None;
        let mut first_page = true;
        loop {
            seen.insert(url.to_string());
            let response = self.send(&HttpRequest::new(Method::GET, url)).await?;
            let page = self.parse_page(&response)?;
            value.extend(page.value);
            if first_page {
                // `count` is the total across all pages, so the first page's is the answer.
                count = page.count;
                first_page = false;
            }
            let Some(link) = page.next_link else {
                return Ok(ListResult { value, next_link: None, count, exchanges: Vec::new(), headers: std::collections::BTreeMap::new() });
            };
            if one_page {
                return Ok(ListResult { value, next_link: Some(link), count, exchanges: Vec::new(), headers: std::collections::BTreeMap::new() });
            }
            url = self.follow_url(&link, self.dialect().next_link_field)?;
            if seen.contains(url.as_str()) {
                return Err(ApimError::new(
                    "InvalidResponse",
                    format!("the service returned a {} that was already followed ({url}); stopping to avoid a loop", self.dialect().next_link_field),
                    ErrorCategory::ProtocolError,
                ));
            }
        }
    }

    fn parse_page(&self, response: &HttpResponse) -> Result<Page, ApimError> {
        let invalid = |why: &str| {
            ApimError::new("InvalidResponse", format!("the collection page is invalid: {why}"), ErrorCategory::ProtocolError)
                .with_http_status(response.status)
                .with_request_id(response.request_id.clone())
        };
        let mut body = response.json()?.ok_or_else(|| invalid("the body is empty"))?;
        // Moved out of the page, not cloned: a page can hold hundreds of entities.
        let value = match body.get_mut("value").map(Value::take) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items,
            Some(_) => return Err(invalid("'value' is not an array")),
        };
        let count = body.get("count").and_then(Value::as_i64);
        let next_link = match body.get(self.dialect().next_link_field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.is_empty() => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => return Err(invalid(&format!("'{}' is not a string", self.dialect().next_link_field))),
        };
        Ok(Page { value, count, next_link })
    }
}
