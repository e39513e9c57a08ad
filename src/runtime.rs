//! The tokio runtimes behind the C ABI: each calling thread runs its client calls on a runtime of
//! its own, and the in-process emulator has one with worker threads (a server must keep answering
//! while no call is in flight).

use std::future::Future;
use std::sync::OnceLock;
use tokio::runtime::Runtime;

thread_local! {
    /// This thread's runtime for client calls, made on its first call.
    ///
    /// Why one per calling thread: `block_on` on it runs the call, its connection tasks and the
    /// I/O driver on the caller's thread, so a call costs one wait on the socket, as a bare client's
    /// does. With one shared multi-threaded runtime the request and the answer each crossed to a
    /// worker thread and back (about five context switches per call, 1.2-1.8x the bare client's
    /// time in the side-by-side bench); one shared current-thread runtime made 16 threads take
    /// turns driving it (0.33x the bare client's throughput). Connections are driven by the
    /// runtime that opened them, so the HTTP clients are per thread too (`client::http`,
    /// `auth::http`); everything else a client holds (token cache, cancel switch) is shared.
    static CALLER_RUNTIME: Runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        // Why expect: without a runtime no entry point can work; the FFI boundary turns this
        // panic into APIM_STATUS_PANIC with an error JSON.
        .expect("failed to start the tokio runtime");
}

static EMULATOR_RUNTIME: OnceLock<Runtime> = OnceLock::new();

/// Runs `future` to completion on this thread's runtime.
pub fn block_on_here<F: Future>(future: F) -> F::Output {
    CALLER_RUNTIME.with(|runtime| runtime.block_on(future))
}

/// Runs `body` inside this thread's runtime context (for code that may need one to build).
pub fn enter_here<R>(body: impl FnOnce() -> R) -> R {
    CALLER_RUNTIME.with(|runtime| {
        let _entered = runtime.enter();
        body()
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
