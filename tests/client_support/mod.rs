//! Small axum servers for the client tests: a scripted server that answers queued responses in
//! order and records every request it saw. Binds 127.0.0.1:0.
#![allow(dead_code)]

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One scripted answer.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub delay: Duration,
}

impl Reply {
    pub fn new(status: u16) -> Reply {
        Reply { status, headers: Vec::new(), body: String::new(), delay: Duration::ZERO }
    }
    pub fn json(status: u16, body: serde_json::Value) -> Reply {
        Reply::new(status).header("content-type", "application/json").body(body.to_string())
    }
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }
    pub fn body(mut self, body: String) -> Reply {
        self.body = body;
        self
    }
    pub fn delay(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }
}

/// One request the server received.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
    }
    pub fn json(&self) -> Option<serde_json::Value> {
        if self.body.is_empty() {
            None
        } else {
            Some(serde_json::from_slice(&self.body).expect("request body is JSON"))
        }
    }
}

#[derive(Default)]
struct Shared {
    replies: Mutex<VecDeque<Reply>>,
    seen: Mutex<Vec<Seen>>,
}

pub struct ScriptedServer {
    pub base_url: String,
    shared: Arc<Shared>,
}

impl ScriptedServer {
    /// Starts a server that answers `replies` in order (then 599 "script exhausted").
    pub async fn start(replies: Vec<Reply>) -> ScriptedServer {
        let shared = Arc::new(Shared { replies: Mutex::new(replies.into()), seen: Mutex::new(Vec::new()) });
        let app = axum::Router::new().fallback(answer).with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        ScriptedServer { base_url: format!("http://{addr}"), shared }
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.shared.seen.lock().unwrap().clone()
    }

    pub fn push(&self, reply: Reply) {
        self.shared.replies.lock().unwrap().push_back(reply);
    }

    /// Waits (bounded) until the server has received `n` requests.
    pub async fn wait_for_requests(&self, n: usize) {
        for _ in 0..500 {
            if self.shared.seen.lock().unwrap().len() >= n {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("the server did not receive {n} requests");
    }
}

async fn answer(State(shared): State<Arc<Shared>>, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
    shared.seen.lock().unwrap().push(Seen {
        method: method.to_string(),
        path: uri.path().to_string(),
        query: uri.query().map(str::to_string),
        headers,
        body: body.to_vec(),
    });
    let reply = shared.replies.lock().unwrap().pop_front();
    let Some(reply) = reply else {
        return (StatusCode::from_u16(599).unwrap(), "script exhausted").into_response();
    };
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    let mut response = Response::builder().status(reply.status);
    for (k, v) in &reply.headers {
        response = response.header(k, v);
    }
    response.body(axum::body::Body::from(reply.body)).unwrap()
}

/// Client options pointing at `base_url` with fast retries.
pub fn options(base_url: &str, extra: serde_json::Value) -> apim_native::client::ClientOptions {
    let mut json = serde_json::json!({
        "armEndpoint": base_url,
        "retry": {"maxAttempts": 4, "baseDelayMs": 1, "maxDelayMs": 5},
        "timeoutSeconds": 30,
        "connectTimeoutSeconds": 5
    });
    if let (Some(obj), Some(more)) = (json.as_object_mut(), extra.as_object()) {
        for (k, v) in more {
            obj.insert(k.clone(), v.clone());
        }
    }
    serde_json::from_value(json).expect("client options")
}

pub const SUB: &str = "00000000-0000-0000-0000-000000000000";

/// A backend request for sub/rg1/apimService1/b1.
pub fn request(extra: serde_json::Value) -> apim_native::client::backend::BackendRequest {
    let mut json = serde_json::json!({
        "subscriptionId": SUB,
        "resourceGroupName": "rg1",
        "serviceName": "apimService1",
        "backendId": "b1"
    });
    if let (Some(obj), Some(more)) = (json.as_object_mut(), extra.as_object()) {
        for (k, v) in more {
            obj.insert(k.clone(), v.clone());
        }
    }
    serde_json::from_value(json).expect("backend request")
}

pub fn entity(name: &str) -> serde_json::Value {
    serde_json::json!({
        "id": format!("/subscriptions/{SUB}/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/{name}"),
        "type": "Microsoft.ApiManagement/service/backends",
        "name": name,
        "properties": {"url": "https://backend.example/api", "protocol": "http"}
    })
}
