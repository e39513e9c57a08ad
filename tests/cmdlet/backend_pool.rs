//! New-AzApiManagementBackendPool and New-AzApiManagementBackendPoolItem: the weighted, priority and
//! carbon-aware examples of the Learn backends article (the REST examples of those names carry no
//! pool, azure-rest-api-specs #35713), members by id or backend object, the model's rules in the
//! cmdlets' words, pool objects given to -Pool read back, and the C functions' contracts.

use crate::support::{build, call_c, null_parameters_are_refused, object};
use apim_native::cmdlet::backend_pool;
use apim_native::ffi::{apim_cmdlet_backend_pool_item_new, apim_cmdlet_backend_pool_new, ApimStatus};
use serde_json::{json, Value};

const POOL: &str = "ApimNative.BackendPool";
const ITEM: &str = "ApimNative.BackendPoolItem";
const BACKENDS: &str = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends";

fn item(id: &str, priority: Value, weight: Value, carbon: Value) -> Value {
    json!({ "PSTypeName": ITEM, "Id": format!("{BACKENDS}/{id}"), "Priority": priority, "Weight": weight, "PreferredCarbonEmission": carbon })
}

#[test]
fn items_are_built_by_id_or_from_a_backend_object() {
    let cases = [
        (json!({ "Id": format!("{BACKENDS}/backend-1"), "Weight": 75 }), item("backend-1", Value::Null, json!(75), Value::Null)),
        (
            json!({ "Id": format!("{BACKENDS}/sustainable-backend-europe-north"), "PreferredCarbonEmission": "Medium", "Priority": 1, "Weight": 1 }),
            item("sustainable-backend-europe-north", json!(1), json!(1), json!("Medium")),
        ),
        (
            json!({ "Backend": { "PSTypeName": "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend",
                                 "Id": format!("{BACKENDS}/member1"), "BackendId": "member1", "Url": "https://m" }, "Priority": 2 }),
            item("member1", json!(2), Value::Null, Value::Null),
        ),
    ];
    for (parameters, expected) in cases {
        assert_eq!(build(backend_pool::new_item, parameters.clone()).unwrap(), expected, "{parameters}");
    }
}

#[test]
fn item_rules_are_reported_in_the_cmdlets_words() {
    let cases = [
        (json!({ "Id": "backend-1" }), "-Id must be the ARM id of a backend"),
        (json!({ "Id": format!("{BACKENDS}/b"), "Weight": 101 }), "-Weight must be between 0 and 100"),
        (json!({ "Id": format!("{BACKENDS}/b"), "Priority": -1 }), "-Priority must be between 0 and 100"),
        (json!({ "Id": format!("{BACKENDS}/b"), "PreferredCarbonEmission": "Green" }), "-PreferredCarbonEmission 'Green' is not one of"),
        (json!({ "Backend": { "PSTypeName": "X", "BackendId": "b" } }), "-Backend (Id) must be at least 1"),
    ];
    for (parameters, expected) in cases {
        let error = build(backend_pool::new_item, parameters.clone()).unwrap_err();
        assert!(error.message.contains(expected), "{parameters}: {}", error.message);
    }
}

#[test]
fn the_learn_examples_become_pool_objects() {
    let weighted = [item("backend-1", Value::Null, json!(75), Value::Null), item("backend-2", Value::Null, json!(25), Value::Null)];
    let built = build(backend_pool::new, json!({ "Service": weighted })).unwrap();
    assert_eq!(
        built,
        json!({ "PSTypeName": POOL, "Services": weighted, "SessionIdSource": null, "SessionIdName": null, "FailureResponseStatusCode": null })
    );
    let priority = [item("backend-1", json!(1), Value::Null, Value::Null), item("backend-2", json!(2), json!(1), Value::Null)];
    let built = build(
        backend_pool::new,
        json!({ "Service": priority, "SessionIdSource": "cookie", "SessionIdName": "APIM-Session", "FailureResponseStatusCode": 503 }),
    )
    .unwrap();
    assert_eq!(built["Services"], json!(priority));
    assert_eq!((&built["SessionIdSource"], &built["SessionIdName"], &built["FailureResponseStatusCode"]), (&json!("cookie"), &json!("APIM-Session"), &json!(503)));
    // One item (not an array) is a pool of one, as PowerShell binds it.
    let single = build(backend_pool::new, json!({ "Service": item("b", Value::Null, Value::Null, json!("Low")) })).unwrap();
    assert_eq!(single["Services"].as_array().map(Vec::len), Some(1));
}

