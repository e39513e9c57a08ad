//! BackendCircuitBreaker and everything nested in it.
//!
//! | field | rule |
//! |---|---|
//! | circuitBreaker | from api-version 2024-05-01 (checked by the owner, backend.rs) |
//! | rules | maxItems 15 |
//! | rules[].tripDuration | ISO-8601 duration |
//! | rules[].acceptRetryAfter | from api-version 2024-05-01 |
//! | rules[].failureResponse | from api-version 2025-03-01-preview; statusCode 100..599 |
//! | failureCondition.interval | ISO-8601 duration |
//! | failureCondition.statusCodeRanges | maxItems 10; min, max 200..599; min <= max |
//! | failureCondition.errorReasons | maxItems 10, each maxLength 200 |

use super::api_version::ApiVersion;
use super::error::ApimError;
use super::validate::{item, join, parse_all, rule, Problems};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendCircuitBreaker {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<CircuitBreakerRule>>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One rule that trips the backend.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CircuitBreakerRule {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_condition: Option<CircuitBreakerFailureCondition>,
    /// ISO-8601 duration, e.g. `PT1H`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trip_duration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accept_retry_after: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_response: Option<BackendFailureResponse>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CircuitBreakerFailureCondition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentage: Option<i64>,
    /// ISO-8601 duration during which failures are counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_code_ranges: Option<Vec<FailureStatusCodeRange>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_reasons: Option<Vec<String>>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An inclusive HTTP status range counted as failure. Held as i64 so an out-of-range number is
/// reported as a Range problem rather than a type error.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FailureStatusCodeRange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The response returned when the circuit is open or every pool member is down.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendFailureResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_code: Option<i64>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl BackendCircuitBreaker {
    pub fn validate(&self, path: &str, version: ApiVersion, p: &mut Problems) {
        if let Some(rules) = &self.rules {
            let rules_path = join(path, "rules");
            p.max_items(&rules_path, rules.len(), 15);
            for (i, r) in rules.iter().enumerate() {
                r.validate(&item(&rules_path, i), version, p);
            }
        }
    }
}

impl CircuitBreakerRule {
    pub fn validate(&self, path: &str, version: ApiVersion, p: &mut Problems) {
        p.duration(&join(path, "tripDuration"), &self.trip_duration);
        p.since(&join(path, "acceptRetryAfter"), self.accept_retry_after.is_some(), version, ApiVersion::V2024_05_01);
        if let Some(fc) = &self.failure_condition {
            fc.validate(&join(path, "failureCondition"), p);
        }
        let fr_path = join(path, "failureResponse");
        p.since(&fr_path, self.failure_response.is_some(), version, ApiVersion::V2025_03_01Preview);
        if let Some(fr) = &self.failure_response {
            fr.validate(&fr_path, p);
        }
    }
}

impl CircuitBreakerFailureCondition {
    pub fn validate(&self, path: &str, p: &mut Problems) {
        p.duration(&join(path, "interval"), &self.interval);
        if let Some(ranges) = &self.status_code_ranges {
            let ranges_path = join(path, "statusCodeRanges");
            p.max_items(&ranges_path, ranges.len(), 10);
            for (i, r) in ranges.iter().enumerate() {
                r.validate(&item(&ranges_path, i), p);
            }
        }
        if let Some(reasons) = &self.error_reasons {
            let reasons_path = join(path, "errorReasons");
            p.max_items(&reasons_path, reasons.len(), 10);
            for (i, reason) in reasons.iter().enumerate() {
                p.length(&item(&reasons_path, i), reason, 0, 200);
            }
        }
    }
}

impl FailureStatusCodeRange {
    pub fn validate(&self, path: &str, p: &mut Problems) {
        p.opt_range(&join(path, "min"), self.min, 200, 599);
        p.opt_range(&join(path, "max"), self.max, 200, 599);
        if let (Some(min), Some(max)) = (self.min, self.max) {
            if min > max {
                let target = join(path, "min");
                p.push(&target, rule::RANGE, format!("{target} ({min}) must not be greater than {path}.max ({max})"));
            }
        }
    }
}

impl BackendFailureResponse {
    pub fn validate(&self, path: &str, p: &mut Problems) {
        p.opt_range(&join(path, "statusCode"), self.status_code, 100, 599);
    }
}

/// Builder check (`apim_backend_circuit_breaker_rule_new`); targets are relative to the rule.
pub fn check_circuit_breaker_rule(value: &Value) -> Result<CircuitBreakerRule, ApimError> {
    let mut p = Problems::new();
    let parsed: Option<CircuitBreakerRule> = parse_all(value, "", &mut p);
    if let Some(parsed) = &parsed {
        parsed.validate("", ApiVersion::DEFAULT, &mut p);
    }
    p.finish_parsed(parsed)
}
