//! `ApimStatus`: the return value of every fallible `apim_*` function.

use crate::model::{ApimError, ErrorCategory};

/// What happened to a call. Every fallible function returns one of these and (unless `out_json`
/// itself was NULL) writes a JSON document to `*out_json`: the success body for
/// `APIM_STATUS_OK`, the error JSON (`code`, `message`, `target`, `details`, `category`, ...)
/// for every other value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApimStatus {
    /// The call succeeded; `*out_json` holds the result.
    Ok = 0,
    /// The operation failed (service error, transport, authentication, not found, ...).
    Error = 1,
    /// An argument was rejected before anything was sent: invalid UTF-8, malformed JSON, a
    /// wrong-typed field or a validation rule. The error JSON names the field.
    InvalidArgument = 2,
    /// A required pointer argument was NULL; the error JSON's `target` names it.
    NullArgument = 3,
    /// A bug: a Rust panic was caught at the boundary. The library stays usable.
    Panic = 4,
    /// The call was cancelled by `apim_client_cancel`.
    Cancelled = 5,
}

impl ApimStatus {
    /// The status that fits an error: cancellation, a NULL pointer, caller mistakes, or the rest.
    pub(crate) fn for_error(error: &ApimError) -> ApimStatus {
        if error.code == "OperationCancelled" {
            ApimStatus::Cancelled
        } else if error.code == "NullArgument" {
            ApimStatus::NullArgument
        } else if error.category == ErrorCategory::InvalidArgument {
            ApimStatus::InvalidArgument
        } else {
            ApimStatus::Error
        }
    }
}
