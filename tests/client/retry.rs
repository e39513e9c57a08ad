//! The engine's resilience: retries per status, Retry-After (seconds and HTTP date), back-off
//! bounds, attempt limits, POST safety, 202 polling, timeouts, cancellation, error parsing, and
//! validation that stops a request before anything is sent. Delays are asserted on what the
//! policy computed (recorded in the exchanges), never on the wall clock.

use crate::client_support;

use apim_native::client::retry::{parse_retry_after, Failure, Idempotency, RetryPolicy};
use apim_native::client::{ApimClient, RetryOptions};
use apim_native::model::ErrorCategory;
use client_support::{entity, options, request, Reply, ScriptedServer};
use rand::SeedableRng;
use serde_json::json;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn client(server: &ScriptedServer, extra: serde_json::Value) -> ApimClient {
    ApimClient::new(options(&server.base_url, extra)).expect("client")
}

#[tokio::test]
async fn each_retryable_status_is_retried_then_succeeds() {
    for status in [408u16, 429, 500, 502, 503, 504] {
        let server = ScriptedServer::start(vec![
            Reply::json(status, json!({"error": {"code": "Transient", "message": "try again"}})),
            Reply::json(200, entity("b1")).header("etag", "\"e1\""),
        ])
        .await;
        let result = client(&server, json!({})).backend_get(&request(json!({}))).await.expect("retried to success");
        assert_eq!(result.status, 200, "status {status}");
        assert_eq!(result.etag.as_deref(), Some("\"e1\""));
        let attempts: Vec<(u32, Option<u16>)> = result.exchanges.iter().map(|e| (e.attempt, e.status)).collect();
        assert_eq!(attempts, vec![(1, Some(status)), (2, Some(200))], "status {status}");
        assert!(result.exchanges[0].delay_ms.is_some(), "a retried attempt records its delay");
        assert_eq!(server.seen().len(), 2);
    }
}

#[tokio::test]
async fn non_retryable_statuses_are_not_retried() {
    for status in [400u16, 401, 403, 404, 409, 412] {
        let server = ScriptedServer::start(vec![Reply::json(status, json!({"error": {"code": "No", "message": "no"}}))]).await;
        let err = client(&server, json!({})).backend_get(&request(json!({}))).await.unwrap_err();
        assert_eq!(err.http_status, Some(status));
        assert_eq!(server.seen().len(), 1, "status {status} must not be retried");
    }
}

#[tokio::test]
async fn attempts_are_bounded_by_max_attempts() {
    let replies = (0..10).map(|_| Reply::json(503, json!({"error": {"code": "ServiceUnavailable", "message": "busy"}}))).collect();
    let server = ScriptedServer::start(replies).await;
    let c = client(&server, json!({"retry": {"maxAttempts": 3, "baseDelayMs": 1, "maxDelayMs": 2}}));
    let err = c.backend_get(&request(json!({}))).await.unwrap_err();
    assert_eq!(err.http_status, Some(503));
    assert_eq!(err.code, "ServiceUnavailable");
    assert_eq!(err.category, ErrorCategory::ResourceUnavailable);
    assert_eq!(server.seen().len(), 3);
}

#[tokio::test]
async fn retry_after_is_honoured_and_a_longer_wait_than_max_delay_is_not_retried_early() {
    // Within maxDelayMs: exactly the service's second.
    let server = ScriptedServer::start(vec![
        Reply::json(503, json!({})).header("retry-after", "1"),
        Reply::json(200, entity("b1")),
    ])
    .await;
    let c = client(&server, json!({"retry": {"maxAttempts": 2, "baseDelayMs": 1, "maxDelayMs": 60000}}));
    let result = c.backend_get(&request(json!({}))).await.unwrap();
    assert_eq!(result.exchanges[0].delay_ms, Some(1000));

    // Longer than maxDelayMs (40 ms): not retried early; the 429 comes back saying how long.
    let server = ScriptedServer::start(vec![
        Reply::json(429, json!({"error": {"code": "TooManyRequests", "message": "slow down"}})).header("retry-after", "7"),
        Reply::json(200, entity("b1")),
    ])
    .await;
    let c = client(&server, json!({"retry": {"maxAttempts": 2, "baseDelayMs": 1, "maxDelayMs": 40}}));
    let err = c.backend_get(&request(json!({}))).await.unwrap_err();
    assert_eq!(server.seen().len(), 1, "no early retry");
    assert_eq!((err.http_status, err.category), (Some(429), ErrorCategory::LimitsExceeded), "{err:?}");
    assert_eq!(err.code, "TooManyRequests");
    assert!(err.message.contains("wait 7 seconds") && err.message.contains("retry.maxDelayMs"), "{}", err.message);

    // The same for a 503.
    let server = ScriptedServer::start(vec![Reply::json(503, json!({})).header("retry-after", "3"), Reply::json(200, entity("b1"))]).await;
    let c = client(&server, json!({"retry": {"maxAttempts": 3, "baseDelayMs": 1, "maxDelayMs": 2000}}));
    let err = c.backend_get(&request(json!({}))).await.unwrap_err();
    assert_eq!(server.seen().len(), 1, "no early retry");
    assert_eq!((err.http_status, err.category), (Some(503), ErrorCategory::ResourceUnavailable), "{err:?}");
    assert!(err.message.contains("wait 3 seconds"), "{}", err.message);
}

