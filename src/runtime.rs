//! The tokio runtimes behind the C ABI: the shared multi-threaded one, which serves the
//! in-process emulator, sign-ins and every call made while another is in flight, and a
//! current-thread one per calling thread, which runs only inside that thread's calls made alone.
//! DESIGN.md asks for one runtime per process; the shared one is still the only one with worker
//! threads or anything running between calls (README, Performance, fourth round, says why).

use crate::model::{ApimError, ErrorCategory};
use std::cell::{Cell, OnceCell};
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use tokio::runtime::Runtime;

static RUNTIME: OnceLock<Runtime> = OnceLock::new();

/// The shared multi-threaded runtime, created on first use.
///
/// Why two workers and this shape for concurrent calls (measured with `cargo bench --bench
/// side_by_side`, issue 11): 16 threads each driving a runtime of their own cut 16-way GET
/// throughput to about a quarter of the shared runtime's (0.14-0.18x the bare client against
/// 0.54-0.62x); one shared current-thread runtime made the 16 threads take turns (0.33x).
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

/// What a task of the shared runtime returned: its output, or its panic resumed here (so the
/// FFI boundary reports it like any other); `what` names the task in the error for a cancelled
/// one, which only a runtime shutting down makes, and the shared one never shuts down.
pub fn joined<T>(result: Result<T, tokio::task::JoinError>, what: &str) -> Result<T, ApimError> {
    match result {
        Ok(output) => Ok(output),
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(e) => Err(ApimError::new("InternalError", format!("{what} ended early: {e}"), ErrorCategory::NotSpecified)),
    }
}

/// Client calls running now, on any thread and either runtime.
static CALLS_IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// This thread's current-thread runtime, made by its first call (or `prepare_this_thread`).
    static CALLER_RUNTIME: OnceCell<Option<Runtime>> = const { OnceCell::new() };
    /// True while this thread drives a call on its own runtime: its HTTP clients must then be the
    /// thread's own (`client::http`), because a pooled connection is driven by the runtime that
    /// opened it.
    static DRIVING_HERE: Cell<bool> = const { Cell::new(false) };
}

/// Where a call runs.
pub enum CallRuntime<'a> {
    /// Alone: on this thread's own runtime, connection I/O included.
    ThisThread(&'a Runtime),
    /// With others in flight: on the shared runtime.
    Shared(&'static Runtime),
}

/// Runs `call` for one client call, with the runtime it is to run on.
///
/// Why a call made alone runs on the caller's thread: on the shared runtime its request and its
/// answer each cross to a worker thread and back, which the side-by-side bench shows as 15-20% of
/// a sequential GET (a bare reqwest client spawned onto a 2-worker runtime and joined, against the
/// same client on a current-thread runtime: 190-197 against 164-166 µs). On the caller's own
/// current-thread runtime the call, its connection and the I/O driver share one thread, as a bare
/// client's do. A call that starts while another is in flight takes the shared runtime, which
/// serves many threads better (see [`runtime`]).
pub fn with_call_runtime<R>(call: impl FnOnce(CallRuntime<'_>) -> R) -> R {
    let counted = InFlight::start();
    if !counted.alone {
        return call(CallRuntime::Shared(runtime()));
    }
    // A thread without a runtime of its own (its build failed) hands `call` back for the shared one.
    let ran = CALLER_RUNTIME.with(|cell| match cell.get_or_init(build_caller_runtime) {
        Some(here) => {
            let _driving = DrivingHere::start();
            Ok(call(CallRuntime::ThisThread(here)))
        }
        None => Err(call),
    });
    match ran {
        Ok(result) => result,
        Err(call) => call(CallRuntime::Shared(runtime())),
    }
}

impl CallRuntime<'_> {
    /// Runs `future` to completion on this thread, on this runtime.
    ///
    /// Why `Unpin` (in practice a `Pin<Box<_>>`): a call's future is large (the whole request's
    /// state), and every frame that takes it by value copies it: tokio's `block_on`, this
    /// function, the closure of [`with_call_runtime`] and the thread-local access. Boxed where it
    /// is made, each of those moves a pointer (callgrind: ~22k instructions of `memcpy` per GET
    /// unboxed, ~3.5k more when it was boxed here rather than where it is made).
    pub fn block_on<F: Future + Unpin>(&self, future: F) -> F::Output {
        match self {
            CallRuntime::ThisThread(here) => here.block_on(async {
                after_idle().await;
                future.await
            }),
            CallRuntime::Shared(shared) => shared.block_on(future),
        }
    }
}

/// Lets this thread's runtime catch up on what happened to its connections while no call drove
/// it, before the call takes one from the pool.
///
/// Why: a server that closed an idle keep-alive connection in the meantime is seen only when the
/// runtime polls its I/O driver and the connection's task runs. Without this the call took the
/// closed connection and failed with "connection closed before message completed"
/// (tests/ffi/caller_thread.rs, which fails with no yield here and passes with one). A yield makes
/// a current-thread runtime poll the driver without waiting, which wakes the connection tasks that
/// have news; the second yield is for a task woken by that poll that has not run yet. Each is one
/// `epoll_wait` that returns at once.
async fn after_idle() {
    tokio::task::yield_now().await;
    tokio::task::yield_now().await;
}

/// Runs `future` to completion for one client call, on the runtime [`with_call_runtime`] picks.
/// The future itself runs on this thread either way.
pub fn block_on_call<F: Future>(future: F) -> F::Output {
    let future = Box::pin(future);
    with_call_runtime(|runtime| runtime.block_on(future))
}

/// Whether this thread is driving a call on its own runtime now.
pub fn driving_here() -> bool {
    DRIVING_HERE.with(Cell::get)
}

/// Makes this thread's runtime now, so that a client's first call does not pay for it (called
/// when a client is handed out, on the thread that will most likely call it).
pub fn prepare_this_thread() {
    CALLER_RUNTIME.with(|cell| {
        cell.get_or_init(build_caller_runtime);
    });
}

/// A failure to build (no file descriptors left) leaves the thread on the shared runtime.
fn build_caller_runtime() -> Option<Runtime> {
    tokio::runtime::Builder::new_current_thread().enable_all().build().ok()
}

/// Counts a call in flight for as long as it lives (a panic included).
struct InFlight {
    alone: bool,
}

impl InFlight {
    fn start() -> InFlight {
        InFlight { alone: CALLS_IN_FLIGHT.fetch_add(1, Ordering::AcqRel) == 0 }
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        CALLS_IN_FLIGHT.fetch_sub(1, Ordering::AcqRel);
    }
}

struct DrivingHere;

impl DrivingHere {
    fn start() -> DrivingHere {
        DRIVING_HERE.with(|flag| flag.set(true));
        DrivingHere
    }
}

impl Drop for DrivingHere {
    fn drop(&mut self) {
        DRIVING_HERE.with(|flag| flag.set(false));
    }
}
