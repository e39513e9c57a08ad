//! The rule table (tests/common/validation_table.rs) against the model alone, plus: several
//! problems in one body are all reported, valid bodies pass, builders use relative targets, and
//! secrets never show in errors or Debug output.

use crate::validation_table;

use apim_native::model::address::{collect_workspace_id, validate_backend_id, ServiceAddress};
use apim_native::model::validate::Problems;
use apim_native::model::backend::{check_backend_contract, check_backend_reconnect, check_backend_update};
use apim_native::model::{circuit_breaker, credentials, pool, proxy, service_fabric, tls};
use apim_native::model::{ApiVersion, ApimError, ErrorCategory};
use serde_json::{json, Value};
use validation_table::{cases, passing, valid_pool_put, valid_put, Case, Op};

/// Runs one row through the model the way the client and the emulator do.
fn check(case: &Case) -> Result<(), ApimError> {
    match case.op {
        Op::Put => check_backend_contract(&case.body, case.version).map(|_| ()),
        Op::Patch => check_backend_update(&case.body, case.version).map(|_| ()),
        Op::Reconnect => check_backend_reconnect(&case.body).map(|_| ()),
        Op::Path => {
            let a = &case.address;
            let service = ServiceAddress {
                subscription_id: a.subscription_id.clone(),
                resource_group_name: a.resource_group_name.clone(),
                service_name: a.service_name.clone(),
            };
            let mut details = Vec::new();
            if let Err(e) = service.validate() {
                details.extend(e.details);
            }
            if let Err(e) = validate_backend_id(&a.backend_id, "backendId") {
                details.extend(e.details);
            }
            if let Some(ws) = &a.workspace_id {
                let mut p = Problems::new();
                collect_workspace_id(ws, "workspaceId", &mut p);
                details.extend(p.into_details());
            }
            if details.is_empty() {
                Ok(())
            } else {
                Err(ApimError::validation(details))
            }
        }
    }
}

