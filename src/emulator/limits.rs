//! Bounds on what the emulator reads, so that no request can take it (or the process hosting it
//! in-process) down: the size and nesting of `$filter`, the size of the URI, headers and body, the
//! media type of bodies, and a panic in a handler (a 500, never a dead process). Errors are in
//! the dialect of the route family (ARM JSON, or Graph JSON under `/v1.0` and `/beta`).

use super::errors::ArmError;
use super::graph_api_connectors::{GraphError, Tracing};
use axum::extract::Request;
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::catch_panic::CatchPanicLayer;

/// Longest `$filter` either dialect parses (characters). Real filters are a few dozen.
pub const MAX_FILTER_LEN: usize = 2048;
/// Deepest nesting of parentheses and `not` in a `$filter`: the parsers recurse per level, and
/// the stack of a tokio worker (2 MiB) must never be the limit.
pub const MAX_FILTER_DEPTH: usize = 32;
/// Longest request target (path and query), below hyper's own hard limit (64 KiB) so that the
/// answer is ours; long enough that an over-long or over-deep `$filter` gets its own 400.
pub const MAX_URI_BYTES: usize = 60 * 1024;
/// Largest total of header names and values.
pub const MAX_HEADER_BYTES: usize = 32 * 1024;
/// Most header fields in one request.
pub const MAX_HEADER_COUNT: usize = 100;
/// Largest request body: ARM refuses bodies above 4 MiB as well.
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// Refuses a `$filter` longer than [`MAX_FILTER_LEN`] before it is tokenized.
pub fn check_filter_size(text: &str) -> Result<(), String> {
    let length = text.chars().count();
    if length > MAX_FILTER_LEN {
        return Err(format!("$filter is {length} characters long; at most {MAX_FILTER_LEN} are accepted"));
    }
    Ok(())
}

pub fn depth_exceeded() -> String {
    format!("$filter nests parentheses or 'not' deeper than {MAX_FILTER_DEPTH} levels")
}

/// The start of a long value, for quoting it in an error message.
pub fn excerpt(text: &str) -> String {
    const SHOWN: usize = 100;
    if text.chars().count() <= SHOWN {
        return text.to_string();
    }
    let start: String = text.chars().take(SHOWN).collect();
    format!("{start}…")
}

fn is_graph(path: &str) -> bool {
    path.starts_with("/v1.0/") || path.starts_with("/beta/")
}

/// An error answer in the dialect of `path`'s route family.
fn refuse(path: &str, method: &Method, headers: &HeaderMap, status: StatusCode, code: &str, message: String) -> Response {
    if is_graph(path) {
        Tracing::from_headers(headers).finish(Err(GraphError::new(status, code, message)))
    } else {
        ArmError::new(status, code, message).for_method(method).into_response()
    }
}

/// Middleware: URI, header and body size, and the media type of PUT/PATCH/POST bodies, checked
/// before routing; afterwards, any plain-text error an extractor produced (axum's body limit
/// answers 413 in plain text) is rewritten into the dialect's JSON.
pub async fn request_limits(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let method = request.method().clone();
    let headers = request.headers().clone();
    if let Some((status, code, message)) = oversized(&request).or_else(|| wrong_media_type(&request)) {
        return refuse(&path, &method, &headers, status, code, message);
    }
    let response = next.run(request).await;
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE && !is_json(response.headers()) {
        let (status, code, message) = body_too_large();
        return refuse(&path, &method, &headers, status, code, message);
    }
    response
}

type Refusal = (StatusCode, &'static str, String);

fn body_too_large() -> Refusal {
    (StatusCode::PAYLOAD_TOO_LARGE, "RequestEntityTooLarge", format!("The request body is larger than {MAX_BODY_BYTES} bytes."))
}

fn oversized(request: &Request) -> Option<Refusal> {
    let uri_len = request.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if uri_len > MAX_URI_BYTES {
        return Some((StatusCode::URI_TOO_LONG, "RequestUriTooLong", format!("The request URI is {uri_len} bytes long; at most {MAX_URI_BYTES} are accepted.")));
    }
    let headers = request.headers();
    let header_bytes: usize = headers.iter().map(|(k, v)| k.as_str().len() + v.len()).sum();
    if header_bytes > MAX_HEADER_BYTES || headers.len() > MAX_HEADER_COUNT {
        return Some((
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "RequestHeaderFieldsTooLarge",
            format!("The request headers are too large ({} fields, {header_bytes} bytes; at most {MAX_HEADER_COUNT} fields and {MAX_HEADER_BYTES} bytes).", headers.len()),
        ));
    }
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Some(body_too_large());
    }
    None
}

/// ARM answers 415 `UnsupportedMediaType` to a body that is not `application/json`; a body sent
/// without any Content-Type is refused the same way. Requests without a body (Content-Length 0,
/// as the client sends for a body-less POST) need no media type.
fn wrong_media_type(request: &Request) -> Option<Refusal> {
    if !matches!(*request.method(), Method::PUT | Method::PATCH | Method::POST) {
        return None;
    }
    let headers = request.headers();
    let has_body = headers.contains_key(header::TRANSFER_ENCODING)
        || headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).is_some_and(|v| v.trim() != "0");
    if !has_body || is_json(headers) {
        return None;
    }
    let given = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    Some((
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "UnsupportedMediaType",
        format!("The content media type '{}' is not supported. Only 'application/json' is supported.", excerpt(given)),
    ))
}

/// `application/json`, with or without parameters (`; charset=utf-8`).
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"))
}

type PanicHandler = fn(Box<dyn std::any::Any + Send + 'static>) -> Response;

/// Turns a panic in a handler or middleware into a 500 with an ARM error body; the connection
/// and the process live on. The panic's message is not echoed: it may quote request data.
pub fn panic_layer() -> CatchPanicLayer<PanicHandler> {
    CatchPanicLayer::custom(answer_panic as PanicHandler)
}

fn answer_panic(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let error = ArmError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "InternalServerError",
        "The emulator failed while handling this request (a bug in the emulator); it may or may not have been applied.",
    );
    let mut response = error.into_response();
    response.headers_mut().insert(header::CONNECTION, header::HeaderValue::from_static("close"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_size_and_excerpts() {
        assert!(check_filter_size(&"a".repeat(MAX_FILTER_LEN)).is_ok());
        assert!(check_filter_size(&"a".repeat(MAX_FILTER_LEN + 1)).unwrap_err().contains("$filter"));
        assert_eq!(excerpt("short"), "short");
        assert_eq!(excerpt(&"x".repeat(500)).chars().count(), 101);
    }
}
