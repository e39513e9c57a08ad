//! The seven ARM backend operations (Backend_* in apimbackends.json), and with `workspaceId` in
//! the request the six workspace backend operations (WorkspaceBackend_* in
//! apimworkspacebackends.json, 2025-03-01-preview; workspaces have no reconnect). Each validates
//! the address and the body for the client's api-version BEFORE anything is sent, then sends the
//! model's normalised serialisation (only set fields, unknown fields kept).

use std::collections::BTreeMap;
use super::dialect::ARM;
use super::engine::Call;
use super::transport::{check_header_value, json_bytes, HttpRequest, HttpResponse};
use super::retry::Idempotency;
use super::{ApimClient, ListResult, OperationResult};
use serde::de::DeserializeOwned;
use crate::auth::subscription::resolve_subscription_id;
use crate::model::address::{collect_workspace_id, validate_backend_id, ServiceAddress};
use crate::model::validate::Problems as ModelProblems;
use crate::model::ApiVersion;
use crate::model::backend::{
    check_backend_contract, check_backend_contract_text, check_backend_reconnect, check_backend_update, check_backend_update_text,
};
use crate::model::{ApimError, ErrorDetail};
use reqwest::Method;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use url::Url;

/// A backend request as the C ABI receives it:
/// `{"subscriptionId":"...","resourceGroupName":"rg1","serviceName":"apimService1","backendId":"b1",
///   "ifMatch":"*","body":{...}}`; list adds `filter`, `top`, `skip`, `onePage`, `nextLink`.
/// Debug is written by hand: the body can hold credentials.authorization.parameter or proxy.password.
#[derive(Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BackendRequest {
    #[serde(default)]
    pub subscription_id: Option<String>,
    pub resource_group_name: String,
    pub service_name: String,
    /// A workspace of the service (2025-03-01-preview): its backends instead of the service's.
    #[serde(default)]
    pub workspace_id: Option<String>,
    #[serde(default)]
    pub backend_id: Option<String>,
    #[serde(default)]
    pub if_match: Option<String>,
    #[serde(default)]
    pub body: Option<Value>,
    /// The body as the caller's JSON text, in place of `body` (which is then not read): the C ABI
    /// passes a PUT's or PATCH's body so (`ffi::backend`), and it is checked straight from the
    /// text without building a `Value` first (issue 11). Not a member of the request JSON.
    #[serde(skip)]
    pub body_text: Option<Box<RawValue>>,
    #[serde(default)]
    pub filter: Option<String>,
    #[serde(default)]
    pub top: Option<i64>,
    #[serde(default)]
    pub skip: Option<i64>,
    /// Return one page and its nextLink instead of following nextLink to the end.
    #[serde(default)]
    pub one_page: bool,
    /// Continue a list from this link (as returned in a one-page result).
    #[serde(default)]
    pub next_link: Option<String>,
}

impl std::fmt::Debug for BackendRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BackendRequest")
            .field("subscription_id", &self.subscription_id)
            .field("resource_group_name", &self.resource_group_name)
            .field("service_name", &self.service_name)
            .field("workspace_id", &self.workspace_id)
            .field("backend_id", &self.backend_id)
            .field("if_match", &self.if_match)
            .field("body", &super::result::RedactedBody(&self.body))
            .field("body_text", &super::result::RedactedBody(&self.body_text))
            .field("filter", &self.filter)
            .field("top", &self.top)
            .field("skip", &self.skip)
            .field("one_page", &self.one_page)
            .field("next_link", &self.next_link)
            .finish()
    }
}

/// Collects every problem found before sending, so one error reports them all.
#[derive(Default)]
struct Problems(Vec<ApimError>);

impl Problems {
    fn check<T>(&mut self, result: Result<T, ApimError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }

    /// One error: the only problem as it is, or a `ValidationError` listing every detail.
    fn into_result(mut self) -> Result<(), ApimError> {
        match self.0.len() {
            0 => Ok(()),
            1 => Err(self.0.remove(0)),
            _ => {
                let mut details = Vec::new();
                for e in self.0 {
                    if e.details.is_empty() {
                        details.push(ErrorDetail { code: e.code, message: e.message, target: e.target });
                    } else {
                        details.extend(e.details);
                    }
                }
                Err(ApimError::validation(details))
            }
        }
    }
}

