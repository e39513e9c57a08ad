//! The reqwest clients (rustls) of the calling thread, shared by every `ApimClient` used on it so
//! connections and TLS sessions are pooled across calls.
//!
//! Why per thread: a pooled connection is driven by a task on the runtime that opened it, and each
//! calling thread runs its calls on a runtime of its own (see `crate::runtime`); a connection
//! opened by one thread and picked from the pool by another would wait for the first thread's
//! next call. Sixteen threads hold sixteen small pools, which is what a keep-alive client per
//! thread would hold too.
//!
//! reqwest fixes the connect timeout when a client is built, while `connectTimeoutSeconds` is a
//! per-`ApimClient` option. Rather than ignore that option or build a client per `ApimClient`
//! (losing the pool), we keep one client per distinct connect timeout: in practice exactly one
//! (everyone uses the default), at most a handful. Per-request timeouts are set on each request.

use crate::model::{ApimError, ErrorCategory};
use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;

thread_local! {
    static CLIENTS: RefCell<HashMap<u64, reqwest::Client>> = RefCell::new(HashMap::new());
}

/// This thread's client whose connect timeout is `connect_timeout_seconds` (0 means no limit).
pub fn client_for_this_thread(connect_timeout_seconds: u64) -> Result<reqwest::Client, ApimError> {
    CLIENTS.with(|clients| {
        if let Some(client) = clients.borrow().get(&connect_timeout_seconds) {
            return Ok(client.clone());
        }
        let client = build(connect_timeout_seconds)?;
        clients.borrow_mut().insert(connect_timeout_seconds, client.clone());
        Ok(client)
    })
}

fn build(connect_timeout_seconds: u64) -> Result<reqwest::Client, ApimError> {
    let mut builder = reqwest::Client::builder()
        .use_rustls_tls()
        .user_agent(concat!("apim_native/", env!("CARGO_PKG_VERSION")))
        // ARM does not redirect; following one could carry the bearer token somewhere unexpected.
        .redirect(reqwest::redirect::Policy::none())
        .pool_idle_timeout(Duration::from_secs(90));
    if connect_timeout_seconds > 0 {
        builder = builder.connect_timeout(Duration::from_secs(connect_timeout_seconds));
    }
    builder.build().map_err(|e| {
        ApimError::new(
            "HttpClientUnavailable",
            format!("the HTTP client could not be created: {}", e.without_url()),
            ErrorCategory::ResourceUnavailable,
        )
    })
}
