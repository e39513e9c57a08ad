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
}

#[async_trait]
impl TokenSource for StaticToken {
    async fn token(&self, _scope: &str) -> Result<AccessToken, ApimError> {
        Ok(AccessToken { token: self.token.clone(), expires_on: SystemTime::now() + Duration::from_secs(3600) })
    }
    fn name(&self) -> &str {
        "static token"
    }
}
