//! The reqwest clients (rustls): one process-wide, shared by every `ApimClient` so connections and
//! TLS sessions are pooled across calls, and one per calling thread for the calls that thread
//! drives on its own runtime (`crate::runtime::with_call_runtime`).
//!
//! Why a second pool per thread: a pooled connection is driven by a task on the runtime that
//! opened it. A connection opened during a call on a thread's own runtime and then taken from the
//! shared pool by another thread would wait for the first thread's next call.
//!
//! reqwest fixes the connect timeout when a client is built, while `connectTimeoutSeconds` is a
//! per-`ApimClient` option. Rather than ignore that option or build a client per `ApimClient`
//! (losing the pool), we keep one client per distinct connect timeout: in practice exactly one
//! (everyone uses the default), at most a handful. Per-request timeouts are set on each request.

use crate::model::{ApimError, ErrorCategory};
use crate::net::TlsRoots;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

static CLIENTS: OnceLock<Mutex<HashMap<(u64, TlsRoots), reqwest::Client>>> = OnceLock::new();

thread_local! {
    static THIS_THREAD: RefCell<HashMap<(u64, TlsRoots), reqwest::Client>> = RefCell::new(HashMap::new());
}

/// An `ApimClient`'s HTTP client: the shared one, or this thread's own with the same settings
/// while this thread drives the call.
pub struct HttpClient {
    shared: reqwest::Client,
    connect_timeout_seconds: u64,
    roots: TlsRoots,
}

impl HttpClient {
    /// The client whose connect timeout is `connect_timeout_seconds` (0 means no limit) and that
    /// trusts `roots`. With `tls` (some endpoint of the caller may need TLS) the roots are read now
    /// if no client has read them yet, so an unreadable store fails here, as it always has; a
    /// client whose endpoints are all plain http on loopback does not read them at all.
    pub fn new(connect_timeout_seconds: u64, roots: TlsRoots, tls: bool) -> Result<HttpClient, ApimError> {
        let shared = pooled_client(connect_timeout_seconds, roots)?;
        if tls {
            crate::net::load_roots(roots).map_err(unavailable)?;
        }
        Ok(HttpClient { shared, connect_timeout_seconds, roots })
    }

    /// The reqwest client for a request of the call running now on this thread.
    pub fn for_this_call(&self) -> Result<reqwest::Client, ApimError> {
        if crate::runtime::driving_here() {
            self.this_thread()
        } else {
            Ok(self.shared.clone())
        }
    }

    /// Makes this thread's client now (with its runtime), so that the first call pays for neither.
    pub fn prepare_this_thread(&self) {
        crate::runtime::prepare_this_thread();
        // A failure here is reported by the call that needs the client.
        let _ = self.this_thread();
    }

    fn this_thread(&self) -> Result<reqwest::Client, ApimError> {
        let key = (self.connect_timeout_seconds, self.roots);
        THIS_THREAD.with(|clients| {
            if let Some(client) = clients.borrow().get(&key) {
                return Ok(client.clone());
            }
            let client = build(key.0, key.1)?;
            clients.borrow_mut().insert(key, client.clone());
            Ok(client)
        })
    }
}

fn pooled_client(connect_timeout_seconds: u64, roots: TlsRoots) -> Result<reqwest::Client, ApimError> {
    let map = CLIENTS.get_or_init(|| Mutex::new(HashMap::new()));
    // Why unwrap_or_else(into_inner): a panic while holding the lock cannot leave the map
    // half-written (insert is the only mutation), so a poisoned lock is still safe to use.
    let mut clients = map.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(client) = clients.get(&(connect_timeout_seconds, roots)) {
        return Ok(client.clone());
    }
    let client = build(connect_timeout_seconds, roots)?;
    clients.insert((connect_timeout_seconds, roots), client.clone());
    Ok(client)
}

fn unavailable(reason: String) -> ApimError {
    ApimError::new(
        "HttpClientUnavailable",
        format!("the HTTP client could not be created: {reason}"),
        ErrorCategory::ResourceUnavailable,
    )
}

fn build(connect_timeout_seconds: u64, roots: TlsRoots) -> Result<reqwest::Client, ApimError> {
    let mut builder = crate::net::configure(reqwest::Client::builder(), roots)
        .map_err(unavailable)?
        .user_agent(concat!("apim_native/", env!("CARGO_PKG_VERSION")))
        // ARM does not redirect; following one could carry the bearer token somewhere unexpected.
        .redirect(reqwest::redirect::Policy::none())
        .pool_idle_timeout(Duration::from_secs(90));
    if connect_timeout_seconds > 0 {
        builder = builder.connect_timeout(Duration::from_secs(connect_timeout_seconds));
    }
    builder.build().map_err(|e| unavailable(e.without_url().to_string()))
}
