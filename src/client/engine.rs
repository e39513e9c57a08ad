//! The HTTP engine: sends one logical request (bearer token, `x-ms-client-request-id`, per-request
//! timeout), retries it under the [`RetryPolicy`], honours cancellation, and records an
//! [`Exchange`] per attempt. It knows nothing about backends beyond URLs, ETags and error shapes;
//! a [`Dialect`] plugs in the service's error parser and next-link field (ARM here, Graph later).

use super::response_error::{parse_arm_error, ErrorParser};
use super::outcome_note;
use super::retry::{parse_retry_after, parse_retry_after_ms, Failure, Idempotency, RetryPolicy};
use super::{ApimClient, Exchange};
use crate::model::redact::{redact_error, secrets_in_body};
use crate::model::{ApimError, ErrorCategory, ErrorDetail};
use std::collections::BTreeMap;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE, IF_MATCH};
use reqwest::Method;
use serde_json::Value;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};
use tokio_util::sync::CancellationToken;
use url::Url;

/// What differs between the services the engine talks to.
#[derive(Debug)]
pub struct Dialect {
    /// Builds the error for an unsuccessful answer.
    pub parse_error: ErrorParser,
    /// The collection field holding the next page's absolute URL (`nextLink`, `@odata.nextLink`).
    pub next_link_field: &'static str,
    /// The response header carrying the service's request id (for errors and `-Verbose`).
    pub request_id_header: &'static str,
    /// The request header carrying our client request id (`x-ms-client-request-id` on ARM,
    /// `client-request-id` on Graph).
    pub client_request_id_header: &'static str,
}

/// Azure Resource Manager (Microsoft.ApiManagement).
pub const ARM: Dialect = Dialect {
    parse_error: parse_arm_error,
    next_link_field: "nextLink",
    request_id_header: "x-ms-request-id",
    client_request_id_header: "x-ms-client-request-id",
};

/// The per-`ApimClient` engine state: the shared HTTP client, the policy and the cancel switch.
pub struct Engine {
    http: reqwest::Client,
    policy: RetryPolicy,
    timeout: Option<Duration>,
    /// Replaced by a fresh token on every `cancel_all`, so calls started afterwards run normally.
    cancel: Mutex<CancellationToken>,
}

impl Engine {
    pub fn new(http: reqwest::Client, policy: RetryPolicy, timeout: Option<Duration>) -> Engine {
        Engine { http, policy, timeout, cancel: Mutex::new(CancellationToken::new()) }
    }

    pub fn policy(&self) -> RetryPolicy {
        self.policy
    }

    /// Cancels every call that started before now.
    pub fn cancel_all(&self) {
        let mut current = self.cancel.lock().unwrap_or_else(|p| p.into_inner());
        let old = std::mem::replace(&mut *current, CancellationToken::new());
        old.cancel();
    }

    fn current_token(&self) -> CancellationToken {
        self.cancel.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

/// One request as the engine sends it. Debug is written by hand: the body can hold secrets.
#[derive(Clone)]
pub struct HttpRequest {
    pub method: Method,
    pub url: Url,
    pub if_match: Option<String>,
    pub body: Option<Value>,
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
    pub fn body(mut self, body: Option<Value>) -> HttpRequest {
        self.body = body;
        self
    }
}

impl std::fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let body_len = self.body.as_ref().map(|b| serde_json::to_vec(b).map(|v| v.len()).unwrap_or_default());
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
    pub retry_after: Option<Duration>,
    /// Every response header (lower-case names, values in order) for Graph's
    /// `-ResponseHeadersVariable`; `set-cookie` is left out because it can carry a session.
    pub headers: BTreeMap<String, Vec<String>>,
    pub body: Vec<u8>,
}

impl std::fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("etag", &self.etag)
            .field("request_id", &self.request_id)
            .field("location", &self.location)
            .field("retry_after", &self.retry_after)
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .finish()
    }
}

