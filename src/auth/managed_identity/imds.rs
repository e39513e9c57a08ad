//! The VM Instance Metadata Service token request and its retry policy: IMDS answers 404 while an
//! identity is still being assigned, 410 while it restarts, 429 when throttled and 5xx when busy,
//! and each of those is retried with exponential back-off.

use crate::auth::http::{describe_transport_error, local_client, read_token_response};
use super::{UserAssignedId, SOURCE_NAME};
use crate::auth::{errors, AccessToken};
use crate::model::error::ApimError;
use std::time::Duration;
use url::Url;

const IMDS_API_VERSION: &str = "2018-02-01";

/// The Azure SDKs' IMDS guidance: up to 6 retries, the first after 1.34 s, doubling, at most 72 s in all.
#[derive(Debug, Clone, Copy)]
pub struct ImdsRetryPolicy {
    pub max_retries: u32,
    pub initial_delay: Duration,
    pub max_total_delay: Duration,
}

impl Default for ImdsRetryPolicy {
    fn default() -> Self {
        ImdsRetryPolicy { max_retries: 6, initial_delay: Duration::from_millis(1340), max_total_delay: Duration::from_secs(72) }
    }
}

pub fn is_retryable(status: u16) -> bool {
    matches!(status, 404 | 410 | 429) || (500..=599).contains(&status)
}

/// `GET http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=…`
/// with `Metadata: true`; user-assigned: `client_id`, `object_id` or `msi_res_id`.
pub async fn imds_token(
    endpoint: &Url,
    resource: &str,
    identity: Option<&UserAssignedId>,
    policy: &ImdsRetryPolicy,
) -> Result<AccessToken, ApimError> {
    let mut url = endpoint.clone();
    {
        let mut query = url.query_pairs_mut();
        query.append_pair("api-version", IMDS_API_VERSION).append_pair("resource", resource);
        match identity {
            Some(UserAssignedId::ClientId(id)) => query.append_pair("client_id", id),
            Some(UserAssignedId::ObjectId(id)) => query.append_pair("object_id", id),
            Some(UserAssignedId::ResourceId(id)) => query.append_pair("msi_res_id", id),
            None => &mut query,
        };
    }
    let mut waited = Duration::ZERO;
    let mut attempt: u32 = 0;
    loop {
        let sent = local_client().get(url.clone()).header("Metadata", "true").send().await;
        let response = match sent {
            Ok(r) => r,
            // Why unavailable: no answer at all means this machine has no IMDS (not an Azure VM),
            // so the default chain moves on instead of waiting through the retries.
            Err(e) if attempt == 0 => {
                return Err(errors::unavailable(
                    SOURCE_NAME,
                    format!("no IMDS endpoint answered at {} ({})", origin(endpoint), describe_transport_error(&e)),
                ))
            }
            Err(e) => return Err(errors::failed(SOURCE_NAME, format!("IMDS stopped answering: {}", describe_transport_error(&e)))),
        };
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let body = response
            .bytes()
            .await
            .map_err(|e| errors::failed(SOURCE_NAME, format!("reading the IMDS answer: {}", describe_transport_error(&e))))?;
        if status == 400 {
            return Err(errors::unavailable(
                SOURCE_NAME,
                "IMDS answered 400: the requested identity has not been assigned to this resource",
            )
            .with_http_status(400));
        }
        if is_retryable(status) && attempt < policy.max_retries {
            let backoff = policy.initial_delay.saturating_mul(1u32 << attempt.min(16));
            let delay = retry_after.map_or(backoff, |r| r.max(backoff));
            if waited + delay <= policy.max_total_delay {
                tokio::time::sleep(delay).await;
                waited += delay;
                attempt += 1;
                continue;
            }
        }
        return read_token_response(SOURCE_NAME, status, &body);
    }
}

fn origin(url: &Url) -> String {
    url.origin().ascii_serialization()
}