#[tokio::test]
async fn retry_after_http_date_is_honoured() {
    // A date a minute away is longer than maxDelayMs: reported, not retried early.
    let in_a_minute = SystemTime::now() + Duration::from_secs(60);
    let server = ScriptedServer::start(vec![
        Reply::json(503, json!({})).header("retry-after", &httpdate::fmt_http_date(in_a_minute)),
        Reply::json(200, entity("b1")),
    ])
    .await;
    let c = client(&server, json!({"retry": {"maxAttempts": 2, "baseDelayMs": 1, "maxDelayMs": 30}}));
    let err = c.backend_get(&request(json!({}))).await.unwrap_err();
    assert_eq!(server.seen().len(), 1);
    assert!(err.message.contains("seconds before retrying"), "{}", err.message);
    // A date in the past means "now": retried without waiting.
    let server = ScriptedServer::start(vec![
        Reply::json(503, json!({})).header("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"),
        Reply::json(200, entity("b1")),
    ])
    .await;
    let c = client(&server, json!({"retry": {"maxAttempts": 2, "baseDelayMs": 1, "maxDelayMs": 30}}));
    let result = c.backend_get(&request(json!({}))).await.unwrap();
    assert_eq!(result.exchanges[0].delay_ms, Some(0));
}

#[test]
fn retry_after_parsing() {
    let now = UNIX_EPOCH + Duration::from_secs(1_445_412_473); // Wed, 21 Oct 2015 07:27:53 GMT
    assert_eq!(parse_retry_after("120", now), Some(Duration::from_secs(120)));
    assert_eq!(parse_retry_after(" 0 ", now), Some(Duration::ZERO));
    assert_eq!(parse_retry_after("1.5", now), Some(Duration::from_millis(1500)));
    assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), Some(Duration::from_secs(7)));
    assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now), Some(Duration::ZERO), "past date = now");
    assert_eq!(parse_retry_after("soon", now), None);
    assert_eq!(parse_retry_after("-3", now), None);
}

#[test]
fn backoff_is_exponential_with_full_jitter_and_capped() {
    let policy = RetryPolicy::from_options(&RetryOptions { max_attempts: 8, base_delay_ms: 100, max_delay_ms: 1000 });
    let ceilings: Vec<u64> = (1..=6).map(|a| policy.backoff_ceiling(a).as_millis() as u64).collect();
    assert_eq!(ceilings, vec![100, 200, 400, 800, 1000, 1000]);
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    for attempt in 1..=6u32 {
        let draws: Vec<u64> = (0..200).map(|_| policy.backoff_delay(attempt, &mut rng).as_millis() as u64).collect();
        let ceiling = policy.backoff_ceiling(attempt).as_millis() as u64;
        assert!(draws.iter().all(|d| *d <= ceiling), "attempt {attempt}: every draw within [0, {ceiling}]");
        let distinct: std::collections::HashSet<_> = draws.iter().collect();
        assert!(distinct.len() > 10, "attempt {attempt}: jitter spreads the delays");
        assert!(draws.iter().any(|d| *d < ceiling / 2), "full jitter reaches the lower half");
    }
    // Retry-After wins over back-off; one longer than maxDelayMs means "do not retry early".
    assert_eq!(policy.delay(1, Some(Duration::from_secs(5))), None);
    assert_eq!(policy.delay(1, Some(Duration::from_millis(20))), Some(Duration::from_millis(20)));
}

