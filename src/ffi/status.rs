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
    /// The operation failed (service error, transport, authentication, not found, ...). A 400
    /// the service answered is this status too (the error JSON has `httpStatus` 400, its
    /// `category` `InvalidArgument` and the service's `details`): the request was sent.
    Error = 1,
    /// An argument was rejected before anything was sent: invalid UTF-8, malformed JSON, a
    /// wrong-typed field, a validation rule or a missing required member (such as `ifMatch` for
    /// update and delete). The error JSON names the field; nothing reached the network.
    InvalidArgument = 2,
    /// A required pointer argument was NULL; the error JSON's `target` names it.
    NullArgument = 3,
    /// A bug: a Rust panic was caught at the boundary. The library stays usable.
    Panic = 4,
    /// The call was cancelled by `apim_client_cancel`.
    Cancelled = 5,
}

impl ApimStatus {
    /// The status that fits an error: cancellation, a NULL pointer, caller mistakes found before
    /// sending, or the rest (including every answer of the service).
    pub(crate) fn for_error(error: &ApimError) -> ApimStatus {
        if error.code == "OperationCancelled" {
            ApimStatus::Cancelled
        } else if error.code == "NullArgument" {
            ApimStatus::NullArgument
        } else if error.category == ErrorCategory::InvalidArgument && error.http_status.is_none() {
            // Only what was refused before sending: a service's 400 carries its httpStatus and is
            // `Error`, so a caller can tell "fix the request" from "the service said no".
            ApimStatus::InvalidArgument
        } else {
            ApimStatus::Error
        }
    }
}
