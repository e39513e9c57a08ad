//! Issue 12, emulator side: path segments a URL resolves away are refused, `$filter` depth and
//! size are bounded in both dialects (a property test throws random and deeply nested input at
//! both), a panicking handler answers 500, ETags are never handed out twice (restarts included),
//! half-open and idle connections are closed and cannot starve others, wrong Content-Types get
//! 415, and oversized requests get 413/414/431 as ARM JSON.

use crate::emulator_support;
use crate::raw_http;

use emulator_support::*;
use proptest::prelude::*;
use raw_http::{host_of, send};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const GRAPH: &str = "/v1.0/identity/apiConnectors";

fn service_path() -> String {
    format!("/subscriptions/{SUB}/resourceGroups/{RG}/providers/Microsoft.ApiManagement/service/{SVC}")
}

fn targets(body: &Value) -> Vec<String> {
    body["error"]["details"].as_array().into_iter().flatten().filter_map(|d| d["target"].as_str().map(str::to_string)).collect()
}

#[tokio::test]
async fn dot_segments_and_a_trailing_period_are_refused_naming_the_field() {
    let emu = start(json!({})).await;
    let host = host_of(&emu.base_url);
    let body = single("https://a.example/", "t").to_string();
    let json_ct = [("content-type", "application/json")];
    for id in ["..", ".", "%2e%2e", "%2E"] {
        let r = send(&host, "PUT", &format!("{}/backends/{id}?api-version={V}", service_path()), &json_ct, body.as_bytes()).await;
        assert_eq!(r.status, 400, "backendId {id}: {r:?}");
        assert!(targets(&r.json()).contains(&"backendId".to_string()), "{id}: {r:?}");
    }
    for rg in [".", "rg1."] {
        let path = format!("/subscriptions/{SUB}/resourceGroups/{rg}/providers/Microsoft.ApiManagement/service/{SVC}/backends/b1?api-version={V}");
        let r = send(&host, "PUT", &path, &json_ct, body.as_bytes()).await;
        assert_eq!(r.status, 400, "resourceGroupName {rg}: {r:?}");
        assert!(targets(&r.json()).contains(&"resourceGroupName".to_string()), "{rg}: {r:?}");
    }
    for id in ["..", "%2e"] {
        let r = send(&host, "GET", &format!("{GRAPH}/{id}"), &[], b"").await;
        assert_eq!(r.status, 400, "Graph id {id}: {r:?}");
        assert!(r.body.contains("identityApiConnectorId"), "{id}: {r:?}");
    }
    let r = http().get(backends_url(&emu.base_url)).send().await.unwrap();
    let list: Value = r.json().await.unwrap();
    assert_eq!(list["value"].as_array().unwrap().len(), 0, "nothing was stored");
    emu.stop().await;
}

