//! A create / get / delete round trip through the client against an in-process emulator
//! (loopback HTTP, validation on both sides, JSON both ways). Numbers go in the README; nothing
//! here asserts a time.

use apim_native::client::backends::BackendRequest;
use apim_native::client::{ApimClient, ClientOptions};
use apim_native::emulator::{self, EmulatorOptions};
use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::json;
use std::hint::black_box;
use std::time::Duration;

fn request(id: &str) -> BackendRequest {
    BackendRequest {
        subscription_id: Some("00000000-0000-0000-0000-000000000000".into()),
        resource_group_name: "rg1".into(),
        service_name: "apimService1".into(),
        backend_id: Some(id.into()),
        ..Default::default()
    }
}

/// A realistic Single backend: credentials, proxy, tls and a circuit breaker.
fn body() -> serde_json::Value {
    json!({"properties": {
        "title": "orders", "description": "Orders API backend",
        "url": "https://orders.example.com/api", "protocol": "http",
        "credentials": {"header": {"x-key": ["a", "b"]}, "query": {"sv": ["1"]},
                        "authorization": {"scheme": "Basic", "parameter": "opensesame"}},
        "proxy": {"url": "http://192.168.1.1:8080", "username": "admin", "password": "pw"},
        "tls": {"validateCertificateChain": true, "validateCertificateName": true},
        "circuitBreaker": {"rules": [{"name": "r1", "failureCondition": {"count": 3, "interval": "PT1H",
            "statusCodeRanges": [{"min": 500, "max": 599}]}, "tripDuration": "PT1H", "acceptRetryAfter": true}]}
    }})
}

fn round_trip(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let emulator = rt.block_on(emulator::start(EmulatorOptions::default())).expect("emulator");
    let options: ClientOptions = serde_json::from_value(json!({"armEndpoint": emulator.base_url})).unwrap();
    let client = ApimClient::new(options).unwrap();

    let mut group = c.benchmark_group("round_trip");
    group.sample_size(30).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    group.bench_function("create_get_delete", |b| {
        b.iter(|| {
            rt.block_on(async {
                let mut req = request("bench-backend");
                req.body = Some(body());
                let created = client.backend_create_or_update(&req).await.expect("create");
                let got = client.backend_get(&request("bench-backend")).await.expect("get");
                let deleted = client.backend_delete(&BackendRequest { if_match: Some("*".into()), ..request("bench-backend") }).await.expect("delete");
                black_box((created.status, got.status, deleted.status))
            })
        })
    });
    rt.block_on(async {
        let mut req = request("bench-read");
        req.body = Some(body());
        client.backend_create_or_update(&req).await.expect("create");
    });
    group.bench_function("get", |b| {
        b.iter(|| rt.block_on(async { black_box(client.backend_get(&request("bench-read")).await.expect("get").status) }))
    });
    group.finish();
    rt.block_on(emulator.stop());
}

criterion_group!(benches, round_trip);
criterion_main!(benches);
