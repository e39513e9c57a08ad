//! Issue 12, client side: timeouts of idempotent attempts are retried, a non-idempotent call that
//! timed out says it may have been applied, a 412 after a retried conditional write says an
//! earlier attempt may have been applied, `.`/`..` and other path segments a URL would resolve
//! away are refused before sending, CR/LF is refused in credential header values, and no error
//! message repeats a secret the client holds (token endpoint `error_description` included).

use crate::client_support;

use apim_native::client::ApimClient;
use apim_native::model::ErrorCategory;
use client_support::{entity, options, request, Reply, ScriptedServer, SUB};
use serde_json::json;
use std::time::Duration;

fn client(server: &ScriptedServer, extra: serde_json::Value) -> ApimClient {
    ApimClient::new(options(&server.base_url, extra)).expect("client")
}

fn slow(reply: Reply) -> Reply {
    reply.delay(Duration::from_secs(4))
}

#[tokio::test]
async fn a_timed_out_get_head_put_delete_and_list_page_are_retried() {
    let server = ScriptedServer::start(vec![
        slow(Reply::json(200, entity("b1"))),
        Reply::json(200, entity("b1")).header("etag", "\"e1\""),
    ])
    .await;
    let c = client(&server, json!({"timeoutSeconds": 1}));
    let got = c.backend_get(&request(json!({}))).await.expect("the slow attempt is retried");
    assert_eq!(got.status, 200);
    assert_eq!(got.exchanges.len(), 2);
    assert_eq!(got.exchanges[0].status, None, "the first attempt timed out");

    let server = ScriptedServer::start(vec![slow(Reply::new(200)), Reply::new(200).header("etag", "\"e1\"")]).await;
    let got = client(&server, json!({"timeoutSeconds": 1})).backend_get_entity_tag(&request(json!({}))).await.expect("HEAD retried");
    assert_eq!(got.etag.as_deref(), Some("\"e1\""));

    let body = json!({"body": {"properties": {"url": "https://a.example/", "protocol": "http"}}});
    let server = ScriptedServer::start(vec![slow(Reply::json(201, entity("b1"))), Reply::json(200, entity("b1"))]).await;
    let got = client(&server, json!({"timeoutSeconds": 1})).backend_create_or_update(&request(body)).await.expect("PUT retried");
    assert_eq!(got.status, 200);
    assert_eq!(server.seen().len(), 2);

    let server = ScriptedServer::start(vec![slow(Reply::new(200)), Reply::new(204)]).await;
    let got = client(&server, json!({"timeoutSeconds": 1})).backend_delete(&request(json!({"ifMatch": "*"}))).await.expect("DELETE retried");
    assert_eq!(got.status, 204);

    let page = |items: Vec<serde_json::Value>, next: Option<String>| json!({"value": items, "nextLink": next});
    let server = ScriptedServer::start(vec![]).await;
    let next = format!("{}/subscriptions/{SUB}/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends?api-version=2025-03-01-preview&$skip=1", server.base_url);
    server.push(Reply::json(200, page(vec![entity("a")], Some(next))));
    server.push(slow(Reply::json(200, page(vec![entity("b")], None))));
    server.push(Reply::json(200, page(vec![entity("b")], None)));
    let list = client(&server, json!({"timeoutSeconds": 1})).backend_list(&request(json!({"backendId": null}))).await.expect("a page retried");
    let names: Vec<_> = list.value.iter().map(|v| v["name"].as_str().unwrap().to_string()).collect();
    assert_eq!(names, vec!["a", "b"], "nothing lost or repeated");
}

#[tokio::test]
async fn a_timed_out_reconnect_post_is_not_repeated_and_says_it_may_have_been_applied() {
    let server = ScriptedServer::start(vec![slow(Reply::new(202)), Reply::new(202)]).await;
    let err = client(&server, json!({"timeoutSeconds": 1})).backend_reconnect(&request(json!({}))).await.unwrap_err();
    assert_eq!(err.code, "RequestTimeout");
    assert_eq!(err.category, ErrorCategory::OperationTimeout);
    assert!(err.message.contains("may have been applied"), "{}", err.message);
    assert_eq!(server.seen().len(), 1, "a POST is not repeated");
}

