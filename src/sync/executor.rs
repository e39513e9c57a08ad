//! The bulk executor: runs writes with at most `throttleLimit` in flight and paces their start
//! with a client-side token bucket sized like ARM's write budget (bursts of 200, 10 writes a
//! second per principal), so a large sync stays inside the budget instead of leaning on 429s.
//! A 429 that still comes (another client sharing the budget) is retried by the client as any
//! other call, honouring Retry-After.

use crate::model::{ApimError, ErrorDetail};
use futures_util::stream::{self, StreamExt};
use governor::{Quota, RateLimiter};
use serde::Deserialize;
use std::future::Future;
use std::num::NonZeroU32;
use std::time::Duration;

/// How hard a sync may push. Defaults: 8 writes in flight, ARM's write budget.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BulkOptions {
    #[serde(default = "BulkOptions::default_throttle_limit")]
    pub throttle_limit: u32,
    /// Writes that may start at once before the rate applies.
    #[serde(default = "BulkOptions::default_write_burst")]
    pub write_burst: u32,
    /// Sustained writes per second.
    #[serde(default = "BulkOptions::default_writes_per_second")]
    pub writes_per_second: f64,
}

impl BulkOptions {
    fn default_throttle_limit() -> u32 {
        8
    }
    fn default_write_burst() -> u32 {
        200
    }
    fn default_writes_per_second() -> f64 {
        10.0
    }

    /// The options a request gives, each defaulting when absent.
    pub fn from_request(throttle_limit: Option<u32>, write_burst: Option<u32>, writes_per_second: Option<f64>) -> BulkOptions {
        let d = BulkOptions::default();
        BulkOptions {
            throttle_limit: throttle_limit.unwrap_or(d.throttle_limit),
            write_burst: write_burst.unwrap_or(d.write_burst),
            writes_per_second: writes_per_second.unwrap_or(d.writes_per_second),
        }
    }

    /// Checks the numbers before anything is sent.
    pub fn check(&self) -> Result<(), ApimError> {
        let mut details = Vec::new();
        if !(1..=64).contains(&self.throttle_limit) {
            details.push(ErrorDetail::new("throttleLimit", "Range", format!("throttleLimit must be 1..64 (got {})", self.throttle_limit)));
        }
        if !(1..=10_000).contains(&self.write_burst) {
            details.push(ErrorDetail::new("writeBurst", "Range", format!("writeBurst must be 1..10000 (got {})", self.write_burst)));
        }
        if !(self.writes_per_second.is_finite() && self.writes_per_second >= 0.01 && self.writes_per_second <= 10_000.0) {
            details.push(ErrorDetail::new("writesPerSecond", "Range", "writesPerSecond must be a number in 0.01..10000"));
        }
        if details.is_empty() { Ok(()) } else { Err(ApimError::validation(details)) }
    }
}

impl Default for BulkOptions {
    fn default() -> Self {
        serde_json::from_str("{}").expect("defaults deserialise")
    }
}

/// The pacing shared by every phase of one sync.
pub struct Pacer {
    limit: usize,
    bucket: RateLimiter<governor::state::NotKeyed, governor::state::InMemoryState, governor::clock::DefaultClock>,
}

/// The share of the budget the pacer uses. Requests released exactly at the budget's pace
/// reach the service with jitter (connection set-up, scheduling), and a few then arrive
/// bunched enough to find the service's bucket empty; a tenth of headroom absorbs that.
const HEADROOM: f64 = 0.9;

impl Pacer {
    pub fn new(options: &BulkOptions) -> Pacer {
        let period = Duration::from_secs_f64(1.0 / (options.writes_per_second * HEADROOM));
        let burst = ((options.write_burst as f64) * HEADROOM).floor() as u32;
        let burst = NonZeroU32::new(burst.max(1)).expect("max(1) is non-zero");
        let quota = Quota::with_period(period.max(Duration::from_nanos(1))).expect("period is non-zero").allow_burst(burst);
        Pacer { limit: options.throttle_limit.max(1) as usize, bucket: RateLimiter::direct(quota) }
    }

    /// Runs `write` for every item, at most `limit` at once, each starting only when the bucket
    /// has a token. Results come back in the order of `items`.
    pub async fn run<I, T, F, Fut>(&self, items: Vec<I>, write: F) -> Vec<T>
    where
        F: Fn(I) -> Fut,
        Fut: Future<Output = T>,
    {
        let write = &write;
        let mut results: Vec<(usize, T)> = stream::iter(items.into_iter().enumerate())
            .map(|(i, item)| async move {
                self.bucket.until_ready().await;
                (i, write(item).await)
            })
            .buffer_unordered(self.limit)
            .collect()
            .await;
        results.sort_by_key(|(i, _)| *i);
        results.into_iter().map(|(_, r)| r).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn never_more_than_the_limit_in_flight_and_results_in_order() {
        let pacer = Pacer::new(&BulkOptions { throttle_limit: 3, write_burst: 1000, writes_per_second: 1000.0 });
        let (now, peak) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let out = pacer
            .run((0..20).collect(), |i: u32| {
                let (now, peak) = (&now, &peak);
                async move {
                    let n = now.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(n, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(2)).await;
                    now.fetch_sub(1, Ordering::SeqCst);
                    i * 2
                }
            })
            .await;
        assert_eq!(out, (0..20).map(|i| i * 2).collect::<Vec<_>>());
        assert!(peak.load(Ordering::SeqCst) <= 3);
    }

    #[test]
    fn options_are_checked() {
        let bad = BulkOptions { throttle_limit: 0, write_burst: 0, writes_per_second: f64::NAN };
        assert_eq!(bad.check().unwrap_err().details.len(), 3);
        assert!(BulkOptions::default().check().is_ok());
    }
}
