//! The emulator rejects invalid requests as the service does: 400 `ValidationError` whose
//! `details[]` name every problem's JSON path (`properties.title`) or parameter (`serviceName`)
//! and rule, using the model's validators, for the api-version the request asked for. A rejected
//! write changes nothing.

use crate::emulator_support;

use emulator_support::*;
use serde_json::{json, Value};

async fn rejected(r: reqwest::Response) -> Vec<(String, String)> {
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "ValidationError", "{body}");
    body["error"]["details"]
        .as_array()
        .unwrap_or_else(|| panic!("details: {body}"))
        .iter()
        .map(|d| (d["target"].as_str().unwrap_or("").to_string(), d["code"].as_str().unwrap_or("").to_string()))
        .collect()
}

fn has(details: &[(String, String)], target: &str, code: &str) -> bool {
    details.iter().any(|(t, c)| t == target && c == code)
}

#[tokio::test]
async fn put_body_problems_are_all_reported_with_their_paths() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!({"properties": {"url": "https://a/", "protocol": "http", "title": "x".repeat(301)}}), "properties.title", "MaxLength"),
        (json!({"properties": {"url": "https://a/", "protocol": "ftp"}}), "properties.protocol", "Enum"),
        (json!({"properties": {"protocol": "http"}}), "properties.url", "Required"),
        (json!({"properties": {"url": "https://a/", "protocol": "http", "title": 5}}), "properties.title", "InvalidType"),
        (
            json!({"properties": {"url": "https://a/", "protocol": "http", "credentials": {"authorization": {"scheme": "basic"}}}}),
            "properties.credentials.authorization.parameter",
            "Required",
        ),
    ];
    for (body, target, code) in cases {
        let details = rejected(http().put(backend_url(base, "b1")).json(&body).send().await.unwrap()).await;
        assert!(has(&details, target, code), "{target} {code} in {details:?}");
    }
    // Several problems in one body are all reported.
    let body = json!({"properties": {"url": "https://a/", "protocol": "ftp", "title": "x".repeat(301)}});
    let details = rejected(http().put(backend_url(base, "b1")).json(&body).send().await.unwrap()).await;
    assert!(has(&details, "properties.protocol", "Enum") && has(&details, "properties.title", "MaxLength"), "{details:?}");
    // Nothing was stored by any of them.
    assert_eq!(http().get(backend_url(base, "b1")).send().await.unwrap().status(), 404);
    emu.stop().await;
}

#[tokio::test]
async fn the_body_is_validated_for_the_requested_api_version() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    let url_for = |v: &str| format!("{}/backends/b1?api-version={v}", service_url(base));
    let regional = json!({"properties": {"url": "https://a/", "protocol": "http", "azureRegion": "northeurope"}});
    let details = rejected(http().put(url_for("2024-05-01")).json(&regional).send().await.unwrap()).await;
    assert!(has(&details, "properties.azureRegion", "NotInApiVersion"), "{details:?}");
    let r = http().put(url_for("2025-03-01-preview")).json(&regional).send().await.unwrap();
    assert_eq!(r.status(), 201);

    let breaker = json!({"properties": {"circuitBreaker": {"rules": [{"name": "r", "tripDuration": "PT1M"}]}}});
    let details = rejected(http().patch(url_for("2022-08-01")).header("if-match", "*").json(&breaker).send().await.unwrap()).await;
    assert!(has(&details, "properties.circuitBreaker", "NotInApiVersion"), "{details:?}");
    emu.stop().await;
}

#[tokio::test]
async fn a_rejected_patch_leaves_the_entity_unchanged() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    let tag = create(base, "b1", &single("https://a/", "t")).await;
    let details = rejected(
        http().patch(backend_url(base, "b1")).header("if-match", "*").json(&json!({"properties": {"title": "", "protocol": "ftp"}})).send().await.unwrap(),
    )
    .await;
    assert!(has(&details, "properties.title", "MinLength") && has(&details, "properties.protocol", "Enum"), "{details:?}");
    let r = http().get(backend_url(base, "b1")).send().await.unwrap();
    assert_eq!(etag(&r), tag);
    assert_eq!(r.json::<Value>().await.unwrap()["properties"]["title"], "t");
    emu.stop().await;
}

#[tokio::test]
async fn reconnect_duration_is_validated() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    create(base, "b1", &single("https://a/", "t")).await;
    let url = format!("{}/backends/b1/reconnect?api-version={V}", service_url(base));
    let details = rejected(http().post(&url).json(&json!({"properties": {"after": "soon"}})).send().await.unwrap()).await;
    assert!(has(&details, "properties.after", "Duration"), "{details:?}");
    emu.stop().await;
}

#[tokio::test]
async fn path_segments_are_validated_and_named() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    let body = single("https://a/", "t");
    let bad_sub = format!("{base}/subscriptions/not-a-guid/resourceGroups/{RG}/providers/Microsoft.ApiManagement/service/{SVC}/backends/b1?api-version={V}");
    let details = rejected(http().put(&bad_sub).json(&body).send().await.unwrap()).await;
    assert!(details.iter().any(|(t, _)| t == "subscriptionId"), "{details:?}");
    let bad_service = format!("{base}/subscriptions/{SUB}/resourceGroups/{RG}/providers/Microsoft.ApiManagement/service/1bad-/backends?api-version={V}");
    let details = rejected(http().get(&bad_service).send().await.unwrap()).await;
    assert!(details.iter().any(|(t, _)| t == "serviceName"), "{details:?}");
    let long_id = "b".repeat(81);
    let details = rejected(http().put(backend_url(base, &long_id)).json(&body).send().await.unwrap()).await;
    assert!(has(&details, "backendId", "MaxLength"), "{details:?}");
    emu.stop().await;
}
