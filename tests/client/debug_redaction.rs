//! Debug output of the request and result types never shows bodies: they can hold
//! credentials.authorization.parameter or proxy.password.

use apim_native::client::backend::BackendRequest;
use apim_native::client::transport::HttpRequest;
use apim_native::client::{Exchange, ListResult, OperationResult};
use reqwest::Method;
use serde_json::{json, Value};

const SECRET: &str = "planted-s3cret-value";

fn secret_body() -> Value {
    json!({"properties": {
        "url": "https://backend.example",
        "protocol": "http",
        "credentials": {"authorization": {"scheme": "Basic", "parameter": SECRET}},
        "proxy": {"url": "http://proxy.example", "username": "u", "password": SECRET}
    }})
}

fn assert_hidden(what: &str, debug: String) {
    assert!(!debug.contains(SECRET), "{what} Debug shows the secret: {debug}");
    assert!(!debug.contains("parameter"), "{what} Debug shows body fields: {debug}");
}

#[test]
fn backend_request_debug_hides_the_body() {
    let req: BackendRequest = serde_json::from_value(json!({
        "resourceGroupName": "rg1", "serviceName": "s1", "backendId": "b1", "body": secret_body()
    }))
    .unwrap();
    let debug = format!("{req:?}");
    assert_hidden("BackendRequest", debug.clone());
    assert!(debug.contains("<redacted body>") && debug.contains("b1"), "{debug}");
}

#[test]
fn engine_request_debug_shows_only_the_body_size() {
    let url = url::Url::parse("http://127.0.0.1:1/x").unwrap();
    let body = secret_body();
    let size = serde_json::to_vec(&body).unwrap().len();
    let req = HttpRequest::new(Method::PUT, url).body(Some(body));
    let debug = format!("{req:?}");
    assert_hidden("HttpRequest", debug.clone());
    assert!(debug.contains(&format!("<{size} bytes>")), "{debug}");
}

#[test]
fn results_debug_hide_entities() {
    let exchange = Exchange {
        method: "GET".into(),
        url: "http://127.0.0.1:1/x".into(),
        status: Some(200),
        request_id: None,
        elapsed_ms: 1,
        attempt: 1,
        delay_ms: None,
    };
    let one = OperationResult { status: 200, etag: Some("\"e\"".into()), body: Some(secret_body()), exchanges: vec![exchange.clone()], headers: Default::default() };
    let debug = format!("{one:?}");
    assert_hidden("OperationResult", debug.clone());
    assert!(debug.contains("<redacted body>") && debug.contains("200"), "{debug}");
    let list = ListResult { value: vec![secret_body(), secret_body()], next_link: None, count: Some(2), exchanges: vec![exchange], headers: Default::default() };
    let debug = format!("{list:#?}");
    assert_hidden("ListResult", debug.clone());
    assert!(debug.contains("<2 redacted entities>"), "{debug}");
}
