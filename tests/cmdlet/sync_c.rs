//! The file-sync cmdlet functions through the C ABI, as the module's interop calls them: bound
//! parameters in, `{"output":[...],"exchanges":[...]}` out, errors as JSON, NULLs refused.

use crate::ffi_support::*;

use apim_native::ffi::*;
use serde_json::json;
use std::ptr;

fn parameters(dir: &std::path::Path, more: serde_json::Value) -> String {
    let mut p = json!({"Context": {"PSTypeName": "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext",
        "SubscriptionId": SUB, "ResourceGroupName": "rg1", "ServiceName": "apimService1"},
        "Path": dir.to_str().unwrap(), "ProcessEnvironment": {}});
    p.as_object_mut().unwrap().extend(more.as_object().cloned().unwrap_or_default());
    p.to_string()
}

#[test]
fn export_plan_approve_and_sync_through_the_c_functions() {
    let emulator = Emulator::start();
    let client = emulator.client();
    let body = json!({"body": {"properties": {"url": "https://c.contoso.example/", "protocol": "http",
        "credentials": {"authorization": {"scheme": "Bearer", "parameter": "c-s3cret"}}}}});
    let (status, created) = op(apim_backend_create_or_update, client.ptr(), &request("c-sync", body));
    assert_eq!(status, ApimStatus::Ok, "{created}");
    let dir = tempfile::tempdir().unwrap();

    let (status, exported) = op(apim_cmdlet_backend_export, client.ptr(), &parameters(dir.path(), json!({})));
    assert_eq!(status, ApimStatus::Ok, "{exported}");
    assert_eq!(exported["output"][0]["PSTypeName"], "ApimNative.ExportedBackend");
    assert_eq!(exported["exchanges"], json!([]));

    std::fs::write(dir.path().join("c-new.json"), "{\"protocol\":\"http\",\"url\":\"https://new.contoso.example/\"}\n").unwrap();
    let secret = json!({"Secret": {"c-sync.authorizationParameter": {"PSTypeName": "System.Security.SecureString", "Value": "c-s3cret"}}});
    let (status, plan) = op(apim_cmdlet_backend_plan, client.ptr(), &parameters(dir.path(), secret.clone()));
    assert_eq!(status, ApimStatus::Ok, "{plan}");
    assert_eq!(plan["output"][0]["BackendId"], "c-new");
    assert_eq!(plan["output"][0]["ShouldProcessTarget"], "backend 'c-new' (protocol, url)");
    assert!(!plan.to_string().contains("c-s3cret"));

    let (status, test) = op(apim_cmdlet_backend_test, client.ptr(), &parameters(dir.path(), secret.clone()));
    assert_eq!((status, test["output"].clone()), (ApimStatus::Ok, json!([false])));

    let mut approved = secret.clone();
    approved["Approved"] = json!([plan["output"][0]["ApprovalKey"]]);
    let (status, report) = op(apim_cmdlet_backend_sync, client.ptr(), &parameters(dir.path(), approved));
    assert_eq!(status, ApimStatus::Ok, "{report}");
    assert_eq!(report["output"][0]["Outcome"], "Succeeded", "{report}");
    assert_eq!(report["output"][1]["Outcome"], "NoChange", "{report}");
    let (status, test) = op(apim_cmdlet_backend_test, client.ptr(), &parameters(dir.path(), secret.clone()));
    assert_eq!((status, test["output"].clone()), (ApimStatus::Ok, json!([true])));

    // An unresolved placeholder: the error JSON, naming the placeholder.
    let (status, error) = op(apim_cmdlet_backend_plan, client.ptr(), &parameters(dir.path(), json!({})));
    assert_eq!(status, ApimStatus::InvalidArgument, "{error}");
    assert!(error.to_string().contains("c-sync.authorizationParameter"), "{error}");
}

#[test]
fn the_secret_check_and_the_null_guards() {
    let (status, answer) = build(apim_cmdlet_secret_map, r#"{"Secret":{"a":"b"}}"#);
    assert_eq!((status, answer["output"].clone()), (ApimStatus::Ok, json!([])));
    let (status, error) = build(apim_cmdlet_secret_map, r#"{"Secret":{"a.b":{"PSTypeName":"System.DateTime"}}}"#);
    assert_eq!(status, ApimStatus::InvalidArgument, "{error}");
    assert!(error["message"].as_str().unwrap().contains("System.DateTime"), "{error}");
    let mut out = ptr::null_mut();
    // SAFETY: a deliberate NULL input and a writable out pointer.
    let status = unsafe { apim_cmdlet_secret_map(ptr::null(), &mut out) };
    assert_eq!(status, ApimStatus::NullArgument);
    assert!(take(out).contains("parameters_json"));

    let client = Client::new(OFFLINE_OPTIONS);
    for function in [apim_cmdlet_backend_export as ClientOpFn, apim_cmdlet_backend_plan, apim_cmdlet_backend_test, apim_cmdlet_backend_sync,
        apim_cmdlet_backend_dry_run_copy, apim_cmdlet_backend_dry_run_plan, apim_cmdlet_api_connector_export, apim_cmdlet_api_connector_plan,
        apim_cmdlet_api_connector_sync]
    {
        let (status, error) = op(function, ptr::null(), "{}");
        assert_eq!((status, error["target"].clone()), (ApimStatus::NullArgument, json!("client")));
        let mut out = ptr::null_mut();
        // SAFETY: a live client, a deliberate NULL input and a writable out pointer.
        let status = unsafe { function(client.ptr(), ptr::null(), &mut out) };
        assert_eq!(status, ApimStatus::NullArgument);
        assert!(take(out).contains("parameters_json"));
        let (status, _) = op(function, client.ptr(), "[1, 2]");
        assert_eq!(status, ApimStatus::InvalidArgument, "the parameters must be an object");
    }
}