#[tokio::test]
async fn every_attempt_timing_out_reports_the_attempts() {
    let server = ScriptedServer::start((0..3).map(|_| slow(Reply::new(200))).collect()).await;
    let c = client(&server, json!({"timeoutSeconds": 1, "retry": {"maxAttempts": 2, "baseDelayMs": 1, "maxDelayMs": 2}}));
    let err = c.backend_get(&request(json!({}))).await.unwrap_err();
    assert_eq!(err.code, "RequestTimeout");
    assert!(err.message.contains("after 2 attempts"), "{}", err.message);
}

#[tokio::test]
async fn a_412_after_a_retried_conditional_write_says_an_earlier_attempt_may_have_been_applied() {
    let server = ScriptedServer::start(vec![
        Reply::json(503, json!({"error": {"code": "ServiceUnavailable", "message": "busy"}})),
        Reply::json(412, json!({"error": {"code": "PreconditionFailed", "message": "stale"}})),
    ])
    .await;
    let body = json!({"ifMatch": "\"e1\"", "body": {"properties": {"url": "https://a.example/", "protocol": "http"}}});
    let err = client(&server, json!({})).backend_create_or_update(&request(body)).await.unwrap_err();
    assert_eq!(err.http_status, Some(412));
    assert!(err.message.contains("earlier attempt may have been applied"), "{}", err.message);

    // A 412 on the first attempt is the caller's stale ETag, not ours: no note.
    let server = ScriptedServer::start(vec![Reply::json(412, json!({"error": {"code": "PreconditionFailed", "message": "stale"}}))]).await;
    let body = json!({"ifMatch": "\"e1\"", "body": {"properties": {"url": "https://a.example/", "protocol": "http"}}});
    let err = client(&server, json!({})).backend_create_or_update(&request(body)).await.unwrap_err();
    assert!(!err.message.contains("earlier attempt"), "{}", err.message);
}

