//! `requireToken` (401 with ARM's codes, the token never echoed) and `throttle` (per-subscription
//! read/write token buckets: 429 + Retry-After when empty, remaining-count headers otherwise).
//! Buckets are tiny with a slow refill so the tests trip them without depending on timing.

use crate::emulator_support;

use emulator_support::*;
use serde_json::{json, Value};

#[tokio::test]
async fn require_token_answers_401_to_anything_else() {
    let emu = start(json!({"requireToken": "s3cret-token"})).await;
    let base = &emu.base_url;
    let r = http().get(backends_url(base)).send().await.unwrap();
    assert_eq!(r.status(), 401);
    assert!(r.headers().get("x-ms-request-id").is_some());
    assert!(r.headers().get("www-authenticate").is_some());
    let err: Value = r.json().await.unwrap();
    assert_eq!(err["error"]["code"], "AuthenticationFailed");

    for header in ["Bearer wrong", "Basic s3cret-token", "Bearer s3cret-token-longer"] {
        let r = http().put(backend_url(base, "b1")).header("authorization", header).json(&single("https://a.example/", "t")).send().await.unwrap();
        assert_eq!(r.status(), 401, "{header}");
        let text = r.text().await.unwrap();
        assert!(text.contains("InvalidAuthenticationToken"), "{text}");
        assert!(!text.contains("s3cret"), "the token never appears in a response");
    }
    // Graph and unknown routes are behind the same check.
    let r = http().get(format!("{base}/v1.0/identity/apiConnectors")).send().await.unwrap();
    assert_eq!(r.status(), 401);

    let r = http().put(backend_url(base, "b1")).bearer_auth("s3cret-token").json(&single("https://a.example/", "t")).send().await.unwrap();
    assert_eq!(r.status(), 201);
    let r = http().get(backend_url(base, "b1")).bearer_auth("s3cret-token").send().await.unwrap();
    assert_eq!(r.status(), 200);
    let r = http().head(backend_url(base, "b1")).send().await.unwrap();
    assert_eq!(r.status(), 401);
    assert!(r.bytes().await.unwrap().is_empty(), "HEAD 401 has no body");
    emu.stop().await;
}

#[test]
fn options_debug_hides_the_token() {
    let options: apim_native::emulator::EmulatorOptions = serde_json::from_value(json!({"requireToken": "s3cret-token"})).unwrap();
    let debug = format!("{options:?}");
    assert!(!debug.contains("s3cret"), "{debug}");
    assert!(debug.contains("redacted"));
}

fn slow_buckets(reads: u32, writes: u32) -> Value {
    json!({"throttle": true, "throttleLimits": {
        "readBucket": reads, "readRefillPerSecond": 0.001,
        "writeBucket": writes, "writeRefillPerSecond": 0.001}})
}

#[tokio::test]
async fn empty_write_bucket_gives_429_with_retry_after_and_reads_still_pass() {
    let emu = start(slow_buckets(100, 2)).await;
    let base = &emu.base_url;
    let r = http().put(backend_url(base, "b1")).json(&single("https://a.example/", "t")).send().await.unwrap();
    assert_eq!(r.status(), 201);
    assert_eq!(r.headers()["x-ms-ratelimit-remaining-subscription-writes"], "1");
    let r = http().put(backend_url(base, "b2")).json(&single("https://a.example/", "t")).send().await.unwrap();
    assert_eq!(r.status(), 201);
    assert_eq!(r.headers()["x-ms-ratelimit-remaining-subscription-writes"], "0");

    let r = http().put(backend_url(base, "b3")).json(&single("https://a.example/", "t")).send().await.unwrap();
    assert_eq!(r.status(), 429);
    let retry_after: u64 = r.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    // One token per 1000 s: the wait is most of that.
    assert!(retry_after >= 1 && retry_after <= 1000, "{retry_after}");
    assert!(r.headers().get("x-ms-request-id").is_some());
    let err: Value = r.json().await.unwrap();
    assert_eq!(err["error"]["code"], "TooManyRequests");
    // The throttled write did nothing.
    assert_eq!(http().get(backend_url(base, "b3")).send().await.unwrap().status(), 404);

    // Reads have their own bucket.
    let r = http().get(backend_url(base, "b1")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("x-ms-ratelimit-remaining-subscription-reads").is_some());
    emu.stop().await;
}

#[tokio::test]
async fn buckets_are_per_subscription_and_cover_graph_routes() {
    let emu = start(slow_buckets(1, 1)).await;
    let base = &emu.base_url;
    assert_eq!(http().get(backends_url(base)).send().await.unwrap().status(), 200);
    let r = http().get(backends_url(base)).send().await.unwrap();
    assert_eq!(r.status(), 429);
    assert!(r.headers().get("retry-after").is_some());
    // Another subscription has a full bucket.
    let other = format!("{base}/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/{RG}/providers/Microsoft.ApiManagement/service/{SVC}/backends?api-version={V}");
    assert_eq!(http().get(&other).send().await.unwrap().status(), 200);
    // Graph routes get the layer too (tenant-wide bucket).
    let graph = format!("{base}/v1.0/identity/apiConnectors");
    assert_eq!(http().get(&graph).send().await.unwrap().status(), 200, "the first Graph read fits the bucket");
    assert_eq!(http().get(&graph).send().await.unwrap().status(), 429);
    emu.stop().await;
}

#[tokio::test]
async fn waiting_retry_after_seconds_finds_a_refilled_bucket() {
    // One write token, refilled every 2 s: the second write (well within 2 s) must wait 1-2 s.
    let emu = start(json!({"throttle": true, "throttleLimits": {"writeBucket": 1, "writeRefillPerSecond": 0.5}})).await;
    let base = &emu.base_url;
    let put = |id: &'static str| http().put(backend_url(base, id)).json(&single("https://a.example/", "t")).send();
    assert_eq!(put("b1").await.unwrap().status(), 201);
    let r = put("b2").await.unwrap();
    assert_eq!(r.status(), 429);
    let wait: u64 = r.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=2).contains(&wait), "{wait}");
    tokio::time::sleep(std::time::Duration::from_secs(wait)).await;
    assert_eq!(put("b2").await.unwrap().status(), 201, "the bucket refilled while we waited");
    emu.stop().await;
}
