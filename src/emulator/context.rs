//! What every route family of one running emulator shares: its options, its store and its own
//! base URL. Cheap to clone (all behind `Arc`), so it is the axum state of every router.

use super::store::Store;
use super::options::EmulatorOptions;
use std::sync::Arc;

#[derive(Clone)]
pub struct EmulatorContext {
    pub options: Arc<EmulatorOptions>,
    pub store: Arc<Store>,
    /// `http://127.0.0.1:PORT`, used when a request carries no `Host` header.
    pub base_url: String,
}
