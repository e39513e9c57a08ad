//! BackendCircuitBreaker and everything nested in it. Sources as in backend.rs (numbers C1..C14).
//!
//! | field | rule | source |
//! |---|---|---|
//! | circuitBreaker | from api-version 2024-05-01 (checked by the owner, backend.rs) | SPEC |
//! | rules | at most 1 ("Currently, you can configure only one rule for a backend circuit breaker."; the spec says 15) | MS-DOC, TF (C1) |
//! | rules[].name | required, 1..80, letters, digits and inner hyphens | TF (C4) |
//! | rules[].tripDuration | required, ISO-8601 duration | TF, SPEC format (C5) |
//! | rules[].failureCondition | required | TF (C6) |
//! | rules[].acceptRetryAfter | from api-version 2024-05-01 | OBS (C13) |
//! | rules[].failureResponse | from api-version 2025-03-01-preview; statusCode 100..599 | SPEC (C14) |
//! | failureCondition.interval | required, ISO-8601 duration | TF, SPEC format (C6) |
//! | failureCondition.count / percentage | exactly one of them | TF (C7) |
//! | failureCondition.count | 1..10000 | TF (C8) |
//! | failureCondition.percentage | 1..100 | TF (C9) |
//! | failureCondition.statusCodeRanges / errorReasons | at least one of them | TF (C10) |
//! | failureCondition.statusCodeRanges | maxItems 10; min and max required, 200..599; min <= max | SPEC, TF (C11) |
//! | failureCondition.errorReasons | maxItems 10, each 1..200 | SPEC, TF (C12) |

use super::api_version::ApiVersion;
use super::error::ApimError;
use super::validate::{field, item, join, parse_all, rule, Problems};
use serde::{Deserialize, Serialize};
use regex::Regex;
use serde_json::{Map, Value};
use std::sync::OnceLock;

/// One rule per circuit breaker (Learn backends.md; terraform `circuit_breaker_rule` max 1).
pub const MAX_CIRCUIT_BREAKER_RULES: usize = 1;

/// terraform-provider-azurerm's rule-name check: 1..80, letters, digits and hyphens, a hyphen
/// only between two letters or digits.
fn rule_name_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$").expect("rule name regex is valid"))
}

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
            if rules.len() > MAX_CIRCUIT_BREAKER_RULES {
                p.push(
                    &rules_path,
                    rule::MAX_ITEMS,
                    format!(
                        "{rules_path} may hold at most {MAX_CIRCUIT_BREAKER_RULES} rule (it has {}): currently you can configure only one rule for a backend circuit breaker",
                        rules.len()
                    ),
                );
            }
            for (i, r) in rules.iter().enumerate() {
                r.validate(&item(&rules_path, i), version, p);
            }
        }
    }
}

impl CircuitBreakerRule {
    pub fn validate(&self, path: &str, version: ApiVersion, p: &mut Problems) {
        let name = field(path, "name");
        if p.required(name, &self.name) {
            let value = self.name.as_deref().unwrap_or_default();
            p.length(name, value, 1, 80);
            if !value.is_empty() && !rule_name_pattern().is_match(value) {
                let name = join(path, "name");
                p.push(
                    &name,
                    rule::PATTERN,
                    format!("{name} may hold only letters, digits and hyphens, and a hyphen only between two letters or digits"),
                );
            }
        }
        let trip = field(path, "tripDuration");
        p.required(trip, &self.trip_duration);
        p.duration(trip, &self.trip_duration);
        p.since(field(path, "acceptRetryAfter"), self.accept_retry_after.is_some(), version, ApiVersion::V2024_05_01);
        if p.required(field(path, "failureCondition"), &self.failure_condition) {
            if let Some(fc) = &self.failure_condition {
                fc.validate(&join(path, "failureCondition"), p);
            }
        }
        p.since(field(path, "failureResponse"), self.failure_response.is_some(), version, ApiVersion::V2025_03_01Preview);
        if let Some(fr) = &self.failure_response {
            fr.validate(&join(path, "failureResponse"), p);
        }
    }
}

impl CircuitBreakerFailureCondition {
    pub fn validate(&self, path: &str, p: &mut Problems) {
        let interval = field(path, "interval");
        p.required(interval, &self.interval);
        p.duration(interval, &self.interval);
        let (count, percentage) = (field(path, "count"), field(path, "percentage"));
        p.exactly_one(count, self.count.is_some(), percentage, self.percentage.is_some());
        p.opt_range(count, self.count, 1, 10000);
        p.opt_range(percentage, self.percentage, 1, 100);
        let (ranges, reasons) = (field(path, "statusCodeRanges"), field(path, "errorReasons"));
        p.at_least_one(ranges, self.status_code_ranges.is_some(), reasons, self.error_reasons.is_some());
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
                p.length(&item(&reasons_path, i), reason, 1, 200);
            }
        }
    }
}

impl FailureStatusCodeRange {
    pub fn validate(&self, path: &str, p: &mut Problems) {
        let (min, max) = (field(path, "min"), field(path, "max"));
        p.required(min, &self.min);
        p.required(max, &self.max);
        p.opt_range(min, self.min, 200, 599);
        p.opt_range(max, self.max, 200, 599);
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
        p.opt_range(field(path, "statusCode"), self.status_code, 100, 599);
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
