//! Shared by the auth tests: a fake token endpoint (the one fake server of tests/support/) that
//! records every request exactly, test certificates made on the fly, a fake `az`, and JWT decoding helpers.
#![allow(dead_code)]

#[path = "../support/fake_server.rs"]
mod fake_server;

use fake_server::{Reply, ScriptedServer, Seen};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::Value;
use std::sync::OnceLock;
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    pub fn form(&self) -> Vec<(String, String)> {
        url::form_urlencoded::parse(self.body.as_bytes()).into_owned().collect()
    }
    pub fn form_value(&self, name: &str) -> Option<String> {
        self.form().into_iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }
    pub fn form_names(&self) -> Vec<String> {
        self.form().into_iter().map(|(k, _)| k).collect()
    }
    pub fn query_value(&self, name: &str) -> Option<String> {
        self.query.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }
    pub fn query_names(&self) -> Vec<String> {
        self.query.iter().map(|(k, _)| k.clone()).collect()
    }
}

/// The one fake server, answering scripted JSON responses in order, then the fallback forever.
pub struct FakeServer {
    pub base: String,
    server: ScriptedServer,
}

impl FakeServer {
    pub async fn start(status: u16, body: Value) -> FakeServer {
        let server = ScriptedServer::start(Vec::new()).await;
        server.set_fallback(Reply::json(status, body));
        FakeServer { base: server.base_url.clone(), server }
    }

    pub fn push(&self, status: u16, body: Value) {
        self.server.push(Reply::json(status, body));
    }
    pub fn set_fallback(&self, status: u16, body: Value) {
        self.server.set_fallback(Reply::json(status, body));
    }
    pub fn set_delay(&self, delay: Duration) {
        self.server.set_delay(delay);
    }
    pub fn requests(&self) -> Vec<Recorded> {
        self.server.seen().into_iter().map(Recorded::from).collect()
    }
    pub fn count(&self) -> usize {
        self.server.seen().len()
    }
    pub fn last(&self) -> Recorded {
        self.requests().last().cloned().expect("the fake server received a request")
    }
}

impl From<Seen> for Recorded {
    fn from(seen: Seen) -> Recorded {
        Recorded {
            query: seen.query_pairs(),
            headers: seen.headers.iter().map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string())).collect(),
            body: seen.body_text(),
            method: seen.method,
            path: seen.path,
        }
    }
}

/// An Entra-style success: `expires_in` seconds.
pub fn entra_ok(token: &str, expires_in: u64) -> Value {
    serde_json::json!({"token_type":"Bearer","expires_in":expires_in,"ext_expires_in":expires_in,"access_token":token})
}

/// An MSI-style success: `expires_on` epoch seconds as a string.
pub fn msi_ok(token: &str, resource: &str) -> Value {
    let expires_on = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() + 3600;
    serde_json::json!({"access_token":token,"expires_on":expires_on.to_string(),"resource":resource,"token_type":"Bearer"})
}

/// A self-signed RSA test certificate, made once per test binary (RSA key generation is slow).
pub struct TestCertificate {
    pub cert_der: Vec<u8>,
    pub cert_pem: String,
    pub key_pkcs8_pem: String,
    pub key_pkcs8_der: Vec<u8>,
    pub public_key_pem: String,
}

pub fn test_certificate() -> &'static TestCertificate {
    static CERT: OnceLock<TestCertificate> = OnceLock::new();
    CERT.get_or_init(|| {
        use rsa::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding};
        let key = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 2048).expect("RSA key");
        let key_pkcs8_pem = key.to_pkcs8_pem(LineEnding::LF).expect("pkcs8 pem").to_string();
        let key_pkcs8_der = key.to_pkcs8_der().expect("pkcs8 der").as_bytes().to_vec();
        let public_key_pem = key.to_public_key().to_public_key_pem(LineEnding::LF).expect("public pem");
        let key_pair = rcgen::KeyPair::from_pem(&key_pkcs8_pem).expect("rcgen key pair");
        let params = rcgen::CertificateParams::new(vec!["apim-native-test.local".to_string()]).expect("params");
        let cert = params.self_signed(&key_pair).expect("self-signed certificate");
        TestCertificate { cert_der: cert.der().to_vec(), cert_pem: cert.pem(), key_pkcs8_pem, key_pkcs8_der, public_key_pem }
    })
}

