//! Workload identity federation (AKS, GitHub Actions, ...): the platform writes a federated token
//! to a file and rotates it; the file is read again for every token request (so every refresh).

use super::client_assertion::{AssertionProvider, ClientAssertionCredential};
use super::errors;
use crate::model::error::ApimError;
use async_trait::async_trait;

pub const SOURCE_NAME: &str = "workload identity";

struct FederatedTokenFile {
    path: String,
}

#[async_trait]
impl AssertionProvider for FederatedTokenFile {
    async fn assertion(&self, _client_id: &str, _token_url: &str) -> Result<String, ApimError> {
        let text = tokio::fs::read_to_string(&self.path).await.map_err(|e| {
            errors::failed(SOURCE_NAME, format!("the federated token file '{}' cannot be read ({})", self.path, e.kind()))
        })?;
        let token = text.trim();
        if token.is_empty() {
            return Err(errors::failed(SOURCE_NAME, format!("the federated token file '{}' is empty", self.path)));
        }
        Ok(token.to_string())
    }
}

pub fn workload_identity_credential(token_url: String, client_id: String, token_file: String) -> ClientAssertionCredential {
    ClientAssertionCredential::new(SOURCE_NAME, token_url, client_id, Box::new(FederatedTokenFile { path: token_file }))
}
