//! A fault-injecting HTTP/1.1 proxy for tests: sits between a client and the emulator and, per
//! request, drawn from a seeded RNG, either forwards it faithfully or injects one fault:
//! 429 with Retry-After, a 5xx before forwarding, a 5xx after forwarding (the change happened,
//! the answer is lost), a connection reset before or after forwarding, an answer slower than the
//! client's timeout (after forwarding), or a truncated body. Every answer closes the connection,
//! so each request is one connection and the faults cannot leak between requests.
#![allow(dead_code)]

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// One injected fault (or none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fault {
    None,
    Throttled,
    ErrorBeforeForwarding,
    ErrorAfterForwarding,
    ResetBeforeForwarding,
    ResetAfterForwarding,
    SlowAfterForwarding,
    TruncatedBody,
}

impl Fault {
    /// Whether the emulator saw the request.
    pub fn forwarded(self) -> bool {
        matches!(self, Fault::None | Fault::ErrorAfterForwarding | Fault::ResetAfterForwarding | Fault::SlowAfterForwarding | Fault::TruncatedBody)
    }
}

/// Relative weights of the faults; `None` is what is left.
#[derive(Debug, Clone)]
pub struct FaultMix {
    pub weights: Vec<(Fault, u32)>,
    /// How long a slow answer is held (longer than the client's timeout).
    pub slow_delay: Duration,
}

struct Shared {
    upstream: String,
    public_base: Mutex<String>,
    rng: Mutex<StdRng>,
    mix: FaultMix,
    counts: Mutex<BTreeMap<Fault, u64>>,
    healed: AtomicBool,
    http: reqwest::Client,
}

pub struct FaultProxy {
    pub base_url: String,
    shared: Arc<Shared>,
}

impl FaultProxy {
    /// Listens on 127.0.0.1:0 and forwards to `upstream` (an `http://127.0.0.1:PORT` base URL).
    pub async fn start(upstream: &str, seed: u64, mix: FaultMix) -> FaultProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind the proxy");
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let shared = Arc::new(Shared {
            upstream: upstream.trim_end_matches('/').to_string(),
            public_base: Mutex::new(base_url.clone()),
            rng: Mutex::new(StdRng::seed_from_u64(seed)),
            mix,
            counts: Mutex::new(BTreeMap::new()),
            healed: AtomicBool::new(false),
            http: reqwest::Client::builder().no_proxy().build().unwrap(),
        });
        let accept = shared.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(handle(stream, accept.clone()));
            }
        });
        FaultProxy { base_url, shared }
    }

    /// How often each fault was injected so far.
    pub fn counts(&self) -> BTreeMap<Fault, u64> {
        self.shared.counts.lock().unwrap().clone()
    }

    /// Stops injecting faults (every later request is forwarded faithfully).
    pub fn heal(&self) {
        self.shared.healed.store(true, Ordering::SeqCst);
    }
}

struct ParsedRequest {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

async fn read_request(stream: &mut TcpStream) -> Option<ParsedRequest> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 || buf.len() > 1 << 20 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let (method, target) = (request_line.next()?.to_string(), request_line.next()?.to_string());
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':').map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string())))
        .collect();
    let length: usize = headers.iter().find(|(k, _)| k == "content-length").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    body.truncate(length);
    Some(ParsedRequest { method, target, headers, body })
}

fn pick(shared: &Shared) -> Fault {
    if shared.healed.load(Ordering::SeqCst) {
        return Fault::None;
    }
    let mut rng = shared.rng.lock().unwrap();
    let roll: u32 = rng.gen_range(0..1000);
    let mut acc = 0;
    for (fault, weight) in &shared.mix.weights {
        acc += weight;
        if roll < acc {
            return *fault;
        }
    }
    Fault::None
}