/// A request's body in the form it came in: a `Value` (Rust callers), or JSON text (the C ABI).
#[derive(Clone, Copy)]
enum Body<'r> {
    Value(&'r Value),
    Text(&'r str),
}

/// What goes on the wire for a body that passed its checks as `checked`: a caller's text as
/// written when it holds no `null`, else `checked` written out.
///
/// Why the text: parsed into `checked`, it passed every rule, and writing `checked` out again
/// gives the same members (unknown ones are kept in `extra`, no field is written that the text
/// lacks), only in the model's order; that writing was ~10k instructions of a PUT (issue 11).
/// Why not with a `null`: the model drops a member set to null, so the text would send what
/// the model does not (a `null` inside a string only costs the rewrite).
fn wire_body<T: serde::Serialize>(body: Body<'_>, checked: &T) -> Result<Vec<u8>, ApimError> {
    match body {
        Body::Text(text) if memchr::memmem::find(text.as_bytes(), b"null").is_none() => Ok(text.as_bytes().to_vec()),
        _ => json_bytes(checked),
    }
}

/// A checked operation, ready to send: its call, its URL and what its own checks produced.
struct Prepared<'c, T> {
    call: Call<'c>,
    url: Url,
    checked: T,
}

/// The validated address of a request: the service, the workspace when given, and (for entity
/// operations) the backend id.
struct Address {
    service: ServiceAddress,
    workspace_id: Option<String>,
    backend_id: Option<String>,
}

impl ApimClient {
    /// The subscription: the request's, else the client options', else the session's (a name is
    /// looked up once), else (through the auth
    /// resolver) AZURE_SUBSCRIPTION_ID, else the Azure CLI's default subscription. The fallback is
    /// resolved once per client and cached: `az` is slow, and the answer does not change per call.
    async fn subscription_for(&self, req: &BackendRequest) -> Result<String, ApimError> {
        let given = [req.subscription_id.as_deref(), self.options.subscription_id.as_deref()];
        if let Some(id) = given.into_iter().flatten().map(str::trim).find(|s| !s.is_empty()) {
            return Ok(id.to_string());
        }
        if let Some(session) = &self.session_subscription {
            return session.id(self).await;
        }
        self.fallback_subscription
            .get_or_try_init(|| resolve_subscription_id(None, None, &self.env))
            .await
            .cloned()
            .map_err(|mut e| {
                e.message = format!("subscriptionId is required (in the request or the client options): {}", e.message);
                e
            })
    }

    /// Checks the address; `needs_id` for entity operations.
    async fn check_address(&self, req: &BackendRequest, needs_id: bool, problems: &mut Problems) -> Option<Address> {
        let subscription = problems.check(self.subscription_for(req).await);
        let service = ServiceAddress {
            subscription_id: subscription.clone().unwrap_or_default(),
            resource_group_name: req.resource_group_name.clone(),
            service_name: req.service_name.clone(),
        };
        let service_ok = if subscription.is_some() { problems.check(service.validate()).is_some() } else { false };
        let backend_id = if needs_id {
            match req.backend_id.as_deref() {
                None | Some("") => {
                    problems.0.push(ApimError::invalid_argument("backendId", "backendId is required for this operation"));
                    None
                }
                Some(id) => problems.check(validate_backend_id(id, "backendId")).map(|_| id.to_string()),
            }
        } else {
            None
        };
        if let Some(tag) = &req.if_match {
            problems.check(check_header_value(tag, "ifMatch"));
        }
        let workspace_ok = match req.workspace_id.as_deref() {
            None => true,
            Some(ws) => {
                let mut p = ModelProblems::new();
                collect_workspace_id(ws, "workspaceId", &mut p);
                p.since("workspaceId", true, self.api_version, ApiVersion::V2025_03_01Preview);
                problems.check(p.finish(())).is_some()
            }
        };
        let id_ok = !needs_id || backend_id.is_some();
        (service_ok && id_ok && workspace_ok).then_some(Address { service, workspace_id: req.workspace_id.clone(), backend_id })
    }

