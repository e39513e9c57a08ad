//! Microsoft Graph `/v1.0/identity/apiConnectors` operations (rest-contracts B.1) over the shared
//! engine in the Graph dialect: `@odata.nextLink` paging, Graph's error shape, `request-id`.
//! Every request is checked with the model's rules before anything is sent; secrets in a body
//! never reach an error, a log or `Debug` output.

pub(crate) mod graph_error;
mod list_query;

pub use graph_error::parse_graph_error;

use super::dialect::GRAPH;
use super::engine::Call;
use super::transport::{check_extra_headers, check_header_value, json_bytes, HttpRequest, HttpResponse};
use super::retry::Idempotency;
use super::{ApimClient, ListResult, OperationResult};
use crate::model::api_connector::{
    check_api_connector_create, check_api_connector_id, check_api_connector_update, check_upload_client_certificate,
};
use crate::model::{ApimError, ErrorCategory, ErrorDetail};
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashSet;
use std::fmt;
use url::Url;

/// The collection path under the Graph endpoint.
const COLLECTION: [&str; 3] = ["v1.0", "identity", "apiConnectors"];

/// An API connector request as the C ABI receives it:
/// `{"id":"...","body":{...},"ifMatch":"...","filter":"...","top":10,"skip":0,"search":"...",
///   "orderBy":["displayName desc"],"select":["id"],"expand":[],"count":true,"maxItems":5,
///   "onePage":false,"nextLink":null}`. `select`, `orderBy` and `expand` take a string or a list.
#[derive(Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApiConnectorRequest {
    /// The connector's id (get, update, delete, uploadClientCertificate).
    #[serde(default)]
    pub id: Option<String>,
    /// Makes delete (and update) conditional on this ETag (`*` = any).
    #[serde(default)]
    pub if_match: Option<String>,
    /// The wire body: identityApiConnector (create, update) or `{pkcs12Value,password}` (upload).
    #[serde(default)]
    pub body: Option<Value>,
    /// List: OData `$filter`.
    #[serde(default)]
    pub filter: Option<String>,
    /// List: `$top`, the page size the service uses (1..=999).
    #[serde(default)]
    pub top: Option<i64>,
    /// List: `$skip`.
    #[serde(default)]
    pub skip: Option<i64>,
    /// List: `$search` (Graph's form is `"displayName:text"`, quotes included).
    #[serde(default)]
    pub search: Option<String>,
    /// List: `$orderby` clauses (`displayName desc`).
    #[serde(default)]
    pub order_by: Option<list_query::Names>,
    /// List and get: `$select`.
    #[serde(default)]
    pub select: Option<list_query::Names>,
    /// List and get: `$expand`.
    #[serde(default)]
    pub expand: Option<list_query::Names>,
    /// List: `$count=true`, reported as `count`.
    #[serde(default)]
    pub count: bool,
    /// List: stop after this many items (the Graph cmdlets' `-Top` without `-All`).
    #[serde(default)]
    pub max_items: Option<i64>,
    /// List: return one page and its `nextLink` instead of following every page.
    #[serde(default)]
    pub one_page: bool,
    /// List: continue from this link (as returned by a one-page result).
    #[serde(default)]
    pub next_link: Option<String>,
    /// Extra request headers (the Graph cmdlets' `-Headers`, e.g. `ConsistencyLevel`), sent
    /// as-is on every request of the operation; Authorization, Host and Content-Length are refused.
    #[serde(default)]
    pub headers: Option<std::collections::BTreeMap<String, String>>,
}

/// Why hand-written: a body may hold a password or a PFX, so only its presence is shown.
impl fmt::Debug for ApiConnectorRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiConnectorRequest")
            .field("id", &self.id)
            .field("if_match", &self.if_match)
            .field("body", &self.body.as_ref().map(|_| "<not shown>"))
            .field("filter", &self.filter)
            .field("top", &self.top)
            .field("skip", &self.skip)
            .field("search", &self.search)
            .field("order_by", &self.order_by)
            .field("select", &self.select)
            .field("expand", &self.expand)
            .field("count", &self.count)
            .field("max_items", &self.max_items)
            .field("one_page", &self.one_page)
            .field("next_link", &self.next_link)
            // Names only: a header value may be a key or a token.
            .field("headers", &self.headers.as_ref().map(|h| h.keys().collect::<Vec<_>>()))
            .finish()
    }
}

impl ApimClient {
    /// POST `/identity/apiConnectors`: 201 and the created connector.
    pub async fn api_connector_create(&self, req: &ApiConnectorRequest) -> Result<OperationResult, ApimError> {
        self.api_connector_create_as(req).await
    }