#[test]
fn every_rule_in_the_table_is_enforced_with_its_target_and_code() {
    let mut failures = Vec::new();
    let all = cases();
    assert!(all.len() >= 70, "the table lost rows: {}", all.len());
    for case in &all {
        match check(case) {
            Ok(()) => failures.push(format!("{}: accepted, expected {} {}", case.name, case.target, case.code)),
            Err(e) => {
                assert_eq!(e.code, "ValidationError", "{}", case.name);
                assert_eq!(e.category, ErrorCategory::InvalidArgument, "{}", case.name);
                for (target, code) in case.expected() {
                    let hit = e.details.iter().any(|d| d.target.as_deref() == Some(target) && d.code == code);
                    if !hit {
                        failures.push(format!("{}: expected {target} {code}, got {:?}", case.name, e.details));
                    }
                }
                // The message of each detail names the field it is about.
                for d in &e.details {
                    let target = d.target.as_deref().unwrap_or_default();
                    assert!(d.message.contains(target), "{}: message '{}' does not name '{}'", case.name, d.message, target);
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} row(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn table_rows_break_only_their_own_rule() {
    // Guards the table itself: a row that broke several rules would prove less than it claims.
    for case in cases() {
        if let Err(e) = check(&case) {
            let others: Vec<_> = e
                .details
                .iter()
                .filter(|d| !case.expected().iter().any(|(t, c)| d.target.as_deref() == Some(*t) && d.code == *c))
                .collect();
            // A Pool body at an old version also reports its `type`; that is the one allowed extra.
            let allowed = others.iter().all(|d| d.code == "NotInApiVersion" && d.target.as_deref() == Some("properties.type"));
            assert!(others.is_empty() || allowed, "{}: extra problems {:?}", case.name, others);
        }
    }
}

#[test]
fn valid_bodies_pass_at_every_version_that_has_their_fields() {
    for v in ApiVersion::ALL {
        check_backend_contract(&valid_put(), v).unwrap_or_else(|e| panic!("{v}: {e}"));
    }
    check_backend_contract(&valid_pool_put(), ApiVersion::V2024_05_01).unwrap();
    let rich = json!({"properties": {
        "title": "t", "description": "d", "url": "https://b/", "protocol": "soap", "type": "Single",
        "azureRegion": "northeurope",
        "credentials": {"certificateIds": ["c1"], "query": {"sv": ["a"]}, "header": {"x": ["1", "2"]},
                        "authorization": {"scheme": "Basic", "parameter": "p"}},
        "proxy": {"url": "http://proxy:8080", "username": "u", "password": "pw"},
        "tls": {"validateCertificateChain": false, "validateCertificateName": true, "serverCertificateThumbprints": ["ab"],
                "serverX509Names": [{"name": "*.contoso.com", "issuerCertificateThumbprint": null}]},
        "circuitBreaker": {"rules": [{"name": "r", "tripDuration": "PT1H", "acceptRetryAfter": true,
            "failureCondition": {"count": 5, "interval": "PT30S", "statusCodeRanges": [{"min": 500, "max": 599}],
                                 "errorReasons": ["timeout"]},
            "failureResponse": {"statusCode": 503}}]}
    }});
    check_backend_contract(&rich, ApiVersion::V2025_03_01Preview).unwrap();
    // Enum values are compared the way ARM does, case-insensitively.
    check_backend_contract(&json!({"properties": {"url": "https://b/", "protocol": "HTTP"}}), ApiVersion::DEFAULT).unwrap();
    // PATCH requires nothing.
    check_backend_update(&json!({"properties": {"description": "d"}}), ApiVersion::DEFAULT).unwrap();
    check_backend_update(&json!({}), ApiVersion::DEFAULT).unwrap();
}

#[test]
fn a_passing_body_for_every_azure_rule() {
    for (name, version, body) in passing() {
        check_backend_contract(&body, version).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    }
}

#[test]
fn reconnect_accepts_the_spec_example_below_two_minutes_and_no_body() {
    // The spec text says the minimum is PT2M, but its example sends PT3S and gets 202; the
    // model only checks the syntax (the module enforces the 2 minutes).
    let r = check_backend_reconnect(&json!({"properties": {"after": "PT3S"}})).unwrap();
    assert_eq!(r.properties.unwrap().after.as_deref(), Some("PT3S"));
    check_backend_reconnect(&Value::Null).unwrap();
    check_backend_reconnect(&json!({})).unwrap();
}

#[test]
fn several_problems_in_one_body_are_all_reported() {
    let body = json!({"properties": {
        "title": "t".repeat(301),
        "protocol": "ftp",
        "credentials": {"authorization": {"scheme": "Basic"}, "certificate": (0..33).map(|i| i.to_string()).collect::<Vec<_>>()},
        "proxy": {"username": "u"},
        "circuitBreaker": {"rules": [{"tripDuration": "soon",
            "failureCondition": {"statusCodeRanges": [{"min": 100, "max": 700}]}}]},
        "pool": {"services": [{"weight": 500}]}
    }});
    let e = check_backend_contract(&body, ApiVersion::DEFAULT).unwrap_err();
    let mut got: Vec<(String, String)> =
        e.details.iter().map(|d| (d.target.clone().unwrap(), d.code.clone())).collect();
    got.sort();
    let mut want: Vec<(String, String)> = [
        ("properties.title", "MaxLength"),
        ("properties.protocol", "Enum"),
        ("properties.url", "Required"),
        ("properties.pool", "NotSupported"),
        ("properties.credentials.authorization.parameter", "Required"),
        ("properties.credentials.certificate", "MaxItems"),
        ("properties.proxy.url", "Required"),
        ("properties.circuitBreaker.rules[0].name", "Required"),
        ("properties.circuitBreaker.rules[0].tripDuration", "Duration"),
        ("properties.circuitBreaker.rules[0].failureCondition.interval", "Required"),
        ("properties.circuitBreaker.rules[0].failureCondition.count", "ExactlyOne"),
        ("properties.circuitBreaker.rules[0].failureCondition.statusCodeRanges[0].min", "Range"),
        ("properties.circuitBreaker.rules[0].failureCondition.statusCodeRanges[0].max", "Range"),
        ("properties.pool.services[0].id", "Required"),
        ("properties.pool.services[0].weight", "Range"),
    ]
    .iter()
    .map(|(t, c)| (t.to_string(), c.to_string()))
    .collect();
    want.sort();
    assert_eq!(got, want);
    assert!(e.message.starts_with("15 validation errors"), "{}", e.message);
    assert_eq!(e.target.as_deref(), Some(e.details[0].target.as_deref().unwrap()));
}

#[test]
fn builders_report_targets_relative_to_their_object() {
    let e = credentials::check_credentials(&json!({"authorization": {"scheme": "Basic"}})).unwrap_err();
    assert_eq!(e.details[0].target.as_deref(), Some("authorization.parameter"));
    let e = proxy::check_proxy(&json!({"username": "u"})).unwrap_err();
    assert_eq!(e.details[0].target.as_deref(), Some("url"));
    let e = service_fabric::check_service_fabric(&json!({"clientCertificateId": "c"})).unwrap_err();
    assert_eq!(e.details[0].target.as_deref(), Some("managementEndpoints"));
    let e = tls::check_tls(&json!({"validateCertificateName": 1})).unwrap_err();
    assert_eq!(e.details[0].target.as_deref(), Some("validateCertificateName"));
    assert_eq!(e.details[0].code, "InvalidType");
    let e = pool::check_pool_item(&json!({"id": validation_table::member("b"), "priority": 101})).unwrap_err();
    assert_eq!(e.details[0].target.as_deref(), Some("priority"));
    let e = pool::check_pool_item(&json!({"id": "/b"})).unwrap_err();
    assert_eq!((e.details[0].target.as_deref(), e.details[0].code.as_str()), (Some("id"), "Pattern"));
    let e = pool::check_pool(&json!({"services": [{"id": validation_table::member("b")}, {}]})).unwrap_err();
    assert_eq!(e.details[0].target.as_deref(), Some("services[1].id"));
    let e = circuit_breaker::check_circuit_breaker_rule(&json!({"name": "r", "tripDuration": "PT1M",
        "failureCondition": {"count": 1, "interval": "PT1M", "statusCodeRanges": [{"min": 600, "max": 599}]}}))
        .unwrap_err();
    assert_eq!(e.details[0].target.as_deref(), Some("failureCondition.statusCodeRanges[0].min"));
}

#[test]
fn builders_return_the_normalised_wire_object() {
    // Both spellings of the service fabric thumbprint are read; the spec's is written.
    let sf = service_fabric::check_service_fabric(&json!({"managementEndpoints": ["https://c"],
        "clientCertificateThumbprint": "AB12", "maxPartitionResolutionRetries": null, "serverCertificateThumbprints": ["EF"]}))
    .unwrap();
    assert_eq!(
        serde_json::to_value(&sf).unwrap(),
        json!({"managementEndpoints": ["https://c"], "clientCertificatethumbprint": "AB12", "serverCertificateThumbprints": ["EF"]})
    );
    let sf = service_fabric::check_service_fabric(&json!({"managementEndpoints": ["https://c"], "clientCertificatethumbprint": "CD",
        "serverCertificateThumbprints": ["EF"]})).unwrap();
    assert_eq!(sf.client_certificate_thumbprint.as_deref(), Some("CD"));
    let c = credentials::check_credentials(&json!({"authorization": {"scheme": "basic", "parameter": "x"},
        "query": {"sv": ["a"]}, "certificate": null}))
    .unwrap();
    assert_eq!(
        serde_json::to_value(&c).unwrap(),
        json!({"query": {"sv": ["a"]}, "authorization": {"scheme": "basic", "parameter": "x"}})
    );
    let item = pool::check_pool_item(&json!({"id": validation_table::member("b"), "weight": 0, "priority": 100, "preferredCarbonEmission": "VeryLow"})).unwrap();
    assert_eq!(item.weight, Some(0));
    let rule = circuit_breaker::check_circuit_breaker_rule(&json!({"name": "r", "tripDuration": "PT1M", "acceptRetryAfter": true,
        "failureCondition": {"count": 1, "interval": "PT1M", "errorReasons": ["timeout"]}})).unwrap();
    assert_eq!(rule.accept_retry_after, Some(true));
}

#[test]
fn secrets_never_appear_in_errors_or_debug_output() {
    let secret = "S3cretParam-9f8e7d";
    let password = "Pr0xyPassw0rd-1a2b";
    // A secret that breaks a rule: the error says which rule, not the value.
    let body = json!({"properties": {"url": "https://b/", "protocol": "http",
        "credentials": {"authorization": {"scheme": "Basic", "parameter": format!("{secret}{}", "x".repeat(300))}},
        "proxy": {"url": "", "password": password}}});
    let e = check_backend_contract(&body, ApiVersion::DEFAULT).unwrap_err();
    let json = e.to_json();
    assert!(json.contains("properties.credentials.authorization.parameter"));
    assert!(!json.contains(secret) && !json.contains(password), "{json}");
    assert!(!format!("{e:?}").contains(secret));
    // A secret of the wrong type: serde's message would quote it; ours does not.
    let body = json!({"properties": {"url": "https://b/", "protocol": "http",
        "credentials": {"authorization": {"scheme": "Basic", "parameter": 987654321}}}});
    let e = check_backend_contract(&body, ApiVersion::DEFAULT).unwrap_err();
    assert_eq!(e.details[0].code, "InvalidType");
    assert!(!e.to_json().contains("987654321"), "{}", e.to_json());
    let body = json!({"properties": {"url": "https://b/", "protocol": "http",
        "proxy": {"url": "http://p", "password": ["not", password]}}});
    let e = check_backend_contract(&body, ApiVersion::DEFAULT).unwrap_err();
    assert!(!e.to_json().contains(password));
    // Debug of a valid contract redacts both secrets but shows the rest.
    let body = json!({"properties": {"url": "https://b/", "protocol": "http",
        "credentials": {"authorization": {"scheme": "Basic", "parameter": secret}},
        "proxy": {"url": "http://p", "username": "admin", "password": password}}});
    let c = check_backend_contract(&body, ApiVersion::DEFAULT).unwrap();
    let debug = format!("{c:?}");
    assert!(!debug.contains(secret) && !debug.contains(password), "{debug}");
    assert!(debug.contains("<redacted>") && debug.contains("admin") && debug.contains("Basic"));
    // ...while the wire form still carries them (the service needs them).
    let wire = serde_json::to_string(&c).unwrap();
    assert!(wire.contains(secret) && wire.contains(password));
}

#[test]
fn unknown_enum_values_parse_but_do_not_validate() {
    // modelAsString: a future protocol value is data, not a parse crash...
    let body = json!({"properties": {"url": "https://b/", "protocol": "grpc", "type": "Mesh"}});
    let parsed: apim_native::model::backend::BackendContract = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(parsed.properties.as_ref().unwrap().protocol.as_deref(), Some("grpc"));
    // ...but sending it is checked against the spec's set.
    let e = check_backend_contract(&body, ApiVersion::DEFAULT).unwrap_err();
    assert_eq!(e.details.len(), 2, "{:?}", e.details);
}

#[test]
fn wrong_types_and_rule_violations_are_reported_together() {
    // Before: serde stopped at the first wrong type and no rule ran. Now every wrong type is found
    // (each neutralised in a working copy and the body parsed again) and then the rules run.
    let secret = "Typed-S3cret-5150";
    let body = json!({"properties": {
        "url": "https://b/", "protocol": "http",
        "title": 42,
        "description": "",
        "credentials": {"authorization": {"scheme": ["Basic"], "parameter": [secret]}, "certificateIds": ["c", 9]},
        "proxy": {"url": "http://p", "password": {"value": secret}},
        "circuitBreaker": {"rules": [{"name": "r", "tripDuration": "soon",
            "failureCondition": {"count": "many", "interval": "PT1M", "errorReasons": ["timeout"]}}]}
    }});
    let e = check_backend_contract(&body, ApiVersion::DEFAULT).unwrap_err();
    let mut got: Vec<(String, String)> = e.details.iter().map(|d| (d.target.clone().unwrap(), d.code.clone())).collect();
    got.sort();
    let mut want: Vec<(String, String)> = [
        ("properties.title", "InvalidType"),
        ("properties.description", "MinLength"),
        ("properties.credentials.authorization.scheme", "InvalidType"),
        ("properties.credentials.authorization.parameter", "InvalidType"),
        ("properties.credentials.certificateIds[1]", "InvalidType"),
        ("properties.proxy.password", "InvalidType"),
        ("properties.circuitBreaker.rules[0].tripDuration", "Duration"),
        ("properties.circuitBreaker.rules[0].failureCondition.count", "InvalidType"),
    ]
    .iter()
    .map(|(t, c)| (t.to_string(), c.to_string()))
    .collect();
    want.sort();
    // Neither `Required` for the neutralised scheme/parameter nor anything else is added.
    assert_eq!(got, want);
    let json = e.to_json();
    assert!(!json.contains(secret), "{json}");
    assert!(e.message.starts_with("8 validation errors"), "{}", e.message);
}

#[test]
fn builders_report_every_wrong_type_too() {
    let e = credentials::check_credentials(&json!({"certificateIds": [1, "ok", 2], "authorization": {"scheme": 5}})).unwrap_err();
    let targets: Vec<(&str, &str)> = e.details.iter().map(|d| (d.target.as_deref().unwrap(), d.code.as_str())).collect();
    assert_eq!(
        targets,
        [
            ("certificateIds[0]", "InvalidType"),
            ("certificateIds[2]", "InvalidType"),
            ("authorization.scheme", "InvalidType"),
            ("authorization.parameter", "Required"),
        ]
    );
    let e = pool::check_pool(&json!({"services": [{"id": 1}, {"id": validation_table::member("b"), "weight": 101}, {"priority": "high"}]})).unwrap_err();
    let targets: Vec<&str> = e.details.iter().map(|d| d.target.as_deref().unwrap()).collect();
    assert_eq!(targets, ["services[0].id", "services[2].priority", "services[1].weight", "services[2].id"]);
    // A builder object of the wrong type is one problem, at the root.
    let e = tls::check_tls(&json!("x")).unwrap_err();
    assert_eq!(e.details.len(), 1);
    assert_eq!(e.details[0].code, "InvalidType");
}

#[test]
fn null_items_and_map_values_are_rejected_with_a_clear_message() {
    // Decision: rejected, not dropped (see validate::parse_all): the spec's items are not nullable,
    // and dropping would shift the indices that later errors name.
    let e = credentials::check_credentials(&json!({"certificateIds": [null, "c"], "query": {"a": null, "b": ["x", null]}})).unwrap_err();
    let by_target = |t: &str| e.details.iter().find(|d| d.target.as_deref() == Some(t)).unwrap_or_else(|| panic!("{t}: {:?}", e.details));
    let item = by_target("certificateIds[0]");
    assert_eq!(item.code, "InvalidType");
    assert!(item.message.contains("it is null") && item.message.contains("leave the item out"), "{}", item.message);
    let member = by_target("query.a");
    assert!(member.message.contains("it is null") && member.message.contains("leave the member out"), "{}", member.message);
    assert!(by_target("query.b[1]").message.contains("leave the item out"));
    assert_eq!(e.details.len(), 3, "{:?}", e.details);
    // The same holds inside a whole body, and null object members still mean "absent".
    let body = json!({"properties": {"url": "https://b/", "protocol": "http", "description": null,
        "properties": {"serviceFabricCluster": {"managementEndpoints": [null], "clientCertificateId": "c", "serverCertificateThumbprints": ["AB"]}}}});
    let e = check_backend_contract(&body, ApiVersion::DEFAULT).unwrap_err();
    assert_eq!(e.details.len(), 1, "{:?}", e.details);
    assert_eq!(e.details[0].target.as_deref(), Some("properties.properties.serviceFabricCluster.managementEndpoints[0]"));
}

#[test]
fn type_error_reporting_is_bounded() {
    // 40 wrong items: at most 32 are reported, and the call returns instead of looping.
    let ids: Vec<Value> = (0..40).map(Value::from).collect();
    let e = credentials::check_credentials(&json!({ "certificateIds": ids })).unwrap_err();
    assert_eq!(e.details.len(), 32);
    assert!(e.details.iter().all(|d| d.code == "InvalidType"));
    assert_eq!(e.details[31].target.as_deref(), Some("certificateIds[31]"));
}
