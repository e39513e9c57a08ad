//! The retry loop of one request: attempt, record the exchange, decide (the [`RetryPolicy`] with
//! the service's Retry-After), wait unless cancelled, and build the final error in the dialect.

use super::dialect::Dialect;
use super::outcome_note;
use super::retry::{Failure, RetryPolicy};
use super::transport::{header_string, retry_after_of, AttemptError, HttpRequest, HttpResponse};
use super::Exchange;
use crate::model::{ApimError, ErrorCategory};
use std::future::Future;
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

/// The error every cancelled call returns (the C ABI maps it to `APIM_STATUS_CANCELLED`).
pub fn cancelled_error() -> ApimError {
    ApimError::new("OperationCancelled", "The operation was cancelled.", ErrorCategory::OperationStopped)
}

/// Sleeps, unless `cancel` fires first.
pub async fn sleep_unless_cancelled(cancel: &CancellationToken, delay: Duration) -> Result<(), ApimError> {
    tokio::select! {
        biased;
        _ = cancel.cancelled() => Err(cancelled_error()),
        _ = tokio::time::sleep(delay) => Ok(()),
    }
}

/// What the loop needs besides the attempt itself.
pub struct Retrying<'a> {
    pub policy: RetryPolicy,
    pub dialect: &'static Dialect,
    pub cancel: &'a CancellationToken,
    /// One entry per attempt is appended (with the wait before the next, when retried).
    pub exchanges: &'a mut Vec<Exchange>,
}

impl Retrying<'_> {
    /// Runs `attempt` until it succeeds, fails for good, or the policy stops retrying.
    pub async fn run<F, Fut>(self, request: &HttpRequest, attempt: F) -> Result<HttpResponse, ApimError>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<HttpResponse, AttemptError>>,
    {
        let Retrying { policy, dialect, cancel, exchanges } = self;
        let mut number: u32 = 1;
        loop {
            if cancel.is_cancelled() {
                return Err(cancelled_error());
            }
            let started = Instant::now();
            let outcome = tokio::select! {
                biased;
                _ = cancel.cancelled() => Err(AttemptError::Fatal(cancelled_error())),
                r = attempt() => r,
            };
            let request_id = request_id_of(&outcome, dialect);
            let retry_after = match &outcome {
                Err(AttemptError::Status(_, headers, _)) => retry_after_of(headers),
                _ => None,
            };
            exchanges.push(Exchange {
                method: request.method.as_str().to_string(),
                url: request.url.to_string(),
                status: status_of(&outcome),
                request_id: request_id.clone(),
                elapsed_ms: started.elapsed().as_millis() as u64,
                attempt: number,
                delay_ms: None,
            });
            if let Some(failure) = failure_of(&outcome) {
                let wait = policy.should_retry(number, request.idempotency, failure).then(|| policy.delay(number, retry_after));
                if let (Some(None), Some(asked), Err(AttemptError::Status(status, _, body))) = (wait, retry_after, &outcome) {
                    return Err(wait_too_long(dialect, *status, body, request_id, asked, policy));
                }
                if let Some(Some(delay)) = wait {
                    if let Some(last) = exchanges.last_mut() {
                        last.delay_ms = Some(delay.as_millis() as u64);
                    }
                    sleep_unless_cancelled(cancel, delay).await?;
                    number += 1;
                    continue;
                }
            }
            return match outcome {
                Ok(resp) => Ok(resp),
                Err(AttemptError::Status(status, _, body)) => {
                    let error = (dialect.parse_error)(status, &body).with_http_status(status).with_request_id(request_id);
                    Err(outcome_note::after_status(error, request, number))
                }
                Err(AttemptError::Transport(failure, e)) => Err(outcome_note::after_transport(e, request, failure, number)),
                Err(AttemptError::Fatal(e)) => Err(e),
            };
        }
    }
}

fn status_of(outcome: &Result<HttpResponse, AttemptError>) -> Option<u16> {
    match outcome {
        Ok(resp) => Some(resp.status),
        Err(AttemptError::Status(s, _, _)) => Some(*s),
        Err(_) => None,
    }
}

fn request_id_of(outcome: &Result<HttpResponse, AttemptError>, dialect: &Dialect) -> Option<String> {
    match outcome {
        Ok(resp) => resp.request_id.clone(),
        Err(AttemptError::Status(_, h, _)) => header_string(h, dialect.request_id_header),
        Err(_) => None,
    }
}

/// What the policy judges; a fatal error (cancelled, no token) is never retried.
fn failure_of(outcome: &Result<HttpResponse, AttemptError>) -> Option<Failure> {
    match outcome {
        Ok(_) => None,
        Err(AttemptError::Status(s, _, _)) => Some(Failure::Status(*s)),
        Err(AttemptError::Transport(f, _)) => Some(*f),
        Err(AttemptError::Fatal(_)) => None,
    }
}

/// The service asked for a longer wait than retry.maxDelayMs allows: honour it by not retrying
/// early, and say how long it wants.
fn wait_too_long(dialect: &Dialect, status: u16, body: &[u8], request_id: Option<String>, asked: Duration, policy: RetryPolicy) -> ApimError {
    let mut error = (dialect.parse_error)(status, body).with_http_status(status).with_request_id(request_id);
    error.message = format!(
        "{} (the service asked to wait {} seconds before retrying, longer than retry.maxDelayMs = {} ms; not retried)",
        error.message,
        asked.as_secs_f64().ceil() as u64,
        policy.max_delay.as_millis()
    );
    error
}