    /// `{armEndpoint}/subscriptions/.../service/{name}/backends[/{id}[/{suffix}]]?api-version=...`
    fn backend_url(&self, call: &Call<'_>, address: &Address, suffix: Option<&str>) -> Result<Url, ApimError> {
        let mut url = self.collection_url(call, address)?;
        if address.backend_id.is_some() || suffix.is_some() {
            let mut segments = url.path_segments_mut().map_err(|_| not_a_base())?;
            segments.extend(address.backend_id.as_deref().into_iter().chain(suffix));
        }
        Ok(url)
    }

    /// `{armEndpoint}/subscriptions/.../service/{name}[/workspaces/{ws}]/backends?api-version=...`,
    /// the last one built kept for the next call. Why: the URL parser checks every character
    /// it is given, and writing this prefix was ~8k of a GET's instructions (issue 11), while
    /// a caller mostly works in one service; a hit costs a comparison and a copy.
    fn collection_url(&self, call: &Call<'_>, address: &Address) -> Result<Url, ApimError> {
        let mut last = self.backend_collection.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(known) = last.as_ref().filter(|k| k.base == *call.base() && k.service == address.service && k.workspace_id == address.workspace_id) {
            return Ok(known.url.clone());
        }
        let url = self.build_collection_url(call, address)?;
        *last = Some(CollectionUrl {
            base: call.base().clone(),
            service: address.service.clone(),
            workspace_id: address.workspace_id.clone(),
            url: url.clone(),
        });
        Ok(url)
    }

    fn build_collection_url(&self, call: &Call<'_>, address: &Address) -> Result<Url, ApimError> {
        let mut url = call.base().clone();
        {
            let s = &address.service;
            let mut segments = url.path_segments_mut().map_err(|_| not_a_base())?;
            segments.pop_if_empty();
            let service = [
                "subscriptions",
                s.subscription_id.as_str(),
                "resourceGroups",
                s.resource_group_name.as_str(),
                "providers",
                "Microsoft.ApiManagement",
                "service",
                s.service_name.as_str(),
            ];
            let workspace = address.workspace_id.as_deref().map(|ws| ["workspaces", ws]);
            segments.extend(service.into_iter().chain(workspace.into_iter().flatten()).chain(["backends"]));
        }
        url.set_query(Some(&format!("api-version={}", encode_query_value(self.api_version.as_str()))));
        Ok(url)
    }

