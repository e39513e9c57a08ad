//! Every spec example body (tests/fixtures/examples) and every body in the Create Or Update seed
//! page parses into the wire contracts and serialises back to the same JSON; unknown fields
//! survive at every nesting level; and a proptest round trip over generated contracts.
//!
//! "The same JSON" is modulo `null` members: the service answers `"title": null` for pool
//! backends, and the contracts read a null as "not set" and write only set fields (sending an
//! explicit null would ask the service to clear a field the caller never mentioned). Nulls
//! inside unknown fields are data we do not understand, so they are kept verbatim.

use crate::validation_table;

use apim_native::model::backend::{
    check_backend_contract, check_backend_reconnect, check_backend_update, BackendCollection, BackendContract,
    BackendReconnectContract, BackendUpdateParameters,
};
use apim_native::model::ApiVersion;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `v` without null object members (recursively); array elements are left alone.
fn without_nulls(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), without_nulls(v))).collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// Parses `body` as `T`, writes it back, and checks it is the same JSON (modulo nulls).
fn assert_round_trip<T: DeserializeOwned + Serialize>(what: &str, body: &Value) -> T {
    let parsed: T = serde_json::from_value(body.clone()).unwrap_or_else(|e| panic!("{what}: does not parse: {e}"));
    let written = serde_json::to_value(&parsed).unwrap();
    assert_eq!(written, without_nulls(body), "{what}: round trip changed the JSON");
    parsed
}

fn api_version_of(example: &Value) -> ApiVersion {
    example["parameters"]["api-version"]
        .as_str()
        .and_then(|s| ApiVersion::parse(s).ok())
        // 2024-06-01-preview examples have no fields beyond what the default version has.
        .unwrap_or(ApiVersion::DEFAULT)
}

/// Response bodies of an example. One upstream example nests `responses` inside `parameters`.
fn response_bodies(example: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for responses in [&example["responses"], &example["parameters"]["responses"]] {
        if let Some(m) = responses.as_object() {
            for (status, r) in m {
                if let Some(body) = r.get("body") {
                    out.push((status.clone(), body.clone()));
                }
            }
        }
    }
    out
}

#[test]
fn every_spec_example_body_round_trips_and_requests_validate() {
    let dir = fixtures().join("examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 12, "examples missing in {}", dir.display());
    let (mut requests, mut responses) = (0, 0);
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let example: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let version = api_version_of(&example);
        if let Some(body) = example["parameters"].get("parameters") {
            requests += 1;
            if name.contains("Reconnect") {
                assert_round_trip::<BackendReconnectContract>(&name, body);
                check_backend_reconnect(body).unwrap_or_else(|e| panic!("{name}: {e}"));
            } else if name.contains("Update") {
                assert_round_trip::<BackendUpdateParameters>(&name, body);
                check_backend_update(body, version).unwrap_or_else(|e| panic!("{name}: {e}"));
            } else {
                assert_round_trip::<BackendContract>(&name, body);
                check_backend_contract(body, version).unwrap_or_else(|e| panic!("{name}: {e}"));
            }
        }
        for (status, body) in response_bodies(&example) {
            responses += 1;
            let what = format!("{name} response {status}");
            if name.contains("List") {
                let page: BackendCollection = assert_round_trip(&what, &body);
                assert_eq!(page.value.len(), 2);
                assert_eq!(page.next_link.as_deref(), Some(""));
            } else {
                assert_round_trip::<BackendContract>(&what, &body);
            }
        }
    }
    assert_eq!(requests, 8, "request bodies seen");
    assert!(responses >= 14, "response bodies seen: {responses}");
}

