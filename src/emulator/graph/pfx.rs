//! Opens an uploaded PKCS#12 (.pfx) file with its password, as the service does, and reads the
//! public facts Graph reports: the client certificate's SHA-1 thumbprint and validity period.
//! p12-keystore verifies the MAC and decrypts the bags; x509-parser reads the validity.

use p12_keystore::error::Error as P12Error;
use p12_keystore::Pkcs12Archive;
use sha1::{Digest, Sha1};

/// The public information of one client certificate (`pkcs12CertificateInformation` less `isActive`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateFacts {
    /// SHA-1 of the certificate's DER, uppercase hex (what Windows and Graph call the thumbprint).
    pub thumbprint: String,
    /// Unix seconds.
    pub not_before: i64,
    /// Unix seconds.
    pub not_after: i64,
}

/// Why a PFX was refused; each maps to a 400 naming the field at fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PfxProblem {
    /// The bytes are not a PKCS#12 file (or use a format no maintained reader supports).
    NotPkcs12,
    /// The MAC does not verify or the bags do not decrypt: the password is wrong.
    WrongPassword,
    /// A client certificate needs its private key.
    NoPrivateKey,
    NoCertificate,
}

impl PfxProblem {
    /// (field, rule code, message); the field is relative to the object holding `pkcs12Value`.
    pub fn describe(self) -> (&'static str, &'static str, &'static str) {
        match self {
            PfxProblem::NotPkcs12 => (
                "pkcs12Value",
                "InvalidPkcs12",
                "The pkcs12Value is not a readable PKCS#12 (.pfx) file.",
            ),
            PfxProblem::WrongPassword => (
                "password",
                "InvalidPkcs12Password",
                "The PKCS#12 (.pfx) file cannot be opened with the given password.",
            ),
            PfxProblem::NoPrivateKey => (
                "pkcs12Value",
                "Pkcs12WithoutPrivateKey",
                "The PKCS#12 (.pfx) file holds no private key; a client certificate needs one.",
            ),
            PfxProblem::NoCertificate => (
                "pkcs12Value",
                "Pkcs12WithoutCertificate",
                "The PKCS#12 (.pfx) file holds no certificate.",
            ),
        }
    }
}

/// Reads `pfx` with `password`. CPU-bound (key derivation): call it from `spawn_blocking`.
pub fn read_pfx(pfx: &[u8], password: &str) -> Result<CertificateFacts, PfxProblem> {
    let archive = Pkcs12Archive::from_pkcs12(pfx, password).map_err(classify)?;
    if archive.keys.is_empty() {
        return Err(PfxProblem::NoPrivateKey);
    }
    // The client certificate is the one bound to a key by localKeyId; files without those
    // attributes (rare) carry the end-entity certificate first.
    let key_ids: Vec<&[u8]> = archive.keys.iter().filter_map(|k| k.local_key_id.as_ref().map(|id| id.as_ref())).collect();
    let bag = archive
        .certs
        .iter()
        .find(|c| c.local_key_id.as_deref().is_some_and(|id| key_ids.contains(&id)))
        .or_else(|| archive.certs.first())
        .ok_or(PfxProblem::NoCertificate)?;
    let der = bag.cert.as_der();
    let (_, cert) = x509_parser::parse_x509_certificate(der).map_err(|_| PfxProblem::NotPkcs12)?;
    let validity = cert.validity();
    let thumbprint = Sha1::digest(der).iter().map(|b| format!("{b:02X}")).collect();
    Ok(CertificateFacts {
        thumbprint,
        not_before: validity.not_before.timestamp(),
        not_after: validity.not_after.timestamp(),
    })
}

/// A MAC mismatch, or bags that will not decrypt or unpad, mean the password is wrong; anything
/// else means the bytes are not a PKCS#12 file we can read.
fn classify(e: P12Error) -> PfxProblem {
    match e {
        P12Error::MacError(_) | P12Error::UnpadError | P12Error::Pkcs5Error(_) => PfxProblem::WrongPassword,
        _ => PfxProblem::NotPkcs12,
    }
}
