//! BackendTlsProperties and X509CertificateName.
//!
//! | field | rule | source (see backend.rs) |
//! |---|---|---|
//! | validateCertificateChain, validateCertificateName | boolean (spec default true) | SPEC |
//! | validateCertificateChain, validateCertificateName | both present when tls is sent: "Default backend property required" | OBS (D1), from api-version 2024-05-01 here |
//! | serverCertificateThumbprints, serverX509Names | only from api-version 2025-03-01-preview | SPEC |
//!
//! D1 is a service change seen in February 2026 (azure-powershell #29209, at Az's api-version).
//! The Az scenario recordings of 2019 and 2022 (tests/fixtures/recordings) send a partial tls
//! object and were accepted then; they are Microsoft's own traffic and must stay replayable, so
//! the rule holds from api-version 2024-05-01 on (every version the module defaults to) and
//! not for 2021-08-01 / 2022-08-01.

use super::api_version::ApiVersion;
use super::error::ApimError;
use super::validate::{field, join, parse_all, rule, Problems};
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
        p.since(field(path, "serverCertificateThumbprints"), self.server_certificate_thumbprints.is_some(), version, newest);
        p.since(field(path, "serverX509Names"), self.server_x509_names.is_some(), version, newest);
    }
}

impl BackendTlsProperties {
    /// Rule D1 for a tls object inside a backend body (a builder object is completed by the
    /// module before it is sent, so the builder check does not apply it).
    pub fn require_both_flags(&self, path: &str, version: ApiVersion, p: &mut Problems) {
        if version < ApiVersion::V2024_05_01 {
            return;
        }
        for (field, value) in [("validateCertificateChain", self.validate_certificate_chain), ("validateCertificateName", self.validate_certificate_name)] {
            if value.is_none() {
                let target = join(path, field);
                p.push(
                    &target,
                    rule::REQUIRED,
                    format!("{target}: Default backend property required. Send both validateCertificateChain and validateCertificateName when tls is sent."),
                );
            }
        }
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
