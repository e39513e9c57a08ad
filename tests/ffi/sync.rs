//! The sync functions through the C ABI, called exactly as C would, against the in-process
//! emulator from apim_emulator_start: export, plan and sync of backends and API connectors,
//! NULL and malformed arguments.

use crate::ffi_support;

use apim_native::ffi::*;
use ffi_support::*;
use serde_json::json;
use std::ptr;

fn sync_request(dir: &std::path::Path, more: serde_json::Value) -> String {
    let mut r = json!({"subscriptionId": SUB, "resourceGroupName": "rg1", "serviceName": "apimService1", "path": dir.to_str().unwrap(), "useEnvironment": false});
    r.as_object_mut().unwrap().extend(more.as_object().cloned().unwrap_or_default());
    r.to_string()
}

#[test]
fn backends_export_plan_and_sync_through_the_c_abi() {
    let emulator = Emulator::start();
    let client = emulator.client();
    let body = json!({"body": {"properties": {"url": "https://ffi.contoso.example/", "protocol": "http",
        "credentials": {"authorization": {"scheme": "Bearer", "parameter": "ffi-s3cret"}}}}});
    let (status, created) = op(apim_backend_create_or_update, client.ptr(), &request("ffi-sync", body));
    assert_eq!(status, ApimStatus::Ok, "{created}");

    let dir = tempfile::tempdir().unwrap();
    let (status, exported) = op(apim_backend_export, client.ptr(), &sync_request(dir.path(), json!({})));
    assert_eq!(status, ApimStatus::Ok, "{exported}");
    assert_eq!(exported["files"][0]["backendId"], "ffi-sync");
    let text = std::fs::read_to_string(dir.path().join("ffi-sync.json")).unwrap();
    assert!(!text.contains("ffi-s3cret") && text.contains("{{secret:ffi-sync.authorizationParameter}}"), "{text}");

    std::fs::write(dir.path().join("ffi-new.json"), "{\"protocol\":\"http\",\"url\":\"https://new.contoso.example/\"}\n").unwrap();
    let secrets = json!({"secrets": {"ffi-sync.authorizationParameter": "ffi-s3cret"}});
    let (status, plan) = op(apim_backend_plan, client.ptr(), &sync_request(dir.path(), secrets.clone()));
    assert_eq!(status, ApimStatus::Ok, "{plan}");
    let actions: Vec<(&str, &str)> = plan["items"].as_array().unwrap().iter().map(|i| (i["backendId"].as_str().unwrap(), i["action"].as_str().unwrap())).collect();
    assert_eq!(actions, [("ffi-new", "Create"), ("ffi-sync", "NoChange")]);
    assert!(!plan.to_string().contains("ffi-s3cret"));

    let (status, report) = op(apim_backend_sync, client.ptr(), &sync_request(dir.path(), secrets.clone()));
    assert_eq!(status, ApimStatus::Ok, "{report}");
    assert_eq!(report["succeeded"], 1, "{report}");
    assert_eq!(report["unchanged"], 1);
    assert_eq!(report["results"][0]["outcome"], "Succeeded");

    // An unresolved placeholder is an error (ApimStatus::InvalidArgument: a ValidationError).
    let (status, error) = op(apim_backend_sync, client.ptr(), &sync_request(dir.path(), json!({})));
    assert_ne!(status, ApimStatus::Ok);
    assert_eq!(error["details"][0]["code"], "UnresolvedSecret", "{error}");
    assert_eq!(error["category"], "InvalidArgument");

    // Unknown fields, NULLs and bad JSON come back as errors, never a crash.
    let (status, error) = op(apim_backend_plan, client.ptr(), &sync_request(dir.path(), json!({"prnue": true})));
    assert_eq!(status, ApimStatus::InvalidArgument, "{error}");
    assert_eq!(error["details"][0]["code"], "UnknownField", "{error}");
    let (status, _) = op(apim_backend_export, ptr::null(), &sync_request(dir.path(), json!({})));
    assert_eq!(status, ApimStatus::NullArgument);
    let (status, error) = op(apim_api_connector_plan, client.ptr(), "{not json");
    assert_eq!(status, ApimStatus::InvalidArgument, "{error}");
}

#[test]
fn api_connectors_export_and_plan_through_the_c_abi() {
    let emulator = Emulator::start();
    let client = emulator.client();
    let body = json!({"body": {"displayName": "ffi connector", "targetUrl": "https://c.contoso.example/",
        "authenticationConfiguration": {"@odata.type": "#microsoft.graph.basicAuthentication", "username": "u", "password": "ffi-pass"}}});
    let (status, created) = op(apim_api_connector_create, client.ptr(), &body.to_string());
    assert_eq!(status, ApimStatus::Ok, "{created}");
    let dir = tempfile::tempdir().unwrap();
    let req = json!({"path": dir.path().to_str().unwrap(), "useEnvironment": false, "secrets": {"ffi_connector.password": "ffi-pass"}}).to_string();
    let (status, exported) = op(apim_api_connector_export, client.ptr(), &req);
    assert_eq!(status, ApimStatus::Ok, "{exported}");
    assert_eq!(exported["files"][0]["displayName"], "ffi connector");
    let (status, plan) = op(apim_api_connector_plan, client.ptr(), &req);
    assert_eq!(status, ApimStatus::Ok, "{plan}");
    assert_eq!(plan["items"][0]["action"], "NoChange", "{plan}");
    assert_eq!(plan["items"][0]["secrets"][0]["state"], "NotComparable");
    let (status, report) = op(apim_api_connector_sync, client.ptr(), &req);
    assert_eq!(status, ApimStatus::Ok, "{report}");
    assert_eq!(report["unchanged"], 1);
}
