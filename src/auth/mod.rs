//! Token sources behind one trait, selected by the client options' `auth.kind`.
//! SKELETON: the auth helper adds client secret/certificate, workload identity, managed identity,
//! Azure CLI and the default chain.

pub mod static_token;

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
/// (the emulator without `--require-token`).
#[derive(Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthOptions {
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub token: Option<String>,
}

impl fmt::Debug for AuthOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthOptions").field("kind", &self.kind).finish_non_exhaustive()
    }
}

/// Builds the token source the options ask for; `Ok(None)` means send no Authorization header.
pub fn token_source_from_options(options: &AuthOptions) -> Result<Option<Arc<dyn TokenSource>>, ApimError> {
    match options.kind.as_deref() {
        None | Some("none") => Ok(None),
        Some("token") => {
            let token = options
                .token
                .clone()
                .ok_or_else(|| ApimError::invalid_argument("auth.token", "auth.token is required when auth.kind is 'token'"))?;
            Ok(Some(Arc::new(static_token::StaticToken::new(token))))
        }
        Some(other) => Err(ApimError::invalid_argument(
            "auth.kind",
            format!("auth.kind '{other}' is not supported"),
        )),
    }
}
