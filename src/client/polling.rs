//! Long-running answers: a `202 Accepted` with a `Location` header is polled (GET, honouring
//! `Retry-After`) until the service stops answering 202. Backend operations are synchronous in the
//! spec, but APIM has been seen to answer writes with 202 + Location (rest-contracts.md A.7).

use super::engine::Call;
use super::transport::{HttpRequest, HttpResponse};
use crate::model::{ApimError, ErrorCategory};
use reqwest::Method;
use std::time::Duration;

/// The wait between polls when the service sends no `Retry-After` (still capped by maxDelayMs).
pub const DEFAULT_POLL_INTERVAL: Duration = Duration::from_secs(5);
/// How many polls before giving up (with the default interval: about ten minutes).
pub const MAX_POLLS: u32 = 120;

impl Call<'_> {
    /// Follows `response` to completion when it is a 202 with `Location`; returns the last poll's
    /// answer and whether any polling happened. Any other answer is returned as it is.
    pub async fn poll_to_completion(&mut self, response: HttpResponse) -> Result<(HttpResponse, bool), ApimError> {
        let mut current = response;
        let mut polls = 0u32;
        while current.status == 202 {
            let Some(location) = current.location.clone() else {
                // A 202 without Location is terminal (reconnect: "accepted", nothing to follow).
                return Ok((current, polls > 0));
            };
            if polls == MAX_POLLS {
                return Err(ApimError::new(
                    "LongRunningOperationTimeout",
                    format!("the operation was still running after {MAX_POLLS} polls of its Location"),
                    ErrorCategory::OperationTimeout,
                )
                .with_request_id(current.request_id.clone()));
            }
            let policy = self.policy();
            let wait = current.retry_after().unwrap_or(DEFAULT_POLL_INTERVAL).min(policy.max_delay);
            self.sleep(wait).await?;
            let url = self.follow_url(&location, "Location")?;
            current = self.send(&HttpRequest::new(Method::GET, url)).await?;
            polls += 1;
        }
        Ok((current, polls > 0))
    }
}
