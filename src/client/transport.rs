//! One HTTP attempt: the request and response types, the headers every request carries (bearer
//! token, client request id, the caller's checked headers, If-Match), and how a transport failure
//! is described. Retrying is not done here (`retry_loop`).

use super::dialect::Dialect;
use super::retry::{parse_retry_after, parse_retry_after_ms, Failure, Idempotency};
use super::ApimClient;
use crate::auth::{AccessToken, TokenSource};
use crate::model::{ApimError, ErrorCategory, ErrorDetail};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE, IF_MATCH};
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};
use url::Url;

/// One request as the engine sends it. Debug is written by hand: the body can hold secrets.
#[derive(Clone)]
pub struct HttpRequest {
    pub method: Method,
    pub url: Url,
    pub if_match: Option<String>,
    /// The JSON body as it is sent, serialised once (not again per attempt). Why bytes rather
    /// than a `Value`: a checked body is written straight from its typed form, without building
    /// a tree first (issue 11); only an error reads it back, to find the secrets to scrub.
    pub body: Option<Vec<u8>>,
    pub idempotency: Idempotency,
}

impl HttpRequest {
    pub fn new(method: Method, url: Url) -> HttpRequest {
        let idempotency = if method == Method::POST { Idempotency::NonIdempotent } else { Idempotency::Idempotent };
        HttpRequest { method, url, if_match: None, body: None, idempotency }
    }
    pub fn if_match(mut self, value: Option<String>) -> HttpRequest {
        self.if_match = value;
        self
    }
    /// A JSON tree as the body (a `Value` always serialises).
    pub fn body(mut self, body: Option<Value>) -> HttpRequest {
        self.body = body.map(|b| serde_json::to_vec(&b).expect("a JSON value always serialises"));
        self
    }
    /// A body already written as JSON text (see [`json_bytes`]).
    pub fn json(mut self, bytes: Vec<u8>) -> HttpRequest {
        self.body = Some(bytes);
        self
    }
}

/// A typed body (a checked wire contract) written straight to its JSON text, with no `Value`
/// tree between. Callers do this before their first `.await`: a checked contract is a large
/// struct, and one kept across an await made the operation's task big enough that handing it to
/// the runtime cost more than the serialising saved (issue 11, callgrind).
pub fn json_bytes<T: serde::Serialize>(body: &T) -> Result<Vec<u8>, ApimError> {
    serde_json::to_vec(body).map_err(|e| {
        ApimError::new("InternalError", format!("the validated body could not be serialised: {e}"), ErrorCategory::NotSpecified)
    })
}

impl std::fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let body_len = self.body.as_ref().map(Vec::len);
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url.as_str())
            .field("if_match", &self.if_match)
            .field("body", &format_args!("{}", body_len.map_or("None".to_string(), |n| format!("<{n} bytes>"))))
            .field("idempotency", &self.idempotency)
            .finish()
    }
}

/// A successful (status < 400) answer. Debug by hand: a GET returns the entity's secrets too.
#[derive(Clone)]
pub struct HttpResponse {
    pub status: u16,
    pub etag: Option<String>,
    pub request_id: Option<String>,
    pub location: Option<String>,
    /// The final response's headers as received (moved, not copied); Graph's
    /// `-ResponseHeadersVariable` reads them through [`HttpResponse::header_map`].
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl std::fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("etag", &self.etag)
            .field("request_id", &self.request_id)
            .field("location", &self.location)
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .finish()
    }
}

impl HttpResponse {
    /// The wait the service asked for before the next poll. Read only when polling asks: most
    /// answers are final, and parsing three headers of each was ~1k instructions (issue 11).
    pub fn retry_after(&self) -> Option<Duration> {
        retry_after_of(&self.headers)
    }

    /// Every response header (lower-case names, values in order); values that are not visible
    /// ASCII and `set-cookie` (it can carry a session) are left out. Built only when asked for:
    /// ARM results do not carry headers.
    pub fn header_map(&self) -> BTreeMap<String, Vec<String>> {
        header_map(&self.headers)
    }

    /// The body as JSON; `None` when the service sent none.
    pub fn json(&self) -> Result<Option<Value>, ApimError> {
        self.body_as()
    }

    /// The body as `B`: a parsed [`Value`], or its text checked and kept as it came
    /// ([`super::RawJson`]); `None` when the service sent none.
    pub fn body_as<B: DeserializeOwned>(&self) -> Result<Option<B>, ApimError> {
        if self.body.iter().all(|b| b.is_ascii_whitespace()) {
            return Ok(None);
        }
        serde_json::from_slice(&self.body).map(Some).map_err(|e| {
            ApimError::new(
                "InvalidResponse",
                format!("the service answered {} with a body that is not JSON: {e}", self.status),
                ErrorCategory::ProtocolError,
            )
            .with_http_status(self.status)
            .with_request_id(self.request_id.clone())
        })
    }
}

