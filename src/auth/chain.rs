//! `auth.kind = "default"`: the Azure SDKs' DefaultAzureCredential order: environment, workload
//! identity, managed identity, Azure CLI. A source that does not apply is skipped; the first that
//! gives a token is kept for later calls; one that applies but fails ends the search (falling
//! through to another identity would act as someone else). When none works, the error lists
//! every source tried and why, each as a detail.

use super::errors::{self, is_unavailable};
use super::{AccessToken, TokenSource};
use crate::model::error::{ApimError, ErrorCategory, ErrorDetail};
use async_trait::async_trait;
use std::sync::{Arc, OnceLock};

/// One link: a ready source, or the reason it could not even be built (not configured, or a
/// broken configuration such as an unreadable certificate).
pub struct ChainLink {
    pub label: &'static str,
    pub source: Result<Arc<dyn TokenSource>, ApimError>,
}

pub struct DefaultChain {
    links: Vec<ChainLink>,
    chosen: OnceLock<usize>,
}

impl DefaultChain {
    pub fn new(links: Vec<ChainLink>) -> DefaultChain {
        DefaultChain { links, chosen: OnceLock::new() }
    }

    /// The labels in the order they are tried.
    pub fn labels(&self) -> Vec<&'static str> {
        self.links.iter().map(|l| l.label).collect()
    }
}

#[async_trait]
impl TokenSource for DefaultChain {
    async fn token(&self, scope: &str) -> Result<AccessToken, ApimError> {
        if let Some(&index) = self.chosen.get() {
            if let Ok(source) = &self.links[index].source {
                return source.token(scope).await;
            }
        }
        let mut tried: Vec<ErrorDetail> = Vec::new();
        let mut any_failed = false;
        for (index, link) in self.links.iter().enumerate() {
            let outcome = match &link.source {
                Ok(source) => source.token(scope).await,
                Err(error) => Err(error.clone()),
            };
            match outcome {
                Ok(token) => {
                    let _ = self.chosen.set(index);
                    return Ok(token);
                }
                Err(error) => {
                    let skipped = is_unavailable(&error);
                    let reason = strip_prefix(&error.message, link.label);
                    let message = if skipped { format!("skipped: {reason}") } else { format!("failed: {reason}") };
                    tried.push(ErrorDetail::new(link.label, error.code.clone(), format!("{}: {message}", link.label)));
                    if !skipped {
                        any_failed = true;
                        break;
                    }
                }
            }
        }
        let listing: Vec<&str> = tried.iter().map(|d| d.message.as_str()).collect();
        let code = if any_failed { errors::AUTHENTICATION_FAILED } else { errors::CREDENTIAL_UNAVAILABLE };
        let mut error = ApimError::new(
            code,
            format!("The default credential chain found no usable credential. Tried: {}", listing.join("; ")),
            ErrorCategory::AuthenticationError,
        )
        .with_target("auth.kind");
        error.details = tried;
        Err(error)
    }
    fn name(&self) -> &str {
        "default chain"
    }
}

/// Source errors start with their own name ("environment: …"); the listing names it once.
fn strip_prefix(message: &str, label: &str) -> String {
    message.strip_prefix(label).and_then(|m| m.strip_prefix(": ")).unwrap_or(message).to_string()
}
