//! ARM's tracing headers on every response (errors, 401 and 429 included): a fresh
//! `x-ms-request-id`, `x-ms-correlation-request-id` (the caller's if it sent one), and the
//! caller's `x-ms-client-request-id` echoed back.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

pub async fn add_tracing_headers(request: Request, next: Next) -> Response {
    let client_id = request.headers().get("x-ms-client-request-id").cloned();
    let correlation = request.headers().get("x-ms-correlation-request-id").cloned();
    let mut response = next.run(request).await;
    let request_id = uuid::Uuid::new_v4().to_string();
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        headers.insert("x-ms-request-id", v.clone());
        headers.insert("x-ms-correlation-request-id", correlation.unwrap_or(v));
    }
    if let Some(v) = client_id {
        headers.insert("x-ms-client-request-id", v);
    }
    response
}