impl TestCertificate {
    /// certificate + key in one PEM file, as `az ad sp create-for-rbac --create-cert` writes it.
    pub fn write_pem(&self, dir: &std::path::Path) -> String {
        let path = dir.join("client.pem");
        std::fs::write(&path, format!("{}{}", self.key_pkcs8_pem, self.cert_pem)).unwrap();
        path.to_string_lossy().into_owned()
    }
    pub fn write_pfx(&self, dir: &std::path::Path, password: &str) -> String {
        let mut store = p12_keystore::KeyStore::new();
        let cert = p12_keystore::Certificate::from_der(&self.cert_der).expect("certificate for pfx");
        let key = p12_keystore::PrivateKey::from_der(&self.key_pkcs8_der).expect("pkcs8 key for pfx");
        let chain = p12_keystore::PrivateKeyChain::new(vec![7u8; 20], key, vec![cert]);
        store.add_entry("client", p12_keystore::KeyStoreEntry::PrivateKeyChain(chain));
        let bytes = store.writer(password).write().expect("pfx");
        let path = dir.join("client.pfx");
        std::fs::write(&path, bytes).unwrap();
        path.to_string_lossy().into_owned()
    }
}

/// The decoded header and claims of a JWT (no verification).
pub fn jwt_parts(jwt: &str) -> (Value, Value) {
    let parts: Vec<&str> = jwt.split('.').collect();
    assert_eq!(parts.len(), 3, "a JWT has three parts");
    let decode = |p: &str| serde_json::from_slice::<Value>(&URL_SAFE_NO_PAD.decode(p).expect("base64url")).expect("json");
    (decode(parts[0]), decode(parts[1]))
}

/// Verifies the RS256 signature with the test certificate's public key and the audience.
pub fn verify_jwt(jwt: &str, audience: &str) -> Value {
    let key = jsonwebtoken::DecodingKey::from_rsa_pem(test_certificate().public_key_pem.as_bytes()).expect("public key");
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS256);
    validation.set_audience(&[audience]);
    validation.set_required_spec_claims(&["exp", "nbf", "aud", "iss", "sub"]);
    jsonwebtoken::decode::<Value>(jwt, &key, &validation).expect("the assertion's signature verifies").claims
}

pub fn b64url_sha1(der: &[u8]) -> String {
    use sha1::Digest;
    URL_SAFE_NO_PAD.encode(sha1::Sha1::digest(der))
}

pub fn b64url_sha256(der: &[u8]) -> String {
    use sha2::Digest;
    URL_SAFE_NO_PAD.encode(sha2::Sha256::digest(der))
}

/// Writes a fake `az` into `dir`: it appends its arguments to `$AZ_FAKE_LOG`, then prints
/// `$AZ_FAKE_DIR/<first two args joined by '-'>.json` or fails like a signed-out CLI.
#[cfg(unix)]
pub fn write_fake_az(dir: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    let script = r#"#!/bin/sh
echo "$*" >> "$AZ_FAKE_LOG"
pwd >> "$AZ_FAKE_LOG.cwd"
answer="$AZ_FAKE_DIR/$1-$2.json"
if [ -f "$AZ_FAKE_DIR/signed-out" ]; then
  echo "ERROR: Please run 'az login' to setup account." >&2
  exit 1
fi
if [ -f "$answer" ]; then
  cat "$answer"
  exit 0
fi
echo "ERROR: unexpected arguments" >&2
exit 2
"#;
    let path = dir.join("az");
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

pub fn auth_options(json: Value) -> apim_native::auth::AuthOptions {
    serde_json::from_value(json).expect("valid auth options")
}