#[test]
fn pool_rules_are_reported_in_the_cmdlets_words() {
    let thirty_one: Vec<Value> = (0..31).map(|i| item(&format!("b{i}"), Value::Null, Value::Null, Value::Null)).collect();
    let cases = [
        (json!({ "Service": [] }), "-Service must hold at least 1"),
        (json!({ "Service": thirty_one }), "-Service may hold at most 30"),
        (json!({ "Service": [{ "Id": "b1" }] }), "-Service ([0].id) must be the ARM id of a backend"),
        (json!({ "Service": [{ "Id": format!("{BACKENDS}/b"), "Weight": "heavy" }] }), "-Service[0].Weight must be a whole number"),
        (json!({ "Service": ["b1"] }), "-Service[0] must be an object or a hashtable"),
        (json!({ "Service": [item("b", Value::Null, Value::Null, Value::Null)], "SessionIdSource": "header" }), "-SessionIdSource 'header' is not one of: cookie"),
        (json!({ "Service": [item("b", Value::Null, Value::Null, Value::Null)], "FailureResponseStatusCode": 99 }), "-FailureResponseStatusCode must be between 100 and 599"),
    ];
    for (parameters, expected) in cases {
        let error = build(backend_pool::new, parameters.clone()).unwrap_err();
        assert!(error.message.contains(expected), "{parameters}: {}", error.message);
    }
}

#[test]
fn a_pool_object_given_to_pool_becomes_the_wire_pool() {
    let built = build(
        backend_pool::new,
        json!({ "Service": [item("b1", json!(1), json!(3), Value::Null)], "SessionIdSource": "cookie", "FailureResponseStatusCode": 503 }),
    )
    .unwrap();
    let expected = json!({ "services": [{ "id": format!("{BACKENDS}/b1"), "weight": 3, "priority": 1 }],
                           "failureResponse": { "statusCode": 503 }, "sessionAffinity": { "sessionId": { "source": "cookie" } } });
    let mut deserialized = built.clone();
    deserialized["PSTypeName"] = json!(format!("Deserialized.{POOL}"));
    deserialized["Services"][0]["PSTypeName"] = json!(format!("Deserialized.{ITEM}"));
    deserialized["Services"][0]["PreferredCarbonEmission"] = json!("");
    let by_hand = json!({ "services": [{ "id": format!("{BACKENDS}/b1"), "priority": 1, "weight": 3 }], "sessionidsource": "cookie", "FailureResponseStatusCode": 503 });
    for given in [built, deserialized, by_hand] {
        let wire = serde_json::to_value(backend_pool::from_object(&object(given.clone())).unwrap()).unwrap();
        assert_eq!(wire, expected, "{given}");
    }
}

#[test]
fn a_wire_pool_from_the_service_becomes_the_object() {
    let wire = serde_json::from_value(json!({ "services": [{ "id": format!("{BACKENDS}/b1"), "preferredCarbonEmission": "VeryLow" }],
                                              "sessionAffinity": { "sessionId": { "source": "cookie", "name": "s" } } }))
    .unwrap();
    let shown = backend_pool::to_object(&wire);
    assert_eq!(shown["Services"], json!([item("b1", Value::Null, Value::Null, json!("VeryLow"))]));
    assert_eq!(shown["SessionIdName"], "s");
    assert_eq!(backend_pool::to_object(&Default::default())["Services"], json!([]));
}

#[test]
fn the_c_functions_answer_output_and_exchanges_or_the_error_json() {
    let (status, json) = call_c(apim_cmdlet_backend_pool_item_new, &json!({ "Id": format!("{BACKENDS}/b1"), "Weight": 3 }).to_string());
    assert_eq!(status, ApimStatus::Ok);
    assert_eq!(json["output"][0]["PSTypeName"], ITEM);
    assert_eq!(json["exchanges"], json!([]));
    let (status, json) = call_c(apim_cmdlet_backend_pool_item_new, r#"{"Id":"b1"}"#);
    assert_eq!((status, &json["target"]), (ApimStatus::InvalidArgument, &json!("id")));

    let (status, json) = call_c(apim_cmdlet_backend_pool_new, &json!({ "Service": [item("b1", Value::Null, json!(1), Value::Null)] }).to_string());
    assert_eq!(status, ApimStatus::Ok);
    assert_eq!(json["output"][0]["PSTypeName"], POOL);
    let (status, json) = call_c(apim_cmdlet_backend_pool_new, r#"{"Service":[]}"#);
    assert_eq!((status, &json["target"]), (ApimStatus::InvalidArgument, &json!("services")));
    null_parameters_are_refused(apim_cmdlet_backend_pool_item_new);
    null_parameters_are_refused(apim_cmdlet_backend_pool_new);
}
