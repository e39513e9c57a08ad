//! The client through a faulty network: a proxy of our own (tests/fault_proxy) between the
//! client and the emulator injects 429 + Retry-After, 5xx before and after forwarding,
//! connection resets before and after forwarding, answers slower than the client's timeout and
//! truncated bodies, on about 29% of all requests. A few hundred mixed operations (seeded, so a
//! failure replays) must show that no retryable failure reaches the caller, that every success
//! really happened (a model of the expected state is checked through the proxy and directly
//! against the emulator), and that no list loses or repeats an item.

use crate::client_support;
use crate::emulator_support;
use crate::fault_proxy;

use apim_native::client::backend::BackendRequest;
use apim_native::client::ApimClient;
use apim_native::model::ApimError;
use fault_proxy::{Fault, FaultMix, FaultProxy};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

const SEED: u64 = 0x00A9_1212;
const OPERATIONS: usize = 300;
const IDS: usize = 12;

fn mix() -> FaultMix {
    FaultMix {
        weights: vec![
            (Fault::Throttled, 50),
            (Fault::ErrorBeforeForwarding, 50),
            (Fault::ErrorAfterForwarding, 50),
            (Fault::ResetBeforeForwarding, 40),
            (Fault::ResetAfterForwarding, 40),
            (Fault::SlowAfterForwarding, 15),
            (Fault::TruncatedBody, 40),
        ],
        // The client's timeoutSeconds is 1.
        slow_delay: Duration::from_millis(1300),
    }
}

fn request(extra: Value) -> BackendRequest {
    client_support::request(extra)
}

#[derive(Debug, Clone, PartialEq)]
struct Expected {
    title: String,
    description: String,
}

fn names(list: &[Value]) -> Vec<String> {
    list.iter().map(|v| v["name"].as_str().unwrap_or_default().to_string()).collect()
}

