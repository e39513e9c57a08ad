//! A local management-plane server with the semantics of the real services: ARM backends
//! (`arm_backends`) and Graph apiConnectors (`graph_api_connectors`).
//!
//! Layers over the merged router (outermost first): ARM path canonicalisation (before routing),
//! panic catching, request limits (`limits`), tracing headers, `requireToken`, `throttle`; so every
//! route family gets all of them. Connections are served by `server` (timeouts, connection limit).
//! Route families share one [`context::EmulatorContext`] (options + [`store::Store`]); a family
//! that wants persisted data asks `ctx.store.collection("name")`.

pub mod arm_backends;
mod async_put;
mod auth_layer;
mod backend_body;
mod backend_list;
pub mod context;
pub mod errors;
pub mod etag;
pub mod graph_api_connectors;
mod json_merge;
pub mod limits;
pub mod odata_filter;
mod odata_tokens;
pub mod paging;
mod path_case;
mod pool_members;
pub mod persistence;
pub mod request;
pub mod server;
pub mod store;
pub mod throttle;
mod tracing_headers;
mod version_view;

pub use throttle::ThrottleLimits;

use crate::model::{ApimError, ErrorCategory};
use axum::Router;
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use tower::util::{MapRequest, MapRequestLayer};
use tower::Layer;

/// Options for [`start`]; also the JSON of `apim_emulator_start`.
#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmulatorOptions {
    #[serde(default = "EmulatorOptions::default_listen")]
    pub listen: SocketAddr,
    /// Persist every write under this directory (atomically) and reload it on start.
    #[serde(default)]
    pub data_dir: Option<PathBuf>,
    /// Answer 401 to any request whose bearer token is not exactly this.
    #[serde(default)]
    pub require_token: Option<String>,
    /// Simulate ARM's token buckets (429 + Retry-After).
    #[serde(default)]
    pub throttle: bool,
    /// Page size of list operations when the caller sends no `$top`.
    #[serde(default = "EmulatorOptions::default_page_size")]
    pub page_size: usize,
    /// Bucket sizes and refill rates used when `throttle` is on (ARM's by default).
    #[serde(default)]
    pub throttle_limits: ThrottleLimits,
    /// Answer PUT with 202 + `Location` (polled: 202 once, then the entity), as APIM sometimes does.
    #[serde(default)]
    pub async_put: bool,
    /// Close a connection that has not sent its request headers within this time (ms).
    #[serde(default = "EmulatorOptions::default_header_read_timeout_ms")]
    pub header_read_timeout_ms: u64,
    /// Close a connection that moved no byte for this long (ms): idle keep-alive, trickling bodies.
    #[serde(default = "EmulatorOptions::default_idle_timeout_ms")]
    pub idle_timeout_ms: u64,
    /// Connections served at once; more wait in the listen backlog.
    #[serde(default = "EmulatorOptions::default_max_connections")]
    pub max_connections: usize,
}

/// `requireToken` is a secret: Debug shows only whether one is set.
impl std::fmt::Debug for EmulatorOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmulatorOptions")
            .field("listen", &self.listen)
            .field("data_dir", &self.data_dir)
            .field("require_token", &self.require_token.as_ref().map(|_| "<redacted>"))
            .field("throttle", &self.throttle)
            .field("page_size", &self.page_size)
            .field("throttle_limits", &self.throttle_limits)
            .field("async_put", &self.async_put)
            .field("header_read_timeout_ms", &self.header_read_timeout_ms)
            .field("idle_timeout_ms", &self.idle_timeout_ms)
            .field("max_connections", &self.max_connections)
            .finish()
    }
}

