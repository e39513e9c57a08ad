//! The retry policy: which answers are worth another attempt, and how long to wait before it
//! (the service's `Retry-After`, else exponential back-off with full jitter).

use super::options::RetryOptions;
use rand::Rng;
use std::time::{Duration, SystemTime};

/// Statuses ARM documents as transient (rest-contracts.md A.7).
pub const RETRYABLE_STATUSES: [u16; 6] = [408, 429, 500, 502, 503, 504];

pub fn is_retryable_status(status: u16) -> bool {
    RETRYABLE_STATUSES.contains(&status)
}

/// Whether repeating a request can change the outcome beyond what one successful attempt does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idempotency {
    /// GET, HEAD, PUT (a full replacement converges on the same state), and PATCH / DELETE that
    /// carry `If-Match`: a repeat either applies the same change again or is refused by the ETag.
    Idempotent,
    /// POST (reconnect): repeat only when the service surely did not process the first attempt.
    NonIdempotent,
}

/// What went wrong with one attempt, as far as the retry decision needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The service answered with this status.
    Status(u16),
    /// No connection could be made: the request never left this process.
    Connect,
    /// The connection broke after the request may have been sent (reset, truncated answer).
    Transport,
    /// No complete answer within the per-attempt timeout (`timeoutSeconds`); the service may
    /// still be working on the request.
    Timeout,
}

/// The policy for one client, built from [`RetryOptions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Total attempts including the first; at least 1.
    pub max_attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
}

impl RetryPolicy {
    pub fn from_options(options: &RetryOptions) -> RetryPolicy {
        RetryPolicy {
            max_attempts: options.max_attempts.max(1),
            base_delay: Duration::from_millis(options.base_delay_ms),
            max_delay: Duration::from_millis(options.max_delay_ms),
        }
    }

    /// Whether attempt number `attempt` (1-based) that ended in `failure` may be followed by another.
    pub fn should_retry(&self, attempt: u32, idempotency: Idempotency, failure: Failure) -> bool {
        if attempt >= self.max_attempts {
            return false;
        }
        match (idempotency, failure) {
            (_, Failure::Connect) => true,
            // 429 means the throttle refused the request before any processing.
            (Idempotency::NonIdempotent, Failure::Status(429)) => true,
            (Idempotency::NonIdempotent, _) => false,
            (Idempotency::Idempotent, Failure::Status(s)) => is_retryable_status(s),
            // A repeat of an idempotent request converges on the same state, so a slow attempt
            // is retried like a broken one (Azure.Core does the same).
            (Idempotency::Idempotent, Failure::Transport | Failure::Timeout) => true,
        }
    }

    /// The largest back-off before retry number `attempt` (1-based: the wait after attempt 1):
    /// `min(max_delay, base_delay * 2^(attempt-1))`.
    pub fn backoff_ceiling(&self, attempt: u32) -> Duration {
        let shift = attempt.saturating_sub(1).min(31);
        let ceiling = self.base_delay.saturating_mul(1u32 << shift);
        ceiling.min(self.max_delay)
    }

    /// Full jitter (a uniform draw in `[0, ceiling]`): clients throttled together spread out
    /// instead of retrying in lock-step.
    pub fn backoff_delay<R: Rng + ?Sized>(&self, attempt: u32, rng: &mut R) -> Duration {
        let ceiling_ms = self.backoff_ceiling(attempt).as_millis() as u64;
        Duration::from_millis(rng.gen_range(0..=ceiling_ms))
    }

    /// The wait before the next attempt: the service's `Retry-After` when it sent one, else
    /// back-off. `None` when the service asked for a longer wait than `max_delay`: retrying
    /// earlier than it asked would only be refused again (and counts against the caller's quota),
    /// so the call gives up and reports the wait instead.
    pub fn delay(&self, attempt: u32, retry_after: Option<Duration>) -> Option<Duration> {
        match retry_after {
            Some(d) if d > self.max_delay => None,
            Some(d) => Some(d),
            None => Some(self.backoff_delay(attempt, &mut rand::thread_rng())),
        }
    }
}

/// Parses `Retry-After`: delta-seconds (`"7"`, also a fractional `"1.5"`) or an HTTP date,
/// relative to `now`. A date in the past means "now"; anything unparseable is ignored.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    if let Ok(secs) = value.parse::<f64>() {
        if secs.is_finite() && secs >= 0.0 {
            return Some(Duration::from_secs_f64(secs.min(86_400.0)));
        }
        return None;
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(now).unwrap_or(Duration::ZERO))
}

/// Parses the millisecond variants Azure services also send (`retry-after-ms`,
/// `x-ms-retry-after-ms`); they are more precise than `Retry-After`, so they win.
pub fn parse_retry_after_ms(value: &str) -> Option<Duration> {
    value.trim().parse::<u64>().ok().map(Duration::from_millis)
}
