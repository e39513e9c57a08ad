//! A token handed in by the caller (`auth.kind = "token"`); never refreshed.

use super::{AccessToken, TokenSource};
use crate::model::error::ApimError;
use async_trait::async_trait;
use std::time::{Duration, SystemTime};

pub struct StaticToken {
    token: String,
}

impl StaticToken {
    pub fn new(token: String) -> Self {
        StaticToken { token }
    }

    fn current(&self) -> AccessToken {
        AccessToken { token: self.token.clone(), expires_on: SystemTime::now() + Duration::from_secs(3600) }
    }
}

#[async_trait]
impl TokenSource for StaticToken {
    async fn token(&self, _scope: &str) -> Result<AccessToken, ApimError> {
        Ok(self.current())
    }
    fn name(&self) -> &str {
        "static token"
    }
    fn ready(&self, _scope: &str) -> Option<AccessToken> {
        Some(self.current())
    }
}
