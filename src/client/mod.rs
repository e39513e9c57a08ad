//! The HTTP engine (`engine`: one shared reqwest client, retries, cancellation; `paging`,
//! `polling`, `response_error`) and the operations: `backends` (ARM), `api_connectors` (Graph).

pub mod api_connectors;
pub mod backends;
pub mod engine;
mod http;
pub mod options;
mod outcome_note;
pub mod paging;
pub mod polling;
pub mod response_error;
pub mod retry;

pub use options::{ClientOptions, RetryOptions};

use std::collections::BTreeMap;
use crate::auth::TokenSource;
use crate::model::{ApiVersion, ApimError};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;

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

/// A single-entity result: `{"status":201,"etag":"\"...\"","body":{...},"exchanges":[...]}`.
/// Debug is written by hand: the body can hold credentials.authorization.parameter or proxy.password.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OperationResult {
    pub status: u16,
    pub etag: Option<String>,
    pub body: Option<Value>,
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
pub(crate) struct RedactedBody<'a>(pub &'a Option<Value>);

impl std::fmt::Debug for RedactedBody<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            None => f.write_str("None"),
            Some(_) => f.write_str("<redacted body>"),
        }
    }
}

impl std::fmt::Debug for OperationResult {
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

/// A client for one set of options; cheap to share between threads (`&self` everywhere).
pub struct ApimClient {
    pub(crate) options: ClientOptions,
    pub(crate) api_version: ApiVersion,
    pub(crate) token_source: Option<Arc<dyn TokenSource>>,
    pub(crate) engine: engine::Engine,
    /// The environment captured at creation (AZURE_SUBSCRIPTION_ID, PATH for `az`).
    pub(crate) env: crate::auth::Env,
    /// The subscription found by the environment / Azure CLI fallback, resolved on first need and
    /// kept, so `az account show` runs at most once per client (a failure is not kept).
    pub(crate) fallback_subscription: tokio::sync::OnceCell<String>,
}

impl ApimClient {
    pub fn new(options: ClientOptions) -> Result<ApimClient, ApimError> {
        ApimClient::with_env(options, crate::auth::Env::process())
    }

    /// The same with an explicit environment (tests, hosts that manage their own variables):
    /// both the token source and the subscription fallback read it instead of the process's.
    pub fn with_env(options: ClientOptions, env: crate::auth::Env) -> Result<ApimClient, ApimError> {
        let api_version = ApiVersion::parse(&options.api_version)?;
        engine::parse_endpoint(&options.arm_endpoint, "armEndpoint")?;
        engine::parse_endpoint(&options.graph_endpoint, "graphEndpoint")?;
        let token_source = crate::auth::token_source_from_options_with_env(&options.auth, &env)?;
        let roots = options.tls_roots.unwrap_or_else(crate::net::TlsRoots::from_env);
        let http = http::shared_client(options.connect_timeout_seconds, roots)?;
        let policy = retry::RetryPolicy::from_options(&options.retry);
        // timeoutSeconds 0 means no per-request limit.
        let timeout = (options.timeout_seconds > 0).then(|| std::time::Duration::from_secs(options.timeout_seconds));
        let engine = engine::Engine::new(http, policy, timeout);
        Ok(ApimClient { options, api_version, token_source, engine, env, fallback_subscription: tokio::sync::OnceCell::new() })
    }

    pub fn options(&self) -> &ClientOptions {
        &self.options
    }

    pub fn api_version(&self) -> ApiVersion {
        self.api_version
    }

    /// Cancels every call in flight on this client (Ctrl+C in PowerShell); later calls run normally.
    /// Each call holds the token current when it started; this cancels that token and installs a
    /// fresh one, so cancelled calls return `OperationCancelled` and later calls are unaffected.
    pub fn cancel_all(&self) {
        self.engine.cancel_all();
    }
}