/// Checks that `value` can be sent as a header, before anything is sent.
pub fn check_header_value(value: &str, target: &str) -> Result<(), ApimError> {
    HeaderValue::from_str(value).map(|_| ()).map_err(|_| {
        ApimError::invalid_argument(target, format!("{target} must be visible ASCII text (it is sent as an HTTP header)"))
    })
}

/// Headers the engine owns: a caller's value would replace the token or break the framing.
const RESERVED_HEADERS: [&str; 3] = ["authorization", "host", "content-length"];

/// Checks the caller's headers before anything is sent; errors name `headers.<name>` and never
/// repeat a value.
pub fn check_extra_headers(headers: &BTreeMap<String, String>) -> Result<Vec<(HeaderName, HeaderValue)>, ApimError> {
    let mut checked = Vec::new();
    let mut details = Vec::new();
    for (name, value) in headers {
        let target = format!("headers.{name}");
        if RESERVED_HEADERS.iter().any(|r| r.eq_ignore_ascii_case(name.trim())) {
            details.push(ErrorDetail::new(&target, "ReservedHeader", format!("{target}: the {name} header is set by the client and cannot be given")));
            continue;
        }
        let Ok(header_name) = HeaderName::from_bytes(name.as_bytes()) else {
            details.push(ErrorDetail::new(&target, "InvalidHeaderName", format!("{target}: '{name}' is not a valid HTTP header name")));
            continue;
        };
        match HeaderValue::from_str(value) {
            Ok(mut v) => {
                v.set_sensitive(true);
                checked.push((header_name, v));
            }
            Err(_) => details.push(ErrorDetail::new(&target, "InvalidHeaderValue", format!("{target} must be visible ASCII text (its value is not shown)"))),
        }
    }
    match details.len() {
        0 => Ok(checked),
        1 => {
            let d = details.remove(0);
            Err(ApimError::invalid_argument(d.target.clone().unwrap_or_default(), d.message))
        }
        _ => Err(ApimError::validation(details)),
    }
}

/// How one attempt ended, before the retry decision.
pub enum AttemptError {
    Status(u16, HeaderMap, Vec<u8>),
    Transport(Failure, ApimError),
    Fatal(ApimError),
}

/// What every attempt of one call sends besides the request: who asks (the client's HTTP client,
/// timeout and token source), in which dialect, with which client request id and extra headers.
pub struct Sender<'a> {
    pub client: &'a ApimClient,
    pub dialect: &'static Dialect,
    /// The token scope (`{endpoint}/.default`).
    pub scope: String,
    pub client_request_id: String,
    /// The caller's own headers (Graph `-Headers`), sent on every HTTP request of this call
    /// (next pages included). Values are marked sensitive and never logged.
    pub extra_headers: Vec<(HeaderName, HeaderValue)>,
    /// The last bearer token sent, so an error that echoes it can be scrubbed.
    pub bearer: Mutex<Option<String>>,
}