async fn arm_filter(base: &str, filter: &str) -> (u16, Value) {
    let r = http().get(backends_url(base)).query(&[("$filter", filter)]).send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

async fn graph_filter(base: &str, filter: &str) -> (u16, Value) {
    let r = http().get(format!("{base}{GRAPH}")).query(&[("$filter", filter)]).send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn deep_and_long_filters_are_a_400_naming_filter_in_both_dialects() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    let nested = |n: usize| format!("{}name eq 'x'{}", "(".repeat(n), ")".repeat(n));
    for filter in [nested(3000), "not ".repeat(10_000) + "name eq 'x'", format!("{}name eq 'x'", "(".repeat(3000))] {
        let (status, body) = arm_filter(base, &filter).await;
        assert_eq!(status, 400, "ARM {}…", &filter[..20]);
        assert!(targets(&body).contains(&"$filter".to_string()), "{body}");
    }
    let long = vec!["name eq 'x'"; 1000].join(" or ");
    let (status, body) = arm_filter(base, &long).await;
    assert_eq!(status, 400);
    assert!(targets(&body).contains(&"$filter".to_string()), "{body}");

    let graph_nested = |n: usize| format!("{}displayName eq 'x'{}", "(".repeat(n), ")".repeat(n));
    for filter in [graph_nested(5000), vec!["displayName eq 'x'"; 1000].join(" or ")] {
        let (status, body) = graph_filter(base, &filter).await;
        assert_eq!(status, 400, "Graph");
        assert!(body["error"]["message"].as_str().unwrap_or_default().contains("$filter"), "{body}");
    }
    // Moderate nesting still works.
    let (status, _) = arm_filter(base, &nested(10)).await;
    assert_eq!(status, 200);
    let (status, _) = graph_filter(base, &graph_nested(10)).await;
    assert_eq!(status, 200);
    emu.stop().await;
}

fn filter_input() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        Just("name eq 'a'".to_string()),
        Just("displayName eq 'a'".to_string()),
        Just("startswith(name,'a')".to_string()),
        Just("not".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just(" and ".to_string()),
        Just(" or ".to_string()),
        Just("'".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ];
    let flat = prop::collection::vec(atom, 0..40).prop_map(|parts| parts.concat());
    let deep = (1usize..6000, prop::sample::select(vec!["(", "not ", "not(", "(("])).prop_map(|(n, p)| p.repeat(n));
    prop_oneof![flat, deep]
}

#[test]
fn random_and_deeply_nested_filters_are_always_answered() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let emu = rt.block_on(start(json!({})));
    let base = emu.base_url.clone();
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config { cases: 96, ..Default::default() });
    runner
        .run(&filter_input(), |filter| {
            let (arm, graph) = rt.block_on(async { (arm_filter(&base, &filter).await, graph_filter(&base, &filter).await) });
            let shown: String = filter.chars().take(80).collect();
            prop_assert!(arm.0 == 200 || arm.0 == 400, "ARM answered {} to {shown:?}… ({} chars)", arm.0, filter.len());
            prop_assert!(graph.0 == 200 || graph.0 == 400, "Graph answered {} to {shown:?}… ({} chars)", graph.0, filter.len());
            Ok(())
        })
        .unwrap();
    rt.block_on(emu.stop());
}

fn panic_in_handler() -> &'static str {
    panic!("handler bug")
}

#[tokio::test]
async fn a_panicking_handler_is_a_500_and_the_server_keeps_serving() {
    let router = axum::Router::new()
        .route("/boom", axum::routing::get(|| async { panic_in_handler() }))
        .route("/ok", axum::routing::get(|| async { "ok" }));
    let app = router.layer(apim_native::emulator::limits::panic_layer());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    let r = http().get(format!("http://{addr}/boom")).send().await.unwrap();
    assert_eq!(r.status(), 500);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "InternalServerError");
    assert_eq!(http().get(format!("http://{addr}/ok")).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn etags_are_never_reissued_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let options = json!({"dataDir": dir.path()});
    let mut seen = HashSet::new();
    let newest = {
        let emu = start(options.clone()).await;
        for id in ["b1", "b2", "b3"] {
            assert!(seen.insert(create(&emu.base_url, id, &single("https://a.example/", id)).await));
        }
        let r = http().delete(backend_url(&emu.base_url, "b3")).header("if-match", "*").send().await.unwrap();
        assert!(r.status().is_success());
        emu.stop().await;
        seen.iter().cloned().collect::<Vec<_>>()
    };
    for round in 0..2 {
        let emu = start(options.clone()).await;
        let etag = create(&emu.base_url, "b3", &single("https://a.example/", "again")).await;
        assert!(seen.insert(etag.clone()), "round {round}: ETag {etag} was handed out before ({newest:?})");
        let r = http().delete(backend_url(&emu.base_url, "b3")).header("if-match", "*").send().await.unwrap();
        assert!(r.status().is_success());
        emu.stop().await;
    }
}

/// Reads (and drops) whatever comes until the server closes the connection; false if it has not
/// within 20 s.
async fn closed_by_server(stream: &mut tokio::net::TcpStream) -> bool {
    let mut buf = [0u8; 256];
    let closed = tokio::time::timeout(Duration::from_secs(20), async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => continue,
            }
        }
    });
    closed.await.is_ok()
}

