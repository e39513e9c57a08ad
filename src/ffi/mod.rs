//! The C ABI (`apim_*`), an adapter over the safe core in the style of rustls-ffi: private
//! helpers (`boundary`: panic/NULL/UTF-8/JSON guards; `status`; `strings`) and one file per
//! exported type. Every function here is re-exported so Rust tests can call it as C would.

mod backend;
mod boundary;
mod builders;
mod client;
mod emulator;
mod status;
mod strings;
mod test_panic;
mod version;

pub use backend::*;
pub use builders::*;
pub use client::*;
pub use emulator::*;
pub use status::ApimStatus;
pub use strings::{apim_string_free, live_string_count};
pub use test_panic::apim_test_panic;
pub use version::apim_version;