    /// [`ApimClient::api_connector_create`] with the entity as `B`: `Value`, or [`super::RawJson`]
    /// to pass the service's text through (the C ABI).
    pub async fn api_connector_create_as<B: DeserializeOwned>(&self, req: &ApiConnectorRequest) -> Result<OperationResult<B>, ApimError> {
        let body = required_body(req)?;
        let wire = json_bytes(&check_api_connector_create(body)?)?;
        let mut call = self.graph_call(req)?;
        let url = collection_url(call.base(), &[]);
        let request = HttpRequest::new(Method::POST, url).json(wire);
        let response = call.send(&request).await?;
        entity_result(call, response)
    }

    /// GET `/identity/apiConnectors/{id}` (`select` / `expand` apply).
    pub async fn api_connector_get(&self, req: &ApiConnectorRequest) -> Result<OperationResult, ApimError> {
        self.api_connector_get_as(req).await
    }

    /// [`ApimClient::api_connector_get`] with the entity as `B`: `Value`, or [`super::RawJson`]
    /// to pass the service's text through (the C ABI).
    pub async fn api_connector_get_as<B: DeserializeOwned>(&self, req: &ApiConnectorRequest) -> Result<OperationResult<B>, ApimError> {
        let id = required_id(req)?;
        let query = list_query::entity_query(req)?;
        let mut call = self.graph_call(req)?;
        let mut url = collection_url(call.base(), &[id]);
        list_query::set_query(&mut url, &query);
        let response = call.send(&HttpRequest::new(Method::GET, url)).await?;
        entity_result(call, response)
    }

    /// GET `/identity/apiConnectors` with the OData options; follows `@odata.nextLink` to the
    /// end unless `onePage`, and stops after `maxItems` items when given.
    pub async fn api_connector_list(&self, req: &ApiConnectorRequest) -> Result<ListResult, ApimError> {
        let query = list_query::list_query(req)?;
        let mut call = self.graph_call(req)?;
        let first = match &req.next_link {
            Some(link) => call.follow_url(link, "nextLink")?,
            None => {
                let mut url = collection_url(call.base(), &[]);
                list_query::set_query(&mut url, &query);
                url
            }
        };
        let max_items = req.max_items.map(|n| n as usize);
        let mut result = walk_pages(&mut call, first, req.one_page, max_items).await?;
        result.exchanges = call.into_exchanges();
        Ok(result)
    }

    /// PATCH `/identity/apiConnectors/{id}`: 204, nothing returned.
    pub async fn api_connector_update(&self, req: &ApiConnectorRequest) -> Result<OperationResult, ApimError> {
        self.api_connector_update_as(req).await
    }

    /// [`ApimClient::api_connector_update`] with the entity as `B`: `Value`, or [`super::RawJson`]
    /// to pass the service's text through (the C ABI).
    pub async fn api_connector_update_as<B: DeserializeOwned>(&self, req: &ApiConnectorRequest) -> Result<OperationResult<B>, ApimError> {
        let (id, body) = id_and_body(req)?;
        let wire = json_bytes(&check_api_connector_update(body)?)?;
        let if_match = checked_if_match(req)?;
        let mut call = self.graph_call(req)?;
        let url = collection_url(call.base(), &[id]);
        let mut request = HttpRequest::new(Method::PATCH, url).json(wire).if_match(if_match);
        // A PATCH replaces the named properties with the same values each time.
        request.idempotency = Idempotency::Idempotent;
        let response = call.send(&request).await?;
        entity_result(call, response)
    }

    /// DELETE `/identity/apiConnectors/{id}` (`ifMatch` honoured): 204.
    pub async fn api_connector_delete(&self, req: &ApiConnectorRequest) -> Result<OperationResult, ApimError> {
        self.api_connector_delete_as(req).await
    }

    /// [`ApimClient::api_connector_delete`] with the entity as `B`: `Value`, or [`super::RawJson`]
    /// to pass the service's text through (the C ABI).
    pub async fn api_connector_delete_as<B: DeserializeOwned>(&self, req: &ApiConnectorRequest) -> Result<OperationResult<B>, ApimError> {
        let id = required_id(req)?;
        let if_match = checked_if_match(req)?;
        let mut call = self.graph_call(req)?;
        let url = collection_url(call.base(), &[id]);
        let response = call.send(&HttpRequest::new(Method::DELETE, url).if_match(if_match)).await?;
        entity_result(call, response)
    }

    /// POST `/identity/apiConnectors/{id}/uploadClientCertificate` with `{pkcs12Value,password}`:
    /// 200 and the connector with its certificate list.
    pub async fn api_connector_upload_client_certificate(
        &self,
        req: &ApiConnectorRequest,
    ) -> Result<OperationResult, ApimError> {
        self.api_connector_upload_client_certificate_as(req).await
    }

