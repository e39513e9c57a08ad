//! The C ABI (`apim_*`), an adapter over the safe core in the style of rustls-ffi: private
//! helpers (`boundary`: panic/NULL/UTF-8/JSON guards; `status`; `strings`) and one file per
//! exported type. Every function here is re-exported so Rust tests can call it as C would.

// Each entry point's doc comment is written for the C caller and states its pointer contract
// (what may be NULL, who owns and frees what), which is what a `# Safety` section would repeat.
#![allow(clippy::missing_safety_doc)]
// ApimError is the one error type of the crate and deliberately carries everything the caller
// needs; boxing it here would only add an allocation on the error path.
#![allow(clippy::result_large_err)]

mod api_connector;
mod backend;
mod boundary;
mod builders;
mod client;
mod cmdlet;
mod cmdlet_api_connector;
mod cmdlet_backend;
mod cmdlet_sync;
mod emulator;
mod operation;
mod session;
mod status;
mod strings;
mod sync;
mod test_panic;
mod version;

pub use api_connector::*;
pub use backend::*;
pub use builders::*;
pub use client::*;
pub use cmdlet_api_connector::*;
pub use cmdlet_backend::*;
pub use cmdlet_sync::*;
pub use emulator::*;
pub use session::*;
pub use status::ApimStatus;
pub use sync::*;
pub use strings::{apim_string_free, live_string_count};
pub use test_panic::apim_test_panic;
pub use version::apim_version;