#[test]
fn retry_decisions_by_idempotency() {
    let policy = RetryPolicy::from_options(&RetryOptions { max_attempts: 3, base_delay_ms: 1, max_delay_ms: 1 });
    let idem = Idempotency::Idempotent;
    let post = Idempotency::NonIdempotent;
    for s in [408, 429, 500, 502, 503, 504] {
        assert!(policy.should_retry(1, idem, Failure::Status(s)));
    }
    for s in [400, 401, 404, 409, 412, 501] {
        assert!(!policy.should_retry(1, idem, Failure::Status(s)));
    }
    assert!(policy.should_retry(1, post, Failure::Status(429)), "429: the throttle refused it unprocessed");
    assert!(policy.should_retry(1, post, Failure::Connect), "no connection: nothing was sent");
    for s in [408, 500, 502, 503, 504] {
        assert!(!policy.should_retry(1, post, Failure::Status(s)), "POST must not be repeated after {s}");
    }
    assert!(!policy.should_retry(1, post, Failure::Transport), "POST may have been processed");
    assert!(policy.should_retry(1, idem, Failure::Transport));
    assert!(!policy.should_retry(3, idem, Failure::Status(503)), "the last attempt is the last");
}

#[tokio::test]
async fn reconnect_post_is_not_repeated_on_500_but_is_on_429() {
    let server = ScriptedServer::start(vec![
        Reply::json(500, json!({"error": {"code": "InternalServerError", "message": "boom"}})),
        Reply::new(202),
    ])
    .await;
    let c = client(&server, json!({}));
    let err = c.backend_reconnect(&request(json!({"body": {"properties": {"after": "PT3S"}}}))).await.unwrap_err();
    assert_eq!(err.http_status, Some(500));
    assert_eq!(server.seen().len(), 1, "a POST is not repeated after a 500");
    assert_eq!(server.seen()[0].method, "POST");
    assert!(server.seen()[0].path.ends_with("/backends/b1/reconnect"));

    let server = ScriptedServer::start(vec![
        Reply::json(429, json!({"error": {"code": "TooManyRequests", "message": "later"}})).header("retry-after", "0"),
        Reply::new(202),
    ])
    .await;
    let result = client(&server, json!({})).backend_reconnect(&request(json!({}))).await.unwrap();
    assert_eq!(result.status, 202);
    assert_eq!(server.seen().len(), 2, "a throttled POST was not processed, so it is retried");
    assert_eq!(result.exchanges[0].delay_ms, Some(0), "Retry-After: 0");
}

#[tokio::test]
async fn patch_and_delete_with_if_match_are_retried() {
    let server = ScriptedServer::start(vec![
        Reply::json(503, json!({})),
        Reply::json(200, entity("b1")).header("etag", "\"e2\""),
        Reply::json(502, json!({})),
        Reply::new(200),
    ])
    .await;
    let c = client(&server, json!({}));
    let patched = c.backend_update(&request(json!({"ifMatch": "*", "body": {"properties": {"description": "d"}}}))).await.unwrap();
    assert_eq!(patched.status, 200);
    let deleted = c.backend_delete(&request(json!({"ifMatch": "\"e2\""}))).await.unwrap();
    assert_eq!(deleted.status, 200);
    let seen = server.seen();
    let summary: Vec<(String, Option<String>)> = seen.iter().map(|s| (s.method.clone(), s.header("if-match"))).collect();
    assert_eq!(
        summary,
        vec![
            ("PATCH".into(), Some("*".into())),
            ("PATCH".into(), Some("*".into())),
            ("DELETE".into(), Some("\"e2\"".into())),
            ("DELETE".into(), Some("\"e2\"".into())),
        ]
    );
}

#[tokio::test]
async fn accepted_with_location_is_polled_to_completion() {
    let server = ScriptedServer::start(vec![]).await;
    let location = format!("{}/operations/op1?api-version=2025-03-01-preview", server.base_url);
    server.push(Reply::new(202).header("location", &location).header("retry-after", "0"));
    server.push(Reply::new(202).header("location", &location).header("retry-after", "0"));
    server.push(Reply::new(200));
    server.push(Reply::json(200, entity("b1")).header("etag", "\"final\""));
    let c = client(&server, json!({}));
    let body = json!({"properties": {"url": "https://backend.example/api", "protocol": "http"}});
    let result = c.backend_create_or_update(&request(json!({"body": body}))).await.unwrap();
    assert_eq!(result.status, 200);
    assert_eq!(result.etag.as_deref(), Some("\"final\""));
    assert_eq!(result.body.as_ref().unwrap()["name"], "b1");
    let seen: Vec<(String, String)> = server.seen().iter().map(|s| (s.method.clone(), s.path.clone())).collect();
    let backend = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/b1";
    assert_eq!(
        seen,
        vec![
            ("PUT".into(), backend.into()),
            ("GET".into(), "/operations/op1".into()),
            ("GET".into(), "/operations/op1".into()),
            ("GET".into(), backend.into()),
        ]
    );
    assert_eq!(result.exchanges.len(), 4);
}

