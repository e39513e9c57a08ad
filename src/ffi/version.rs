//! `apim_version`: the library version, which the header's `APIM_NATIVE_VERSION*` macros match.

use std::ffi::c_char;

static VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// The library version as a NUL-terminated string, e.g. "0.1.0"; equal to the header's
/// `APIM_NATIVE_VERSION` when header and library match.
///
/// Ownership: the string is static; never free it. Never NULL. Threads: any.
#[no_mangle]
pub extern "C" fn apim_version() -> *const c_char {
    VERSION.as_ptr().cast()
}
