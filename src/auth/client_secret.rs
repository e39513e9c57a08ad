//! A service principal signing in with its client secret (`auth.kind = "clientSecret"`).

use super::entra_token::{client_credentials_token, ClientCredential};
use super::secret::Secret;
use super::{AccessToken, TokenSource};
use crate::model::error::ApimError;
use async_trait::async_trait;

pub struct ClientSecretCredential {
    token_url: String,
    client_id: String,
    secret: Secret,
}

impl ClientSecretCredential {
    /// `token_url` is `{authority}/{tenant}/oauth2/v2.0/token` (see `authority::token_endpoint`).
    pub fn new(token_url: String, client_id: String, secret: Secret) -> ClientSecretCredential {
        ClientSecretCredential { token_url, client_id, secret }
    }
}

#[async_trait]
impl TokenSource for ClientSecretCredential {
    async fn token(&self, scope: &str) -> Result<AccessToken, ApimError> {
        client_credentials_token(self.name(), &self.token_url, &self.client_id, ClientCredential::Secret(&self.secret), scope)
            .await
    }
    fn name(&self) -> &str {
        "client secret"
    }
}
