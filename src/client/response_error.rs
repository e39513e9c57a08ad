//! Turns an unsuccessful HTTP answer into an [`ApimError`]: the ARM (common-types v5) and APIM
//! (`ErrorResponse`/`ErrorFieldContract`) shapes share `{"error":{code,message,target,details}}`;
//! some older APIM answers put `code`/`message` at the top level. Graph plugs in its own parser.

use crate::model::{ApimError, ErrorDetail};
use serde::Deserialize;
use serde_json::Value;

/// Parses an error body for `status`. The engine adds `httpStatus` and `requestId` afterwards.
pub type ErrorParser = fn(status: u16, body: &[u8]) -> ApimError;

#[derive(Deserialize, Default)]
struct Body {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    target: Option<String>,
    #[serde(default)]
    details: Option<Vec<Detail>>,
}

#[derive(Deserialize)]
struct Detail {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    target: Option<String>,
}

/// The ARM / APIM error parser.
pub fn parse_arm_error(status: u16, body: &[u8]) -> ApimError {
    let parsed: Option<Body> = serde_json::from_slice::<Value>(body).ok().and_then(|v| {
        let inner = match v.get("error") {
            Some(e) if e.is_object() => e.clone(),
            _ => v,
        };
        serde_json::from_value(inner).ok()
    });
    let body = parsed.unwrap_or_default();
    let code = body.code.filter(|c| !c.is_empty()).unwrap_or_else(|| status_code_name(status));
    let message = body
        .message
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| format!("The service answered {} {}.", status, status_reason(status)));
    let mut error = ApimError::new(code, message, ApimError::category_for_status(status));
    error.target = body.target.filter(|t| !t.is_empty());
    error.details = body
        .details
        .unwrap_or_default()
        .into_iter()
        .map(|d| ErrorDetail {
            code: d.code.unwrap_or_default(),
            message: d.message.unwrap_or_default(),
            target: d.target,
        })
        .collect();
    error
}

fn status_reason(status: u16) -> &'static str {
    reqwest::StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("")
}

/// `NotFound` for 404 etc.: a code for answers without a body (HEAD, some proxies).
pub fn status_code_name(status: u16) -> String {
    let reason: String = status_reason(status).split_whitespace().collect();
    if reason.is_empty() {
        format!("HttpStatus{status}")
    } else {
        reason
    }
}
