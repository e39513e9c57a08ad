//! A local management-plane server with the semantics of the real services: ARM backends
//! (`arm/`) and Graph apiConnectors (`graph/`), both filtered by the one `$filter` parser (`odata/`);
//! the parts every route family shares (store, etag, persistence, throttle, auth layer, limits,
//! errors, request, server) are the files at this level.
//!
//! Layers over the merged router (outermost first): ARM path canonicalisation (before routing),
//! panic catching, request limits (`limits`), tracing headers, `requireToken`, `throttle`; so every
//! route family gets all of them. Connections are served by `server` (timeouts, connection limit).
//! Route families share one [`context::EmulatorContext`] (options + [`store::Store`]); a family
//! that wants persisted data asks `ctx.store.collection("name")`.

mod arm;
mod auth_layer;
pub mod context;
pub mod errors;
pub mod etag;
mod graph;
pub mod limits;
pub mod odata;
mod options;
pub mod persistence;
pub mod request;
pub mod server;
pub mod store;
pub mod throttle;
mod tracing_headers;

pub use options::EmulatorOptions;
pub use throttle::ThrottleLimits;

use crate::model::{ApimError, ErrorCategory};
use axum::Router;
use std::net::SocketAddr;
use std::sync::Arc;
use tower::util::{MapRequest, MapRequestLayer};
use tower::Layer;

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
        .merge(arm::routes(ctx)?)
        .merge(arm::subscription_routes(ctx))
        .merge(graph::routes(ctx)?)
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
    let canonical: fn(axum::extract::Request) -> axum::extract::Request = arm::canonical_arm_path;
    Ok(MapRequestLayer::new(canonical).layer(router))
}