/// The JSON blocks of the seed page, each marked request (follows a `PUT https://` line) or not.
fn seed_blocks() -> Vec<(bool, Value)> {
    let text = std::fs::read_to_string(fixtures().join("seeds/backend-create-or-update.md")).unwrap();
    let mut out = Vec::new();
    let mut offset = 0;
    let mut last_line = String::new();
    for line in text.split_inclusive('\n') {
        if line.trim_end() == "{" {
            let mut stream = serde_json::Deserializer::from_str(&text[offset..]).into_iter::<Value>();
            let value = stream.next().unwrap().expect("a JSON block in the seed page");
            out.push((last_line.starts_with("PUT https://"), value));
        }
        if !line.trim().is_empty() {
            last_line = line.trim().to_string();
        }
        offset += line.len();
    }
    out
}

#[test]
fn every_seed_body_round_trips_and_every_seed_request_validates() {
    let blocks = seed_blocks();
    assert_eq!(blocks.len(), 27, "9 examples x (request + 2 responses)");
    let requests: Vec<_> = blocks.iter().filter(|(is_request, _)| *is_request).collect();
    assert_eq!(requests.len(), 9);
    for (i, (is_request, body)) in blocks.iter().enumerate() {
        let what = format!("seed block {i}");
        let parsed: BackendContract = assert_round_trip(&what, body);
        if *is_request {
            check_backend_contract(body, ApiVersion::V2025_03_01Preview).unwrap_or_else(|e| panic!("{what}: {e}"));
        } else {
            assert_eq!(parsed.resource_type.as_deref(), Some("Microsoft.ApiManagement/service/backends"));
        }
    }
}

#[test]
fn the_service_fabric_thumbprint_is_read_in_both_spellings_and_written_as_the_spec_spells_it() {
    for spelling in ["clientCertificatethumbprint", "clientCertificateThumbprint"] {
        let body = json!({"properties": {"url": "fabric:/app/svc", "protocol": "http", "properties": {
            "serviceFabricCluster": {"managementEndpoints": ["https://c"], spelling: "AB12", "serverCertificateThumbprints": ["CD"]}}}});
        let c = check_backend_contract(&body, ApiVersion::DEFAULT).unwrap();
        let written = serde_json::to_value(&c).unwrap();
        let sf = &written["properties"]["properties"]["serviceFabricCluster"];
        assert_eq!(sf["clientCertificatethumbprint"], "AB12", "{spelling}");
        assert!(sf.get("clientCertificateThumbprint").is_none(), "{spelling}");
    }
}

/// Adds an unknown field to every object of `v` except the string-array maps (query, header),
/// whose members are data, not fields.
fn add_unknown_fields(v: &mut Value, depth: usize) {
    if let Value::Object(m) = v {
        for (k, child) in m.iter_mut() {
            if k != "query" && k != "header" {
                add_unknown_fields(child, depth + 1);
            }
        }
        m.insert(format!("futureField{depth}"), json!({"nested": [1, "two", null, {"deep": true}], "nothing": null}));
        m.insert("futureFlag".into(), json!(depth % 2 == 0));
    } else if let Value::Array(a) = v {
        for child in a {
            add_unknown_fields(child, depth + 1);
        }
    }
}

fn rich_contract() -> Value {
    json!({
        "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/b1",
        "name": "b1",
        "type": "Microsoft.ApiManagement/service/backends",
        "properties": {
            "title": "t", "description": "d", "resourceId": "https://management.azure.com/x",
            "url": "https://b/", "protocol": "http", "type": "Pool", "azureRegion": "northeurope",
            "properties": {"serviceFabricCluster": {"managementEndpoints": ["https://c"], "clientCertificatethumbprint": "AB",
                "maxPartitionResolutionRetries": 5, "serverCertificateThumbprints": ["CD"],
                "serverX509Names": [{"name": "n", "issuerCertificateThumbprint": "EF"}]}},
            "credentials": {"certificateIds": ["c1"], "certificate": ["t1"], "query": {"sv": ["a", "b"]},
                "header": {"x-1": ["v"]}, "authorization": {"scheme": "Basic", "parameter": "p"}},
            "proxy": {"url": "http://proxy", "username": "u", "password": "pw"},
            "tls": {"validateCertificateChain": true, "validateCertificateName": false,
                "serverCertificateThumbprints": ["AA"], "serverX509Names": [{"name": "*.contoso.com"}]},
            "circuitBreaker": {"rules": [{"name": "r", "tripDuration": "PT1H", "acceptRetryAfter": true,
                "failureCondition": {"count": 3, "percentage": 50, "interval": "PT1M",
                    "statusCodeRanges": [{"min": 500, "max": 599}], "errorReasons": ["timeout"]},
                "failureResponse": {"statusCode": 503}}]},
            "pool": {"services": [{"id": "/b/1", "weight": 10, "priority": 1, "preferredCarbonEmission": "Low"}],
                "failureResponse": {"statusCode": 503},
                "sessionAffinity": {"sessionId": {"source": "cookie", "name": "s"}}}
        }
    })
}

