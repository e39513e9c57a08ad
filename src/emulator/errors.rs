//! The emulator's error responses in the ARM shape (`{"error":{"code","message","target","details"}}`,
//! rest-contracts A.6), built from the library's one error type so that the client parses exactly
//! what the real service would send.

use crate::model::{ApimError, ErrorCategory, ErrorDetail};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// An HTTP error answer: a status plus the ARM error body (none for HEAD, like ARM).
#[derive(Debug, Clone)]
pub struct ArmError {
    pub status: StatusCode,
    pub error: ApimError,
    /// HEAD responses never carry a body.
    pub head: bool,
    /// `Retry-After` seconds (429 only).
    pub retry_after: Option<u64>,
}

impl ArmError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        let category = ApimError::category_for_status(status.as_u16());
        ArmError { status, error: ApimError::new(code, message, category), head: false, retry_after: None }
    }

    /// 400 `ValidationError` carrying every detail (target = JSON path or parameter name).
    pub fn validation(details: Vec<ErrorDetail>) -> Self {
        ArmError::from_apim(StatusCode::BAD_REQUEST, ApimError::validation(details))
    }

    /// 400 `ValidationError` for one request parameter (`$top`, `If-Match`, ...).
    pub fn bad_parameter(target: &str, rule: &str, message: impl Into<String>) -> Self {
        ArmError::validation(vec![ErrorDetail::new(target, rule, message)])
    }

    /// Wraps an error from the model's validators; whatever code they chose, the emulator answers
    /// with the service's `ValidationError` so the client sees the real service's shape.
    pub fn from_apim(status: StatusCode, mut error: ApimError) -> Self {
        if status == StatusCode::BAD_REQUEST {
            if error.details.is_empty() {
                // A validator that reported a single problem without details still names its
                // target; keep it as the one detail so `details[].target` is always usable.
                let target = error.target.clone().unwrap_or_else(|| "body".to_string());
                let rule = error.code.clone();
                error.details.push(ErrorDetail::new(target, rule, error.message.clone()));
            }
            error.code = "ValidationError".to_string();
            error.category = ErrorCategory::InvalidArgument;
        }
        ArmError { status, error, head: false, retry_after: None }
    }

    pub fn not_found(what: &str) -> Self {
        ArmError::new(StatusCode::NOT_FOUND, "ResourceNotFound", format!("{what} not found."))
    }

    pub fn precondition_failed(message: impl Into<String>) -> Self {
        ArmError::new(StatusCode::PRECONDITION_FAILED, "PreconditionFailed", message)
    }

    /// Marks the answer as one to a HEAD request (no body).
    pub fn for_method(mut self, method: &Method) -> Self {
        self.head = method == Method::HEAD;
        self
    }

    /// The ARM error JSON body.
    pub fn body(&self) -> Value {
        let mut inner = json!({ "code": self.error.code, "message": self.error.message });
        if let Some(target) = &self.error.target {
            inner["target"] = json!(target);
        }
        if !self.error.details.is_empty() {
            inner["details"] = serde_json::to_value(&self.error.details).unwrap_or(Value::Null);
        }
        json!({ "error": inner })
    }
}

impl IntoResponse for ArmError {
    fn into_response(self) -> Response {
        let mut response = if self.head {
            self.status.into_response()
        } else {
            (self.status, axum::Json(self.body())).into_response()
        };
        if let Some(seconds) = self.retry_after {
            if let Ok(v) = HeaderValue::from_str(&seconds.to_string()) {
                response.headers_mut().insert("retry-after", v);
            }
        }
        response
    }
}

/// A store write that could not be persisted is the emulator's fault: 500, never a silent loss.
impl From<std::io::Error> for ArmError {
    fn from(e: std::io::Error) -> Self {
        ArmError::new(StatusCode::INTERNAL_SERVER_ERROR, "PersistenceFailed", format!("the emulator could not persist the change: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_body_has_details_with_targets() {
        let e = ArmError::validation(vec![ErrorDetail::new("properties.title", "MaxLength", "too long")]);
        let body = e.body();
        assert_eq!(body["error"]["code"], "ValidationError");
        assert_eq!(body["error"]["details"][0]["target"], "properties.title");
    }

    #[test]
    fn model_error_without_details_keeps_its_target_as_a_detail() {
        let e = ArmError::from_apim(StatusCode::BAD_REQUEST, ApimError::invalid_argument("properties.url", "bad"));
        assert_eq!(e.body()["error"]["details"][0]["target"], "properties.url");
        assert_eq!(e.body()["error"]["code"], "ValidationError");
    }
}
