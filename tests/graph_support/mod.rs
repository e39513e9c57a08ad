//! Shared by the graph_* tests: real PFX files made on the spot (rcgen makes the certificate
//! and key, p12-keystore packs them) and an emulator started on 127.0.0.1:0.
#![allow(dead_code)]

use base64::Engine;
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