    fn body_required<'r>(&self, req: &'r BackendRequest, problems: &mut Problems) -> Option<Body<'r>> {
        let body = match (&req.body_text, &req.body) {
            (Some(text), _) => (text.get() != "null").then_some(Body::Text(text.get())),
            (None, Some(b)) => (!b.is_null()).then_some(Body::Value(b)),
            (None, None) => None,
        };
        if body.is_none() {
            problems.0.push(ApimError::invalid_argument("body", "body is required for this operation"));
        }
        body
    }

    /// What every operation does before it sends: the address (with the backend id when
    /// `needs_id`) and the operation's own `checks` are checked together, so every problem is
    /// reported at once and nothing is sent while one remains; then the call starts and the URL
    /// (`.../backends[/{id}[/{suffix}]]`) is built. `checks` returns `None` when it found a problem.
    async fn prepare<T>(
        &self,
        req: &BackendRequest,
        needs_id: bool,
        suffix: Option<&str>,
        checks: impl FnOnce(&mut Problems) -> Option<T>,
    ) -> Result<Prepared<'_, T>, ApimError> {
        let mut problems = Problems::default();
        let address = self.check_address(req, needs_id, &mut problems).await;
        let checked = checks(&mut problems);
        problems.into_result()?;
        let (address, checked) = (address.expect("checked"), checked.expect("checked"));
        let call = self.start_call(&ARM, &self.options.arm_endpoint)?;
        let url = self.backend_url(&call, &address, suffix)?;
        Ok(Prepared { call, url, checked })
    }

    /// Backend_CreateOrUpdate: PUT, `If-Match` optional (absent = create or replace).
    /// A 202 + Location is polled, then the entity is read back.
    pub async fn backend_create_or_update(&self, req: &BackendRequest) -> Result<OperationResult, ApimError> {
        self.backend_create_or_update_as(req).await
    }

    /// [`ApimClient::backend_create_or_update`] with the entity as `B`: `Value`, or
    /// [`super::RawJson`] to pass the service's text through (the C ABI).
    pub async fn backend_create_or_update_as<B: DeserializeOwned>(&self, req: &BackendRequest) -> Result<OperationResult<B>, ApimError> {
        let Prepared { mut call, url, checked: body } = self
            .prepare(req, true, None, |problems| {
                self.body_required(req, problems)
                    .and_then(|b| {
                        problems.check(match b {
                            Body::Value(v) => check_backend_contract(v, self.api_version),
                            Body::Text(t) => check_backend_contract_text(t, self.api_version),
                        })
                        .map(|contract| wire_body(b, &contract))
                    })
            })
            .await?;
        // PUT replaces the whole entity, so repeating it converges on the same state: retry-safe.
        let request = HttpRequest::new(Method::PUT, url.clone()).if_match(req.if_match.clone()).json(body?);
        let response = call.send(&request).await?;
        self.settle_write(call, url, response).await
    }

    /// Backend_Get: GET.
    pub async fn backend_get(&self, req: &BackendRequest) -> Result<OperationResult, ApimError> {
        self.backend_get_as(req).await
    }

    /// [`ApimClient::backend_get`] with the entity as `B` (see `backend_create_or_update_as`).
    pub async fn backend_get_as<B: DeserializeOwned>(&self, req: &BackendRequest) -> Result<OperationResult<B>, ApimError> {
        let Prepared { mut call, url, .. } = self.prepare(req, true, None, |_| Some(())).await?;
        let response = call.send(&HttpRequest::new(Method::GET, url)).await?;
        finish(call, response)
    }

    /// Backend_GetEntityTag: HEAD; the result carries the ETag and no body.
    pub async fn backend_get_entity_tag(&self, req: &BackendRequest) -> Result<OperationResult, ApimError> {
        let Prepared { mut call, url, .. } = self.prepare(req, true, None, |_| Some(())).await?;
        let response = call.send(&HttpRequest::new(Method::HEAD, url)).await?;
        let exchanges = call.into_exchanges();
        Ok(OperationResult { status: response.status, etag: response.etag, body: None, exchanges, headers: BTreeMap::new() })
    }

    /// Backend_ListByService: GET with `$filter`/`$top`/`$skip`; follows `nextLink` to the end
    /// unless `onePage`. With `nextLink` the list continues from that link (it already carries
    /// the query), and the address fields are not used.
    pub async fn backend_list(&self, req: &BackendRequest) -> Result<ListResult, ApimError> {
        if let Some(link) = req.next_link.as_deref().filter(|l| !l.is_empty()) {
            let mut call = self.start_call(&ARM, &self.options.arm_endpoint)?;
            let url = call.follow_url(link, "nextLink")?;
            let mut result = call.list(url, req.one_page).await?;
            result.exchanges = call.into_exchanges();
            return Ok(result);
        }
        let Prepared { mut call, mut url, .. } = self
            .prepare(req, false, None, |problems| {
                let before = problems.0.len();
                if let Some(top) = req.top.filter(|top| *top < 1) {
                    problems.0.push(ApimError::invalid_argument("top", format!("top must be at least 1 (got {top})")));
                }
                if let Some(skip) = req.skip.filter(|skip| *skip < 0) {
                    problems.0.push(ApimError::invalid_argument("skip", format!("skip must be at least 0 (got {skip})")));
                }
                (problems.0.len() == before).then_some(())
            })
            .await?;
        let mut query = url.query().unwrap_or_default().to_string();
        if let Some(filter) = req.filter.as_deref().filter(|f| !f.is_empty()) {
            query.push_str(&format!("&$filter={}", encode_query_value(filter)));
        }
        if let Some(top) = req.top {
            query.push_str(&format!("&$top={top}"));
        }
        if let Some(skip) = req.skip {
            query.push_str(&format!("&$skip={skip}"));
        }
        url.set_query(Some(&query));
        let mut result = call.list(url, req.one_page).await?;
        result.exchanges = call.into_exchanges();
        Ok(result)
    }

    /// Backend_Update: PATCH with the supplied properties only. The spec requires `If-Match`, so
    /// the request must carry `ifMatch` (an ETag, or `*` for unconditional; the module passes `*`
    /// itself, as Set-AzApiManagementBackend does). With If-Match the PATCH is idempotent (a
    /// repeat merges the same fields, or meets a 412), so it is retried like a read.
    pub async fn backend_update(&self, req: &BackendRequest) -> Result<OperationResult, ApimError> {
        self.backend_update_as(req).await
    }

    /// [`ApimClient::backend_update`] with the entity as `B` (see `backend_create_or_update_as`).
    pub async fn backend_update_as<B: DeserializeOwned>(&self, req: &BackendRequest) -> Result<OperationResult<B>, ApimError> {
        let Prepared { mut call, url, checked: body } = self
            .prepare(req, true, None, |problems| {
                let has_if_match = require_if_match(req, "update", problems);
                let body = self
                    .body_required(req, problems)
                    .and_then(|b| {
                        problems.check(match b {
                            Body::Value(v) => check_backend_update(v, self.api_version),
                            Body::Text(t) => check_backend_update_text(t, self.api_version),
                        })
                        .map(|update| wire_body(b, &update))
                    });
                body.filter(|_| has_if_match)
            })
            .await?;
        let request = HttpRequest::new(Method::PATCH, url.clone()).if_match(req.if_match.clone()).json(body?);
        let response = call.send(&request).await?;
        self.settle_write(call, url, response).await
    }

    /// Backend_Delete: DELETE with the request's required `ifMatch` (`*` for unconditional, which
    /// the module passes itself as Remove-AzApiManagementBackend does). 200 = deleted, 204 =
    /// there was nothing to delete. Idempotent with If-Match (a repeat finds nothing, or meets a
    /// 412), so retried.
    pub async fn backend_delete(&self, req: &BackendRequest) -> Result<OperationResult, ApimError> {
        self.backend_delete_as(req).await
    }

    /// [`ApimClient::backend_delete`] with the answer's body as `B` (see `backend_create_or_update_as`).
    pub async fn backend_delete_as<B: DeserializeOwned>(&self, req: &BackendRequest) -> Result<OperationResult<B>, ApimError> {
        let Prepared { mut call, url, .. } =
            self.prepare(req, true, None, |problems| require_if_match(req, "delete", problems).then_some(())).await?;
        let request = HttpRequest::new(Method::DELETE, url).if_match(req.if_match.clone());
        let response = call.send(&request).await?;
        let (response, _) = call.poll_to_completion(response).await?;
        finish(call, response)
    }

    /// Backend_Reconnect: POST `.../reconnect` with an optional `{"properties":{"after":"PT2M"}}`.
    /// Not idempotent: retried only when the service surely did not process it (429, or no
    /// connection). 202 without Location is the normal, terminal answer.
    pub async fn backend_reconnect(&self, req: &BackendRequest) -> Result<OperationResult, ApimError> {
        self.backend_reconnect_as(req).await
    }

    /// [`ApimClient::backend_reconnect`] with the answer's body as `B` (see `backend_create_or_update_as`).
    pub async fn backend_reconnect_as<B: DeserializeOwned>(&self, req: &BackendRequest) -> Result<OperationResult<B>, ApimError> {
        let Prepared { mut call, url, checked: body } = self
            .prepare(req, true, Some("reconnect"), |problems| {
                let service_level = req.workspace_id.is_none();
                if !service_level {
                    problems.0.push(ApimError::invalid_argument(
                        "workspaceId",
                        "workspaceId: workspace backends have no reconnect operation (apimworkspacebackends.json, 2025-03-01-preview); reconnect a service-level backend",
                    ));
                }
                let body = match req.body.as_ref().filter(|b| !b.is_null()) {
                    Some(b) => problems.check(check_backend_reconnect(b)).map(|r| json_bytes(&r).map(Some)),
                    None => Some(Ok(None)),
                };
                body.filter(|_| service_level)
            })
            .await?;
        let mut request = HttpRequest::new(Method::POST, url);
        if let Some(bytes) = body? {
            request = request.json(bytes);
        }
        request.idempotency = Idempotency::NonIdempotent;
        let response = call.send(&request).await?;
        let (response, _) = call.poll_to_completion(response).await?;
        finish(call, response)
    }

    /// After a PUT/PATCH: a 202 + Location is polled to completion. When the last poll answers
    /// with the entity itself (APIM's Location URLs do) that is the result, keeping its 201/200;
    /// otherwise (an operation-status body, or none) the entity is read back, so the caller always
    /// gets the final entity.
    async fn settle_write<B: DeserializeOwned>(&self, mut call: Call<'_>, url: Url, response: HttpResponse) -> Result<OperationResult<B>, ApimError> {
        let (response, polled) = call.poll_to_completion(response).await?;
        // Parsed only after a poll: a direct answer is the entity by definition.
        if !polled || is_entity(&response.json()?) {
            return finish(call, response);
        }
        let entity = call.send(&HttpRequest::new(Method::GET, url)).await?;
        finish(call, entity)
    }
}

