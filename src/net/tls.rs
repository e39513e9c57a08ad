//! Which certificate roots TLS trusts.
//!
//! `Platform` (the default) verifies with the operating system's verifier and store
//! (rustls-platform-verifier): the Windows certificate store, the macOS keychain, the system bundle
//! on Linux (`SSL_CERT_FILE`/`SSL_CERT_DIR` honoured). That is what makes the library work behind a
//! TLS-inspecting corporate proxy whose root the administrators installed in the OS store.
//! `Bundled` trusts only the Mozilla roots compiled into the library (webpki-roots), for hosts
//! that must not depend on the machine's store.

use rustls::ClientConfig;
use rustls_platform_verifier::BuilderVerifierExt;
use serde::Deserialize;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TlsRoots {
    #[default]
    Platform,
    Bundled,
}

impl TlsRoots {
    /// The process default: `APIM_NATIVE_TLS_ROOTS=bundled` selects the bundled roots for every
    /// client that is not told otherwise (token requests included).
    pub fn from_env() -> TlsRoots {
        match std::env::var("APIM_NATIVE_TLS_ROOTS") {
            Ok(v) if v.eq_ignore_ascii_case("bundled") => TlsRoots::Bundled,
            _ => TlsRoots::Platform,
        }
    }
}

/// A rustls configuration with the ring provider (the one the rest of the crate uses) and
/// HTTP/2 + HTTP/1.1 offered by ALPN, as reqwest would set up itself.
pub fn tls_config(roots: TlsRoots) -> Result<ClientConfig, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS could not be set up: {e}"))?;
    let mut config = match roots {
        TlsRoots::Platform => builder
            .with_platform_verifier()
            .map_err(|e| format!("the operating system's certificate verifier could not be set up: {e}"))?
            .with_no_client_auth(),
        TlsRoots::Bundled => {
            let store = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
            builder.with_root_certificates(store).with_no_client_auth()
        }
    };
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}
