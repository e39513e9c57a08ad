//! Graph's error body `{"error":{"code","message","details"?,"innerError":{"request-id",
//! "client-request-id","date"}}}` as an [`ApimError`]. The ids go into the message too (as the
//! Graph PowerShell SDK shows them) because support needs both and the error has one id field.

use crate::client::response_error::status_code_name;
use crate::model::{ApimError, ErrorDetail};
use serde_json::Value;

/// The Graph dialect's error parser; the engine adds `httpStatus` and the `request-id` header.
pub fn parse_graph_error(status: u16, body: &[u8]) -> ApimError {
    let parsed: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let error = parsed.get("error").filter(|e| e.is_object()).unwrap_or(&parsed);
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_string);
    let code = text(error, "code").unwrap_or_else(|| status_code_name(status));
    let mut message = text(error, "message").unwrap_or_else(|| format!("Microsoft Graph answered {status}."));
    let inner = error.get("innerError").or_else(|| error.get("innererror")).unwrap_or(&Value::Null);
    let request_id = text(inner, "request-id");
    let client_request_id = text(inner, "client-request-id");
    let ids: Vec<String> = [("request-id", &request_id), ("client-request-id", &client_request_id), ("date", &text(inner, "date"))]
        .iter()
        .filter_map(|(name, v)| v.as_ref().map(|v| format!("{name}: {v}")))
        .collect();
    if !ids.is_empty() {
        message = format!("{message} ({})", ids.join(", "));
    }
    let details: Vec<ErrorDetail> = error
        .get("details")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .map(|d| ErrorDetail { code: text(d, "code").unwrap_or_default(), message: text(d, "message").unwrap_or_default(), target: text(d, "target") })
                .collect()
        })
        .unwrap_or_default();
    let mut e = ApimError::new(code, message, ApimError::category_for_status(status));
    e.target = text(error, "target").or_else(|| details.first().and_then(|d| d.target.clone()));
    e.details = details;
    e.with_request_id(request_id)
}
