//! The client against the real in-process emulator: retries under the emulator's ARM-style
//! throttle (429 + Retry-After), polling of its asynchronous PUTs (202 + Location), optimistic
//! concurrency (412 on a stale ETag), paging with the emulator's nextLink, and bearer tokens.

use apim_native::client::backend::BackendRequest;
use apim_native::client::{ApimClient, ClientOptions};
use apim_native::emulator::{self, EmulatorHandle, EmulatorOptions};
use apim_native::model::ErrorCategory;
use serde_json::{json, Value};

fn request(id: Option<&str>) -> BackendRequest {
    BackendRequest {
        subscription_id: Some("00000000-0000-0000-0000-000000000000".into()),
        resource_group_name: "rg1".into(),
        service_name: "apimService1".into(),
        backend_id: id.map(str::to_string),
        ..Default::default()
    }
}

fn put(id: &str) -> BackendRequest {
    let mut r = request(Some(id));
    r.body = Some(json!({"properties": {"url": format!("https://{id}.example/"), "protocol": "http", "title": id}}));
    r
}

async fn start(emulator_options: Value, client_options: Value) -> (EmulatorHandle, ApimClient) {
    let emulator = emulator::start(serde_json::from_value::<EmulatorOptions>(emulator_options).unwrap()).await.unwrap();
    let mut options = client_options;
    options["armEndpoint"] = json!(emulator.base_url);
    let client = ApimClient::new(serde_json::from_value::<ClientOptions>(options).unwrap()).unwrap();
    (emulator, client)
}

#[tokio::test]
async fn writes_succeed_through_the_emulator_throttle_by_honouring_retry_after() {
    // Two writes in the bucket, one per second refilled: the third write in a burst gets 429 with
    // Retry-After (whole seconds); the client waits exactly that (it is within maxDelayMs = 2 s),
    // by which time a token is back. One per second (not faster) so that even on a loaded machine
    // the five writes come faster than the refill: the burst would have to take over a second
    // per write to miss the throttle.
    let (emu, client) = start(
        json!({"throttle": true, "throttleLimits": {"writeBucket": 2, "writeRefillPerSecond": 1.0}}),
        json!({"retry": {"maxAttempts": 6, "baseDelayMs": 1, "maxDelayMs": 2000}}),
    )
    .await;
    let mut throttled = 0;
    for i in 0..5 {
        let result = client.backend_create_or_update(&put(&format!("b{i}"))).await.expect("retried past the throttle");
        assert_eq!(result.status, 201);
        for (n, e) in result.exchanges.iter().enumerate() {
            if e.status == Some(429) {
                throttled += 1;
                let delay = e.delay_ms.expect("retried after a wait");
                assert!(delay >= 1000 && delay <= 2000 && delay % 1000 == 0, "the service's whole-second Retry-After: {delay}");
                assert_eq!(result.exchanges[n + 1].attempt, e.attempt + 1);
            }
        }
        assert_eq!(result.exchanges.last().unwrap().status, Some(201));
    }
    assert!(throttled > 0, "the burst must have hit the throttle");
    emu.stop().await;
}

#[tokio::test]
async fn a_throttled_call_gives_up_after_max_attempts_with_the_429() {
    let (emu, client) = start(
        json!({"throttle": true, "throttleLimits": {"writeBucket": 1, "writeRefillPerSecond": 0.01}}),
        json!({"retry": {"maxAttempts": 2, "baseDelayMs": 1, "maxDelayMs": 5}}),
    )
    .await;
    client.backend_create_or_update(&put("first")).await.unwrap();
    let err = client.backend_create_or_update(&put("second")).await.unwrap_err();
    assert_eq!(err.http_status, Some(429));
    assert_eq!(err.category, ErrorCategory::LimitsExceeded);
    assert!(err.request_id.is_some(), "the emulator's x-ms-request-id is kept");
    emu.stop().await;
}

