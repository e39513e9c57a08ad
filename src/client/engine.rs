//! The HTTP engine: one logical request ([`Call::send`]) is sent by `transport`, retried by
//! `retry_loop` under the [`RetryPolicy`], cancellable, with an [`Exchange`] recorded per attempt,
//! and its error scrubbed of every secret the call holds. It knows nothing about backends beyond
//! URLs, ETags and error shapes; the service's differences are a [`Dialect`] (ARM, Graph).

use super::dialect::Dialect;
use super::http::HttpClient;
use super::retry::RetryPolicy;
use super::retry_loop::{sleep_unless_cancelled, Retrying};
use super::transport::{HttpRequest, HttpResponse, Sender};
use super::{ApimClient, Exchange};
use crate::model::redact::{redact_error, secrets_in_body};
use crate::model::{ApimError, ErrorCategory};
use reqwest::header::{HeaderName, HeaderValue};
use std::sync::Mutex;
use std::time::Duration;
use tokio_util::sync::CancellationToken;
use url::Url;

pub use super::retry_loop::cancelled_error;

/// The per-`ApimClient` engine state: the HTTP client, the policy and the cancel switch.
pub struct Engine {
    pub(super) http: HttpClient,
    policy: RetryPolicy,
    pub(super) timeout: Option<Duration>,
    /// Replaced by a fresh token on every `cancel_all`, so calls started afterwards run normally.
    cancel: Mutex<CancellationToken>,
}

impl Engine {
    pub fn new(http: HttpClient, policy: RetryPolicy, timeout: Option<Duration>) -> Engine {
        Engine { http, policy, timeout, cancel: Mutex::new(CancellationToken::new()) }
    }

    pub fn policy(&self) -> RetryPolicy {
        self.policy
    }

    /// Makes this thread ready to drive calls on its own runtime (its runtime and HTTP client).
    pub fn prepare_this_thread(&self) {
        self.http.prepare_this_thread();
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

/// One logical operation (a cmdlet call): its cancellation token, its client request id (shared
/// by all its HTTP requests, like Az does, so the service logs correlate), and its exchanges.
pub struct Call<'a> {
    sender: Sender<'a>,
    base: Url,
    cancel: CancellationToken,
    exchanges: Vec<Exchange>,
}

impl ApimClient {
    /// Starts a call against `endpoint` (the ARM or Graph base URL) in `dialect`.
    pub fn start_call(&self, dialect: &'static Dialect, endpoint: &str) -> Result<Call<'_>, ApimError> {
        let (base, scope) = match self.endpoints.iter().find(|e| e.text == endpoint) {
            Some(known) => (known.url.clone(), known.scope.clone()),
            None => (parse_endpoint(endpoint, "endpoint")?, scope_of(endpoint)),
        };
        Ok(Call {
            sender: Sender {
                client: self,
                dialect,
                scope,
                // Why rand: `Uuid::new_v4` asks the kernel (a getrandom syscall) on every call;
                // a request id needs uniqueness, which the thread-local generator gives.
                client_request_id: uuid::Builder::from_random_bytes(rand::random()).into_uuid().to_string(),
                extra_headers: Vec::new(),
                bearer: Mutex::new(None),
            },
            base,
            cancel: self.engine.current_token(),
            exchanges: Vec::new(),
        })
    }
}

/// A configured endpoint (armEndpoint, graphEndpoint), parsed once when the client is made rather
/// than on every call.
pub struct ParsedEndpoint {
    pub text: String,
    pub url: Url,
    /// The token scope for it (`{endpoint}/.default`).
    pub scope: String,
}

impl ParsedEndpoint {
    pub fn parse(endpoint: &str, target: &str) -> Result<ParsedEndpoint, ApimError> {
        Ok(ParsedEndpoint { text: endpoint.to_string(), url: parse_endpoint(endpoint, target)?, scope: scope_of(endpoint) })
    }
}

fn scope_of(endpoint: &str) -> String {
    format!("{}/.default", endpoint.trim_end_matches('/'))
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

    pub fn dialect(&self) -> &'static Dialect {
        self.sender.dialect
    }

    /// Adds the caller's headers (already checked with `transport::check_extra_headers`) to every request.
    pub fn with_headers(mut self, headers: Vec<(HeaderName, HeaderValue)>) -> Call<'a> {
        self.sender.extra_headers = headers;
        self
    }

    pub fn exchanges(&self) -> &[Exchange] {
        &self.exchanges
    }

    pub fn into_exchanges(self) -> Vec<Exchange> {
        self.exchanges
    }

    pub fn policy(&self) -> RetryPolicy {
        self.sender.client.engine.policy
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
        sleep_unless_cancelled(&self.cancel, delay).await
    }

    /// Sends `request` with retries. `Ok` for any status below 400; otherwise the service's error
    /// (parsed by the dialect) with `httpStatus` and `requestId`, scrubbed of the call's secrets.
    pub async fn send(&mut self, request: &HttpRequest) -> Result<HttpResponse, ApimError> {
        let sender = &self.sender;
        let retrying = Retrying { policy: self.policy(), dialect: sender.dialect, cancel: &self.cancel, exchanges: &mut self.exchanges };
        let result = retrying.run(request, || sender.attempt(request)).await;
        result.map_err(|e| redact_error(e, &self.secrets(request)))
    }

    /// Every secret this call holds: the client's credentials, the bearer token it sent, the
    /// caller's own header values and the secrets in the body.
    fn secrets(&self, request: &HttpRequest) -> Vec<String> {
        let auth = &self.sender.client.options.auth;
        let mut secrets: Vec<String> = [auth.client_secret.as_ref(), auth.certificate_password.as_ref(), auth.certificate_data.as_ref()]
            .into_iter()
            .flatten()
            .map(|s| s.expose().to_string())
            .chain(auth.token.as_ref().map(|t| t.expose().to_string()))
            .collect();
        secrets.extend(self.sender.bearer.lock().unwrap_or_else(|p| p.into_inner()).clone());
        secrets.extend(self.sender.extra_headers.iter().filter_map(|(_, v)| v.to_str().ok().map(str::to_string)));
        // Read back only here, on the error path: the body is kept as the bytes that were sent.
        if let Some(body) = request.body.as_deref().and_then(|b| serde_json::from_slice::<serde_json::Value>(b).ok()) {
            secrets_in_body(&body, &mut secrets);
        }
        secrets
    }
}
