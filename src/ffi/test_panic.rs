//! `apim_test_panic`: a deliberate panic behind the real boundary, so tests (Rust, C, .NET) can
//! prove that a panic becomes `APIM_STATUS_PANIC` plus an error JSON instead of a crash.
//!
//! Why an always-built hidden symbol rather than a cargo feature: the README's and CI's
//! `cargo test --all-targets` builds no extra features, so a feature-gated probe would silently
//! skip the test (or force a second build of the cdylib). The symbol is left out of the header
//! (cbindgen.toml `export.exclude`) and does nothing but panic inside the boundary.

use super::boundary;
use super::status::ApimStatus;
use std::ffi::c_char;

/// Not part of the API: always returns `APIM_STATUS_PANIC` with an `InternalPanic` error JSON.
#[doc(hidden)]
#[no_mangle]
pub unsafe extern "C" fn apim_test_panic(out_json: *mut *mut c_char) -> ApimStatus {
    boundary::run("apim_test_panic", out_json, || panic!("deliberate panic from apim_test_panic"))
}