    /// [`ApimClient::api_connector_upload_client_certificate`] with the entity as `B` (see
    /// `api_connector_create_as`).
    pub async fn api_connector_upload_client_certificate_as<B: DeserializeOwned>(
        &self,
        req: &ApiConnectorRequest,
    ) -> Result<OperationResult<B>, ApimError> {
        let (id, body) = id_and_body(req)?;
        let wire = json_bytes(&check_upload_client_certificate(body)?)?;
        let mut call = self.graph_call(req)?;
        let url = collection_url(call.base(), &[id, "uploadClientCertificate"]);
        let response = call.send(&HttpRequest::new(Method::POST, url).json(wire)).await?;
        entity_result(call, response)
    }

    fn graph_call(&self, req: &ApiConnectorRequest) -> Result<Call<'_>, ApimError> {
        let headers = match &req.headers {
            Some(h) => check_extra_headers(h)?,
            None => Vec::new(),
        };
        Ok(self.start_call(&GRAPH, &self.options.graph_endpoint)?.with_headers(headers))
    }
}

/// Follows `@odata.nextLink` from `first` (a link seen twice is a service bug, not a loop to run).
async fn walk_pages(call: &mut Call<'_>, first: Url, one_page: bool, max_items: Option<usize>) -> Result<ListResult, ApimError> {
    let mut seen = HashSet::new();
    let mut url = first;
    let mut value = Vec::new();
    let mut count = None;
    loop {
        seen.insert(url.to_string());
        let response = call.send(&HttpRequest::new(Method::GET, url)).await?;
        let page = response.json()?.ok_or_else(|| invalid_page(&response, "the body is empty"))?;
        match page.get("value") {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => value.extend(items.iter().cloned()),
            Some(_) => return Err(invalid_page(&response, "'value' is not an array")),
        }
        // `@odata.count` is the total across pages: the first page's answers it.
        if count.is_none() {
            count = page.get("@odata.count").and_then(Value::as_i64);
        }
        let next = match page.get(GRAPH.next_link_field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.is_empty() => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => return Err(invalid_page(&response, "'@odata.nextLink' is not a string")),
        };
        if let Some(max) = max_items {
            if value.len() >= max {
                value.truncate(max);
                return Ok(ListResult { value, next_link: None, count, exchanges: Vec::new(), headers: response.header_map() });
            }
        }
        let Some(link) = next else {
            return Ok(ListResult { value, next_link: None, count, exchanges: Vec::new(), headers: response.header_map() });
        };
        if one_page {
            return Ok(ListResult { value, next_link: Some(link), count, exchanges: Vec::new(), headers: response.header_map() });
        }
        url = call.follow_url(&link, GRAPH.next_link_field)?;
        if seen.contains(url.as_str()) {
            return Err(ApimError::new(
                "InvalidResponse",
                format!("the service returned an @odata.nextLink that was already followed ({url}); stopping to avoid a loop"),
                ErrorCategory::ProtocolError,
            ));
        }
    }
}

fn invalid_page(response: &HttpResponse, why: &str) -> ApimError {
    ApimError::new("InvalidResponse", format!("the collection page is invalid: {why}"), ErrorCategory::ProtocolError)
        .with_http_status(response.status)
        .with_request_id(response.request_id.clone())
}

fn entity_result<B: DeserializeOwned>(call: Call<'_>, response: HttpResponse) -> Result<OperationResult<B>, ApimError> {
    let body = response.body_as()?;
    let headers = response.header_map();
    Ok(OperationResult { status: response.status, etag: response.etag, body, exchanges: call.into_exchanges(), headers })
}

/// `{endpoint}/v1.0/identity/apiConnectors[/segments...]`, each segment percent-encoded.
fn collection_url(base: &Url, segments: &[&str]) -> Url {
    let mut url = base.clone();
    url.set_query(None);
    if let Ok(mut path) = url.path_segments_mut() {
        path.pop_if_empty();
        path.extend(COLLECTION);
        path.extend(segments);
    }
    url
}

fn required_id(req: &ApiConnectorRequest) -> Result<&str, ApimError> {
    let id = req.id.as_deref().ok_or_else(|| missing("id", "The API connector 'id' is required."))?;
    check_api_connector_id(id, "id")?;
    Ok(id)
}

fn required_body(req: &ApiConnectorRequest) -> Result<&Value, ApimError> {
    req.body.as_ref().ok_or_else(|| missing("body", "A request 'body' is required."))
}

/// Both problems at once when both are missing or wrong.
fn id_and_body(req: &ApiConnectorRequest) -> Result<(&str, &Value), ApimError> {
    match (required_id(req), required_body(req)) {
        (Ok(id), Ok(body)) => Ok((id, body)),
        (Err(a), Err(b)) => Err(ApimError::validation(a.details.into_iter().chain(b.details).collect())),
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

fn checked_if_match(req: &ApiConnectorRequest) -> Result<Option<String>, ApimError> {
    match req.if_match.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(tag) => {
            check_header_value(tag, "ifMatch")?;
            Ok(Some(tag.to_string()))
        }
    }
}

fn missing(target: &str, message: &str) -> ApimError {
    ApimError::validation(vec![ErrorDetail::new(target, "Required", message)])
}
