//! New-AzApiManagementBackendCircuitBreakerRule: the rules of the Learn backends article's circuit
//! breaker example (as in every_function.c) and the module's Pester tests, TimeSpans sent as ISO 8601
//! durations and shown as TimeSpans, the model's rules in the cmdlet's words, rule objects given to
//! -CircuitBreaker read back, and the C function's contract (error id
//! ApimNative.BackendCircuitBreakerRuleNewFailed comes from its name).

use crate::support::{build, call_c, null_parameters_are_refused, object};
use apim_native::cmdlet::backend_circuit_breaker;
use apim_native::ffi::{apim_cmdlet_backend_circuit_breaker_rule_new, ApimStatus};
use serde_json::{json, Value};

const RULE: &str = "ApimNative.BackendCircuitBreakerRule";

fn span(iso: &str) -> Value {
    json!({ "PSTypeName": "System.TimeSpan", "Value": iso })
}

#[test]
fn the_examples_become_rule_objects() {
    let cases = [
        (
            json!({ "Name": "rule1", "FailureCount": 5, "FailureInterval": span("PT1M"), "FailureStatusCodeRange": [{ "Min": 500, "Max": 599 }],
                    "TripDuration": span("PT1M"), "AcceptRetryAfter": true }),
            json!({ "PSTypeName": RULE, "Name": "rule1", "FailureCount": 5, "FailurePercentage": null, "FailureInterval": span("PT1M"),
                    "FailureStatusCodeRange": [{ "Min": 500, "Max": 599 }], "FailureErrorReason": null, "TripDuration": span("PT1M"),
                    "AcceptRetryAfter": true, "FailureResponseStatusCode": null }),
        ),
        (
            json!({ "Name": "throttled", "FailurePercentage": 50, "FailureInterval": span("PT30S"), "FailureStatusCodeRange": { "min": 429, "max": 429 },
                    "FailureErrorReason": "BackendConnectionFailure", "TripDuration": span("PT30S"), "FailureResponseStatusCode": 503 }),
            json!({ "PSTypeName": RULE, "Name": "throttled", "FailureCount": null, "FailurePercentage": 50, "FailureInterval": span("PT30S"),
                    "FailureStatusCodeRange": [{ "Min": 429, "Max": 429 }], "FailureErrorReason": ["BackendConnectionFailure"],
                    "TripDuration": span("PT30S"), "AcceptRetryAfter": null, "FailureResponseStatusCode": 503 }),
        ),
    ];
    for (parameters, expected) in cases {
        assert_eq!(build(backend_circuit_breaker::new, parameters.clone()).unwrap(), expected, "{parameters}");
    }
}

#[test]
fn the_rest_examples_rule_is_its_wire_rule() {
    // The Learn article's rule: "myBreakerRule", 3 failures in PT1H, 500-599, trip PT1H, acceptRetryAfter.
    let rule = backend_circuit_breaker::from_object(&object(json!({
        "Name": "myBreakerRule", "FailureCount": 3, "FailureInterval": span("PT1H"), "FailureStatusCodeRange": [{ "Min": 500, "Max": 599 }],
        "TripDuration": span("PT1H"), "AcceptRetryAfter": true
    })))
    .unwrap();
    assert_eq!(
        serde_json::to_value(rule).unwrap(),
        json!({ "name": "myBreakerRule", "failureCondition": { "count": 3, "interval": "PT1H", "statusCodeRanges": [{ "min": 500, "max": 599 }] },
                "tripDuration": "PT1H", "acceptRetryAfter": true })
    );
}

