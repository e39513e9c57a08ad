//! The process-wide tokio runtime used by the C ABI (DESIGN: one runtime per process).

use std::sync::OnceLock;
use tokio::runtime::Runtime;

static RUNTIME: OnceLock<Runtime> = OnceLock::new();

/// The shared multi-threaded runtime, created on first use.
///
/// Why this shape (measured with `cargo bench --bench side_by_side`, issue 11): a caller's future
/// runs on the caller's thread inside `block_on` and only the connection I/O runs on the two
/// workers. Running everything on the caller's thread (a current-thread runtime per thread with
/// its own connection pool) saved nothing measurable one call at a time (GET 1.52x the bare client
/// against 1.54x) and cut 16-way GET throughput to about a quarter (0.14-0.18x against 0.54-0.62x);
/// one shared current-thread runtime made 16 threads take turns driving it (0.33x). The time per
/// call is CPU work in the call itself, not context switches.
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
