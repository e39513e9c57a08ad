//! Client options as the C ABI receives them (`apim_client_new`).

use crate::auth::AuthOptions;
use serde::Deserialize;

fn default_arm_endpoint() -> String {
    "https://management.azure.com".into()
}
fn default_graph_endpoint() -> String {
    "https://graph.microsoft.com".into()
}
fn default_api_version() -> String {
    crate::model::ApiVersion::DEFAULT.as_str().into()
}
fn default_timeout_seconds() -> u64 {
    100
}
fn default_connect_timeout_seconds() -> u64 {
    10
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClientOptions {
    #[serde(default = "default_arm_endpoint")]
    pub arm_endpoint: String,
    #[serde(default = "default_graph_endpoint")]
    pub graph_endpoint: String,
    #[serde(default = "default_api_version")]
    pub api_version: String,
    #[serde(default)]
    pub auth: AuthOptions,
    #[serde(default)]
    pub retry: RetryOptions,
    #[serde(default = "default_timeout_seconds")]
    pub timeout_seconds: u64,
    #[serde(default = "default_connect_timeout_seconds")]
    pub connect_timeout_seconds: u64,
    /// Which certificate roots TLS trusts: `platform` (the OS store, the default) or `bundled`
    /// (the Mozilla roots in the library). Absent: `APIM_NATIVE_TLS_ROOTS`, else `platform`.
    #[serde(default)]
    pub tls_roots: Option<crate::net::TlsRoots>,
    /// The environment the credential sources and the subscription fallback read (AZURE_*,
    /// IDENTITY_*, MSI_*, PATH, ...) when the host hands it over; absent: this process's. Why:
    /// .NET on Linux and macOS keeps `$env:` changes from native code, so a runbook's
    /// `$env:AZURE_CLIENT_ID = ...` would not reach the library; the module sends what PowerShell
    /// sees. Values may be secrets: `Debug` never shows them.
    #[serde(default)]
    pub environment: Option<crate::model::redact::Redacted<std::collections::HashMap<String, String>>>,
    /// Used when a request names no subscription.
    #[serde(default)]
    pub subscription_id: Option<String>,
}

impl Default for ClientOptions {
    fn default() -> Self {
        serde_json::from_str("{}").expect("defaults deserialise")
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RetryOptions {
    /// Total attempts including the first (1 = no retry).
    #[serde(default = "RetryOptions::default_max_attempts")]
    pub max_attempts: u32,
    #[serde(default = "RetryOptions::default_base_delay_ms")]
    pub base_delay_ms: u64,
    #[serde(default = "RetryOptions::default_max_delay_ms")]
    pub max_delay_ms: u64,
}

impl RetryOptions {
    fn default_max_attempts() -> u32 {
        4
    }
    fn default_base_delay_ms() -> u64 {
        800
    }
    fn default_max_delay_ms() -> u64 {
        60_000
    }
}

impl Default for RetryOptions {
    fn default() -> Self {
        RetryOptions {
            max_attempts: Self::default_max_attempts(),
            base_delay_ms: Self::default_base_delay_ms(),
            max_delay_ms: Self::default_max_delay_ms(),
        }
    }
}