#[test]
fn the_model_rules_are_reported_in_the_cmdlets_words() {
    let base = json!({ "Name": "r", "FailureCount": 1, "FailureInterval": span("PT1M"), "FailureStatusCodeRange": [{ "Min": 500, "Max": 599 }], "TripDuration": span("PT1M") });
    let with = |changes: Value| {
        let mut parameters = base.clone();
        for (key, value) in changes.as_object().unwrap() {
            if value.is_null() {
                parameters.as_object_mut().unwrap().remove(key);
            } else {
                parameters[key] = value.clone();
            }
        }
        parameters
    };
    let cases = [
        // The Pester test expects statusCodeRanges in the message: the item and bound stay named.
        (with(json!({ "FailureStatusCodeRange": [{ "Min": 700, "Max": 100 }] })), "-FailureStatusCodeRange (statusCodeRanges[0].min) must be between 200 and 599"),
        (with(json!({ "FailureStatusCodeRange": [{ "Min": 550, "Max": 520 }] })), "must not be greater than -FailureStatusCodeRange (statusCodeRanges[0].max)"),
        (with(json!({ "FailureStatusCodeRange": null })), "-FailureStatusCodeRange (statusCodeRanges) or -FailureErrorReason is required"),
        (with(json!({ "FailurePercentage": 50 })), "-FailureCount and -FailurePercentage are both set"),
        (with(json!({ "FailureCount": null })), "-FailureCount or -FailurePercentage is required"),
        (with(json!({ "FailureCount": 10001 })), "-FailureCount must be between 1 and 10000"),
        (with(json!({ "TripDuration": "soon" })), "-TripDuration must be an ISO-8601 duration"),
        (with(json!({ "TripDuration": span("-PT1M") })), "-TripDuration must be an ISO-8601 duration"),
        (with(json!({ "FailureInterval": null })), "-FailureInterval is required"),
        (with(json!({ "Name": "-bad-" })), "-Name may hold only letters"),
        (with(json!({ "FailureErrorReason": [""] })), "-FailureErrorReason ([0]) must be at least 1"),
        (with(json!({ "FailureStatusCodeRange": [{ "Min": "500", "Max": 599 }] })), "-FailureStatusCodeRange[0].Min must be a whole number"),
        (with(json!({ "FailureStatusCodeRange": ["500-599"] })), "-FailureStatusCodeRange[0] must be an object or a hashtable"),
    ];
    for (parameters, expected) in cases {
        let error = build(backend_circuit_breaker::new, parameters.clone()).unwrap_err();
        assert!(error.message.contains(expected), "{parameters}: {}", error.message);
        assert!(!error.message.contains("failureCondition"), "{}", error.message);
    }
}

#[test]
fn a_rule_object_given_to_circuit_breaker_becomes_the_wire_rule() {
    let built = build(
        backend_circuit_breaker::new,
        json!({ "Name": "rule1", "FailureCount": 5, "FailureInterval": span("PT1M"), "FailureStatusCodeRange": [{ "Min": 500, "Max": 599 }], "TripDuration": span("PT2M") }),
    )
    .unwrap();
    let expected = json!({ "name": "rule1", "failureCondition": { "count": 5, "interval": "PT1M", "statusCodeRanges": [{ "min": 500, "max": 599 }] }, "tripDuration": "PT2M" });
    let mut deserialized = built.clone();
    deserialized["PSTypeName"] = json!(format!("Deserialized.{RULE}"));
    let by_hand = json!({ "name": "rule1", "failurecount": 5, "FailureInterval": "00:01:00", "FailureStatusCodeRange": [{ "MIN": 500, "max": 599 }], "TripDuration": "PT2M" });
    for given in [built, deserialized, by_hand] {
        let wire = serde_json::to_value(backend_circuit_breaker::from_object(&object(given.clone())).unwrap()).unwrap();
        assert_eq!(wire, expected, "{given}");
    }
}

#[test]
fn a_wire_rule_from_the_service_becomes_the_object() {
    let wire = serde_json::from_value(json!({
        "name": "r", "failureCondition": { "percentage": 20, "interval": "PT5M", "errorReasons": ["timeout"] }, "tripDuration": "P1D",
        "failureResponse": { "statusCode": 503 }
    }))
    .unwrap();
    let shown = backend_circuit_breaker::to_object(&wire);
    assert_eq!(shown["FailureCount"], Value::Null, "a percentage rule has no count");
    assert_eq!(shown["FailurePercentage"], 20);
    assert_eq!(shown["FailureInterval"], span("PT5M"));
    assert_eq!(shown["TripDuration"], span("P1D"));
    assert_eq!(shown["FailureStatusCodeRange"], Value::Null);
    assert_eq!(shown["FailureResponseStatusCode"], 503);
}

#[test]
fn the_c_function_answers_output_and_exchanges_or_the_error_json() {
    let (status, json) = call_c(
        apim_cmdlet_backend_circuit_breaker_rule_new,
        r#"{"Name":"r","FailureCount":1,"FailureInterval":{"PSTypeName":"System.TimeSpan","Value":"PT1M"},"FailureErrorReason":"timeout","TripDuration":"PT1M"}"#,
    );
    assert_eq!(status, ApimStatus::Ok);
    assert_eq!(json["output"][0]["PSTypeName"], RULE);
    assert_eq!(json["output"][0]["FailureInterval"], span("PT1M"));
    assert_eq!(json["exchanges"], json!([]));

    let (status, json) = call_c(apim_cmdlet_backend_circuit_breaker_rule_new, r#"{"Name":"r","FailureCount":1,"FailureInterval":"PT1M","TripDuration":"PT1M"}"#);
    assert_eq!(status, ApimStatus::InvalidArgument);
    assert_eq!(json["code"], "ValidationError");
    assert_eq!(json["target"], "failureCondition.statusCodeRanges");
    null_parameters_are_refused(apim_cmdlet_backend_circuit_breaker_rule_new);
}
