//! The bulk executor against an emulator started with throttling (ARM's token-bucket shape,
//! scaled down so the test takes seconds: a bucket of 50 writes refilled at 100 a second,
//! where ARM has 200 at 10): 500 backends are all applied, no 429 reaches the caller, and the
//! writes the service saw stay within the budget at every moment. A second case paces the sync
//! far above the budget to show that the 429s the service then answers are absorbed by the
//! client's Retry-After handling.

use crate::sync_support;

use apim_native::sync::backend::{self, BackendSyncRequest};
use apim_native::sync::Outcome;
use serde_json::{json, Value};
use sync_support::*;

const BURST: u32 = 50;
const RATE: f64 = 100.0;

fn throttled() -> Value {
    json!({"throttle": true, "throttleLimits": {"writeBucket": BURST, "writeRefillPerSecond": RATE, "readBucket": 1000, "readRefillPerSecond": 1000.0}})
}

fn write_files(dir: &std::path::Path, n: usize) {
    for i in 0..n {
        let v = json!({"url": format!("https://b{i}.contoso.example/"), "protocol": "http", "title": format!("backend {i}")});
        std::fs::write(dir.join(format!("bulk-{i:04}.json")), apim_native::sync::files::canonical_text(&v)).unwrap();
    }
}

fn request(dir: &std::path::Path, pacing: Value) -> BackendSyncRequest {
    let mut r = json!({"subscriptionId": SUB, "resourceGroupName": RG, "serviceName": SVC, "path": dir.to_str().unwrap(), "useEnvironment": false});
    r.as_object_mut().unwrap().extend(pacing.as_object().cloned().unwrap_or_default());
    serde_json::from_value(r).unwrap()
}

#[tokio::test]
async fn five_hundred_backends_into_a_throttled_service_all_applied_within_the_write_budget() {
    let service = Service::start(throttled()).await;
    let dir = tempfile::tempdir().unwrap();
    write_files(dir.path(), 500);
    let started = std::time::Instant::now();
    let report = backend::sync(&service.client(), &request(dir.path(), json!({"throttleLimit": 16, "writeBurst": BURST, "writesPerSecond": RATE}))).await.unwrap();
    let elapsed = started.elapsed();
    assert_eq!(report.succeeded, 500, "failed {} skipped {}: {:?}", report.failed, report.skipped, report.results.iter().find(|r| r.outcome != Outcome::Succeeded));
    assert!(report.results.iter().all(|r| r.error.is_none()), "no 429 (or any error) reaches the caller");

    let writes = service.writes();
    let throttled = writes.iter().filter(|s| s.status == 429).count();
    let accepted: Vec<_> = writes.iter().filter(|s| s.status != 429).collect();
    assert_eq!(accepted.len(), 500);
    eprintln!("500 writes in {elapsed:?}; the service answered 429 to {throttled} attempts");
    // Within the budget: in every window from one write to a later one, no more writes than
    // the burst plus what the rate refills in that window. The slack (50 ms of refill) covers
    // the arrival jitter between the client's pacing and the proxy's clock: the first requests
    // also open connections, and on a loaded machine released requests arrive bunched.
    let slack = RATE * 0.050;
    for (i, first) in writes.iter().enumerate().step_by(25) {
        for (j, last) in writes.iter().enumerate().skip(i) {
            let allowed = BURST as f64 + RATE * last.at.duration_since(first.at).as_secs_f64() + slack;
            assert!((j - i + 1) as f64 <= allowed, "writes {}..={} within {:?}: over the budget of {allowed:.0}", i + 1, j + 1, last.at.duration_since(first.at));
        }
    }
    // The service's own bucket agrees: paced like this it rarely has to refuse (0 on a quiet
    // machine, a few when scheduling bunches released requests); each refusal was retried.
    assert!(throttled <= 25, "{throttled} of 500 writes were refused by the service's bucket: the pacing does not hold");

    // A second run plans and sends no write.
    service.clear();
    let again = backend::sync(&service.client(), &request(dir.path(), json!({"writeBurst": BURST, "writesPerSecond": RATE}))).await.unwrap();
    assert_eq!(again.unchanged, 500);
    assert!(service.writes().is_empty());
    service.stop().await;
}

#[tokio::test]
async fn a_sync_paced_above_the_budget_still_applies_everything_through_retry_after() {
    let service = Service::start(throttled()).await;
    let dir = tempfile::tempdir().unwrap();
    write_files(dir.path(), 150);
    let report = backend::sync(&service.client(), &request(dir.path(), json!({"throttleLimit": 16, "writeBurst": 1000, "writesPerSecond": 5000.0}))).await.unwrap();
    assert_eq!(report.succeeded, 150, "{:?}", report.results.iter().find(|r| r.outcome != Outcome::Succeeded));
    let throttled = service.writes().iter().filter(|s| s.status == 429).count();
    assert!(throttled > 0, "pacing above the budget must meet the service's throttle");
    eprintln!("150 writes paced above the budget: {throttled} attempts answered 429, all retried");
    service.stop().await;
}