#[tokio::test]
async fn a_location_on_another_host_is_not_followed() {
    let server = ScriptedServer::start(vec![
        Reply::new(202).header("location", "http://127.0.0.2:9/operations/x").header("retry-after", "0"),
    ])
    .await;
    let err = client(&server, json!({})).backend_delete(&request(json!({"ifMatch": "*"}))).await.unwrap_err();
    assert_eq!(err.category, ErrorCategory::ProtocolError);
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn per_request_timeout_is_an_operation_timeout() {
    let server = ScriptedServer::start(vec![Reply::json(200, entity("b1")).delay(Duration::from_secs(5))]).await;
    // One attempt allowed: the timeout itself is what is reported (retries: tests/client/reliability.rs).
    let c = client(&server, json!({"timeoutSeconds": 1, "retry": {"maxAttempts": 1}}));
    let err = c.backend_get(&request(json!({}))).await.unwrap_err();
    assert_eq!(err.category, ErrorCategory::OperationTimeout);
    assert_eq!(err.code, "RequestTimeout");
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn connection_refused_is_retried_then_reported() {
    // Bind then drop a listener: the port is (almost certainly) closed, so connects are refused.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let c = ApimClient::new(options(&format!("http://127.0.0.1:{port}"), json!({"retry": {"maxAttempts": 3, "baseDelayMs": 1, "maxDelayMs": 2}}))).unwrap();
    let err = c.backend_get(&request(json!({}))).await.unwrap_err();
    assert_eq!(err.category, ErrorCategory::ConnectionError);
    assert_eq!(err.code, "ConnectionFailed");
    // The retries happened: the error counts the attempts made (all three were refused).
    assert!(err.message.contains("(after 3 attempts)"), "{}", err.message);
    // Even a POST is retried when no connection was made, and it says nothing may have been applied.
    let err = c.backend_reconnect(&request(json!({}))).await.unwrap_err();
    assert_eq!(err.code, "ConnectionFailed");
    assert!(err.message.contains("(after 3 attempts)"), "{}", err.message);
    assert!(!err.message.contains("may have been applied"), "nothing was sent: {}", err.message);
}

#[tokio::test]
async fn connect_timeout_is_an_operation_timeout() {
    // A listener with a backlog of one that never accepts: once its queue is full the kernel
    // drops further SYNs, so a new connect hangs until the client's connect timeout.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let listener = socket.listen(1).unwrap();
    let addr = listener.local_addr().unwrap();
    let mut fillers = Vec::new();
    for _ in 0..8 {
        match tokio::time::timeout(Duration::from_millis(200), tokio::net::TcpStream::connect(addr)).await {
            Ok(Ok(s)) => fillers.push(s),
            _ => break,
        }
    }
    let c = ApimClient::new(options(
        &format!("http://{addr}"),
        json!({"connectTimeoutSeconds": 1, "retry": {"maxAttempts": 1, "baseDelayMs": 1, "maxDelayMs": 1}}),
    ))
    .unwrap();
    let err = c.backend_get(&request(json!({}))).await.unwrap_err();
    assert_eq!(err.category, ErrorCategory::OperationTimeout, "{err:?}");
    assert_eq!(err.code, "ConnectTimeout");
    drop(listener);
}

#[tokio::test]
async fn cancel_all_stops_in_flight_calls_and_later_calls_run() {
    let server = ScriptedServer::start(vec![
        Reply::json(200, entity("b1")).delay(Duration::from_secs(30)),
        Reply::json(200, entity("b1")).delay(Duration::from_secs(30)),
        Reply::json(200, entity("b1")),
    ])
    .await;
    let c = std::sync::Arc::new(client(&server, json!({})));
    let first = tokio::spawn({
        let c = c.clone();
        async move { c.backend_get(&request(json!({}))).await }
    });
    let second = tokio::spawn({
        let c = c.clone();
        async move { c.backend_list(&request(json!({}))).await }
    });
    server.wait_for_requests(2).await;
    c.cancel_all();
    let err = first.await.unwrap().unwrap_err();
    assert_eq!(err.code, "OperationCancelled");
    assert_eq!(err.category, ErrorCategory::OperationStopped);
    let err = second.await.unwrap().unwrap_err();
    assert_eq!(err.code, "OperationCancelled");
    let later = c.backend_get(&request(json!({}))).await.expect("a call after cancel_all runs normally");
    assert_eq!(later.status, 200);
}

#[tokio::test]
async fn cancel_all_interrupts_a_retry_wait() {
    let server = ScriptedServer::start(vec![Reply::json(503, json!({})).header("retry-after", "30")]).await;
    let c = std::sync::Arc::new(client(&server, json!({"retry": {"maxAttempts": 3, "baseDelayMs": 1, "maxDelayMs": 60000}})));
    let call = tokio::spawn({
        let c = c.clone();
        async move { c.backend_get(&request(json!({}))).await }
    });
    server.wait_for_requests(1).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    c.cancel_all();
    let err = call.await.unwrap().unwrap_err();
    assert_eq!(err.code, "OperationCancelled");
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn arm_error_shape_is_parsed_with_request_id() {
    let server = ScriptedServer::start(vec![Reply::json(
        400,
        json!({"error": {
            "code": "ValidationError",
            "message": "One or more fields contain incorrect values:",
            "target": "properties",
            "details": [
                {"code": "ValidationError", "message": "'url' should not be empty", "target": "url"},
                {"code": "ValidationError", "message": "'protocol' should not be empty", "target": "protocol"}
            ],
            "additionalInfo": [{"type": "x", "info": {}}]
        }}),
    )
    .header("x-ms-request-id", "rid-400")])
    .await;
    let err = client(&server, json!({})).backend_get(&request(json!({}))).await.unwrap_err();
    assert_eq!(err.code, "ValidationError");
    assert_eq!(err.message, "One or more fields contain incorrect values:");
    assert_eq!(err.target.as_deref(), Some("properties"));
    assert_eq!(err.http_status, Some(400));
    assert_eq!(err.request_id.as_deref(), Some("rid-400"));
    assert_eq!(err.category, ErrorCategory::InvalidArgument);
    let targets: Vec<_> = err.details.iter().map(|d| d.target.clone().unwrap()).collect();
    assert_eq!(targets, vec!["url", "protocol"]);
    assert_eq!(err.details[0].message, "'url' should not be empty");
}

#[tokio::test]
async fn apim_error_shape_is_parsed_with_request_id() {
    // As recorded: APIM's ErrorResponseBody with "details": null.
    let server = ScriptedServer::start(vec![
        Reply::json(404, json!({"error": {"code": "ResourceNotFound", "message": "Backend not found.", "details": null}}))
            .header("x-ms-request-id", "rid-404"),
        Reply::new(412).header("x-ms-request-id", "rid-412"),
        Reply::json(409, json!({"code": "Conflict", "message": "top-level shape"})),
    ])
    .await;
    let c = client(&server, json!({}));
    let err = c.backend_get(&request(json!({}))).await.unwrap_err();
    assert_eq!((err.code.as_str(), err.message.as_str()), ("ResourceNotFound", "Backend not found."));
    assert_eq!(err.request_id.as_deref(), Some("rid-404"));
    assert_eq!(err.category, ErrorCategory::ObjectNotFound);
    assert!(err.details.is_empty());
    // No body (HEAD, or a bare 412): the code comes from the status.
    let err = c.backend_get_entity_tag(&request(json!({}))).await.unwrap_err();
    assert_eq!(err.code, "PreconditionFailed");
    assert_eq!(err.http_status, Some(412));
    assert_eq!(err.request_id.as_deref(), Some("rid-412"));
    assert_eq!(err.category, ErrorCategory::InvalidOperation);
    let err = c.backend_get(&request(json!({}))).await.unwrap_err();
    assert_eq!((err.code.as_str(), err.category), ("Conflict", ErrorCategory::ResourceExists));
}

#[tokio::test]
async fn nothing_is_sent_when_the_request_is_invalid() {
    let server = ScriptedServer::start(vec![Reply::json(200, entity("b1"))]).await;
    // An environment with no AZURE_SUBSCRIPTION_ID and no `az`, so "no subscription anywhere"
    // does not depend on the machine running the test.
    let no_fallback = apim_native::auth::Env::from_pairs([("PATH", "/nonexistent")]);
    let c = ApimClient::with_env(options(&server.base_url, json!({})), no_fallback).expect("client");
    // Body is not an object.
    let err = c.backend_create_or_update(&request(json!({"body": "not an object"}))).await.unwrap_err();
    assert_eq!(err.category, ErrorCategory::InvalidArgument, "{err:?}");
    // Body missing on PUT and PATCH.
    let err = c.backend_create_or_update(&request(json!({}))).await.unwrap_err();
    assert_eq!(err.target.as_deref(), Some("body"));
    let err = c.backend_update(&request(json!({"ifMatch": "*"}))).await.unwrap_err();
    assert_eq!(err.target.as_deref(), Some("body"));
    // PATCH and DELETE without ifMatch: the spec requires If-Match, so the request is refused
    // naming ifMatch (it used to go out with `*`).
    let err = c.backend_update(&request(json!({"body": {"properties": {"description": "d"}}}))).await.unwrap_err();
    assert_eq!((err.target.as_deref(), err.category), (Some("ifMatch"), ErrorCategory::InvalidArgument), "{err:?}");
    let err = c.backend_delete(&request(json!({}))).await.unwrap_err();
    assert_eq!((err.target.as_deref(), err.category), (Some("ifMatch"), ErrorCategory::InvalidArgument), "{err:?}");
    // No backend id.
    let err = c.backend_get(&request(json!({"backendId": null}))).await.unwrap_err();
    assert_eq!(err.target.as_deref(), Some("backendId"));
    // If-Match that cannot be a header.
    let err = c.backend_delete(&request(json!({"ifMatch": "bad\nvalue"}))).await.unwrap_err();
    assert_eq!(err.target.as_deref(), Some("ifMatch"));
    // No subscription anywhere.
    let err = c.backend_get(&request(json!({"subscriptionId": null}))).await.unwrap_err();
    assert_eq!(err.target.as_deref(), Some("subscriptionId"));
    assert!(err.message.contains("subscriptionId"));
    // Several problems at once are all reported.
    let err = c.backend_update(&request(json!({"backendId": null, "subscriptionId": null}))).await.unwrap_err();
    let targets: Vec<_> = err.details.iter().filter_map(|d| d.target.clone()).collect();
    for t in ["subscriptionId", "backendId", "body"] {
        assert!(targets.iter().any(|x| x == t), "{t} reported in {targets:?}");
    }
    // The model's rules, for the client's api-version: every problem with its JSON path.
    let long_title = "t".repeat(301);
    let err = c
        .backend_create_or_update(&request(json!({"body": {"properties": {"title": long_title, "url": "https://x.example", "protocol": "ftp"}}})))
        .await
        .unwrap_err();
    let targets: Vec<_> = err.details.iter().filter_map(|d| d.target.clone()).collect();
    assert!(targets.contains(&"properties.title".to_string()), "{targets:?}");
    assert!(targets.contains(&"properties.protocol".to_string()), "{targets:?}");
    // A field the chosen api-version does not have is an error, not silently dropped.
    let old = client(&server, json!({"apiVersion": "2022-08-01"}));
    let pool = json!({"properties": {"type": "Pool", "pool": {"services": [{"id": format!("/subscriptions/{}/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/b2", client_support::SUB)}]}}});
    let err = old.backend_create_or_update(&request(json!({"body": pool}))).await.unwrap_err();
    let targets: Vec<_> = err.details.iter().filter_map(|d| d.target.clone()).chain(err.target.clone()).collect();
    assert!(targets.iter().any(|t| t.starts_with("properties.pool") || t.starts_with("properties.type")), "{err:?}");
    // A bad resource group / service name / backend id.
    let err = c.backend_get(&request(json!({"serviceName": "1-bad-", "backendId": "x".repeat(81)}))).await.unwrap_err();
    let targets: Vec<_> = err.details.iter().filter_map(|d| d.target.clone()).collect();
    assert!(targets.iter().any(|t| t == "serviceName"), "{err:?}");
    assert!(targets.iter().any(|t| t == "backendId"), "{err:?}");
    // A bad list page size.
    let err = c.backend_list(&request(json!({"top": 0}))).await.unwrap_err();
    assert_eq!(err.target.as_deref(), Some("top"));
    assert!(server.seen().is_empty(), "nothing may be sent for an invalid request");
}
