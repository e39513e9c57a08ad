//! A sign-in certificate (PEM or PFX with its private key) and the client assertion it signs:
//! an RS256 JWT whose header names the certificate by its SHA-1 (`x5t`) and SHA-256 (`x5t#S256`)
//! thumbprints, as Microsoft Entra ID expects.

use super::secret::Secret;
use crate::model::error::ApimError;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde::Serialize;
use sha1::Sha1;
use sha2::{Digest, Sha256};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// How long a signed assertion is valid; Entra only needs it for the one token request.
const ASSERTION_LIFETIME_SECONDS: u64 = 600;

pub struct SigningCertificate {
    key: EncodingKey,
    /// DER of the leaf first, then the rest of the chain.
    chain: Vec<Vec<u8>>,
}

#[derive(Serialize)]
struct AssertionClaims<'a> {
    aud: &'a str,
    iss: &'a str,
    sub: &'a str,
    jti: String,
    nbf: u64,
    iat: u64,
    exp: u64,
}

impl SigningCertificate {
    /// Reads `path` as PEM (certificate + unencrypted private key) or, failing that, as PFX.
    /// `target` names the option or variable in errors; the password never appears in them.
    pub fn load(path: &str, password: Option<&Secret>, target: &str) -> Result<SigningCertificate, ApimError> {
        let bytes = std::fs::read(Path::new(path)).map_err(|e| {
            ApimError::invalid_argument(target, format!("{target}: the certificate file '{path}' cannot be read ({})", e.kind()))
        })?;
        let looks_like_pem = bytes.windows(11).any(|w| w == b"-----BEGIN ");
        if looks_like_pem {
            Self::from_pem(&bytes, path, target)
        } else {
            Self::from_pfx(&bytes, password, path, target)
        }
    }

    pub fn from_pem(bytes: &[u8], path: &str, target: &str) -> Result<SigningCertificate, ApimError> {
        let blocks = pem::parse_many(bytes)
            .map_err(|_| ApimError::invalid_argument(target, format!("{target}: '{path}' is not valid PEM")))?;
        let chain: Vec<Vec<u8>> =
            blocks.iter().filter(|b| b.tag() == "CERTIFICATE").map(|b| b.contents().to_vec()).collect();
        if chain.is_empty() {
            return Err(ApimError::invalid_argument(target, format!("{target}: '{path}' holds no CERTIFICATE block")));
        }
        if blocks.iter().any(|b| b.tag() == "ENCRYPTED PRIVATE KEY") {
            return Err(ApimError::invalid_argument(
                target,
                format!("{target}: '{path}' holds an encrypted PEM key, which is not supported; use a PFX file with a password"),
            ));
        }
        let key_block = blocks
            .iter()
            .find(|b| b.tag() == "PRIVATE KEY" || b.tag() == "RSA PRIVATE KEY")
            .ok_or_else(|| ApimError::invalid_argument(target, format!("{target}: '{path}' holds no private key")))?;
        let key = rsa_key(&pem::encode(key_block), path, target)?;
        Ok(SigningCertificate { key, chain })
    }

    pub fn from_pfx(bytes: &[u8], password: Option<&Secret>, path: &str, target: &str) -> Result<SigningCertificate, ApimError> {
        let password = password.map(Secret::expose).unwrap_or("");
        // Why Relaxed: PFX files from Windows, OpenSSL and Key Vault do not all link the key to its
        // certificate by localKeyId; a key without any certificate is still reported below.
        let store = p12_keystore::KeyStore::from_pkcs12(bytes, password, p12_keystore::Pkcs12ImportPolicy::Relaxed).map_err(|_| {
            ApimError::invalid_argument(
                target,
                format!("{target}: '{path}' cannot be opened as a PFX (PKCS#12) file: the password is wrong or the file is damaged"),
            )
        })?;
        let (_, entry) = store
            .private_key_chain()
            .ok_or_else(|| ApimError::invalid_argument(target, format!("{target}: '{path}' holds no private key")))?;
        let chain: Vec<Vec<u8>> = entry.certs().iter().map(|c| c.as_der().to_vec()).collect();
        if chain.is_empty() {
            return Err(ApimError::invalid_argument(target, format!("{target}: '{path}' holds no certificate")));
        }
        let key_pem = pem::encode(&pem::Pem::new("PRIVATE KEY", entry.key().as_der().to_vec()));
        let key = rsa_key(&key_pem, path, target)?;
        Ok(SigningCertificate { key, chain })
    }

    /// base64url SHA-1 of the leaf certificate's DER (`x5t`).
    pub fn x5t(&self) -> String {
        URL_SAFE_NO_PAD.encode(Sha1::digest(&self.chain[0]))
    }

    /// base64url SHA-256 of the leaf certificate's DER (`x5t#S256`).
    pub fn x5t_s256(&self) -> String {
        URL_SAFE_NO_PAD.encode(Sha256::digest(&self.chain[0]))
    }

    /// The signed client assertion for one token request to `token_url`.
    pub fn client_assertion(&self, client_id: &str, token_url: &str, send_chain: bool) -> Result<String, ApimError> {
        let mut header = Header::new(Algorithm::RS256);
        header.typ = Some("JWT".into());
        header.x5t = Some(self.x5t());
        header.x5t_s256 = Some(self.x5t_s256());
        if send_chain {
            // x5c is standard (not url-safe) base64, leaf first (subject name / issuer sign-in).
            header.x5c = Some(self.chain.iter().map(|der| STANDARD.encode(der)).collect());
        }
        let now = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        let claims = AssertionClaims {
            aud: token_url,
            iss: client_id,
            sub: client_id,
            jti: uuid::Uuid::new_v4().to_string(),
            nbf: now,
            iat: now,
            exp: now + ASSERTION_LIFETIME_SECONDS,
        };
        jsonwebtoken::encode(&header, &claims, &self.key).map_err(|_| {
            ApimError::invalid_argument("auth.certificatePath", "the certificate's private key could not sign the client assertion")
        })
    }
}

fn rsa_key(pem_text: &str, path: &str, target: &str) -> Result<EncodingKey, ApimError> {
    let key = EncodingKey::from_rsa_pem(pem_text.as_bytes()).map_err(|_| {
        ApimError::invalid_argument(target, format!("{target}: the private key in '{path}' is not an RSA key (RS256 needs one)"))
    })?;
    // Why a trial signature: ring checks the key only when it signs; a bad key is reported now,
    // naming the file, instead of on the first request.
    jsonwebtoken::encode(&Header::new(Algorithm::RS256), &serde_json::json!({}), &key).map_err(|_| {
        ApimError::invalid_argument(target, format!("{target}: the RSA key in '{path}' cannot sign (it must be 2048 bits or more)"))
    })?;
    Ok(key)
}
