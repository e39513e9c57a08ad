//! `--require-token`: every request must carry `Authorization: Bearer <token>`, else 401 with the
//! ARM codes (`AuthenticationFailed` when the header is missing, `InvalidAuthenticationToken` when
//! it is wrong). Graph paths (`/v1.0/...`, `/beta/...`) answer in Graph's error shape with
//! Graph's code (`InvalidAuthenticationToken`, `innerError` with the request ids), so a Graph
//! client parses a 401 exactly as it would from graph.microsoft.com. The expected and the
//! presented token never appear in a response or a log.

use super::errors::ArmError;
use super::graph_api_connectors::{GraphError, Tracing};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The token the emulator accepts; `Debug` hides it.
#[derive(Clone)]
pub struct RequiredToken(pub Arc<str>);

impl std::fmt::Debug for RequiredToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RequiredToken(<redacted>)")
    }
}

pub async fn require_token(State(token): State<RequiredToken>, request: Request, next: Next) -> Response {
    let presented = request.headers().get("authorization").map(|v| v.to_str().unwrap_or(""));
    let error = match presented {
        None => Some(ArmError::new(
            StatusCode::UNAUTHORIZED,
            "AuthenticationFailed",
            "Authentication failed. The 'Authorization' header is missing.",
        )),
        Some(value) => {
            let bearer = value.strip_prefix("Bearer ").or_else(|| value.strip_prefix("bearer "));
            match bearer {
                Some(t) if constant_time_eq(t.trim().as_bytes(), token.0.as_bytes()) => None,
                Some(_) => Some(ArmError::new(
                    StatusCode::UNAUTHORIZED,
                    "InvalidAuthenticationToken",
                    "The access token is invalid.",
                )),
                None => Some(ArmError::new(
                    StatusCode::UNAUTHORIZED,
                    "InvalidAuthenticationToken",
                    "The 'Authorization' header must use the Bearer scheme.",
                )),
            }
        }
    };
    match error {
        None => next.run(request).await,
        Some(_) if is_graph_path(request.uri().path()) => {
            // Graph words the two cases its own way.
            let message = if presented.is_none() { "Access token is empty." } else { "Access token validation failure." };
            let graph = GraphError::new(StatusCode::UNAUTHORIZED, "InvalidAuthenticationToken", message);
            let mut response = Tracing::from_headers(request.headers()).finish(Err(graph));
            response
                .headers_mut()
                .insert("www-authenticate", HeaderValue::from_static("Bearer error=\"invalid_token\""));
            response
        }
        Some(e) => {
            let mut response = e.for_method(request.method()).into_response();
            response
                .headers_mut()
                .insert("www-authenticate", HeaderValue::from_static("Bearer error=\"invalid_token\""));
            response
        }
    }
}

fn is_graph_path(path: &str) -> bool {
    path.starts_with("/v1.0/") || path.starts_with("/beta/")
}

/// Comparing secrets without an early exit keeps the check from leaking the token's prefix.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
