//! What every token source gives and is: a bearer token with its expiry, and the trait.

use crate::model::error::ApimError;
use async_trait::async_trait;
use std::fmt;
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
    /// A token valid for `scope` that is at hand without waiting or sending anything (a static or
    /// cached one), or None. Lets a call driven on its caller's own runtime skip handing the
    /// token request to the shared runtime when there is nothing to fetch.
    fn ready(&self, _scope: &str) -> Option<AccessToken> {
        None
    }
}