impl Sender<'_> {
    /// One attempt: token, headers, send, read the whole body.
    pub async fn attempt(&self, request: &HttpRequest) -> Result<HttpResponse, AttemptError> {
        let engine = &self.client.engine;
        let mut builder = engine
            .http
            .for_this_call()
            .map_err(AttemptError::Fatal)?
            .request(request.method.clone(), request.url.clone())
            .header(ACCEPT, "application/json")
            .header(self.dialect.client_request_id_header, self.client_request_id.as_str());
        for (name, value) in &self.extra_headers {
            builder = builder.header(name.clone(), value.clone());
        }
        if let Some(timeout) = engine.timeout {
            builder = builder.timeout(timeout);
        }
        if let Some(tag) = &request.if_match {
            let value = HeaderValue::from_str(tag)
                .map_err(|_| AttemptError::Fatal(ApimError::invalid_argument("ifMatch", "ifMatch must be visible ASCII text")))?;
            builder = builder.header(IF_MATCH, value);
        }
        if let Some(body) = &request.body {
            builder = builder.header(CONTENT_TYPE, "application/json").body(body.clone());
        } else if request.method == Method::POST || request.method == Method::PUT || request.method == Method::PATCH {
            // An explicit empty body: some front ends answer 411 to a body-less POST.
            builder = builder.header(reqwest::header::CONTENT_LENGTH, "0");
        }
        if let Some(source) = &self.client.token_source {
            let token = self.bearer_token(source).await.map_err(AttemptError::Fatal)?;
            // The token never appears in an error: a header parse failure reports only the source.
            let mut value = HeaderValue::from_str(&format!("Bearer {}", token.token)).map_err(|_| {
                AttemptError::Fatal(ApimError::new(
                    "InvalidToken",
                    format!("the token from {} is not a valid HTTP header value", source.name()),
                    ErrorCategory::AuthenticationError,
                ))
            })?;
            value.set_sensitive(true);
            *self.bearer.lock().unwrap_or_else(|p| p.into_inner()) = Some(token.token.clone());
            builder = builder.header(AUTHORIZATION, value);
        }
        let mut response = builder.send().await.map_err(|e| self.transport_error(request, e))?;
        let status = response.status().as_u16();
        // Taken, not cloned: the body is read through the response, which no longer needs them.
        let headers = std::mem::take(response.headers_mut());
        let body = response.bytes().await.map_err(|e| self.transport_error(request, e))?.to_vec();
        if status >= 400 {
            return Err(AttemptError::Status(status, headers, body));
        }
        Ok(HttpResponse {
            status,
            etag: header_string(&headers, "etag"),
            request_id: header_string(&headers, self.dialect.request_id_header),
            location: header_string(&headers, "location"),
            headers,
            body,
        })
    }

    /// The token for this call's scope. While this thread drives the call on its own runtime, a
    /// token that must be fetched is fetched on the shared runtime: token sources send through
    /// process-wide HTTP clients (`auth::http`) and may start processes (Azure CLI), whose tasks
    /// must not be left on a runtime that runs only while its thread makes a call.
    async fn bearer_token(&self, source: &Arc<dyn TokenSource>) -> Result<AccessToken, ApimError> {
        if !crate::runtime::driving_here() {
            return source.token(&self.scope).await;
        }
        if let Some(token) = source.ready(&self.scope) {
            return Ok(token);
        }
        let (source, scope) = (Arc::clone(source), self.scope.clone());
        crate::runtime::joined(crate::runtime::runtime().spawn(async move { source.token(&scope).await }).await, "the token request")?
    }

    fn transport_error(&self, request: &HttpRequest, e: reqwest::Error) -> AttemptError {
        let target = format!("{} {}", request.method, request.url);
        let (is_connect, is_timeout) = (e.is_connect(), e.is_timeout());
        let detail = error_chain(&e.without_url());
        let engine = &self.client.engine;
        if is_connect {
            let timed_out = is_timeout;
            let (code, category) = if timed_out {
                ("ConnectTimeout", ErrorCategory::OperationTimeout)
            } else {
                ("ConnectionFailed", ErrorCategory::ConnectionError)
            };
            let what = if timed_out { "no connection could be made in time" } else { "no connection could be made" };
            return AttemptError::Transport(
                Failure::Connect,
                ApimError::new(code, format!("{target}: {what}: {detail}"), category),
            );
        }
        if is_timeout {
            // Retried when the request is idempotent (see RetryPolicy::should_retry).
            let secs = engine.timeout.map(|t| t.as_secs()).unwrap_or_default();
            return AttemptError::Transport(Failure::Timeout, ApimError::new(
                "RequestTimeout",
                format!("{target}: no complete answer within {secs} s (timeoutSeconds)"),
                ErrorCategory::OperationTimeout,
            ));
        }
        AttemptError::Transport(
            Failure::Transport,
            ApimError::new("ConnectionFailed", format!("{target}: the connection failed: {detail}"), ErrorCategory::ConnectionError),
        )
    }
}

/// The response headers as a map of string lists; values that are not visible ASCII and
/// `set-cookie` are skipped.
fn header_map(headers: &HeaderMap) -> BTreeMap<String, Vec<String>> {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, value) in headers {
        if name.as_str() == "set-cookie" {
            continue;
        }
        if let Ok(text) = value.to_str() {
            map.entry(name.as_str().to_string()).or_default().push(text.to_string());
        }
    }
    map
}

pub fn header_string(headers: &HeaderMap, name: &str) -> Option<String> {
    headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
}

/// `retry-after-ms` / `x-ms-retry-after-ms` first (more precise), then `Retry-After`.
pub fn retry_after_of(headers: &HeaderMap) -> Option<Duration> {
    for name in ["retry-after-ms", "x-ms-retry-after-ms"] {
        if let Some(d) = header_string(headers, name).and_then(|v| parse_retry_after_ms(&v)) {
            return Some(d);
        }
    }
    header_string(headers, "retry-after").and_then(|v| parse_retry_after(&v, SystemTime::now()))
}

/// The messages of an error and its sources, joined (reqwest's top message alone is vague).
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.contains(&text) {
            parts.push(text);
        }
        source = s.source();
    }
    parts.join(": ")
}