/// A backend collection's URL and what it was built from (`ApimClient::collection_url`).
pub(crate) struct CollectionUrl {
    base: Url,
    service: ServiceAddress,
    workspace_id: Option<String>,
    url: Url,
}

fn not_a_base() -> ApimError {
    ApimError::invalid_argument("armEndpoint", "armEndpoint cannot have paths appended to it")
}

/// A backend entity rather than an operation status: it has `id`, `name` and `properties`.
fn is_entity(body: &Option<Value>) -> bool {
    body.as_ref().is_some_and(|b| b.get("id").is_some() && b.get("name").is_some() && b.get("properties").is_some())
}

/// PATCH and DELETE require If-Match in the spec; the C ABI says so too, so a request without
/// it is refused before anything is sent rather than silently made unconditional.
/// Returns whether it is there.
fn require_if_match(req: &BackendRequest, operation: &str, problems: &mut Problems) -> bool {
    let missing = req.if_match.as_deref().is_none_or(|t| t.trim().is_empty());
    if missing {
        problems.0.push(ApimError::invalid_argument(
            "ifMatch",
            format!("ifMatch is required for {operation}: send the backend's ETag (from get), or * to {operation} unconditionally"),
        ));
    }
    !missing
}

fn finish<B: DeserializeOwned>(call: Call<'_>, response: HttpResponse) -> Result<OperationResult<B>, ApimError> {
    let body = response.body_as()?;
    Ok(OperationResult { status: response.status, etag: response.etag, body, exchanges: call.into_exchanges(), headers: BTreeMap::new() })
}

