//! The in-memory builders (no client, no network): valid wire objects come back normalised as
//! `{"body":{...}}`; invalid ones are APIM_STATUS_INVALID_ARGUMENT with the field's path relative
//! to the object, secrets never echoed; NULL, invalid UTF-8 and non-objects are refused.

use crate::ffi_support;

use apim_native::ffi::*;
use ffi_support::*;
use serde_json::{json, Value};
use std::ffi::c_char;
use std::ptr;

const POOL_MEMBER: &str = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/b1";

/// (C name, function, a valid object from the seeds, an object with one wrong-typed field and its path)
fn builders() -> Vec<(&'static str, BuilderFn, Value, Value, &'static str)> {
    vec![
        (
            "apim_backend_credential_new",
            apim_backend_credential_new as BuilderFn,
            json!({"authorization": {"scheme": "basic", "parameter": "opensesame"},
                   "query": {"sv": ["xx", "bb"], "sr": ["cc"]}, "header": {"x-my-1": ["val1", "val2"]}}),
            json!({"query": {"sv": "xx"}}),
            "query.sv",
        ),
        (
            "apim_backend_proxy_new",
            apim_backend_proxy_new,
            json!({"url": "http://192.168.1.1:8080", "username": "Contoso\\admin", "password": "p4ssw0rd"}),
            json!({"url": 8080}),
            "url",
        ),
        (
            "apim_backend_service_fabric_new",
            apim_backend_service_fabric_new,
            json!({"clientCertificateId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/certificates/cert1",
                   "managementEndpoints": ["https://somecluster.com"], "maxPartitionResolutionRetries": 5,
                   "serverX509Names": [{"name": "ServerCommonName1", "issuerCertificateThumbprint": "IssuerCertificateThumbprint1"}]}),
            json!({"managementEndpoints": ["https://somecluster.com"], "maxPartitionResolutionRetries": "five"}),
            "maxPartitionResolutionRetries",
        ),
        (
            "apim_backend_tls_new",
            apim_backend_tls_new,
            json!({"validateCertificateChain": true, "validateCertificateName": false}),
            json!({"validateCertificateChain": "yes"}),
            "validateCertificateChain",
        ),
        (
            "apim_backend_pool_item_new",
            apim_backend_pool_item_new,
            json!({"id": POOL_MEMBER, "priority": 1, "weight": 3}),
            json!({"id": POOL_MEMBER, "weight": "heavy"}),
            "weight",
        ),
        (
            "apim_backend_pool_new",
            apim_backend_pool_new,
            json!({"services": [{"id": POOL_MEMBER, "priority": 1, "weight": 1}]}),
            json!({"services": [{"id": POOL_MEMBER, "priority": "first"}]}),
            "services[0].priority",
        ),
        (
            "apim_backend_circuit_breaker_rule_new",
            apim_backend_circuit_breaker_rule_new,
            json!({"name": "myBreakerRule", "failureCondition": {"count": 3, "interval": "PT1H",
                   "statusCodeRanges": [{"min": 500, "max": 599}], "errorReasons": ["Server errors"]},
                   "tripDuration": "PT1H", "acceptRetryAfter": true}),
            json!({"name": "r", "tripDuration": "PT1H", "failureCondition": {"count": "three", "interval": "PT1H"}}),
            "failureCondition.count",
        ),
    ]
}

#[test]
fn valid_objects_come_back_normalised_under_body() {
    for (name, f, valid, _, _) in builders() {
        let (status, out) = build(f, &valid.to_string());
        assert_eq!(status, ApimStatus::Ok, "{name}: {out}");
        let body = out.get("body").unwrap_or_else(|| panic!("{name}: no body in {out}"));
        assert!(body.is_object(), "{name}: {out}");
        // Every field the caller gave survives normalisation with its value.
        for (key, value) in valid.as_object().unwrap() {
            assert_eq!(&body[key], value, "{name}: field {key} in {out}");
        }
        assert_eq!(out.as_object().unwrap().len(), 1, "{name}: only `body`: {out}");
    }
}

#[test]
fn a_wrong_typed_field_is_invalid_argument_with_its_relative_path() {
    for (name, f, _, invalid, target) in builders() {
        let (status, out) = build(f, &invalid.to_string());
        assert_eq!(status, ApimStatus::InvalidArgument, "{name}: {out}");
        assert_eq!(out["code"], "ValidationError", "{name}: {out}");
        assert_eq!(out["category"], "InvalidArgument");
        let targets: Vec<&str> = out["details"].as_array().unwrap().iter().filter_map(|d| d["target"].as_str()).collect();
        assert!(targets.contains(&target), "{name}: wanted {target} in {out}");
    }
}

#[test]
fn credential_rules_report_every_problem_and_never_the_secret() {
    let (status, out) = build(
        apim_backend_credential_new,
        &json!({"authorization": {"parameter": "hunter2-secret"}, "certificateIds": vec!["c"; 33]}).to_string(),
    );
    assert_eq!(status, ApimStatus::InvalidArgument, "{out}");
    let targets: Vec<&str> = out["details"].as_array().unwrap().iter().filter_map(|d| d["target"].as_str()).collect();
    assert!(targets.contains(&"authorization.scheme"), "{out}");
    assert!(targets.contains(&"certificateIds"), "{out}");
    assert!(!out.to_string().contains("hunter2"), "secret leaked: {out}");

    let (status, out) = build(apim_backend_proxy_new, &json!({"password": "hunter2-secret"}).to_string());
    assert_eq!(status, ApimStatus::InvalidArgument, "{out}");
    assert_eq!(out["target"], "url", "{out}");
    assert!(!out.to_string().contains("hunter2"), "secret leaked: {out}");

    // A secret in a wrong-typed place is not echoed by the type error either.
    let (status, out) = build(apim_backend_credential_new, &json!({"authorization": "Basic hunter2-secret"}).to_string());
    assert_eq!(status, ApimStatus::InvalidArgument, "{out}");
    assert!(!out.to_string().contains("hunter2"), "secret leaked: {out}");
}

#[test]
fn builders_refuse_null_invalid_utf8_malformed_json_and_non_objects() {
    for (name, f, _, _, _) in builders() {
        let mut out = ptr::null_mut();
        // SAFETY: NULL request_json is part of the contract.
        let status = unsafe { f(ptr::null(), &mut out) };
        let json = parse(&take(out));
        assert_eq!(status, ApimStatus::NullArgument, "{name}: {json}");
        assert_eq!(json["target"], "request_json");

        // SAFETY: NULL out_json is part of the contract.
        assert_eq!(unsafe { f(c("{}").as_ptr(), ptr::null_mut()) }, ApimStatus::NullArgument, "{name}");

        let bad = b"{\"url\":\"\xff\"}\0";
        // SAFETY: NUL-terminated bytes.
        let status = unsafe { f(bad.as_ptr() as *const c_char, &mut out) };
        let json = parse(&take(out));
        assert_eq!(status, ApimStatus::InvalidArgument, "{name}: {json}");
        assert!(json["message"].as_str().unwrap().contains("not valid UTF-8"), "{json}");

        let (status, json) = build(f, "{\"url\":");
        assert_eq!(status, ApimStatus::InvalidArgument, "{name}: {json}");
        assert!(json["message"].as_str().unwrap().contains("not valid JSON"), "{json}");

        for not_object in ["[]", "\"text\"", "42", "null"] {
            let (status, json) = build(f, not_object);
            assert_eq!(status, ApimStatus::InvalidArgument, "{name} {not_object}: {json}");
            assert_eq!(json["target"], "request_json", "{json}");
        }
    }
}
