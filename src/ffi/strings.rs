//! Strings handed to the caller (`char **out_json`) and the one function that frees them.
//! Every string the library hands out comes from [`into_c_string`] and goes back through
//! [`apim_string_free`]; a counter of live strings lets tests prove that nothing leaks.

use std::ffi::{c_char, CString};
use std::sync::atomic::{AtomicIsize, Ordering};

/// Strings handed out and not yet freed (process-wide).
static LIVE_STRINGS: AtomicIsize = AtomicIsize::new(0);

/// Moves `text` to the C heap of this library. JSON produced by serde_json never contains a NUL
/// byte (it is escaped as `\u0000`), but the fallback keeps the promise of a valid C string.
pub(crate) fn into_c_string(text: String) -> *mut c_char {
    let mut bytes = text.into_bytes();
    // Why memchr: `CString::new` looks for a NUL byte by byte, ~1.6k instructions for a GET's
    // result (issue 11); memchr's vector search is a tenth of that.
    if memchr::memchr(0, &bytes).is_some() {
        bytes.retain(|b| *b != 0);
    }
    // SAFETY: no NUL byte is left in `bytes` (searched, and removed if found).
    let c = unsafe { CString::from_vec_unchecked(bytes) };
    LIVE_STRINGS.fetch_add(1, Ordering::SeqCst);
    c.into_raw()
}

/// How many strings this library has handed out that were not yet given back to
/// `apim_string_free`. For leak tests; not part of the C ABI.
#[doc(hidden)]
pub fn live_string_count() -> isize {
    LIVE_STRINGS.load(Ordering::SeqCst)
}

/// Frees a string this library wrote to a `char **` out-parameter (`out_json`).
///
/// Ownership: every non-NULL `*out_json` is owned by the caller and must be freed exactly once
/// with this function (never with `free()`). `s` must not be used afterwards.
/// NULL is a no-op. Passing a pointer that did not come from this library, or freeing one twice,
/// is undefined behaviour.
/// Threads: any thread may free any string.
#[no_mangle]
pub unsafe extern "C" fn apim_string_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    // SAFETY: the caller promises `s` came from `into_c_string` (CString::into_raw) and is freed once.
    drop(unsafe { CString::from_raw(s) });
    LIVE_STRINGS.fetch_sub(1, Ordering::SeqCst);
}