struct Upstream {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

async fn forward(shared: &Shared, request: &ParsedRequest) -> Option<Upstream> {
    let method = reqwest::Method::from_bytes(request.method.as_bytes()).ok()?;
    let mut builder = shared.http.request(method, format!("{}{}", shared.upstream, request.target));
    for (k, v) in &request.headers {
        if !matches!(k.as_str(), "host" | "connection" | "content-length") {
            builder = builder.header(k.as_str(), v.as_str());
        }
    }
    if !request.body.is_empty() || matches!(request.method.as_str(), "POST" | "PUT" | "PATCH") {
        builder = builder.body(request.body.clone());
    }
    let response = builder.send().await.ok()?;
    let status = response.status().as_u16();
    let public = shared.public_base.lock().unwrap().clone();
    let headers = response
        .headers()
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "content-length" | "transfer-encoding" | "connection"))
        .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or_default().replace(&shared.upstream, &public)))
        .collect();
    let body = response.bytes().await.ok()?;
    // Links the emulator builds (nextLink, Location) name its own address: point them at us.
    let body = String::from_utf8_lossy(&body).replace(&shared.upstream, &public).into_bytes();
    Some(Upstream { status, headers, body })
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    }
}

async fn write_answer(stream: &mut TcpStream, status: u16, headers: &[(String, String)], body: &[u8], cut_body_at: Option<usize>) {
    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!("content-length: {}\r\nconnection: close\r\n\r\n", body.len()));
    let _ = stream.write_all(head.as_bytes()).await;
    let shown = cut_body_at.map_or(body.len(), |n| n.min(body.len()));
    let _ = stream.write_all(&body[..shown]).await;
    let _ = stream.flush().await;
}

fn error_answer(status: u16) -> (Vec<(String, String)>, Vec<u8>) {
    let body = serde_json::json!({"error": {"code": "InjectedFault", "message": format!("fault proxy: {status}")}}).to_string();
    (vec![("content-type".into(), "application/json".into())], body.into_bytes())
}

/// Closes with a TCP reset (SO_LINGER 0), not an orderly FIN.
fn reset(stream: TcpStream) {
    let _ = stream.set_zero_linger();
    drop(stream);
}

async fn handle(mut stream: TcpStream, shared: Arc<Shared>) {
    let Some(request) = read_request(&mut stream).await else { return };
    let mut fault = pick(&shared);
    let statuses = [500u16, 502, 503, 504];
    let status_pick = |shared: &Shared| statuses[shared.rng.lock().unwrap().gen_range(0..statuses.len())];
    match fault {
        Fault::Throttled => {
            let (mut headers, body) = error_answer(429);
            headers.push(("retry-after".into(), "0".into()));
            write_answer(&mut stream, 429, &headers, &body, None).await;
        }
        Fault::ErrorBeforeForwarding => {
            let status = status_pick(&shared);
            let (headers, body) = error_answer(status);
            write_answer(&mut stream, status, &headers, &body, None).await;
        }
        Fault::ResetBeforeForwarding => reset(stream),
        _ => {
            let Some(answer) = forward(&shared, &request).await else {
                reset(stream);
                return;
            };
            if fault == Fault::TruncatedBody && answer.body.len() < 2 {
                // Nothing to cut: a reset after forwarding is the nearest fault.
                fault = Fault::ResetAfterForwarding;
            }
            match fault {
                Fault::ErrorAfterForwarding => {
                    let status = status_pick(&shared);
                    let (headers, body) = error_answer(status);
                    write_answer(&mut stream, status, &headers, &body, None).await;
                }
                Fault::ResetAfterForwarding => reset(stream),
                Fault::SlowAfterForwarding => {
                    tokio::time::sleep(shared.mix.slow_delay).await;
                    write_answer(&mut stream, answer.status, &answer.headers, &answer.body, None).await;
                }
                Fault::TruncatedBody => {
                    write_answer(&mut stream, answer.status, &answer.headers, &answer.body, Some(answer.body.len() / 2)).await;
                    reset(stream);
                }
                _ => write_answer(&mut stream, answer.status, &answer.headers, &answer.body, None).await,
            }
        }
    }
    *shared.counts.lock().unwrap().entry(fault).or_default() += 1;
}
