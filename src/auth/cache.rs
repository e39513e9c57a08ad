//! Tokens cached per scope and refreshed shortly before they expire. Each scope has its own async
//! mutex: the first caller that finds the token stale fetches a new one while the others wait on
//! the lock and then read the fresh token, so N concurrent callers cause exactly one request.

use super::{AccessToken, TokenSource};
use crate::model::error::ApimError;
use async_trait::async_trait;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// The Azure SDKs refresh five minutes before expiry; a request started with an older token
/// could otherwise outlive it.
pub const DEFAULT_REFRESH_MARGIN: Duration = Duration::from_secs(300);

type Slot = Arc<tokio::sync::Mutex<Option<AccessToken>>>;

pub struct CachingTokenSource {
    inner: Arc<dyn TokenSource>,
    refresh_margin: Duration,
    slots: Mutex<HashMap<String, Slot>>,
}

impl CachingTokenSource {
    pub fn new(inner: Arc<dyn TokenSource>) -> CachingTokenSource {
        CachingTokenSource { inner, refresh_margin: DEFAULT_REFRESH_MARGIN, slots: Mutex::new(HashMap::new()) }
    }

    pub fn with_refresh_margin(mut self, margin: Duration) -> CachingTokenSource {
        self.refresh_margin = margin;
        self
    }

    fn slot(&self, scope: &str) -> Slot {
        // Why unwrap_or_else(into_inner): a panic elsewhere must not poison every later token call.
        let mut slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        slots.entry(scope.to_string()).or_default().clone()
    }
}

#[async_trait]
impl TokenSource for CachingTokenSource {
    async fn token(&self, scope: &str) -> Result<AccessToken, ApimError> {
        let slot = self.slot(scope);
        let mut cached = slot.lock().await;
        let now = SystemTime::now();
        if let Some(token) = cached.as_ref() {
            if token.expires_on > now + self.refresh_margin {
                return Ok(token.clone());
            }
        }
        match self.inner.token(scope).await {
            Ok(token) => {
                *cached = Some(token.clone());
                Ok(token)
            }
            // A failed early refresh keeps using the token while it is still valid.
            Err(error) => match cached.as_ref() {
                Some(token) if token.expires_on > now => Ok(token.clone()),
                _ => Err(error),
            },
        }
    }
    fn name(&self) -> &str {
        self.inner.name()
    }
    fn ready(&self, scope: &str) -> Option<AccessToken> {
        // Why try_lock: a slot that is locked is being refreshed; the caller then waits in `token`.
        let slot = self.slot(scope);
        let cached = slot.try_lock().ok()?;
        cached.as_ref().filter(|token| token.expires_on > SystemTime::now() + self.refresh_margin).cloned()
    }
}
