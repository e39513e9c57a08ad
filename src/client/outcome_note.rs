//! What a failed call tells its caller about the state it may have left behind: after retries
//! the last answer alone can mislead (a 412 that our own earlier attempt caused, a POST that
//! timed out but ran), so the error says when an earlier or the last attempt may have been applied.

use super::engine::HttpRequest;
use super::retry::{Failure, Idempotency};
use crate::model::ApimError;

/// The note for a final error status. A 412 on a conditional write that was sent more than once
/// may be the result of our own earlier attempt: it was applied, changed the ETag, and its
/// answer was lost.
pub fn after_status(mut error: ApimError, request: &HttpRequest, attempts: u32) -> ApimError {
    if error.http_status == Some(412) && attempts > 1 && request.if_match.is_some() {
        error.message = format!(
            "{} (this conditional request was sent {attempts} times; an earlier attempt may have been applied and changed the ETag, so read the resource before writing again)",
            error.message
        );
    }
    error
}

/// The note for a broken or timed-out attempt that is not repeated.
pub fn after_transport(mut error: ApimError, request: &HttpRequest, failure: Failure, attempts: u32) -> ApimError {
    let sent = matches!(failure, Failure::Transport | Failure::Timeout);
    if sent && request.idempotency == Idempotency::NonIdempotent {
        error.message = format!(
            "{} (the request may have been applied: {} {} is not repeated automatically because a repeat could apply it twice; check the resource before sending it again)",
            error.message, request.method, request.url.path()
        );
    } else if sent && attempts > 1 {
        error.message = format!("{} (after {attempts} attempts)", error.message);
    }
    error
}
