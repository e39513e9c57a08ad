//! BackendProxyContract: the web proxy the gateway uses to reach the backend.
//!
//! | field | rule |
//! |---|---|
//! | url | required, 1..2000 |
//! | username | string |
//! | password | string, a secret: never in Debug or messages |

use super::api_version::ApiVersion;
use super::error::ApimError;
use super::validate::{field, parse_all, Problems};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use super::redact::Redacted;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendProxyContract {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<Redacted<String>>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl BackendProxyContract {
    pub fn validate(&self, path: &str, _version: ApiVersion, p: &mut Problems) {
        let url = field(path, "url");
        if p.required(url, &self.url) {
            p.opt_length(url, &self.url, 1, 2000);
        }
    }
}

/// Builder check (`apim_backend_proxy_new`); targets are relative to the proxy object.
pub fn check_proxy(value: &Value) -> Result<BackendProxyContract, ApimError> {
    let mut p = Problems::new();
    let parsed: Option<BackendProxyContract> = parse_all(value, "", &mut p);
    if let Some(parsed) = &parsed {
        parsed.validate("", ApiVersion::DEFAULT, &mut p);
    }
    p.finish_parsed(parsed)
}
