//! Which certificate roots TLS trusts.
//!
//! `Platform` (the default) verifies with the operating system's verifier and store
//! (rustls-platform-verifier): the Windows certificate store, the macOS keychain, the system bundle
//! on Linux (`SSL_CERT_FILE`/`SSL_CERT_DIR` honoured). That is what makes the library work behind a
//! TLS-inspecting corporate proxy whose root the administrators installed in the OS store.
//! `Bundled` trusts only the Mozilla roots compiled into the library (webpki-roots), for hosts
//! that must not depend on the machine's store.
//!
//! One configuration per `TlsRoots` serves the whole process (every API client's reqwest client and
//! the token client), so the platform roots are read at most once per process, and only by a
//! client that may need TLS (see `deferred_verifier`). The store (and `SSL_CERT_FILE`/`SSL_CERT_DIR`)
//! is therefore read once per process, as the process-wide reqwest clients already implied.

use super::deferred_verifier::DeferredPlatformVerifier;
use rustls::ClientConfig;
use serde::Deserialize;
use std::sync::{Arc, OnceLock};

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

/// The process's configuration for one `TlsRoots`, and for `Platform` its verifier, whose roots are
/// read when [`load_roots`] or the first handshake asks for them.
struct Shared {
    config: ClientConfig,
    platform: Option<Arc<DeferredPlatformVerifier>>,
}

fn shared(roots: TlsRoots) -> &'static Result<Shared, String> {
    static PLATFORM: OnceLock<Result<Shared, String>> = OnceLock::new();
    static BUNDLED: OnceLock<Result<Shared, String>> = OnceLock::new();
    let cell = match roots {
        TlsRoots::Platform => &PLATFORM,
        TlsRoots::Bundled => &BUNDLED,
    };
    // Why a kept error is fine here: building can only fail on the provider's protocol versions,
    // which do not change while the process runs (reading the store is in `load_roots`).
    cell.get_or_init(|| build(roots))
}

/// A rustls configuration with the ring provider (the one the rest of the crate uses) and
/// HTTP/2 + HTTP/1.1 offered by ALPN, as reqwest would set up itself.
fn build(roots: TlsRoots) -> Result<Shared, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS could not be set up: {e}"))?;
    let (mut config, platform) = match roots {
        TlsRoots::Platform => {
            let verifier = Arc::new(DeferredPlatformVerifier::new(provider));
            let config = builder.dangerous().with_custom_certificate_verifier(verifier.clone()).with_no_client_auth();
            (config, Some(verifier))
        }
        TlsRoots::Bundled => {
            let store = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
            (builder.with_root_certificates(store).with_no_client_auth(), None)
        }
    };
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(Shared { config, platform })
}

/// The process's configuration for `roots`, for a reqwest builder (a copy sharing the one verifier;
/// reqwest takes the configuration by value).
pub fn tls_config(roots: TlsRoots) -> Result<ClientConfig, String> {
    shared(roots).as_ref().map(|s| s.config.clone()).map_err(Clone::clone)
}

/// Makes sure the roots `roots` names can be used, reading the platform store now if no one has
/// yet; the error is the one making a client with these roots has always reported.
pub fn load_roots(roots: TlsRoots) -> Result<(), String> {
    let shared = shared(roots).as_ref().map_err(Clone::clone)?;
    match &shared.platform {
        Some(verifier) => verifier
            .load()
            .map(|_| ())
            .map_err(|e| format!("the operating system's certificate verifier could not be set up: {e}")),
        None => Ok(()),
    }
}
