//! `New-AzApiManagementBackendCircuitBreakerRule` and the `ApimNative.BackendCircuitBreakerRule`
//! object, both ways: the cmdlet's parameters or a rule object (an item of `-CircuitBreaker`) become
//! one wire rule (`circuitBreaker.rules[]`), and a wire rule becomes the object, its durations
//! TimeSpans. The object's properties are named as the cmdlet's parameters, so one reader serves both.

use super::{duration, wire_value, CmdletOutput, ParameterNames, Parameters, PsObject};
use crate::model::circuit_breaker::{
    check_circuit_breaker_rule, BackendFailureResponse, CircuitBreakerFailureCondition, CircuitBreakerRule, FailureStatusCodeRange,
};
use crate::model::ApimError;
use serde_json::{json, Map, Value};

pub const RULE_TYPE: &str = "ApimNative.BackendCircuitBreakerRule";

/// Which wire field each parameter of `New-AzApiManagementBackendCircuitBreakerRule` fills. The
/// status code ranges are named under `failureCondition`, so a message keeps which item and bound
/// it is about: `-FailureStatusCodeRange (statusCodeRanges[0].min)`. The condition itself is always
/// sent, so `failureCondition` alone is never the target of a rule the cmdlet can break.
pub const NEW_PARAMETER_NAMES: ParameterNames = ParameterNames(&[
    ("name", "-Name"),
    ("tripDuration", "-TripDuration"),
    ("acceptRetryAfter", "-AcceptRetryAfter"),
    ("failureResponse", "-FailureResponseStatusCode"),
    ("failureResponse.statusCode", "-FailureResponseStatusCode"),
    ("failureCondition", "-FailureStatusCodeRange"),
    ("failureCondition.count", "-FailureCount"),
    ("failureCondition.percentage", "-FailurePercentage"),
    ("failureCondition.interval", "-FailureInterval"),
    ("failureCondition.errorReasons", "-FailureErrorReason"),
]);

/// `New-AzApiManagementBackendCircuitBreakerRule`: validates the rule with the model's rules and
/// answers with the rule object. No request is made.
pub fn new(parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    let wire = from_object(parameters)?;
    let checked = check_circuit_breaker_rule(&wire_value(&wire)).map_err(|error| NEW_PARAMETER_NAMES.rename(error))?;
    Ok(CmdletOutput::objects(vec![to_object(&checked)]))
}

/// The wire rule of the cmdlet's parameters or of an `ApimNative.BackendCircuitBreakerRule` given to
/// a cmdlet (ours, a deserialized copy, or a hashtable with the same names), not yet validated.
/// The failure condition is always there, so a rule without one is told what it lacks.
pub fn from_object(object: &Parameters) -> Result<CircuitBreakerRule, ApimError> {
    let ranges = match object.object_list("FailureStatusCodeRange")? {
        None => None,
        Some(items) => Some(
            items
                .iter()
                .map(|range| Ok(FailureStatusCodeRange { min: range.i64("Min")?, max: range.i64("Max")?, extra: Map::new() }))
                .collect::<Result<Vec<_>, ApimError>>()?,
        ),
    };
    let condition = CircuitBreakerFailureCondition {
        count: object.i64("FailureCount")?,
        percentage: object.i64("FailurePercentage")?,
        interval: duration::from_parameter(object, "FailureInterval")?,
        status_code_ranges: ranges,
        error_reasons: object.string_list("FailureErrorReason")?,
        extra: Map::new(),
    };
    Ok(CircuitBreakerRule {
        name: object.string("Name")?,
        failure_condition: Some(condition),
        trip_duration: duration::from_parameter(object, "TripDuration")?,
        accept_retry_after: object.bool("AcceptRetryAfter")?,
        failure_response: object
            .i64("FailureResponseStatusCode")?
            .map(|status_code| BackendFailureResponse { status_code: Some(status_code), extra: Map::new() }),
        extra: Map::new(),
    })
}

/// The `ApimNative.BackendCircuitBreakerRule` shown for a wire rule: durations as TimeSpans, each
/// status code range a hashtable `@{ Min = 500; Max = 599 }` as the cmdlet takes it.
pub fn to_object(rule: &CircuitBreakerRule) -> Value {
    let condition = rule.failure_condition.clone().unwrap_or_default();
    let ranges = condition
        .status_code_ranges
        .map(|ranges| ranges.iter().map(|range| json!({ "Min": range.min, "Max": range.max })).collect::<Vec<_>>());
    PsObject::new(RULE_TYPE)
        .property("Name", rule.name.clone().unwrap_or_default())
        .optional("FailureCount", condition.count)
        .optional("FailurePercentage", condition.percentage)
        .optional("FailureInterval", condition.interval.as_deref().map(duration::to_object))
        .optional("FailureStatusCodeRange", ranges)
        .optional("FailureErrorReason", condition.error_reasons)
        .optional("TripDuration", rule.trip_duration.as_deref().map(duration::to_object))
        .optional("AcceptRetryAfter", rule.accept_retry_after)
        .optional("FailureResponseStatusCode", rule.failure_response.as_ref().and_then(|response| response.status_code))
        .into_value()
}
