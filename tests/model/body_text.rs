//! The C ABI checks a PUT's or PATCH's body straight from its JSON text
//! (`check_backend_contract_text`, `check_backend_update_text`) instead of from a `Value`
//! (issue 11). These cases prove the two ways agree, result for result: the same normalised body
//! when it passes, the same details (target, rule, message) when it does not, for every row of
//! the rule table, every passing body, and the bodies that take the text way's fallback (wrong
//! types, a duplicate member, a non-object, escapes, unknown members).

use crate::validation_table::{cases, passing, valid_put, Op};
use apim_native::model::backend::{check_backend_contract, check_backend_contract_text, check_backend_update, check_backend_update_text};
use apim_native::model::ApiVersion;
use serde_json::{json, Value};

/// Either way's outcome as JSON, so that a difference shows in the assertion message.
fn outcome<T: serde::Serialize>(result: Result<T, apim_native::model::ApimError>) -> Value {
    match result {
        Ok(body) => json!({"ok": body}),
        Err(e) => json!({"error": e}),
    }
}

fn assert_same_put(name: &str, version: ApiVersion, text: &str) {
    let value: Value = serde_json::from_str(text).unwrap();
    let by_value = outcome(check_backend_contract(&value, version));
    let by_text = outcome(check_backend_contract_text(text, version));
    assert_eq!(by_text, by_value, "PUT {name}: {text}");
}

fn assert_same_patch(name: &str, version: ApiVersion, text: &str) {
    let value: Value = serde_json::from_str(text).unwrap();
    let by_value = outcome(check_backend_update(&value, version));
    let by_text = outcome(check_backend_update_text(text, version));
    assert_eq!(by_text, by_value, "PATCH {name}: {text}");
}

#[test]
fn every_rule_table_row_gives_the_same_result_from_text() {
    let mut checked = 0;
    for case in cases() {
        let text = case.body.to_string();
        match case.op {
            Op::Put | Op::Path => assert_same_put(case.name, case.version, &text),
            Op::Patch => assert_same_patch(case.name, case.version, &text),
            Op::Reconnect => continue,
        }
        checked += 1;
    }
    assert!(checked >= 60, "rows checked: {checked}");
}

#[test]
fn every_passing_body_gives_the_same_normalised_body_from_text() {
    for (name, version, body) in passing() {
        let text = body.to_string();
        assert_same_put(name, version, &text);
        assert!(check_backend_contract_text(&text, version).is_ok(), "{name} is a passing body");
        // Pretty-printed text (whitespace between tokens) parses the same.
        assert_same_put(name, version, &serde_json::to_string_pretty(&body).unwrap());
    }
}

#[test]
fn bodies_the_text_way_hands_to_the_value_way_give_the_same_result() {
    let bodies = [
        // Wrong types, one and several (the long way reports every one of them).
        r#"{"properties": {"url": 5, "protocol": "http"}}"#,
        r#"{"properties": {"url": "https://a/", "protocol": ["http"], "tls": {"validateCertificateChain": "yes"}}}"#,
        r#"{"properties": {"url": "https://a/", "protocol": "http", "circuitBreaker": {"rules": [{"name": "r", "failureCondition": {"count": "3"}}]}}}"#,
        // A duplicate member: a `Value` keeps the last one, the typed parse refuses it.
        r#"{"properties": {"url": "https://a/", "url": "https://b/", "protocol": "http"}}"#,
        r#"{"properties": {"title": "t"}, "properties": {"url": "https://a/", "protocol": "http"}}"#,
        // Not an object at all.
        r#"[1, 2]"#,
        r#""text""#,
        r#"7"#,
        // Escaped member names and values, unknown members kept, nulls read as absent.
        r#"{"properties": {"u\u0072l": "https://a/\u00e9", "protocol": "http", "futureField": {"x": [1, 2.5, null]}}}"#,
        r#"{"properties": {"url": "https://a/", "protocol": "http", "title": null, "description": "d"}, "extra": true}"#,
        // Numbers at and beyond the limits of their type.
        r#"{"properties": {"url": "https://a/", "protocol": "http", "circuitBreaker": {"rules": [{"name": "r", "tripDuration": "PT1M", "failureCondition": {"count": 99999999999, "interval": "PT1M", "statusCodeRanges": [{"min": 500, "max": 599}]}}]}}}"#,
        r#"{"properties": {"url": "https://a/", "protocol": "http", "circuitBreaker": {"rules": [{"name": "r", "tripDuration": "PT1M", "failureCondition": {"count": 3.5, "interval": "PT1M", "statusCodeRanges": [{"min": 500, "max": 599}]}}]}}}"#,
        // No properties: a PUT reports url and protocol, a PATCH has nothing to check.
        r#"{}"#,
    ];
    for version in [ApiVersion::DEFAULT, ApiVersion::V2024_05_01, ApiVersion::V2025_03_01Preview] {
        for text in bodies {
            assert_same_put("fallback", version, text);
            assert_same_patch("fallback", version, text);
        }
    }
    // And the fallback still reports what the caller got wrong.
    let e = check_backend_contract_text(bodies[0], ApiVersion::DEFAULT).unwrap_err();
    assert!(e.details.iter().any(|d| d.target.as_deref() == Some("properties.url") && d.code == "InvalidType"), "{e:?}");
    assert!(check_backend_contract_text(&valid_put().to_string(), ApiVersion::DEFAULT).is_ok());
}
