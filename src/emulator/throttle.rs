//! `--throttle`: ARM's token buckets, one per (subscription, reads|writes), refilled continuously.
//! A request that finds its bucket empty gets 429 `TooManyRequests` with `Retry-After` (whole
//! seconds until a token is back); other responses carry
//! `x-ms-ratelimit-remaining-subscription-reads` / `-writes` like ARM.
//! Graph routes (no subscription in the path) share one tenant-wide bucket pair.

use super::errors::ArmError;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::middleware::StateInformationMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use serde::Deserialize;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

/// Bucket sizes and refill rates (ARM's defaults: 250 reads refilled at 25/s, 200 writes at 10/s).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ThrottleLimits {
    #[serde(default = "ThrottleLimits::default_read_bucket")]
    pub read_bucket: u32,
    #[serde(default = "ThrottleLimits::default_read_refill")]
    pub read_refill_per_second: f64,
    #[serde(default = "ThrottleLimits::default_write_bucket")]
    pub write_bucket: u32,
    #[serde(default = "ThrottleLimits::default_write_refill")]
    pub write_refill_per_second: f64,
}

impl ThrottleLimits {
    fn default_read_bucket() -> u32 {
        250
    }
    fn default_read_refill() -> f64 {
        25.0
    }
    fn default_write_bucket() -> u32 {
        200
    }
    fn default_write_refill() -> f64 {
        10.0
    }
}

impl Default for ThrottleLimits {
    fn default() -> Self {
        serde_json::from_str("{}").expect("defaults deserialise")
    }
}

type Bucket = RateLimiter<String, DefaultKeyedStateStore<String>, DefaultClock, StateInformationMiddleware>;

/// Both buckets of every subscription.
pub struct Throttle {
    reads: Bucket,
    writes: Bucket,
    clock: DefaultClock,
}

impl Throttle {
    pub fn new(limits: &ThrottleLimits) -> Throttle {
        Throttle {
            reads: bucket(limits.read_bucket, limits.read_refill_per_second),
            writes: bucket(limits.write_bucket, limits.write_refill_per_second),
            clock: DefaultClock::default(),
        }
    }
}

fn bucket(size: u32, refill_per_second: f64) -> Bucket {
    let size = NonZeroU32::new(size.max(1)).expect("max(1) is non-zero");
    // A rate of 0 or less would never refill; one token a day is the slowest we model.
    let period = if refill_per_second > 0.0 { Duration::from_secs_f64(1.0 / refill_per_second) } else { Duration::from_secs(86_400) };
    let quota = Quota::with_period(period.max(Duration::from_nanos(1)))
        .expect("period is non-zero")
        .allow_burst(size);
    RateLimiter::keyed(quota).with_middleware::<StateInformationMiddleware>()
}

/// The subscription of an ARM path (lower-cased, ARM ids are case-insensitive), or "tenant".
fn subscription_of(path: &str) -> String {
    let mut segments = path.trim_start_matches('/').split('/');
    match (segments.next(), segments.next()) {
        (Some(first), Some(sub)) if first.eq_ignore_ascii_case("subscriptions") => sub.to_lowercase(),
        _ => "tenant".to_string(),
    }
}

pub async fn throttle(State(throttle): State<Arc<Throttle>>, request: Request, next: Next) -> Response {
    let is_read = request.method() == Method::GET || request.method() == Method::HEAD;
    let (bucket, header) = if is_read {
        (&throttle.reads, "x-ms-ratelimit-remaining-subscription-reads")
    } else {
        (&throttle.writes, "x-ms-ratelimit-remaining-subscription-writes")
    };
    let key = subscription_of(request.uri().path());
    match bucket.check_key(&key) {
        Ok(snapshot) => {
            let mut response = next.run(request).await;
            response.headers_mut().insert(header, HeaderValue::from(snapshot.remaining_burst_capacity()));
            response
        }
        Err(not_until) => {
            let wait = not_until.wait_time_from(throttle.clock.now());
            // Round up: a client that waits exactly Retry-After seconds must find a token.
            let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            let mut e = ArmError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "TooManyRequests",
                format!(
                    "The request is throttled: too many {} for subscription '{key}'. Retry after {} seconds.",
                    if is_read { "reads" } else { "writes" },
                    seconds.max(1)
                ),
            )
            .for_method(request.method());
            e.retry_after = Some(seconds.max(1));
            let mut response = e.into_response();
            response.headers_mut().insert(header, HeaderValue::from(0u32));
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_per_subscription_and_kind() {
        let t = Throttle::new(&ThrottleLimits { read_bucket: 1, read_refill_per_second: 0.001, write_bucket: 2, write_refill_per_second: 0.001 });
        assert!(t.reads.check_key(&"a".to_string()).is_ok());
        assert!(t.reads.check_key(&"a".to_string()).is_err());
        assert!(t.reads.check_key(&"b".to_string()).is_ok());
        assert!(t.writes.check_key(&"a".to_string()).is_ok());
        assert_eq!(subscription_of("/subscriptions/ABC/resourceGroups"), "abc");
        assert_eq!(subscription_of("/v1.0/identity/apiConnectors"), "tenant");
    }
}
