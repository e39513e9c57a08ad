//! A local management-plane server with the semantics of the real services: ARM backends
//! (`arm_backends`) and Graph apiConnectors (`graph_api_connectors`).
//! SKELETON: the emulator helper implements the routes, store, persistence and throttling.

pub mod arm_backends;
pub mod graph_api_connectors;

use crate::model::ApimError;
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Options for [`start`]; also the JSON of `apim_emulator_start`.
#[derive(Debug, Clone, Deserialize)]
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
}

impl EmulatorOptions {
    fn default_listen() -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], 0))
    }
    fn default_page_size() -> usize {
        100
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
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl EmulatorHandle {
    /// Stops accepting connections and waits for the server task to end.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

/// Binds `options.listen` and serves until stopped. Must be called inside a tokio runtime.
pub async fn start(options: EmulatorOptions) -> Result<EmulatorHandle, ApimError> {
    let listener = tokio::net::TcpListener::bind(options.listen).await.map_err(|e| {
        ApimError::new("EmulatorStartFailed", format!("cannot listen on {}: {e}", options.listen), crate::model::ErrorCategory::ResourceUnavailable)
    })?;
    let local_addr = listener.local_addr().map_err(|e| {
        ApimError::new("EmulatorStartFailed", e.to_string(), crate::model::ErrorCategory::ResourceUnavailable)
    })?;
    let app = axum::Router::new()
        .merge(arm_backends::routes())
        .merge(graph_api_connectors::routes());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = rx.await;
            })
            .await;
    });
    Ok(EmulatorHandle {
        base_url: format!("http://{local_addr}"),
        local_addr,
        shutdown: Some(tx),
        task: Some(task),
    })
}
