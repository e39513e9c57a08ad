//! The process-wide tokio runtime used by the C ABI (DESIGN: one runtime per process).

use std::sync::OnceLock;
use tokio::runtime::Runtime;

static RUNTIME: OnceLock<Runtime> = OnceLock::new();

/// The shared multi-threaded runtime, created on first use.
pub fn runtime() -> &'static Runtime {
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("apim-native")
            .enable_all()
            .build()
            // Why expect: without a runtime no entry point can work; the FFI boundary turns this
            // panic into APIM_STATUS_PANIC with an error JSON.
            .expect("failed to start the tokio runtime")
    })
}
