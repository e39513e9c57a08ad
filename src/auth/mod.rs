//! Token sources behind one trait, selected by the client options' `auth.kind`.
//! Sources: static token, client secret, client certificate, workload identity, managed identity,
//! Azure CLI, the environment, and the `default` chain of them; all but the static token cached.

pub mod authority;
pub mod azure_cli;
pub mod cache;
pub mod certificate;
pub mod chain;
pub mod client_assertion;
pub mod client_certificate;
pub mod client_secret;
pub mod entra_token;
pub mod env;
pub mod environment;
pub mod errors;
pub mod expires_on;
mod from_options;
pub mod http;
pub mod imds;
pub mod managed_identity;
pub mod managed_identity_flows;
pub mod secret;
pub mod static_token;
pub mod subscription;
pub mod workload_identity;

pub use env::Env;
pub use secret::Secret;

use crate::model::error::ApimError;
use async_trait::async_trait;
use serde::Deserialize;
use std::fmt;
use std::sync::Arc;
use std::time::SystemTime;

/// The ARM scope; Graph uses [`GRAPH_SCOPE`]. Sovereign clouds derive theirs from the endpoint.
pub const ARM_SCOPE: &str = "https://management.azure.com/.default";
pub const GRAPH_SCOPE: &str = "https://graph.microsoft.com/.default";

/// A bearer token. `Debug` never prints the secret.
#[derive(Clone)]
pub struct AccessToken {
    pub token: String,
    pub expires_on: SystemTime,
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken").field("token", &"<redacted>").field("expires_on", &self.expires_on).finish()
    }
}

#[async_trait]
pub trait TokenSource: Send + Sync {
    /// A token valid for `scope` (for example [`ARM_SCOPE`]).
    async fn token(&self, scope: &str) -> Result<AccessToken, ApimError>;
    /// A short name for errors and logs ("static token", "managed identity", ...).
    fn name(&self) -> &str;
}

/// `auth` in the client options. `kind` picks the source; absent means no Authorization header
/// (the emulator without `--require-token`). Secret fields never show in `Debug` or errors.
#[derive(Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuthOptions {
    /// token | clientSecret | clientCertificate | workloadIdentity | managedIdentity | azureCli |
    /// environment | default | none
    #[serde(default)]
    pub kind: Option<String>,
    /// The bearer token for `kind = "token"`.
    #[serde(default)]
    pub token: Option<String>,
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

impl fmt::Debug for AuthOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |v: &Option<String>| v.as_ref().map(|_| "<set>");
        f.debug_struct("AuthOptions")
            .field("kind", &self.kind)
            .field("token", &shown(&self.token).map(|_| "<redacted>"))
            .field("tenantId", &self.tenant_id)
            .field("clientId", &self.client_id)
            .field("clientSecret", &self.client_secret)
            .field("certificatePath", &self.certificate_path)
            .field("certificatePassword", &self.certificate_password)
            .field("certificateData", &self.certificate_data)
            .field("sendCertificateChain", &self.send_certificate_chain)
            .field("federatedTokenFile", &self.federated_token_file)
            .field("identityClientId", &self.identity_client_id)
            .field("identityObjectId", &self.identity_object_id)
            .field("identityResourceId", &self.identity_resource_id)
            .field("identityRequestMethod", &self.identity_request_method)
            .field("authorityHost", &self.authority_host)
            .field("environment", &self.environment)
            .finish()
    }
}

/// Builds the token source the options ask for from the process environment; `Ok(None)` means
/// send no Authorization header. Every source except a static token is wrapped in the cache.
pub fn token_source_from_options(options: &AuthOptions) -> Result<Option<Arc<dyn TokenSource>>, ApimError> {
    from_options::token_source(options, &Env::process())
}

/// The same with an explicit environment (tests, hosts that manage their own variables).
pub fn token_source_from_options_with_env(
    options: &AuthOptions,
    env: &Env,
) -> Result<Option<Arc<dyn TokenSource>>, ApimError> {
    from_options::token_source(options, env)
}