#[tokio::test]
async fn an_asynchronous_put_is_polled_to_the_entity() {
    let (emu, client) = start(json!({"asyncPut": true}), json!({"retry": {"maxAttempts": 3, "baseDelayMs": 1, "maxDelayMs": 20}})).await;
    let created = client.backend_create_or_update(&put("slow")).await.unwrap();
    assert_eq!(created.status, 201, "the entity with the PUT's real status");
    assert_eq!(created.body.as_ref().unwrap()["properties"]["title"], "slow");
    let statuses: Vec<_> = created.exchanges.iter().map(|e| (e.method.as_str(), e.status)).collect();
    assert_eq!(statuses.first(), Some(&("PUT", Some(202))));
    assert!(statuses[1..].iter().all(|(m, _)| *m == "GET"), "{statuses:?}");
    assert!(statuses.len() >= 3, "at least one 202 poll before the entity: {statuses:?}");
    let replaced = client.backend_create_or_update(&put("slow")).await.unwrap();
    assert_eq!(replaced.status, 200);
    let got = client.backend_get(&request(Some("slow"))).await.unwrap();
    assert_eq!(got.etag, replaced.etag);
    emu.stop().await;
}

#[tokio::test]
async fn stale_etags_are_refused_with_412_and_current_ones_accepted() {
    let (emu, client) = start(json!({}), json!({})).await;
    let created = client.backend_create_or_update(&put("b1")).await.unwrap();
    let mut patch = request(Some("b1"));
    patch.body = Some(json!({"properties": {"description": "v2"}}));
    patch.if_match = created.etag.clone();
    let updated = client.backend_update(&patch).await.unwrap();
    assert_eq!(updated.body.as_ref().unwrap()["properties"]["description"], "v2");
    // The first ETag is stale now.
    let err = client.backend_update(&patch).await.unwrap_err();
    assert_eq!((err.http_status, err.code.as_str(), err.category), (Some(412), "PreconditionFailed", ErrorCategory::InvalidOperation));
    let mut delete = request(Some("b1"));
    delete.if_match = created.etag.clone();
    assert_eq!(client.backend_delete(&delete).await.unwrap_err().http_status, Some(412));
    delete.if_match = updated.etag.clone();
    assert_eq!(client.backend_delete(&delete).await.unwrap().status, 200);
    // HEAD of a missing backend: 404 without a body still becomes a clear error.
    let err = client.backend_get_entity_tag(&request(Some("b1"))).await.unwrap_err();
    assert_eq!((err.http_status, err.category), (Some(404), ErrorCategory::ObjectNotFound));
    emu.stop().await;
}

#[tokio::test]
async fn lists_follow_the_emulators_next_links_and_filters() {
    let (emu, client) = start(json!({"pageSize": 2}), json!({})).await;
    for i in 0..5 {
        client.backend_create_or_update(&put(&format!("b{i}"))).await.unwrap();
    }
    let all = client.backend_list(&request(None)).await.unwrap();
    let mut names: Vec<_> = all.value.iter().map(|v| v["name"].as_str().unwrap().to_string()).collect();
    names.sort();
    assert_eq!(names, ["b0", "b1", "b2", "b3", "b4"]);
    assert_eq!(all.exchanges.len(), 3, "three pages of two");
    let mut first = request(None);
    first.one_page = true;
    let page = client.backend_list(&first).await.unwrap();
    assert_eq!(page.value.len(), 2);
    let mut rest = request(None);
    rest.next_link = page.next_link.clone();
    assert_eq!(client.backend_list(&rest).await.unwrap().value.len(), 3);
    let mut filtered = request(None);
    filtered.filter = Some("name eq 'b3'".into());
    let one = client.backend_list(&filtered).await.unwrap();
    assert_eq!(one.value.len(), 1);
    assert_eq!(one.value[0]["name"], "b3");
    emu.stop().await;
}

#[tokio::test]
async fn the_bearer_token_is_what_the_emulator_requires() {
    let (emu, client) = start(json!({"requireToken": "tok-123"}), json!({"auth": {"kind": "token", "token": "tok-123"}})).await;
    assert_eq!(client.backend_create_or_update(&put("b1")).await.unwrap().status, 201);
    let wrong = ApimClient::new(
        serde_json::from_value::<ClientOptions>(json!({"armEndpoint": emu.base_url, "auth": {"kind": "token", "token": "nope"}})).unwrap(),
    )
    .unwrap();
    let err = wrong.backend_get(&request(Some("b1"))).await.unwrap_err();
    assert_eq!((err.http_status, err.category), (Some(401), ErrorCategory::AuthenticationError));
    assert!(!err.to_json().contains("nope") && !err.to_json().contains("tok-123"));
    emu.stop().await;
}
