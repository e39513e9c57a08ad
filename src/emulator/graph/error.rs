//! Graph's error body (rest-contracts B.3): `{"error":{"code","message","details"?,"innerError":
//! {"date","request-id","client-request-id"}}}`, plus the `request-id` / `client-request-id`
//! headers Graph puts on every response. Field problems go in `details[]` with their JSON path,
//! so a client reports them exactly as it reports its own validation errors.

use crate::model::{ApimError, ErrorDetail};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// A Graph error before it is rendered for one request.
#[derive(Debug, Clone)]
pub struct GraphError {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
    pub details: Vec<ErrorDetail>,
}

impl GraphError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> GraphError {
        GraphError { status, code: code.to_string(), message: message.into(), details: Vec::new() }
    }

    /// 400 for a body that breaks the model's rules (every detail kept).
    pub fn from_validation(error: ApimError) -> GraphError {
        GraphError { status: StatusCode::BAD_REQUEST, code: "Request_BadRequest".into(), message: error.message, details: error.details }
    }

    /// 400 naming one field.
    pub fn bad_field(target: &str, rule: &str, message: impl Into<String>) -> GraphError {
        let message = message.into();
        GraphError {
            status: StatusCode::BAD_REQUEST,
            code: "Request_BadRequest".into(),
            details: vec![ErrorDetail::new(target, rule, message.clone())],
            message,
        }
    }

    /// 400 for a query option the emulator (like the service) does not support.
    pub fn unsupported_query(message: impl Into<String>) -> GraphError {
        GraphError::new(StatusCode::BAD_REQUEST, "Request_UnsupportedQuery", message)
    }

    pub fn not_found(id: &str) -> GraphError {
        GraphError::new(
            StatusCode::NOT_FOUND,
            "Request_ResourceNotFound",
            format!("Resource '{id}' does not exist or one of its queried reference-property objects are not present."),
        )
    }

    pub fn precondition_failed(id: &str) -> GraphError {
        GraphError::new(
            StatusCode::PRECONDITION_FAILED,
            "Request_PreconditionFailed",
            format!("The If-Match ETag does not match the current version of API connector '{id}'; get it again and retry."),
        )
    }

    pub fn internal(message: impl Into<String>) -> GraphError {
        GraphError::new(StatusCode::INTERNAL_SERVER_ERROR, "InternalServerError", message)
    }
}

/// The ids Graph reports for one request: a fresh `request-id`, and the caller's
/// client request id echoed (or a fresh one when it sent none).
#[derive(Debug, Clone)]
pub struct Tracing {
    pub request_id: String,
    pub client_request_id: String,
}

impl Tracing {
    pub fn from_headers(headers: &HeaderMap) -> Tracing {
        // Graph's SDKs send `client-request-id`; Azure SDKs (and our engine) `x-ms-client-request-id`.
        let client_request_id = headers
            .get("client-request-id")
            .or_else(|| headers.get("x-ms-client-request-id"))
            .and_then(|v| v.to_str().ok())
            .filter(|v| !v.is_empty() && v.len() <= 128)
            .map(str::to_string)
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        Tracing { request_id: uuid::Uuid::new_v4().to_string(), client_request_id }
    }

    /// Renders a handler's outcome with the tracing headers (and the error body when it failed).
    pub fn finish(&self, outcome: Result<Response, GraphError>) -> Response {
        let mut response = match outcome {
            Ok(r) => r,
            Err(e) => (e.status, axum::Json(self.error_body(&e))).into_response(),
        };
        let headers = response.headers_mut();
        for (name, value) in [("request-id", &self.request_id), ("client-request-id", &self.client_request_id)] {
            if let Ok(v) = HeaderValue::from_str(value) {
                headers.insert(name, v);
            }
        }
        response
    }

    fn error_body(&self, e: &GraphError) -> Value {
        let mut error = json!({"code": e.code, "message": e.message});
        if !e.details.is_empty() {
            error["details"] = serde_json::to_value(&e.details).unwrap_or(Value::Null);
        }
        error["innerError"] = json!({
            "date": now_iso8601(),
            "request-id": self.request_id,
            "client-request-id": self.client_request_id,
        });
        json!({ "error": error })
    }
}

/// `2026-01-30T12:34:56Z`, as Graph writes `innerError.date`.
fn now_iso8601() -> String {
    let now = time::OffsetDateTime::now_utc().replace_nanosecond(0).unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    now.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

/// A store write that failed on disk is the service's fault, not the caller's.
impl From<std::io::Error> for GraphError {
    fn from(e: std::io::Error) -> GraphError {
        GraphError::internal(format!("The emulator could not store the change: {e}"))
    }
}