impl HttpResponse {
    /// The body as JSON; `None` when the service sent none.
    pub fn json(&self) -> Result<Option<Value>, ApimError> {
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

/// The error every cancelled call returns (the C ABI maps it to `APIM_STATUS_CANCELLED`).
pub fn cancelled_error() -> ApimError {
    ApimError::new("OperationCancelled", "The operation was cancelled.", ErrorCategory::OperationStopped)
}

/// Checks that `value` can be sent as a header, before anything is sent.
pub fn check_header_value(value: &str, target: &str) -> Result<(), ApimError> {
    HeaderValue::from_str(value).map(|_| ()).map_err(|_| {
        ApimError::invalid_argument(target, format!("{target} must be visible ASCII text (it is sent as an HTTP header)"))
    })
}

/// One logical operation (a cmdlet call): its cancellation token, its client request id (shared
/// by all its HTTP requests, like Az does, so the service logs correlate), and its exchanges.
pub struct Call<'a> {
    client: &'a ApimClient,
    pub dialect: &'static Dialect,
    base: Url,
    scope: String,
    cancel: CancellationToken,
    client_request_id: String,
    exchanges: Vec<Exchange>,
    /// The caller's own headers (Graph `-Headers`), sent on every HTTP request of this call
    /// (next pages included). Values are marked sensitive and never logged.
    extra_headers: Vec<(HeaderName, HeaderValue)>,
    /// The last bearer token sent, so an error that echoes it can be scrubbed.
    bearer: Mutex<Option<String>>,
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
enum AttemptError {
    Status(u16, HeaderMap, Vec<u8>),
    Transport(Failure, ApimError),
    Fatal(ApimError),
}

impl ApimClient {
    /// Starts a call against `endpoint` (the ARM or Graph base URL) in `dialect`.
    pub fn start_call(&self, dialect: &'static Dialect, endpoint: &str) -> Result<Call<'_>, ApimError> {
        let base = parse_endpoint(endpoint, "endpoint")?;
        let scope = format!("{}/.default", endpoint.trim_end_matches('/'));
        Ok(Call {
            client: self,
            dialect,
            base,
            scope,
            cancel: self.engine.current_token(),
            client_request_id: uuid::Uuid::new_v4().to_string(),
            exchanges: Vec::new(),
            extra_headers: Vec::new(),
            bearer: Mutex::new(None),
        })
    }
}

/// Parses a service endpoint option; only http and https make sense.
pub fn parse_endpoint(endpoint: &str, target: &str) -> Result<Url, ApimError> {
    let url = Url::parse(endpoint)
        .map_err(|e| ApimError::invalid_argument(target, format!("{target} '{endpoint}' is not a URL: {e}")))?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(ApimError::invalid_argument(target, format!("{target} must be an http or https URL")));
    }
    if url.host_str().is_none() {
        return Err(ApimError::invalid_argument(target, format!("{target} '{endpoint}' has no host")));
    }
    Ok(url)
}

impl<'a> Call<'a> {
    /// The endpoint this call talks to (paths are appended to it).
    pub fn base(&self) -> &Url {
        &self.base
    }

    /// Adds the caller's headers (already checked with [`check_extra_headers`]) to every request.
    pub fn with_headers(mut self, headers: Vec<(HeaderName, HeaderValue)>) -> Call<'a> {
        self.extra_headers = headers;
        self
    }

    pub fn exchanges(&self) -> &[Exchange] {
        &self.exchanges
    }

    pub fn into_exchanges(self) -> Vec<Exchange> {
        self.exchanges
    }

    pub fn policy(&self) -> RetryPolicy {
        self.client.engine.policy
    }

    /// Parses a URL the service handed back (nextLink, Location) and refuses one on another
    /// origin: the engine would send it our bearer token.
    pub fn follow_url(&self, link: &str, what: &str) -> Result<Url, ApimError> {
        let url = self.base.join(link).map_err(|e| {
            ApimError::new("InvalidResponse", format!("the service's {what} '{link}' is not a URL: {e}"), ErrorCategory::ProtocolError)
        })?;
        if url.origin() != self.base.origin() {
            return Err(ApimError::new(
                "InvalidResponse",
                format!(
                    "the service's {what} points to {}, not to the configured endpoint {}; it is not followed so that credentials stay with the endpoint",
                    url.origin().ascii_serialization(),
                    self.base.origin().ascii_serialization()
                ),
                ErrorCategory::ProtocolError,
            ));
        }
        Ok(url)
    }

    /// Sleeps, unless the call is cancelled first.
    pub async fn sleep(&self, delay: Duration) -> Result<(), ApimError> {
        tokio::select! {
            biased;
            _ = self.cancel.cancelled() => Err(cancelled_error()),
            _ = tokio::time::sleep(delay) => Ok(()),
        }
    }

    /// Sends `request` with retries. `Ok` for any status below 400; otherwise the service's error
    /// (parsed by the dialect) with `httpStatus` and `requestId`.
    pub async fn send(&mut self, request: &HttpRequest) -> Result<HttpResponse, ApimError> {
        let result = self.send_attempts(request).await;
        result.map_err(|e| redact_error(e, &self.secrets(request)))
    }

    /// Every secret this call holds: the client's credentials, the bearer token it sent, the
    /// caller's own header values and the secrets in the body.
    fn secrets(&self, request: &HttpRequest) -> Vec<String> {
        let auth = &self.client.options.auth;
        let mut secrets: Vec<String> = [auth.client_secret.as_ref(), auth.certificate_password.as_ref()]
            .into_iter()
            .flatten()
            .map(|s| s.expose().to_string())
            .chain(auth.token.clone())
            .collect();
        secrets.extend(self.bearer.lock().unwrap_or_else(|p| p.into_inner()).clone());
        secrets.extend(self.extra_headers.iter().filter_map(|(_, v)| v.to_str().ok().map(str::to_string)));
        if let Some(body) = &request.body {
            secrets_in_body(body, &mut secrets);
        }
        secrets
    }

    async fn send_attempts(&mut self, request: &HttpRequest) -> Result<HttpResponse, ApimError> {
        let policy = self.client.engine.policy;
        let mut attempt: u32 = 1;
        loop {
            if self.cancel.is_cancelled() {
                return Err(cancelled_error());
            }
            let started = Instant::now();
            let outcome = tokio::select! {
                biased;
                _ = self.cancel.cancelled() => Err(AttemptError::Fatal(cancelled_error())),
                r = self.attempt(request) => r,
            };
            let elapsed_ms = started.elapsed().as_millis() as u64;
            let (status, headers) = match &outcome {
                Ok(resp) => (Some(resp.status), None),
                Err(AttemptError::Status(s, h, _)) => (Some(*s), Some(h)),
                Err(_) => (None, None),
            };
            let request_id = match &outcome {
                Ok(resp) => resp.request_id.clone(),
                Err(AttemptError::Status(_, h, _)) => header_string(h, self.dialect.request_id_header),
                Err(_) => None,
            };
            let retry_after = headers.and_then(retry_after_of);
            self.exchanges.push(Exchange {
                method: request.method.as_str().to_string(),
                url: request.url.to_string(),
                status,
                request_id: request_id.clone(),
                elapsed_ms,
                attempt,
                delay_ms: None,
            });
            let failure = match &outcome {
                Ok(_) => None,
                Err(AttemptError::Status(s, _, _)) => Some(Failure::Status(*s)),
                Err(AttemptError::Transport(f, _)) => Some(*f),
                Err(AttemptError::Fatal(_)) => None,
            };
            if let Some(failure) = failure {
                let wait = policy.should_retry(attempt, request.idempotency, failure).then(|| policy.delay(attempt, retry_after));
                if let (Some(None), Some(asked), Err(AttemptError::Status(status, _, body))) = (wait, retry_after, &outcome) {
                    // The service asked for a longer wait than retry.maxDelayMs allows: honour it
                    // by not retrying early, and say how long it wants.
                    let mut error = (self.dialect.parse_error)(*status, body).with_http_status(*status).with_request_id(request_id);
                    error.message = format!(
                        "{} (the service asked to wait {} seconds before retrying, longer than retry.maxDelayMs = {} ms; not retried)",
                        error.message,
                        asked.as_secs_f64().ceil() as u64,
                        policy.max_delay.as_millis()
                    );
                    return Err(error);
                }
                if let Some(Some(delay)) = wait {
                    if let Some(last) = self.exchanges.last_mut() {
                        last.delay_ms = Some(delay.as_millis() as u64);
                    }
                    self.sleep(delay).await?;
                    attempt += 1;
                    continue;
                }
            }
            return match outcome {
                Ok(resp) => Ok(resp),
                Err(AttemptError::Status(status, _, body)) => {
                    let error = (self.dialect.parse_error)(status, &body).with_http_status(status).with_request_id(request_id);
                    Err(outcome_note::after_status(error, request, attempt))
                }
                Err(AttemptError::Transport(failure, e)) => Err(outcome_note::after_transport(e, request, failure, attempt)),
                Err(AttemptError::Fatal(e)) => Err(e),
            };
        }
    }

    /// One attempt: token, headers, send, read the whole body.
    async fn attempt(&self, request: &HttpRequest) -> Result<HttpResponse, AttemptError> {
        let engine = &self.client.engine;
        let mut builder = engine
            .http
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
            let bytes = serde_json::to_vec(body).map_err(|e| {
                AttemptError::Fatal(ApimError::new("InternalError", format!("the body could not be serialised: {e}"), ErrorCategory::NotSpecified))
            })?;
            builder = builder.header(CONTENT_TYPE, "application/json").body(bytes);
        } else if request.method == Method::POST || request.method == Method::PUT || request.method == Method::PATCH {
            // An explicit empty body: some front ends answer 411 to a body-less POST.
            builder = builder.header(reqwest::header::CONTENT_LENGTH, "0");
        }
        if let Some(source) = &self.client.token_source {
            let token = source.token(&self.scope).await.map_err(AttemptError::Fatal)?;
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
        let response = builder.send().await.map_err(|e| self.transport_error(request, e))?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(|e| self.transport_error(request, e))?.to_vec();
        if status >= 400 {
            return Err(AttemptError::Status(status, headers, body));
        }
        Ok(HttpResponse {
            status,
            etag: header_string(&headers, "etag"),
            request_id: header_string(&headers, self.dialect.request_id_header),
            location: header_string(&headers, "location"),
            retry_after: retry_after_of(&headers),
            headers: header_map(&headers),
            body,
        })
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

fn header_string(headers: &HeaderMap, name: &str) -> Option<String> {
    headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
}

/// `retry-after-ms` / `x-ms-retry-after-ms` first (more precise), then `Retry-After`.
fn retry_after_of(headers: &HeaderMap) -> Option<Duration> {
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
