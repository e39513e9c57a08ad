//! Microsoft Graph `identityApiConnector` and its authentication configurations, as on the wire
//! (reference/graph/*.md). The rules for request bodies live in `api_connector/validate.rs`.
//!
//! `authenticationConfiguration` is polymorphic, keyed by `@odata.type`. Graph's own examples send
//! the type both with and without the leading `#`, so both are read; `#` is always written.
//! Unknown properties are kept (`additional_properties`) and only fields that are set are written.
//! Secrets (`password`, `pkcs12Value`) never appear in `Debug` output.

mod validate;

pub use validate::{
    check_api_connector_create, check_api_connector_id, check_api_connector_update,
    check_upload_client_certificate, decode_pkcs12_value,
};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use super::redact::Redacted;

/// The property that names the concrete type of a polymorphic object.
pub const ODATA_TYPE: &str = "@odata.type";

/// Shown instead of a secret, in Debug output and (by the service) in responses.
pub const REDACTED: &str = "******";

/// The concrete `authenticationConfiguration` types Graph v1.0 knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthenticationKind {
    /// `#microsoft.graph.basicAuthentication`: request and response.
    Basic,
    /// `#microsoft.graph.pkcs12Certificate`: request only (create, update).
    Pkcs12Certificate,
    /// `#microsoft.graph.clientCertificateAuthentication`: response only.
    ClientCertificate,
}

impl AuthenticationKind {
    pub const ALL: [AuthenticationKind; 3] =
        [AuthenticationKind::Basic, AuthenticationKind::Pkcs12Certificate, AuthenticationKind::ClientCertificate];

    /// The type name without the leading `#`.
    pub fn name(self) -> &'static str {
        match self {
            AuthenticationKind::Basic => "microsoft.graph.basicAuthentication",
            AuthenticationKind::Pkcs12Certificate => "microsoft.graph.pkcs12Certificate",
            AuthenticationKind::ClientCertificate => "microsoft.graph.clientCertificateAuthentication",
        }
    }

    /// The `@odata.type` value as Graph writes it (with `#`).
    pub fn odata_type(self) -> String {
        format!("#{}", self.name())
    }

    /// Reads an `@odata.type` value with or without the leading `#`.
    pub fn parse(odata_type: &str) -> Option<AuthenticationKind> {
        let name = odata_type.strip_prefix('#').unwrap_or(odata_type);
        AuthenticationKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Whether a client may send this type (clientCertificateAuthentication is only returned).
    pub fn allowed_in_request(self) -> bool {
        !matches!(self, AuthenticationKind::ClientCertificate)
    }
}

/// `#microsoft.graph.identityApiConnector`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentityApiConnector {
    /// Server-generated GUID; read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_configuration: Option<AuthenticationConfiguration>,
    /// Properties this version of the contract does not name (including `@odata.*` annotations).
    #[serde(flatten)]
    pub additional_properties: Map<String, Value>,
}

/// `apiAuthenticationConfigurationBase` and its derived types, keyed by `@odata.type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "@odata.type")]
pub enum AuthenticationConfiguration {
    #[serde(rename = "#microsoft.graph.basicAuthentication", alias = "microsoft.graph.basicAuthentication")]
    Basic(BasicAuthentication),
    #[serde(rename = "#microsoft.graph.pkcs12Certificate", alias = "microsoft.graph.pkcs12Certificate")]
    Pkcs12Certificate(Pkcs12Certificate),
    #[serde(
        rename = "#microsoft.graph.clientCertificateAuthentication",
        alias = "microsoft.graph.clientCertificateAuthentication"
    )]
    ClientCertificate(ClientCertificateAuthentication),
}

impl AuthenticationConfiguration {
    pub fn kind(&self) -> AuthenticationKind {
        match self {
            AuthenticationConfiguration::Basic(_) => AuthenticationKind::Basic,
            AuthenticationConfiguration::Pkcs12Certificate(_) => AuthenticationKind::Pkcs12Certificate,
            AuthenticationConfiguration::ClientCertificate(_) => AuthenticationKind::ClientCertificate,
        }
    }
}

/// `#microsoft.graph.basicAuthentication`: the service never returns the password (`******`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BasicAuthentication {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<Redacted<String>>,
    #[serde(flatten)]
    pub additional_properties: Map<String, Value>,
}

/// `#microsoft.graph.pkcs12Certificate` (request only): a base64 PFX and its password (`""` if none).
/// Also the body of `uploadClientCertificate`, where it is sent without `@odata.type`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pkcs12Certificate {
    /// The PFX holds the private key: as secret as the password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pkcs12_value: Option<Redacted<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<Redacted<String>>,
    #[serde(flatten)]
    pub additional_properties: Map<String, Value>,
}

/// `#microsoft.graph.clientCertificateAuthentication` (response only): the public information of
/// every uploaded certificate.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientCertificateAuthentication {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_list: Option<Vec<Pkcs12CertificateInformation>>,
    #[serde(flatten)]
    pub additional_properties: Map<String, Value>,
}

/// `pkcs12CertificateInformation` (no `@odata.type` on the wire). The dates are RFC 7519
/// NumericDates (Unix seconds), as the property table and every example show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pkcs12CertificateInformation {
    /// SHA-1 of the certificate's DER, uppercase hex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbprint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_after: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<i64>,
    /// The most recently uploaded certificate that is currently valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
}

