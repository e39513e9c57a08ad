//! The process-wide tokio runtimes behind the C ABI: one for client calls, driven by the callers'
//! own threads, and one with worker threads for the in-process emulator (a server must keep
//! answering while no call is in flight).

use std::sync::OnceLock;
use tokio::runtime::Runtime;

static RUNTIME: OnceLock<Runtime> = OnceLock::new();
static EMULATOR_RUNTIME: OnceLock<Runtime> = OnceLock::new();

/// The runtime every client call blocks on, created on first use.
///
/// Why current-thread: `block_on` on it runs the call, the connection tasks and the I/O driver on
/// the calling thread, so a call costs one wait on the socket, as a bare client's does. On a
/// multi-threaded runtime the request and the answer each crossed to a worker thread and back
/// (about five context switches per call, 1.4-1.8x the bare client's time in the side-by-side
/// bench). Many threads may block on it at once: one of them drives the I/O for all, the others
/// run their own futures on their own threads and take over the driving when it returns, so
/// one client still serves any number of threads and the connection pool is shared.
pub fn runtime() -> &'static Runtime {
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            // Why expect: without a runtime no entry point can work; the FFI boundary turns this
            // panic into APIM_STATUS_PANIC with an error JSON.
            .expect("failed to start the tokio runtime")
    })
}

/// The in-process emulator's runtime (`apim_emulator_start`): its own two worker threads, so it
/// serves other processes and threads whether or not a client call is running.
pub fn emulator_runtime() -> &'static Runtime {
    EMULATOR_RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("apim-emulator")
            .enable_all()
            .build()
            .expect("failed to start the emulator's tokio runtime")
    })
}
