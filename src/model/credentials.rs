//! BackendCredentialsContract and BackendAuthorizationHeaderCredentials, with their rules:
//!
//! | field | rule | source (see backend.rs) |
//! |---|---|---|
//! | credentials | at least one of certificateIds, certificate, query, header, authorization (terraform asks for one of its four; certificateIds is the spec's fifth) | TF (E1) |
//! | certificateIds | maxItems 32 | SPEC |
//! | certificate | maxItems 32 |
//! | query | map of string arrays (type only) |
//! | header | map of string arrays; values without CR, LF or control characters |
//! | authorization.scheme | required, 1..100, no CR/LF/control characters |
//! | authorization.parameter | required, 1..300, no CR/LF/control characters, a secret: never in Debug or messages |

use super::api_version::ApiVersion;
use super::error::ApimError;
use super::validate::{field, join, parse_all, rule, Problems, Target};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use super::redact::Redacted;

/// Details of the credentials used to connect to the backend.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendCredentialsContract {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_ids: Option<Vec<String>>,
    /// Client certificate thumbprints; ignored by the service when certificateIds are given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<Vec<String>>,
    /// Query parameters; IndexMap keeps the order the caller wrote them in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<IndexMap<String, Vec<String>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<IndexMap<String, Vec<String>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization: Option<BackendAuthorizationHeaderCredentials>,
    /// Fields a newer service added; kept so GET -> modify -> PUT does not drop them.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The Authorization header the gateway sends to the backend.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendAuthorizationHeaderCredentials {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    /// The credential itself (e.g. a basic-auth token): a secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter: Option<Redacted<String>>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl BackendCredentialsContract {
    pub fn validate(&self, path: &str, _version: ApiVersion, p: &mut Problems) {
        let nothing = self.certificate_ids.is_none()
            && self.certificate.is_none()
            && self.query.is_none()
            && self.header.is_none()
            && self.authorization.is_none()
            && self.extra.is_empty();
        if nothing {
            let target = if path.is_empty() { "credentials".to_string() } else { path.to_string() };
            p.push(
                &target,
                rule::AT_LEAST_ONE,
                format!("{target} must set at least one of certificateIds, certificate, query, header or authorization (leave credentials out otherwise)"),
            );
        }
        if let Some(ids) = &self.certificate_ids {
            p.max_items(field(path, "certificateIds"), ids.len(), 32);
        }
        if let Some(thumbprints) = &self.certificate {
            p.max_items(field(path, "certificate"), thumbprints.len(), 32);
        }
        if let Some(auth) = &self.authorization {
            auth.validate(&join(path, "authorization"), p);
        }
        // The gateway sends these as HTTP header values: a CR or LF would start another header.
        if let Some(headers) = &self.header {
            for (name, values) in headers {
                if values.iter().any(|v| has_line_break_or_control(v)) {
                    let target = join(&join(path, "header"), name);
                    p.push(&target, rule::PATTERN, format!("{target} must not contain CR, LF or other control characters (it is sent as an HTTP header value; the value is not shown)"));
                }
            }
        }
    }
}

impl BackendAuthorizationHeaderCredentials {
    pub fn validate(&self, path: &str, p: &mut Problems) {
        let scheme = field(path, "scheme");
        if p.required(scheme, &self.scheme) {
            p.opt_length(scheme, &self.scheme, 1, 100);
        }
        let parameter = field(path, "parameter");
        if p.required(parameter, &self.parameter) {
            p.opt_length(parameter, &self.parameter, 1, 300);
        }
        for (target, value) in [(scheme, self.scheme.as_deref()), (parameter, self.parameter.as_ref().map(|p| p.as_str()))] {
            if value.is_some_and(has_line_break_or_control) {
                let target = target.path();
                p.push(&target, rule::PATTERN, format!("{target} must not contain CR, LF or other control characters (it is sent in the Authorization header; the value is not shown)"));
            }
        }
    }
}

/// Builder check (`apim_backend_credential_new`): parses and validates a credentials object;
/// targets are relative to it (`authorization.scheme`).
pub fn check_credentials(value: &Value) -> Result<BackendCredentialsContract, ApimError> {
    let mut p = Problems::new();
    let parsed: Option<BackendCredentialsContract> = parse_all(value, "", &mut p);
    if let Some(parsed) = &parsed {
        parsed.validate("", ApiVersion::DEFAULT, &mut p);
    }
    p.finish_parsed(parsed)
}

/// Header values may hold tabs but no other control character (CR and LF above all).
fn has_line_break_or_control(value: &str) -> bool {
    value.chars().any(|c| c.is_control() && c != '\t')
}
