//! Which subscription a request targets when the caller named none directly: the explicit value,
//! then the one inside a ResourceId, then AZURE_SUBSCRIPTION_ID, then the Azure CLI's default.

use super::azure_cli::AzureCliCredential;
use super::env::Env;
use crate::model::error::ApimError;

/// `/subscriptions/{id}/…` (case-insensitive, as ARM treats it).
pub fn subscription_from_resource_id(resource_id: &str) -> Option<String> {
    let mut segments = resource_id.trim().trim_start_matches('/').split('/');
    let first = segments.next()?;
    if !first.eq_ignore_ascii_case("subscriptions") {
        return None;
    }
    segments.next().filter(|s| !s.is_empty()).map(str::to_string)
}

pub async fn resolve_subscription_id(
    explicit: Option<&str>,
    resource_id: Option<&str>,
    env: &Env,
) -> Result<String, ApimError> {
    if let Some(id) = explicit.map(str::trim).filter(|s| !s.is_empty()) {
        return Ok(id.to_string());
    }
    if let Some(id) = resource_id.and_then(subscription_from_resource_id) {
        return Ok(id);
    }
    if let Some(id) = env.get("AZURE_SUBSCRIPTION_ID") {
        return Ok(id);
    }
    match AzureCliCredential::new(env.clone(), None).default_subscription().await {
        Ok(id) => Ok(id),
        Err(cli) => Err(ApimError::invalid_argument(
            "subscriptionId",
            format!(
                "no subscription: none was given, the ResourceId names none, AZURE_SUBSCRIPTION_ID is not set, and the Azure CLI has no default ({})",
                cli.message
            ),
        )),
    }
}
