//! Shared by the sync tests: an in-process emulator behind a recording proxy (so a test can
//! count the requests that write and see their order and timing), a client pointed at the
//! proxy, and seed backends with secrets.
#![allow(dead_code)]

use apim_native::client::backend::BackendRequest;
use apim_native::client::{ApimClient, ClientOptions};
use apim_native::emulator::{self, EmulatorHandle, EmulatorOptions};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Instant;

pub const SUB: &str = "00000000-0000-0000-0000-0000000000aa";
pub const RG: &str = "rg1";
pub const SVC: &str = "apimService1";

/// One request that passed through the proxy.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub status: u16,
    pub at: Instant,
}

impl Seen {
    pub fn writes(&self) -> bool {
        !matches!(self.method.as_str(), "GET" | "HEAD")
    }
    /// The last path segment (the backend id of an entity request).
    pub fn last_segment(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or_default()
    }
}

struct Shared {
    upstream: String,
    /// The proxy's own base URL: links the emulator hands out (nextLink) are rewritten to it.
    public: Mutex<String>,
    http: reqwest::Client,
    seen: Mutex<Vec<Seen>>,
}

/// An emulator and a recording proxy in front of it.
pub struct Service {
    pub emulator: EmulatorHandle,
    pub proxy_url: String,
    shared: Arc<Shared>,
}

impl Service {
    pub async fn start(options: Value) -> Service {
        let options: EmulatorOptions = serde_json::from_value(options).expect("options parse");
        let emulator = emulator::start(options).await.expect("emulator starts");
        let shared = Arc::new(Shared {
            upstream: emulator.base_url.clone(),
            public: Mutex::new(String::new()),
            http: reqwest::Client::builder().no_proxy().build().unwrap(),
            seen: Mutex::new(Vec::new()),
        });
        let app = axum::Router::new().fallback(forward).with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let proxy_url = format!("http://{}", listener.local_addr().unwrap());
        *shared.public.lock().unwrap() = proxy_url.clone();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Service { emulator, proxy_url, shared }
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.shared.seen.lock().unwrap().clone()
    }

    pub fn clear(&self) {
        self.shared.seen.lock().unwrap().clear();
    }

    pub fn writes(&self) -> Vec<Seen> {
        self.seen().into_iter().filter(Seen::writes).collect()
    }

    /// A client whose ARM and Graph endpoints are the proxy.
    pub fn client(&self) -> ApimClient {
        let options: ClientOptions = serde_json::from_value(json!({
            "armEndpoint": self.proxy_url,
            "graphEndpoint": self.proxy_url,
            "subscriptionId": SUB,
            "retry": {"maxAttempts": 6, "baseDelayMs": 50, "maxDelayMs": 30000},
            "timeoutSeconds": 30
        }))
        .unwrap();
        ApimClient::new(options).unwrap()
    }

    pub async fn stop(self) {
        self.emulator.stop().await;
    }
}

async fn forward(State(shared): State<Arc<Shared>>, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
    let url = format!("{}{}", shared.upstream, uri.path_and_query().map(|p| p.as_str()).unwrap_or("/"));
    let mut request = shared.http.request(method.clone(), url).body(body.to_vec());
    for (name, value) in &headers {
        if name != "host" && name != "content-length" {
            request = request.header(name, value);
        }
    }
    let at = Instant::now();
    let response = request.send().await.expect("the emulator answers");
    let status = response.status();
    let mut out_headers = HeaderMap::new();
    for (name, value) in response.headers() {
        if name != "content-length" && name != "transfer-encoding" {
            out_headers.insert(name.clone(), value.clone());
        }
    }
    let bytes = response.bytes().await.unwrap_or_default();
    let public = shared.public.lock().unwrap().clone();
    let bytes = String::from_utf8_lossy(&bytes).replace(&shared.upstream, &public).into_bytes();
    shared.seen.lock().unwrap().push(Seen { method: method.to_string(), path: uri.path().to_string(), status: status.as_u16(), at });
    (status, out_headers, bytes).into_response()
}

/// The address of a backend request (`id` None for list).
pub fn address(id: Option<&str>) -> BackendRequest {
    BackendRequest {
        subscription_id: Some(SUB.into()),
        resource_group_name: RG.into(),
        service_name: SVC.into(),
        backend_id: id.map(str::to_string),
        ..Default::default()
    }
}

pub fn backend_arm_id(id: &str) -> String {
    format!("/subscriptions/{SUB}/resourceGroups/{RG}/providers/Microsoft.ApiManagement/service/{SVC}/backends/{id}")
}

/// The secret values the seed backends hold (never to appear in an exported file).
pub const SECRETS: [&str; 4] = ["S3cret-Authorization-Value", "Pr0xy-Password-Value", "Header-Key-Value-1", "Query-Sig-Value-2"];

/// Seed backends: two singles with every kind of secret, a plain one, and a pool of two.
pub fn seed_backends() -> Vec<(String, Value)> {
    vec![
        ("orders".into(), json!({"url": "https://orders.contoso.example/api", "protocol": "http", "title": "Orders",
            "credentials": {"authorization": {"scheme": "Basic", "parameter": SECRETS[0]},
                "header": {"x-api-key": [SECRETS[2]]}, "query": {"sig": [SECRETS[3]]}},
            "proxy": {"url": "http://proxy.contoso.example:8080", "username": "proxyuser", "password": SECRETS[1]},
            "tls": {"validateCertificateChain": true, "validateCertificateName": true}})),
        ("billing".into(), json!({"url": "https://billing.contoso.example/", "protocol": "soap", "description": "Billing SOAP",
            "circuitBreaker": {"rules": [{"name": "trip", "failureCondition": {"count": 5, "interval": "PT1M",
                "statusCodeRanges": [{"min": 500, "max": 599}]}, "tripDuration": "PT1M", "acceptRetryAfter": true}]}})),
        ("plain".into(), json!({"url": "https://plain.contoso.example/", "protocol": "http"})),
        ("lb".into(), json!({"type": "Pool", "description": "orders and billing",
            "pool": {"services": [{"id": backend_arm_id("orders"), "priority": 1, "weight": 10}, {"id": backend_arm_id("billing"), "priority": 2}]}})),
    ]
}

/// Creates `backends` (pools last) through the client.
pub async fn put_all(client: &ApimClient, backends: &[(String, Value)]) {
    let is_pool = |v: &Value| v["type"] == "Pool";
    for pass in [false, true] {
        for (id, props) in backends.iter().filter(|(_, p)| is_pool(p) == pass) {
            let mut req = address(Some(id));
            req.body = Some(json!({"properties": props}));
            client.backend_create_or_update(&req).await.unwrap_or_else(|e| panic!("seed {id}: {}", e.to_json()));
        }
    }
}

/// Every file of a directory: name -> text.
pub fn read_files(dir: &std::path::Path) -> std::collections::BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect()
}