#[tokio::test]
async fn dot_segments_and_a_trailing_period_are_refused_before_sending() {
    let server = ScriptedServer::start(vec![]).await;
    let c = client(&server, json!({}));
    for (field, value) in [
        ("backendId", ".."),
        ("backendId", "."),
        ("backendId", "%2e%2e"),
        ("resourceGroupName", "."),
        ("resourceGroupName", ".."),
        ("resourceGroupName", "rg1."),
    ] {
        let err = c.backend_get(&request(json!({ field: value }))).await.unwrap_err();
        assert_eq!(err.category, ErrorCategory::InvalidArgument, "{field}={value}");
        let targets: Vec<_> = err.details.iter().filter_map(|d| d.target.clone()).chain(err.target.clone()).collect();
        assert!(targets.iter().any(|t| t == field), "{field}={value}: {err:?}");
    }
    assert!(server.seen().is_empty(), "nothing was sent");

    let graph = ApimClient::new(
        serde_json::from_value(json!({"graphEndpoint": server.base_url, "auth": {"kind": "token", "token": "t"}})).unwrap(),
    )
    .unwrap();
    for id in ["..", ".", "%2E"] {
        let req = serde_json::from_value(json!({"id": id})).unwrap();
        let err = graph.api_connector_get(&req).await.unwrap_err();
        assert_eq!(err.category, ErrorCategory::InvalidArgument, "{id}");
        let targets: Vec<_> = err.details.iter().filter_map(|d| d.target.clone()).chain(err.target.clone()).collect();
        assert!(targets.iter().any(|t| t == "id"), "{id}: {err:?}");
    }
    assert!(server.seen().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn cr_lf_in_credential_headers_and_the_authorization_parameter_is_refused() {
    let server = ScriptedServer::start(vec![]).await;
    let c = client(&server, json!({}));
    let cases = [
        (json!({"header": {"x-key": ["ok", "bad\r\nX-Injected: 1"]}}), "properties.credentials.header.x-key"),
        (json!({"authorization": {"scheme": "Basic", "parameter": "c2VjcmV0\r\nX-Injected: 1"}}), "properties.credentials.authorization.parameter"),
        (json!({"authorization": {"scheme": "Basic\n", "parameter": "p"}}), "properties.credentials.authorization.scheme"),
    ];
    for (credentials, target) in cases {
        let body = json!({"body": {"properties": {"url": "https://a.example/", "protocol": "http", "credentials": credentials}}});
        let err = c.backend_create_or_update(&request(body)).await.unwrap_err();
        assert_eq!(err.category, ErrorCategory::InvalidArgument);
        let targets: Vec<_> = err.details.iter().filter_map(|d| d.target.clone()).chain(err.target.clone()).collect();
        assert!(targets.iter().any(|t| t == target), "{target}: {err:?}");
        let text = serde_json::to_string(&err).unwrap();
        assert!(!text.contains("c2VjcmV0") && !text.contains("X-Injected"), "the value is not repeated: {text}");
    }
    assert!(server.seen().is_empty());
}

#[tokio::test]
async fn a_service_that_echoes_secrets_never_gets_them_into_the_error() {
    const PARAM: &str = "param-secret-4711";
    const HEADER: &str = "header-secret-0815";
    const TOKEN: &str = "bearer-secret-token";
    let echo = format!("you sent {PARAM} and {HEADER} with {TOKEN}");
    let server = ScriptedServer::start(vec![Reply::json(400, json!({"error": {"code": "BadRequest", "message": echo,
        "details": [{"code": "Echo", "target": "x", "message": echo}]}}))])
    .await;
    let c = client(&server, json!({"auth": {"kind": "token", "token": TOKEN}}));
    let body = json!({"body": {"properties": {"url": "https://a.example/", "protocol": "http",
        "credentials": {"header": {"x-key": [HEADER]}, "authorization": {"scheme": "Basic", "parameter": PARAM}}}}});
    let err = c.backend_create_or_update(&request(body)).await.unwrap_err();
    let text = serde_json::to_string(&err).unwrap();
    for secret in [PARAM, HEADER, TOKEN] {
        assert!(!text.contains(secret), "{secret} leaked: {text}");
    }
    assert!(text.contains("<redacted>"), "{text}");
}

#[tokio::test]
async fn a_token_endpoint_that_echoes_the_client_secret_does_not_leak_it() {
    const SECRET: &str = "client-secret-value-9931";
    let server = ScriptedServer::start(vec![Reply::json(
        401,
        json!({"error": "invalid_client", "error_description": format!("AADSTS7000215: Invalid client secret provided: {SECRET}")}),
    )])
    .await;
    let c = client(
        &server,
        json!({"auth": {"kind": "clientSecret", "tenantId": "11111111-1111-1111-1111-111111111111", "clientId": "22222222-2222-2222-2222-222222222222",
            "clientSecret": SECRET, "authorityHost": server.base_url}, "retry": {"maxAttempts": 1}}),
    );
    let err = c.backend_get(&request(json!({}))).await.unwrap_err();
    let text = serde_json::to_string(&err).unwrap();
    assert!(!text.contains(SECRET), "{text}");
    assert!(text.contains("AADSTS7000215"), "the service's reason is kept: {text}");
}

#[tokio::test]
async fn a_timed_out_graph_create_post_is_not_repeated_and_says_it_may_have_been_applied() {
    let server = ScriptedServer::start(vec![slow(Reply::new(201)), Reply::new(201)]).await;
    let graph = ApimClient::new(
        serde_json::from_value(json!({"graphEndpoint": server.base_url, "auth": {"kind": "token", "token": "t"}, "timeoutSeconds": 1,
            "retry": {"maxAttempts": 4, "baseDelayMs": 1, "maxDelayMs": 5}})).unwrap(),
    )
    .unwrap();
    let req = serde_json::from_value(json!({"body": {"displayName": "c1", "targetUrl": "https://a.example/api",
        "authenticationConfiguration": {"@odata.type": "#microsoft.graph.basicAuthentication", "username": "u", "password": "pw-secret-1"}}}))
    .unwrap();
    let err = graph.api_connector_create(&req).await.unwrap_err();
    assert_eq!(err.code, "RequestTimeout");
    assert!(err.message.contains("may have been applied"), "{}", err.message);
    assert_eq!(server.seen().len(), 1, "a Graph POST is not repeated");
}
