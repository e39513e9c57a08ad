//! The operating system's certificate verifier (rustls-platform-verifier), made when it is first
//! needed and then kept for the process.
//!
//! Why deferred: on Linux, making the platform verifier reads and parses every certificate of the
//! system store (the bundle file and the certificate directory: ~19 M instructions, ~5 ms), which
//! `apim_client_new` paid even when every endpoint was the emulator on plain http. A client whose
//! endpoints need TLS asks for the roots when it is made ([`DeferredPlatformVerifier::load`]), so
//! a store that cannot be read is still reported by `apim_client_new`, as before; a plain-http
//! loopback client never does, and the roots are read once per process whoever asks first.
//!
//! A failed load is not kept: the next client (or handshake) tries again, as a new client did before.

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, DistinguishedName, SignatureScheme};
use rustls_platform_verifier::Verifier;
use std::sync::{Arc, Mutex, OnceLock};

#[derive(Debug)]
pub struct DeferredPlatformVerifier {
    provider: Arc<CryptoProvider>,
    verifier: OnceLock<Verifier>,
    /// Held while the store is read, so two clients made at once read it once.
    loading: Mutex<()>,
}

impl DeferredPlatformVerifier {
    pub fn new(provider: Arc<CryptoProvider>) -> DeferredPlatformVerifier {
        DeferredPlatformVerifier { provider, verifier: OnceLock::new(), loading: Mutex::new(()) }
    }

    /// The platform verifier, made now if no one has made it yet (the error is the platform
    /// verifier's own, e.g. "No CA certificates were loaded from the system").
    pub fn load(&self) -> Result<&Verifier, rustls::Error> {
        if let Some(verifier) = self.verifier.get() {
            return Ok(verifier);
        }
        // Why unwrap_or_else(into_inner): the guard protects no data, only the order of loads.
        let _guard = self.loading.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(verifier) = self.verifier.get() {
            return Ok(verifier);
        }
        let verifier = Verifier::new(self.provider.clone())?;
        Ok(self.verifier.get_or_init(|| verifier))
    }
}

impl ServerCertVerifier for DeferredPlatformVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.load()?.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.load()?.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.load()?.verify_tls13_signature(message, cert, dss)
    }

    /// Asked for each ClientHello, before any certificate is seen. Why the provider's list when
    /// the store cannot be read: the handshake then fails in `verify_server_cert` with the
    /// verifier's own error instead of offering no signature schemes at all.
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        match self.load() {
            Ok(verifier) => verifier.supported_verify_schemes(),
            Err(_) => self.provider.signature_verification_algorithms.supported_schemes(),
        }
    }

    fn requires_raw_public_keys(&self) -> bool {
        self.load().map(|v| v.requires_raw_public_keys()).unwrap_or(false)
    }

    fn root_hint_subjects(&self) -> Option<&[DistinguishedName]> {
        self.load().ok().and_then(|v| v.root_hint_subjects())
    }
}