fn fail(op: &str, n: usize, e: &ApimError) -> ! {
    panic!("operation {n} ({op}) failed although every fault it met was retryable: {} {}: {}", e.code, e.http_status.unwrap_or(0), e.message)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_few_hundred_operations_through_a_faulty_network() {
    let emu = emulator_support::start(json!({"pageSize": 4})).await;
    let proxy = FaultProxy::start(&emu.base_url, SEED, mix()).await;
    let client = ApimClient::new(client_support::options(
        &proxy.base_url,
        json!({"timeoutSeconds": 1, "retry": {"maxAttempts": 10, "baseDelayMs": 1, "maxDelayMs": 20}}),
    ))
    .unwrap();
    let mut rng = StdRng::seed_from_u64(SEED);
    let mut model: BTreeMap<String, Expected> = BTreeMap::new();
    let started = Instant::now();
    let (mut attempts, mut calls, mut pages) = (0usize, 0usize, 0usize);
    let mut reconnects_unconfirmed = 0usize;
    let mut per_op: BTreeMap<&str, usize> = BTreeMap::new();

    for n in 0..OPERATIONS {
        let id = format!("fi-{}", rng.gen_range(0..IDS));
        let existing: Vec<String> = model.keys().cloned().collect();
        let pick_existing = |rng: &mut StdRng| existing.get(rng.gen_range(0..existing.len().max(1))).cloned();
        let roll = rng.gen_range(0..100);
        calls += 1;
        match roll {
            0..=24 => {
                *per_op.entry("put").or_default() += 1;
                let expected = Expected { title: format!("t{n}"), description: format!("d{n}") };
                let body = json!({"properties": {"url": format!("https://fi.example/{id}"), "protocol": "http",
                    "title": expected.title, "description": expected.description}});
                let r = client.backend_create_or_update(&request(json!({"backendId": id, "body": body}))).await.unwrap_or_else(|e| fail("put", n, &e));
                attempts += r.exchanges.len();
                assert!(r.status == 200 || r.status == 201, "put {n}: {}", r.status);
                model.insert(id, expected);
            }
            25..=44 => {
                *per_op.entry("get").or_default() += 1;
                let result = client.backend_get(&request(json!({"backendId": id}))).await;
                match (model.get(&id), result) {
                    (Some(expected), Ok(r)) => {
                        attempts += r.exchanges.len();
                        let props = &r.body.as_ref().expect("a body")["properties"];
                        assert_eq!(props["title"], expected.title, "get {n} {id}: the last acknowledged write is what is stored");
                        assert_eq!(props["description"], expected.description, "get {n} {id}");
                    }
                    (None, Err(e)) if e.http_status == Some(404) => {}
                    (Some(_), Err(e)) => fail("get", n, &e),
                    (None, Err(e)) => fail("get of a missing backend", n, &e),
                    (None, Ok(_)) => panic!("get {n}: {id} exists although it was deleted or never created"),
                }
            }
            45..=52 => {
                *per_op.entry("head").or_default() += 1;
                let result = client.backend_get_entity_tag(&request(json!({"backendId": id}))).await;
                match (model.contains_key(&id), result) {
                    (true, Ok(r)) => {
                        attempts += r.exchanges.len();
                        assert!(r.etag.is_some(), "head {n}");
                    }
                    (false, Err(e)) if e.http_status == Some(404) => {}
                    (_, Err(e)) => fail("head", n, &e),
                    (false, Ok(_)) => panic!("head {n}: {id} exists although it should not"),
                }
            }
            53..=62 => {
                *per_op.entry("patch").or_default() += 1;
                let Some(id) = pick_existing(&mut rng) else { continue };
                let description = format!("p{n}");
                let body = json!({"properties": {"description": description}});
                let r = client.backend_update(&request(json!({"backendId": id, "ifMatch": "*", "body": body}))).await.unwrap_or_else(|e| fail("patch", n, &e));
                attempts += r.exchanges.len();
                model.get_mut(&id).expect("existing").description = description;
            }
            63..=74 => {
                *per_op.entry("delete").or_default() += 1;
                let r = client.backend_delete(&request(json!({"backendId": id, "ifMatch": "*"}))).await.unwrap_or_else(|e| fail("delete", n, &e));
                attempts += r.exchanges.len();
                assert!(r.status == 200 || r.status == 204, "delete {n}: {}", r.status);
                model.remove(&id);
            }
            75..=89 => {
                *per_op.entry("list").or_default() += 1;
                let r = client.backend_list(&request(json!({"backendId": null}))).await.unwrap_or_else(|e| fail("list", n, &e));
                attempts += r.exchanges.len();
                pages += r.exchanges.iter().filter(|e| e.status == Some(200)).count();
                let got = names(&r.value);
                let unique: BTreeSet<_> = got.iter().cloned().collect();
                assert_eq!(unique.len(), got.len(), "list {n} repeated an item: {got:?}");
                assert_eq!(unique, model.keys().cloned().collect::<BTreeSet<_>>(), "list {n} lost or invented an item");
            }
            _ => {
                *per_op.entry("reconnect").or_default() += 1;
                let Some(id) = pick_existing(&mut rng) else { continue };
                match client.backend_reconnect(&request(json!({"backendId": id}))).await {
                    Ok(r) => {
                        attempts += r.exchanges.len();
                        assert_eq!(r.status, 202, "reconnect {n}");
                    }
                    // A POST is repeated only when the service surely did not see it; otherwise
                    // the caller is told, and the message must say it may have been applied.
                    Err(e) if e.message.contains("may have been applied") || matches!(e.http_status, Some(500..=504)) => {
                        reconnects_unconfirmed += 1;
                    }
                    Err(e) => fail("reconnect", n, &e),
                }
            }
        }
    }
    let faults = proxy.counts();
    proxy.heal();

    // The state through the (now healthy) proxy and directly at the emulator is the model.
    let through_proxy = client.backend_list(&request(json!({"backendId": null}))).await.expect("healthy list");
    assert_eq!(names(&through_proxy.value).into_iter().collect::<BTreeSet<_>>(), model.keys().cloned().collect());
    let direct = ApimClient::new(client_support::options(&emu.base_url, json!({}))).unwrap();
    let stored = direct.backend_list(&request(json!({"backendId": null}))).await.expect("direct list");
    assert_eq!(stored.value.len(), model.len(), "the emulator holds exactly the acknowledged backends");
    for v in &stored.value {
        let name = v["name"].as_str().unwrap();
        let expected = &model[name];
        assert_eq!(v["properties"]["title"], expected.title, "{name}");
        assert_eq!(v["properties"]["description"], expected.description, "{name}");
    }

    let injected: u64 = faults.iter().filter(|(f, _)| **f != Fault::None).map(|(_, n)| n).sum();
    let total: u64 = faults.values().sum();
    println!(
        "fault injection: seed {SEED:#x}, {calls} operations {per_op:?}, {total} requests at the proxy, {injected} faults injected {faults:?}, \
         {attempts} attempts recorded by successful calls, {pages} list pages, {reconnects_unconfirmed} reconnect POSTs reported as possibly applied, \
         {} backends at the end, {:.1} s",
        model.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(injected >= 100, "the run injected enough faults to mean something: {faults:?}");
    for kind in [Fault::Throttled, Fault::ErrorBeforeForwarding, Fault::ErrorAfterForwarding, Fault::ResetBeforeForwarding,
        Fault::ResetAfterForwarding, Fault::SlowAfterForwarding, Fault::TruncatedBody] {
        assert!(faults.get(&kind).copied().unwrap_or(0) > 0, "{kind:?} was injected at least once: {faults:?}");
    }
    emu.stop().await;
}
