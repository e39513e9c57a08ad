//! A service principal signing in with a certificate (`auth.kind = "clientCertificate"`): each
//! token request carries a freshly signed RS256 client assertion.

use super::certificate::SigningCertificate;
use super::client_assertion::{AssertionProvider, ClientAssertionCredential};
use crate::model::error::ApimError;
use async_trait::async_trait;

struct CertificateAssertion {
    certificate: SigningCertificate,
    send_chain: bool,
}

#[async_trait]
impl AssertionProvider for CertificateAssertion {
    async fn assertion(&self, client_id: &str, token_url: &str) -> Result<String, ApimError> {
        self.certificate.client_assertion(client_id, token_url, self.send_chain)
    }
}

/// `send_chain` adds the `x5c` header (subject name + issuer authentication).
pub fn client_certificate_credential(
    token_url: String,
    client_id: String,
    certificate: SigningCertificate,
    send_chain: bool,
) -> ClientAssertionCredential {
    ClientAssertionCredential::new(
        "client certificate",
        token_url,
        client_id,
        Box::new(CertificateAssertion { certificate, send_chain }),
    )
}
