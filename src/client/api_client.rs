//! [`ApimClient`]: one set of client options made ready to call (the token source, the HTTP
//! client, the retry policy), shared by the ARM and Graph operations.

use super::engine::{Engine, ParsedEndpoint};
use super::options::ClientOptions;
use super::{http, retry};
use crate::auth::TokenSource;
use crate::model::{ApiVersion, ApimError};
use std::sync::Arc;

/// A client for one set of options; cheap to share between threads (`&self` everywhere).
pub struct ApimClient {
    pub(crate) options: ClientOptions,
    pub(crate) api_version: ApiVersion,
    pub(crate) token_source: Option<Arc<dyn TokenSource>>,
    pub(crate) engine: Engine,
    /// armEndpoint and graphEndpoint, parsed once.
    pub(crate) endpoints: [ParsedEndpoint; 2],
    /// The environment captured at creation (AZURE_SUBSCRIPTION_ID, PATH for `az`).
    pub(crate) env: crate::auth::Env,
    /// The subscription found by the environment / Azure CLI fallback, resolved on first need and
    /// kept, so `az account show` runs at most once per client (a failure is not kept).
    pub(crate) fallback_subscription: tokio::sync::OnceCell<String>,
    /// The subscription of the session this client was made from (`Session::client`): used when
    /// neither the request nor the options name one, before the environment / CLI fallback.
    pub(crate) session_subscription: Option<Arc<super::session::SessionSubscription>>,
    /// The last backend collection URL built (see `backend::CollectionUrl`).
    pub(crate) backend_collection: std::sync::Mutex<Option<super::backend::CollectionUrl>>,
}

/// Validating a known-good address and duration compiles the model's patterns (regexes kept for
/// the process), so the first call does not pay ~1 ms for that; the results are irrelevant.
fn compile_patterns_now() {
    let address = crate::model::address::ServiceAddress {
        subscription_id: "00000000-0000-0000-0000-000000000000".to_string(),
        resource_group_name: "rg".to_string(),
        service_name: "s".to_string(),
    };
    let _ = address.validate();
    let _ = crate::model::validate::is_iso8601_duration("PT1S");
}

impl ApimClient {
    pub fn new(options: ClientOptions) -> Result<ApimClient, ApimError> {
        let env = match &options.environment {
            Some(vars) => crate::auth::Env::from_pairs(vars.0.iter().map(|(k, v)| (k.clone(), v.clone()))),
            None => crate::auth::Env::process(),
        };
        ApimClient::with_env(options, env)
    }

    /// The same with an explicit environment (tests, hosts that manage their own variables):
    /// both the token source and the subscription fallback read it instead of the process's.
    pub fn with_env(options: ClientOptions, env: crate::auth::Env) -> Result<ApimClient, ApimError> {
        let api_version = ApiVersion::parse(&options.api_version)?;
        let endpoints = [
            ParsedEndpoint::parse(&options.arm_endpoint, "armEndpoint")?,
            ParsedEndpoint::parse(&options.graph_endpoint, "graphEndpoint")?,
        ];
        let token_source = crate::auth::token_source_from_options_with_env(&options.auth, &env)?;
        let roots = options.tls_roots.unwrap_or_else(crate::net::TlsRoots::from_env);
        let tls = endpoints.iter().any(|e| crate::net::may_need_tls(&e.url));
        let http = http::HttpClient::new(options.connect_timeout_seconds, roots, tls)?;
        let policy = retry::RetryPolicy::from_options(&options.retry);
        // timeoutSeconds 0 means no per-request limit.
        let timeout = (options.timeout_seconds > 0).then(|| std::time::Duration::from_secs(options.timeout_seconds));
        let engine = Engine::new(http, policy, timeout);
        // Why here: the address patterns are compiled once per process; doing it now keeps that
        // cost out of the first call (it was most of the first call's extra time).
        compile_patterns_now();
        Ok(ApimClient { options, api_version, token_source, engine, endpoints, env, fallback_subscription: tokio::sync::OnceCell::new(), session_subscription: None, backend_collection: Default::default() })
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

    /// Makes the calling thread ready to drive this client's calls on a runtime of its own
    /// (`crate::runtime::with_call_runtime`), so its first call does not build them.
    pub fn prepare_this_thread(&self) {
        self.engine.prepare_this_thread();
    }
}
