//! ApimNative: Azure API Management backends and Microsoft Graph identity API connectors.
//!
//! Crate map (data flows top to bottom):
//! - [`model`]: wire contracts (serde) and the one place every validation rule lives.
//! - [`auth`]: token sources behind one trait (static token, service principal, workload and
//!   managed identity, Azure CLI) and the default chain.
//! - [`client`]: the HTTP engine (retries, throttling, ETags, paging) and the ARM / Graph operations.
//! - [`sync`]: backends and API connectors as files: export, plan/diff, ordering, bulk apply.
//! - [`emulator`]: a local server with the semantics of both REST APIs, for tests and dry runs.
//! - [`ffi`]: the C ABI (`apim_*`), an adapter over the safe core and nothing more.
//! - [`net`]: how every HTTP client reaches the network (proxies from the environment, TLS roots).
//! - [`runtime`]: the one tokio runtime shared by the C ABI.

pub mod auth;
pub mod client;
pub mod cmdlet;
pub mod emulator;
pub mod ffi;
pub mod model;
pub mod net;
pub mod runtime;
pub mod sync;
