//! The one error type of the library. It serialises to exactly the error JSON of the C ABI
//! (DESIGN.md, "C ABI contract"), so the FFI and the module never translate it.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A PowerShell `ErrorCategory` name, so the module maps errors without a table of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorCategory {
    NotSpecified,
    InvalidArgument,
    InvalidData,
    InvalidOperation,
    ObjectNotFound,
    ResourceExists,
    ResourceUnavailable,
    PermissionDenied,
    AuthenticationError,
    ConnectionError,
    OperationTimeout,
    OperationStopped,
    LimitsExceeded,
    ProtocolError,
}

/// One field-level problem: `target` is the JSON path (`properties.title`), `code` the rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

impl ErrorDetail {
    pub fn new(target: impl Into<String>, code: impl Into<String>, message: impl Into<String>) -> Self {
        ErrorDetail { code: code.into(), message: message.into(), target: Some(target.into()) }
    }
}

/// Every failure the library reports: validation, service errors, transport, auth, cancellation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApimError {
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<ErrorDetail>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    pub category: ErrorCategory,
    /// The messages in the words of the cmdlet that failed (`-Title` where `message` says
    /// `properties.title`), for the error's display; `message` and the details keep the wire paths
    /// that scripts match on. Set by the cmdlet layer (`ParameterNames::show`). Boxed because it is
    /// rare and every `Result<_, ApimError>` carries its size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown: Option<Box<ShownMessages>>,
}

/// An error's message and each detail's message (same order) as its cmdlet shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShownMessages {
    pub message: String,
    pub details: Vec<String>,
}

impl ApimError {
    pub fn new(code: impl Into<String>, message: impl Into<String>, category: ErrorCategory) -> Self {
        ApimError {
            code: code.into(),
            message: message.into(),
            target: None,
            details: Vec::new(),
            http_status: None,
            request_id: None,
            category,
            shown: None,
        }
    }

    /// A `ValidationError` that reports every detail; the message lists them all so a user
    /// reading only the message still sees each field and rule.
    pub fn validation(details: Vec<ErrorDetail>) -> Self {
        let message = match details.len() {
            0 => "The request is invalid.".to_string(),
            1 => details[0].message.clone(),
            n => {
                let all: Vec<&str> = details.iter().map(|d| d.message.as_str()).collect();
                format!("{n} validation errors: {}", all.join("; "))
            }
        };
        ApimError {
            code: "ValidationError".into(),
            message,
            target: details.first().and_then(|d| d.target.clone()),
            details,
            http_status: None,
            request_id: None,
            category: ErrorCategory::InvalidArgument,
            shown: None,
        }
    }

    pub fn invalid_argument(target: impl Into<String>, message: impl Into<String>) -> Self {
        let mut e = ApimError::new("InvalidArgument", message, ErrorCategory::InvalidArgument);
        e.target = Some(target.into());
        e
    }

    pub fn with_target(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }

    pub fn with_http_status(mut self, status: u16) -> Self {
        self.http_status = Some(status);
        self
    }

    pub fn with_request_id(mut self, request_id: Option<String>) -> Self {
        self.request_id = request_id;
        self
    }

    /// The PowerShell category that fits an HTTP status the service answered with.
    pub fn category_for_status(status: u16) -> ErrorCategory {
        match status {
            400 | 422 => ErrorCategory::InvalidArgument,
            401 => ErrorCategory::AuthenticationError,
            403 => ErrorCategory::PermissionDenied,
            404 => ErrorCategory::ObjectNotFound,
            408 | 504 => ErrorCategory::OperationTimeout,
            409 => ErrorCategory::ResourceExists,
            412 => ErrorCategory::InvalidOperation,
            429 => ErrorCategory::LimitsExceeded,
            500..=599 => ErrorCategory::ResourceUnavailable,
            _ => ErrorCategory::NotSpecified,
        }
    }

    /// The error JSON of the C ABI.
    pub fn to_json(&self) -> String {
        // Why unwrap_or: serialising this plain struct cannot fail; the fallback keeps the ABI
        // promise that an error body is always valid JSON.
        serde_json::to_string(self).unwrap_or_else(|_| {
            r#"{"code":"InternalError","message":"error could not be serialised","category":"NotSpecified"}"#.into()
        })
    }
}

impl fmt::Display for ApimError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for ApimError {}
