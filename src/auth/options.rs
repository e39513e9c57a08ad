//! `auth` in the client options: which token source, and what it needs.

use super::secret::Secret;
use serde::Deserialize;

/// `auth` in the client options. `kind` picks the source; absent means no Authorization header
/// (the emulator without `--require-token`). Secret fields are [`Secret`]s: never shown in `Debug` or errors.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuthOptions {
    /// token | clientSecret | clientCertificate | workloadIdentity | managedIdentity | azureCli |
    /// environment | default | none
    #[serde(default)]
    pub kind: Option<String>,
    /// The bearer token for `kind = "token"`.
    #[serde(default)]
    pub token: Option<Secret>,
    #[serde(default)]
    pub tenant_id: Option<String>,
    #[serde(default)]
    pub client_id: Option<String>,
    #[serde(default)]
    pub client_secret: Option<Secret>,
    /// PEM (certificate + unencrypted key) or PFX.
    #[serde(default)]
    pub certificate_path: Option<String>,
    #[serde(default)]
    pub certificate_password: Option<Secret>,
    /// The PFX itself, base64, instead of a file: what a certificate store hands out (the module's
    /// Connect-ApimNative -CertificateThumbprint), so that the key never has to be written to disk.
    #[serde(default)]
    pub certificate_data: Option<Secret>,
    /// Adds `x5c` to the client assertion (subject name / issuer sign-in).
    #[serde(default)]
    pub send_certificate_chain: Option<bool>,
    #[serde(default)]
    pub federated_token_file: Option<String>,
    /// A user-assigned managed identity, by exactly one of client id, object id or resource id.
    #[serde(default)]
    pub identity_client_id: Option<String>,
    #[serde(default)]
    pub identity_object_id: Option<String>,
    #[serde(default)]
    pub identity_resource_id: Option<String>,
    /// "GET" (default) or "POST": the form Azure Automation's identity endpoint is asked with.
    #[serde(default)]
    pub identity_request_method: Option<String>,
    /// Overrides AZURE_AUTHORITY_HOST and the cloud's sign-in host.
    #[serde(default)]
    pub authority_host: Option<String>,
    /// AzureCloud (default) | AzureChinaCloud | AzureUSGovernment.
    #[serde(default, alias = "cloud")]
    pub environment: Option<String>,
}
