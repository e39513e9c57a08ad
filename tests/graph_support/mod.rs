//! Shared by the graph_* tests: real PFX files made on the spot (rcgen makes the certificate
//! and key, p12-keystore packs them) and an emulator started on 127.0.0.1:0.
#![allow(dead_code)]

#[path = "../support/fake_server.rs"]
mod fake_server;

use base64::Engine;
use fake_server::Reply;
use p12_keystore::{Certificate, EncryptionAlgorithm, KeyStore, KeyStoreEntry, MacAlgorithm, PrivateKey, PrivateKeyChain};
use sha1::Digest;

/// A PFX and the facts Graph must report for it.
pub struct Pfx {
    pub bytes: Vec<u8>,
    pub base64: String,
    pub thumbprint: String,
    pub not_before: i64,
    pub not_after: i64,
}

pub const DAY: i64 = 86_400;

pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

/// A client certificate valid from `not_before` to `not_after` (Unix seconds), in a PFX
/// protected with `password` (modern AES-256 + HMAC-SHA256).
pub fn make_pfx(password: &str, not_before: i64, not_after: i64) -> Pfx {
    make_pfx_with(password, not_before, not_after, false)
}

/// `legacy`: 3DES bags and an SHA-1 MAC, as older Windows tools export.
pub fn make_pfx_with(password: &str, not_before: i64, not_after: i64, legacy: bool) -> Pfx {
    let mut params = rcgen::CertificateParams::new(vec!["client.contoso.example".to_string()]).unwrap();
    params.not_before = time::OffsetDateTime::from_unix_timestamp(not_before).unwrap();
    params.not_after = time::OffsetDateTime::from_unix_timestamp(not_after).unwrap();
    let key = rcgen::KeyPair::generate().unwrap();
    let cert = params.self_signed(&key).unwrap();
    let der = cert.der().to_vec();
    let chain = PrivateKeyChain::new(
        b"client-key-1".to_vec(),
        PrivateKey::from_der(&key.serialize_der()).unwrap(),
        [Certificate::from_der(&der).unwrap()],
    );
    let mut store = KeyStore::new();
    store.add_entry("client", KeyStoreEntry::PrivateKeyChain(chain));
    let mut writer = store.writer(password).encryption_iterations(2048).mac_iterations(2048);
    if legacy {
        writer = writer
            .encryption_algorithm(EncryptionAlgorithm::PbeWithShaAnd3KeyTripleDesCbc)
            .mac_algorithm(MacAlgorithm::HmacSha1);
    }
    let bytes = writer.write().unwrap();
    let thumbprint = sha1::Sha1::digest(&der).iter().map(|b| format!("{b:02X}")).collect();
    Pfx { base64: base64::engine::general_purpose::STANDARD.encode(&bytes), bytes, thumbprint, not_before, not_after }
}

/// A certificate valid from yesterday for a year.
pub fn current_pfx(password: &str) -> Pfx {
    make_pfx(password, now() - DAY, now() + 365 * DAY)
}

pub async fn start_emulator(page_size: usize) -> apim_native::emulator::EmulatorHandle {
    let options: apim_native::emulator::EmulatorOptions =
        serde_json::from_value(serde_json::json!({"listen": "127.0.0.1:0", "pageSize": page_size})).unwrap();
    apim_native::emulator::start(options).await.expect("emulator starts")
}

/// A client whose Graph endpoint is `base_url`, with fast retries.
pub fn client_for(base_url: &str) -> apim_native::client::ApimClient {
    let options: apim_native::client::ClientOptions = serde_json::from_value(serde_json::json!({
        "graphEndpoint": base_url,
        "auth": {"kind": "token", "token": "test-graph-token"},
        "retry": {"maxAttempts": 3, "baseDelayMs": 1, "maxDelayMs": 20},
        "timeoutSeconds": 30
    }))
    .unwrap();
    apim_native::client::ApimClient::new(options).unwrap()
}

pub fn fixture(name: &str) -> serde_json::Value {
    let path = format!("{}/tests/fixtures/graph/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// The `$params = @{ ... }` hashtables of the seed page, as JSON (string values and nested
/// hashtables are all the seed uses).
pub fn seed_params() -> Vec<serde_json::Value> {
    let path = format!("{}/tests/fixtures/seeds/New-MgIdentityApiConnector.md", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = Vec::new();
    let mut stack: Vec<(Option<String>, serde_json::Map<String, serde_json::Value>)> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line == "$params = @{" {
            stack.push((None, serde_json::Map::new()));
        } else if stack.is_empty() {
            continue;
        } else if line == "}" {
            let (key, map) = stack.pop().unwrap();
            match (key, stack.last_mut()) {
                (Some(k), Some((_, parent))) => {
                    parent.insert(k, serde_json::Value::Object(map));
                }
                _ => out.push(serde_json::Value::Object(map)),
            }
        } else if let Some((k, v)) = line.split_once(" = ") {
            let k = k.trim_matches('"').to_string();
            if v == "@{" {
                stack.push((Some(k), serde_json::Map::new()));
            } else {
                stack.last_mut().unwrap().1.insert(k, serde_json::Value::String(v.trim_matches('"').to_string()));
            }
        }
    }
    out
}

/// The one fake server, scripted with `(status, headers, body)` replies (JSON unless a header says
/// otherwise), seen as `(method, path, authorization, raw query)` of every request.
pub type SeenRequest = (String, String, Option<String>, Option<String>);

pub struct ScriptedServer {
    pub base_url: String,
    server: fake_server::ScriptedServer,
}

impl ScriptedServer {
    pub async fn start(replies: Vec<(u16, Vec<(&str, &str)>, String)>) -> ScriptedServer {
        let replies = replies
            .into_iter()
            .map(|(status, headers, body)| {
                let typed = headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("content-type"));
                let reply = if typed { Reply::new(status) } else { Reply::new(status).header("content-type", "application/json") };
                headers.into_iter().fold(reply, |r, (k, v)| r.header(k, v)).body(body)
            })
            .collect();
        let server = fake_server::ScriptedServer::start(replies).await;
        ScriptedServer { base_url: server.base_url.clone(), server }
    }

    pub fn seen(&self) -> Vec<SeenRequest> {
        self.server.seen().into_iter().map(|s| (s.method.clone(), s.path.clone(), s.header("authorization"), s.query)).collect()
    }
}