#[test]
fn unknown_fields_survive_at_every_nesting_level() {
    let mut body = rich_contract();
    add_unknown_fields(&mut body, 0);
    // Parse, validate (unknown fields are not errors), write: byte-for-byte the same JSON value,
    // including the nulls inside the unknown fields.
    let parsed: BackendContract = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(serde_json::to_value(&parsed).unwrap(), body);
    only_azure_rules_object(&body);
    // Every level really was covered: count the injected fields.
    let text = serde_json::to_string(&body).unwrap();
    assert_eq!(text.matches("futureField").count(), 20, "one per object of the rich contract");
}

#[test]
fn get_modify_put_keeps_a_newer_services_fields() {
    let mut from_service = rich_contract();
    from_service["properties"]["futureSetting"] = json!({"mode": "fast"});
    from_service["systemData"] = json!({"createdBy": "someone"});
    from_service["properties"]["pool"]["services"][0]["futureWeighting"] = json!(7);
    let mut got: BackendContract = serde_json::from_value(from_service.clone()).unwrap();
    got.properties.as_mut().unwrap().title = Some("renamed".into());
    let put = serde_json::to_value(&got).unwrap();
    assert_eq!(put["properties"]["title"], "renamed");
    assert_eq!(put["properties"]["futureSetting"], json!({"mode": "fast"}));
    assert_eq!(put["systemData"], json!({"createdBy": "someone"}));
    assert_eq!(put["properties"]["pool"]["services"][0]["futureWeighting"], 7);
    only_azure_rules_object(&put);
}

/// The rich contract sets every field at once, which no real backend can (a Pool with url,
/// count with percentage, ...): validation objects to exactly those Azure rules, never to an
/// unknown field or a type.
fn only_azure_rules_object(body: &Value) {
    let e = check_backend_contract(body, ApiVersion::DEFAULT).unwrap_err();
    for d in &e.details {
        let target = d.target.as_deref().unwrap_or_default();
        assert!(!target.contains("future") && d.code != "InvalidType", "{d:?}");
        assert!(["NotSupported", "ExactlyOne", "Pattern"].contains(&d.code.as_str()), "{d:?}");
    }
}

#[test]
fn only_set_fields_are_written() {
    let c: BackendContract = serde_json::from_value(json!({"properties": {"url": "https://b/", "protocol": "http",
        "title": null, "tls": {"validateCertificateChain": null}, "pool": null}}))
    .unwrap();
    assert_eq!(serde_json::to_value(&c).unwrap(), json!({"properties": {"url": "https://b/", "protocol": "http", "tls": {}}}));
    assert_eq!(serde_json::to_value(BackendContract::default()).unwrap(), json!({}));
}

// ---- proptest: generated contracts survive write -> read -> write ----

fn opt<T: std::fmt::Debug + Clone + 'static>(s: impl Strategy<Value = T> + 'static) -> BoxedStrategy<Option<T>> {
    proptest::option::of(s).boxed()
}

fn text() -> BoxedStrategy<String> {
    // Any printable text, including quotes, backslashes and non-ASCII.
    "\\PC{0,12}".boxed()
}

