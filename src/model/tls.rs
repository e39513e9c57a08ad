//! BackendTlsProperties and X509CertificateName.
//!
//! | field | rule |
//! |---|---|
//! | validateCertificateChain, validateCertificateName | boolean (service default true) |
//! | serverCertificateThumbprints, serverX509Names | only from api-version 2025-03-01-preview |

use super::api_version::ApiVersion;
use super::error::ApimError;
use super::validate::{join, parse_all, Problems};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendTlsProperties {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validate_certificate_chain: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validate_certificate_name: Option<bool>,
    /// Pinned thumbprints of the backend host's certificates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_certificate_thumbprints: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_x509_names: Option<Vec<X509CertificateName>>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A server certificate accepted by subject name (and optionally issuer thumbprint).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct X509CertificateName {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_certificate_thumbprint: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl BackendTlsProperties {
    pub fn validate(&self, path: &str, version: ApiVersion, p: &mut Problems) {
        let newest = ApiVersion::V2025_03_01Preview;
        p.since(&join(path, "serverCertificateThumbprints"), self.server_certificate_thumbprints.is_some(), version, newest);
        p.since(&join(path, "serverX509Names"), self.server_x509_names.is_some(), version, newest);
    }
}

/// Builder check (`apim_backend_tls_new`); targets are relative to the tls object.
pub fn check_tls(value: &Value) -> Result<BackendTlsProperties, ApimError> {
    let mut p = Problems::new();
    let parsed: Option<BackendTlsProperties> = parse_all(value, "", &mut p);
    if let Some(parsed) = &parsed {
        parsed.validate("", ApiVersion::DEFAULT, &mut p);
    }
    p.finish_parsed(parsed)
}
