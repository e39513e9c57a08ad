//! The API connector file-sync cmdlets through the Rust API against an in-process emulator behind
//! a recording proxy: export objects, plan objects (secrets NotComparable, -RotateSecret), the
//! ShouldProcess text, a sync of the approved keys only, and -DisplayName in errors.

use crate::sync_support::*;

use apim_native::client::api_connector::ApiConnectorRequest;
use apim_native::cmdlet::sync;
use apim_native::cmdlet::Parameters;
use serde_json::{json, Value};
use std::path::Path;

const PASSWORD: &str = "Connector-Pass-Value";

fn parameters(dir: &Path, more: Value) -> Parameters {
    let mut p = json!({"Path": dir.to_str().unwrap(), "ProcessEnvironment": {},
        "Secret": {"Sign-up_validation.password": {"PSTypeName": "System.Security.SecureString", "Value": PASSWORD}}});
    p.as_object_mut().unwrap().extend(more.as_object().cloned().unwrap_or_default());
    Parameters::from_value(p).unwrap()
}

async fn seeded() -> (Service, String, tempfile::TempDir) {
    let service = Service::start(json!({})).await;
    let body = json!({"displayName": "Sign-up validation", "targetUrl": "https://validate.contoso.example/api", "authenticationConfiguration": {
        "@odata.type": "#microsoft.graph.basicAuthentication", "username": "svc", "password": PASSWORD}});
    let created = service.client().api_connector_create(&ApiConnectorRequest { body: Some(body), ..Default::default() }).await.unwrap();
    let id = created.body.unwrap()["id"].as_str().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let exported = sync::api_connector_export(&service.client(), &parameters(dir.path(), json!({}))).await.unwrap();
    assert_eq!(exported.output.len(), 1);
    assert_eq!(exported.output[0]["PSTypeName"], "ApimNative.ExportedApiConnector");
    assert_eq!(exported.output[0]["DisplayName"], "Sign-up validation");
    assert_eq!(exported.output[0]["Id"], id.as_str());
    assert_eq!(exported.output[0]["Path"], dir.path().join("Sign-up validation.json").display().to_string());
    service.clear();
    (service, id, dir)
}

#[tokio::test]
async fn plan_objects_show_secrets_as_not_comparable_and_ask_only_for_writes() {
    let (service, id, dir) = seeded().await;
    let plan = sync::api_connector_plan(&service.client(), &parameters(dir.path(), json!({}))).await.unwrap();
    assert_eq!(plan.output.len(), 1);
    let item = &plan.output[0];
    assert_eq!(item["PSTypeName"], "ApimNative.ApiConnectorPlan");
    assert_eq!((item["Action"].clone(), item["Id"].clone()), (json!("NoChange"), json!(id)));
    assert_eq!(item["Secrets"][0]["State"], "NotComparable");
    assert_eq!(item["ApprovalKey"], Value::Null);

    let moved = ApiConnectorRequest { id: Some(id.clone()), body: Some(json!({"targetUrl": "https://moved.contoso.example/"})), ..Default::default() };
    service.client().api_connector_update(&moved).await.unwrap();
    let plan = sync::api_connector_plan(&service.client(), &parameters(dir.path(), json!({}))).await.unwrap();
    let item = &plan.output[0];
    assert_eq!(item["Action"], "Update");
    assert_eq!(item["ShouldProcessTarget"], "API connector 'Sign-up validation' (targetUrl)");
    assert_eq!(item["Changes"][0]["Old"], "https://moved.contoso.example/");

    let rotate = sync::api_connector_plan(&service.client(), &parameters(dir.path(), json!({"RotateSecret": true}))).await.unwrap();
    assert_eq!(rotate.output[0]["Action"], "Update");
    assert!(!Value::Array(rotate.output.clone()).to_string().contains(PASSWORD));
    service.stop().await;
}

#[tokio::test]
async fn sync_patches_an_approved_connector_and_skips_a_declined_one() {
    let (service, id, dir) = seeded().await;
    let moved = ApiConnectorRequest { id: Some(id.clone()), body: Some(json!({"targetUrl": "https://moved.contoso.example/"})), ..Default::default() };
    service.client().api_connector_update(&moved).await.unwrap();
    let plan = sync::api_connector_plan(&service.client(), &parameters(dir.path(), json!({}))).await.unwrap();

    // Declined (no key): nothing is sent, the result says Skipped.
    service.clear();
    let declined = sync::api_connector_sync(&service.client(), &parameters(dir.path(), json!({"Approved": []}))).await.unwrap();
    assert_eq!(declined.output[0]["PSTypeName"], "ApimNative.ApiConnectorSyncResult");
    assert_eq!(declined.output[0]["Outcome"], "Skipped");
    assert!(service.writes().is_empty());

    let approved = json!({"Approved": [plan.output[0]["ApprovalKey"]]});
    let report = sync::api_connector_sync(&service.client(), &parameters(dir.path(), approved)).await.unwrap();
    assert_eq!((report.output[0]["Outcome"].clone(), report.output[0]["Id"].clone()), (json!("Succeeded"), json!(id)));
    let writes = service.writes();
    assert_eq!(writes.len(), 1);
    assert_eq!(writes[0].method, "PATCH");
    let again = sync::api_connector_plan(&service.client(), &parameters(dir.path(), json!({}))).await.unwrap();
    assert_eq!(again.output[0]["Action"], "NoChange");
    service.stop().await;
}

#[tokio::test]
async fn an_unknown_display_name_is_named_as_the_parameter_and_nothing_is_written() {
    let (service, _, _) = seeded().await;
    let empty = tempfile::tempdir().unwrap();
    let error = sync::api_connector_export(&service.client(), &parameters(empty.path(), json!({"DisplayName": "ghost"}))).await.unwrap_err();
    assert!(error.details[0].message.contains("-DisplayName") && error.details[0].message.contains("ghost"), "{}", error.to_json());
    assert!(read_files(empty.path()).is_empty());
    service.stop().await;
}
