//! A service principal proving itself with a client assertion (a JWT) instead of a secret. Where
//! the assertion comes from is the [`AssertionProvider`]: a certificate signs a fresh one per
//! request, workload identity reads the federated token file.

use super::entra_token::{client_credentials_token, ClientCredential};
use super::{AccessToken, TokenSource};
use crate::model::error::ApimError;
use async_trait::async_trait;

#[async_trait]
pub trait AssertionProvider: Send + Sync {
    /// The assertion for one token request to `token_url` as `client_id`.
    async fn assertion(&self, client_id: &str, token_url: &str) -> Result<String, ApimError>;
}

pub struct ClientAssertionCredential {
    name: &'static str,
    token_url: String,
    client_id: String,
    provider: Box<dyn AssertionProvider>,
}

impl ClientAssertionCredential {
    pub fn new(name: &'static str, token_url: String, client_id: String, provider: Box<dyn AssertionProvider>) -> Self {
        ClientAssertionCredential { name, token_url, client_id, provider }
    }
}

#[async_trait]
impl TokenSource for ClientAssertionCredential {
    async fn token(&self, scope: &str) -> Result<AccessToken, ApimError> {
        // Why per request: a certificate assertion expires in minutes and a federated token file
        // is rotated by the platform, so neither is kept.
        let assertion = self.provider.assertion(&self.client_id, &self.token_url).await?;
        client_credentials_token(self.name, &self.token_url, &self.client_id, ClientCredential::Assertion(&assertion), scope).await
    }
    fn name(&self) -> &str {
        self.name
    }
}