/// What stays literal in a query value: RFC 3986's unreserved characters. Everything else is
/// percent-encoded, so a space goes out as `%20` (never `+`, which OData servers may read
/// literally) and `&`, `=`, `+`, `#` cannot end the value early.
const QUERY_VALUE: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

fn encode_query_value(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, QUERY_VALUE).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ApiVersion;

    fn wire_of(text: &str) -> String {
        let checked = check_backend_contract_text(text, ApiVersion::default()).expect("a valid body");
        String::from_utf8(wire_body(Body::Text(text), &checked).expect("written")).expect("UTF-8")
    }

    #[test]
    fn a_text_without_null_goes_out_as_written() {
        let text = r#"{ "properties": { "protocol": "http", "url": "https://a.example", "future": {"x": 1} } }"#;
        assert_eq!(wire_of(text), text);
    }

    #[test]
    fn a_text_with_null_goes_out_as_the_model_writes_it() {
        let text = r#"{"properties":{"url":"https://a.example","protocol":"http","description":null}}"#;
        let wire: Value = serde_json::from_str(&wire_of(text)).unwrap();
        assert_eq!(wire, serde_json::json!({"properties": {"url": "https://a.example", "protocol": "http"}}));
        // A `null` only inside a string costs the rewrite, and the rewrite keeps the string.
        let text = r#"{"properties":{"url":"https://a.example","protocol":"http","title":"null"}}"#;
        let wire: Value = serde_json::from_str(&wire_of(text)).unwrap();
        assert_eq!(wire["properties"]["title"], "null");
    }

    #[test]
    fn a_value_is_always_written_by_the_model() {
        let value = serde_json::json!({"properties": {"url": "https://a.example", "protocol": "http"}});
        let checked = check_backend_contract(&value, ApiVersion::default()).unwrap();
        let wire: Value = serde_json::from_slice(&wire_body(Body::Value(&value), &checked).unwrap()).unwrap();
        assert_eq!(wire, value);
    }
}
