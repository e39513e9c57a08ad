//! The Graph cmdlets' `-Headers`: the caller's headers go out as-is on every request of the
//! operation, the engine's own headers cannot be overridden, values never show in errors or
//! Debug, and Graph gets the client request id under its own name (`client-request-id`).

use apim_native::client::api_connector::ApiConnectorRequest;
use apim_native::client::{ApimClient, ClientOptions};
use apim_native::model::ErrorCategory;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};

type Seen = Arc<Mutex<Vec<HeaderMap>>>;

/// A Graph stand-in that records every request's headers and answers with one connector.
async fn start_recorder() -> (String, Seen) {
    let seen: Seen = Arc::default();
    let app = axum::Router::new()
        .fallback(|State(seen): State<Seen>, headers: HeaderMap| async move {
            seen.lock().unwrap().push(headers);
            Json(json!({"id": "c1", "displayName": "connector", "targetUrl": "https://x.example"}))
        })
        .with_state(seen.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (base, seen)
}

fn client(base: &str) -> ApimClient {
    let options: ClientOptions = serde_json::from_value(json!({
        "graphEndpoint": base,
        "auth": {"kind": "token", "token": "test-graph-token"},
        "retry": {"maxAttempts": 1, "baseDelayMs": 1, "maxDelayMs": 1}
    }))
    .unwrap();
    ApimClient::new(options).unwrap()
}

fn request(extra: Value) -> ApiConnectorRequest {
    let mut base = json!({"id": "c1"});
    base.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    serde_json::from_value(base).unwrap()
}

#[tokio::test]
async fn caller_headers_are_sent_and_graph_gets_client_request_id() {
    let (base, seen) = start_recorder().await;
    let c = client(&base);
    c.api_connector_get(&request(json!({"headers": {"ConsistencyLevel": "eventual", "x-custom": "v1"}}))).await.unwrap();
    let headers = seen.lock().unwrap()[0].clone();
    assert_eq!(headers.get("consistencylevel").unwrap(), "eventual");
    assert_eq!(headers.get("x-custom").unwrap(), "v1");
    assert_eq!(headers.get("authorization").unwrap(), "Bearer test-graph-token", "the engine's token is kept");
    let id = headers.get("client-request-id").expect("Graph's client-request-id").to_str().unwrap();
    assert!(uuid::Uuid::parse_str(id).is_ok(), "{id}");
    assert!(headers.get("x-ms-client-request-id").is_none(), "ARM's name is not used on Graph");
}

#[tokio::test]
async fn reserved_or_invalid_headers_are_refused_before_sending_without_their_values() {
    let (base, seen) = start_recorder().await;
    let c = client(&base);
    for name in ["Authorization", "host", "Content-Length"] {
        let err = c.api_connector_get(&request(json!({"headers": {name: "planted-secret-1"}}))).await.unwrap_err();
        assert_eq!(err.category, ErrorCategory::InvalidArgument);
        assert_eq!(err.target.as_deref(), Some(format!("headers.{name}").as_str()), "{err:?}");
        assert!(!format!("{err:?}").contains("planted-secret-1"));
    }
    let err = c.api_connector_get(&request(json!({"headers": {"x-bad": "line\nbreak planted-secret-2"}}))).await.unwrap_err();
    assert_eq!(err.target.as_deref(), Some("headers.x-bad"));
    assert!(!format!("{err:?}").contains("planted-secret-2"));
    assert!(seen.lock().unwrap().is_empty(), "nothing was sent");
    // Debug of the request shows header names, never values.
    let debug = format!("{:?}", request(json!({"headers": {"x-api-key": "planted-secret-3"}})));
    assert!(debug.contains("x-api-key") && !debug.contains("planted-secret-3"), "{debug}");
}