impl EmulatorOptions {
    fn default_listen() -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], 0))
    }
    fn default_page_size() -> usize {
        100
    }
    fn default_header_read_timeout_ms() -> u64 {
        server::ServerLimits::default().header_read_timeout.as_millis() as u64
    }
    fn default_idle_timeout_ms() -> u64 {
        server::ServerLimits::default().idle_timeout.as_millis() as u64
    }
    fn default_max_connections() -> usize {
        server::ServerLimits::default().max_connections
    }

    pub fn server_limits(&self) -> server::ServerLimits {
        server::ServerLimits {
            header_read_timeout: std::time::Duration::from_millis(self.header_read_timeout_ms.max(1)),
            idle_timeout: std::time::Duration::from_millis(self.idle_timeout_ms.max(1)),
            max_connections: self.max_connections.max(1),
        }
    }
}

impl Default for EmulatorOptions {
    fn default() -> Self {
        serde_json::from_str("{}").expect("defaults deserialise")
    }
}

/// A running emulator; dropping it without [`EmulatorHandle::stop`] leaves it running until the
/// runtime ends.
pub struct EmulatorHandle {
    pub base_url: String,
    pub local_addr: SocketAddr,
    shutdown: tokio_util::sync::CancellationToken,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl EmulatorHandle {
    /// Stops accepting connections, lets requests in progress finish (bounded) and waits for the
    /// server task to end.
    pub async fn stop(mut self) {
        self.shutdown.cancel();
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

/// Binds `options.listen` and serves until stopped. Must be called inside a tokio runtime.
pub async fn start(options: EmulatorOptions) -> Result<EmulatorHandle, ApimError> {
    let start_failed = |message: String| ApimError::new("EmulatorStartFailed", message, ErrorCategory::ResourceUnavailable);
    let listener = tokio::net::TcpListener::bind(options.listen)
        .await
        .map_err(|e| start_failed(format!("cannot listen on {}: {e}", options.listen)))?;
    let local_addr = listener.local_addr().map_err(|e| start_failed(e.to_string()))?;
    let base_url = format!("http://{local_addr}");
    let store = store::Store::open(options.data_dir.clone())
        .map_err(|e| start_failed(format!("cannot open the data directory: {e}")))?;
    let limits = options.server_limits();
    let ctx = context::EmulatorContext {
        store: Arc::new(store),
        options: Arc::new(options),
        base_url: base_url.clone(),
    };
    let app = app(&ctx)?;
    let shutdown = tokio_util::sync::CancellationToken::new();
    let task = tokio::spawn(server::serve(listener, app, limits, shutdown.clone()));
    Ok(EmulatorHandle { base_url, local_addr, shutdown, task: Some(task) })
}

/// The merged routes with every layer applied.
fn app(ctx: &context::EmulatorContext) -> Result<MapRequest<Router, fn(axum::extract::Request) -> axum::extract::Request>, ApimError> {
    let mut router = Router::new()
        .merge(arm_backends::routes(ctx)?)
        .merge(graph_api_connectors::routes(ctx)?)
        // The one fallback lives here (merging two routers that both have one panics).
        .fallback(|method: axum::http::Method, uri: axum::http::Uri| async move {
            errors::ArmError::new(
                axum::http::StatusCode::NOT_FOUND,
                "NotFound",
                format!("No route for {method} {}.", uri.path()),
            )
            .for_method(&method)
        });
    let options = &ctx.options;
    if options.throttle {
        let throttle = Arc::new(throttle::Throttle::new(&options.throttle_limits));
        router = router.layer(axum::middleware::from_fn_with_state(throttle, throttle::throttle));
    }
    if let Some(token) = &options.require_token {
        let token = auth_layer::RequiredToken(Arc::from(token.as_str()));
        router = router.layer(axum::middleware::from_fn_with_state(token, auth_layer::require_token));
    }
    router = router
        .layer(axum::extract::DefaultBodyLimit::max(limits::MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn(tracing_headers::add_tracing_headers))
        .layer(axum::middleware::from_fn(limits::request_limits))
        // Outermost: a panic anywhere inside is a 500, not a dead connection task or process.
        .layer(limits::panic_layer());
    // Routing happens inside `router`, so the path rewrite must wrap it from outside.
    let canonical: fn(axum::extract::Request) -> axum::extract::Request = path_case::canonical_arm_path;
    Ok(MapRequestLayer::new(canonical).layer(router))
}
