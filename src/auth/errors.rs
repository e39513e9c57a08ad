//! The two ways a token source fails: it does not apply here (the chain moves on) or it applies
//! and the sign-in failed. Messages name variables and endpoints, never a secret's value.

use crate::model::error::{ApimError, ErrorCategory};

pub const CREDENTIAL_UNAVAILABLE: &str = "CredentialUnavailable";
pub const AUTHENTICATION_FAILED: &str = "AuthenticationFailed";

/// The source is not configured or its endpoint/tool is absent; `default` tries the next one.
pub fn unavailable(source: &str, reason: impl Into<String>) -> ApimError {
    let reason = reason.into();
    ApimError::new(CREDENTIAL_UNAVAILABLE, format!("{source}: {reason}"), ErrorCategory::AuthenticationError)
        .with_target("auth")
}

/// The source was configured and asked, and the sign-in did not succeed.
pub fn failed(source: &str, reason: impl Into<String>) -> ApimError {
    let reason = reason.into();
    ApimError::new(AUTHENTICATION_FAILED, format!("{source}: {reason}"), ErrorCategory::AuthenticationError)
        .with_target("auth")
}

pub fn is_unavailable(error: &ApimError) -> bool {
    error.code == CREDENTIAL_UNAVAILABLE
}