#[tokio::test]
async fn half_open_connections_are_closed_and_cannot_starve_a_normal_get() {
    let emu = start(json!({"headerReadTimeoutMs": 1000, "idleTimeoutMs": 1000, "maxConnections": 32})).await;
    let host = host_of(&emu.base_url);
    // A connection that never finishes its headers is closed by the server.
    let mut lone = tokio::net::TcpStream::connect(&host).await.unwrap();
    lone.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    assert!(closed_by_server(&mut lone).await, "the server closed the half-open connection");

    // Many more half-open connections than the limit, then a normal GET.
    let mut held = Vec::new();
    for _ in 0..300 {
        if let Ok(mut s) = tokio::net::TcpStream::connect(&host).await {
            let _ = s.write_all(b"GET / HTTP/1.1\r\n").await;
            held.push(s);
        }
    }
    let client = reqwest::Client::builder().no_proxy().timeout(Duration::from_secs(60)).build().unwrap();
    let r = client.get(backends_url(&emu.base_url)).send().await.expect("a normal GET succeeds");
    assert_eq!(r.status(), 200);
    drop(held);

    // An idle keep-alive connection is closed too.
    let mut idle = tokio::net::TcpStream::connect(&host).await.unwrap();
    idle.write_all(format!("GET {}/backends?api-version={V} HTTP/1.1\r\nHost: x\r\n\r\n", service_path()).as_bytes()).await.unwrap();
    assert!(closed_by_server(&mut idle).await, "the server closed the idle keep-alive connection");
    emu.stop().await;
}

#[tokio::test]
async fn a_wrong_or_missing_content_type_is_a_415() {
    let emu = start(json!({})).await;
    let host = host_of(&emu.base_url);
    let body = single("https://a.example/", "t").to_string();
    let path = format!("{}/backends/b1?api-version={V}", service_path());
    for (method, headers) in [
        ("PUT", vec![("content-type", "text/plain")]),
        ("PUT", vec![]),
        ("PATCH", vec![("content-type", "application/xml"), ("if-match", "*")]),
    ] {
        let r = send(&host, method, &path, &headers, body.as_bytes()).await;
        assert_eq!(r.status, 415, "{method} {headers:?}: {r:?}");
        assert_eq!(r.json()["error"]["code"], "UnsupportedMediaType");
    }
    let r = send(&host, "PUT", &path, &[("content-type", "application/json; charset=utf-8")], body.as_bytes()).await;
    assert_eq!(r.status, 201, "{r:?}");
    let r = send(&host, "POST", GRAPH, &[("content-type", "text/plain")], b"{}").await;
    assert_eq!(r.status, 415, "{r:?}");
    assert!(r.json()["error"]["code"].is_string());
    emu.stop().await;
}

#[tokio::test]
async fn oversized_requests_are_413_414_431_as_arm_json() {
    let emu = start(json!({})).await;
    let host = host_of(&emu.base_url);
    let path = format!("{}/backends/b1?api-version={V}", service_path());
    let big = vec![b' '; 5 * 1024 * 1024];
    let r = send(&host, "PUT", &path, &[("content-type", "application/json")], &big).await;
    assert_eq!(r.status, 413, "{}", r.head);
    assert_eq!(r.json()["error"]["code"], "RequestEntityTooLarge");

    let long_uri = format!("{path}&x={}", "a".repeat(62_000));
    let r = send(&host, "GET", &long_uri, &[], b"").await;
    assert_eq!(r.status, 414, "{}", r.head);
    assert_eq!(r.json()["error"]["code"], "RequestUriTooLong");

    let long_header = "h".repeat(100_000);
    let r = send(&host, "GET", &path, &[("x-big", &long_header)], b"").await;
    assert_eq!(r.status, 431, "{}", r.head);
    assert_eq!(r.json()["error"]["code"], "RequestHeaderFieldsTooLarge");
    emu.stop().await;
}