fn strings() -> BoxedStrategy<Vec<String>> {
    proptest::collection::vec(text(), 0..3).boxed()
}

/// Unknown members: keys that cannot collide with a spec name, scalar or nested values.
fn extra() -> BoxedStrategy<Map<String, Value>> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    let value = leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            proptest::collection::btree_map("zz[a-z]{1,5}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    proptest::collection::btree_map("zz[a-zA-Z0-9]{1,6}", value, 0..2).prop_map(|m| m.into_iter().collect()).boxed()
}

fn contract() -> impl Strategy<Value = Value> {
    let pool_item = (text(), opt(0i64..=100), opt(0i64..=100), opt(text()), extra()).prop_map(|(id, w, p, c, x)| {
        let mut o = json!({"id": id, "weight": w, "priority": p, "preferredCarbonEmission": c});
        o.as_object_mut().unwrap().extend(x);
        o
    });
    let rule = (opt(text()), opt(text()), opt(any::<bool>()), opt(100i64..600), opt(any::<i64>()), strings(), extra())
        .prop_map(|(name, trip, retry, status, count, reasons, x)| {
            let mut o = json!({"name": name, "tripDuration": trip, "acceptRetryAfter": retry,
                "failureResponse": status.map(|s| json!({"statusCode": s})),
                "failureCondition": {"count": count, "errorReasons": reasons, "statusCodeRanges": [{"min": 500, "max": 599}]}});
            o.as_object_mut().unwrap().extend(x);
            o
        });
    let headers = proptest::collection::btree_map("[a-z-]{1,8}", strings(), 0..3);
    (
        (opt(text()), opt(text()), opt(text()), opt(text()), opt(text())),
        (opt(proptest::collection::vec(pool_item, 1..3)), opt(proptest::collection::vec(rule, 0..3))),
        (opt(any::<bool>()), opt(strings()), opt(headers), opt(text()), opt(text())),
        (extra(), extra()),
    )
        .prop_map(|((title, desc, url, protocol, region), (services, rules), (chain, thumbs, header, param, password), (x0, x1))| {
            let mut props = json!({
                "title": title, "description": desc, "url": url, "protocol": protocol, "azureRegion": region,
                "pool": services.map(|s| json!({"services": s})),
                "circuitBreaker": rules.map(|r| json!({"rules": r})),
                "tls": {"validateCertificateChain": chain, "serverCertificateThumbprints": thumbs},
                "credentials": {"header": header, "authorization": param.map(|p| json!({"scheme": "Basic", "parameter": p}))},
                "proxy": password.map(|p| json!({"url": "http://p", "password": p})),
            });
            props.as_object_mut().unwrap().extend(x1);
            let mut body = json!({"name": "b1", "properties": props});
            body.as_object_mut().unwrap().extend(x0);
            body
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_contracts_round_trip(body in contract()) {
        let parsed: BackendContract = serde_json::from_value(body.clone()).unwrap();
        let written = serde_json::to_value(&parsed).unwrap();
        // Known fields lose their nulls; unknown fields are kept exactly.
        let expected = strip_known_nulls(&body);
        prop_assert_eq!(&written, &expected);
        let again: BackendContract = serde_json::from_value(written.clone()).unwrap();
        prop_assert_eq!(again, parsed);
    }
}

/// Like `without_nulls`, but leaves the unknown (`zz...`) members exactly as generated.
fn strip_known_nulls(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, v)| k.starts_with("zz") || !v.is_null())
                .map(|(k, v)| (k.clone(), if k.starts_with("zz") { v.clone() } else { strip_known_nulls(v) }))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(strip_known_nulls).collect()),
        other => other.clone(),
    }
}

#[test]
fn valid_table_bodies_round_trip() {
    for body in [validation_table::valid_put(), validation_table::valid_pool_put()] {
        assert_round_trip::<BackendContract>("valid body", &body);
    }
}
