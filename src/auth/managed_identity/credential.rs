//! The managed-identity token source: the platform found at creation, asked per token in that
//! platform's own request form (`flows`, `imds`).

use super::flows;
use super::imds::{imds_token, ImdsRetryPolicy};
use super::platform::detect_platform;
use super::{Platform, UserAssignedId, SOURCE_NAME};
use crate::auth::env::Env;
use crate::auth::{authority::scope_to_resource, errors, AccessToken, TokenSource};
use crate::model::error::ApimError;
use async_trait::async_trait;

pub struct ManagedIdentityCredential {
    platform: Platform,
    identity: Option<UserAssignedId>,
    imds_retry: ImdsRetryPolicy,
}

impl ManagedIdentityCredential {
    /// Finds the platform endpoint and checks that it can select `identity` the way it was given.
    pub fn new(env: &Env, identity: Option<UserAssignedId>, automation_post_form: bool) -> Result<Self, ApimError> {
        let platform = detect_platform(env, automation_post_form)?;
        flows::check_identity_supported(&platform, identity.as_ref())?;
        Ok(ManagedIdentityCredential { platform, identity, imds_retry: ImdsRetryPolicy::default() })
    }

    /// Replaces the IMDS retry policy (tests use millisecond delays).
    pub fn with_imds_retry(mut self, policy: ImdsRetryPolicy) -> Self {
        self.imds_retry = policy;
        self
    }

    pub fn platform(&self) -> &Platform {
        &self.platform
    }
}

#[async_trait]
impl TokenSource for ManagedIdentityCredential {
    async fn token(&self, scope: &str) -> Result<AccessToken, ApimError> {
        let resource = scope_to_resource(scope)?;
        let identity = self.identity.as_ref();
        match &self.platform {
            Platform::Imds { endpoint } => imds_token(endpoint, &resource, identity, &self.imds_retry).await,
            Platform::AppService { endpoint, header } => flows::app_service(endpoint, header, &resource, identity).await,
            Platform::Automation { endpoint, header, post_form } => {
                flows::automation(endpoint, header, &resource, identity, *post_form).await
            }
            Platform::LegacyAppService { endpoint, secret } => flows::legacy_app_service(endpoint, secret, &resource, identity).await,
            Platform::CloudShell { endpoint } => flows::cloud_shell(endpoint, &resource).await,
            Platform::Unsupported { reason } => Err(errors::unavailable(SOURCE_NAME, reason.clone())),
        }
    }
    fn name(&self) -> &str {
        SOURCE_NAME
    }
}
