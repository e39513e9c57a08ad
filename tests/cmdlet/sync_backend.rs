//! The backend file-sync cmdlets through the Rust API (`apim_native::cmdlet::sync`) against an
//! in-process emulator behind a recording proxy: bound parameters to the sync request (context,
//! -Secret, the environment PowerShell hands over), plan objects with the ShouldProcess text and
//! approval keys, a sync that applies exactly the approved keys, Test's answer, errors in the
//! cmdlet's words, and the dry run's copy and plan. Secret values never appear in any output.

use crate::sync_support::*;

use apim_native::cmdlet::sync::{self, secret_map};
use apim_native::cmdlet::sync_request::backend_request;
use apim_native::cmdlet::Parameters;
use apim_native::model::ApimError;
use serde_json::{json, Value};
use std::path::Path;

const CONTEXT_TYPE: &str = "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext";

fn context() -> Value {
    json!({"PSTypeName": CONTEXT_TYPE, "SubscriptionId": SUB, "ResourceGroupName": RG, "ServiceName": SVC,
        "WorkspaceId": "", "Endpoint": "http://127.0.0.1:9", "ApiVersion": null})
}

/// The parameters as the module sends them: the cmdlet's, plus the resolved path and an empty
/// environment (so no variable of the machine running the tests is consulted).
fn parameters(dir: &Path, more: Value) -> Parameters {
    let mut p = json!({"Context": context(), "Path": dir.to_str().unwrap(), "ProcessEnvironment": {}});
    p.as_object_mut().unwrap().extend(more.as_object().cloned().unwrap_or_default());
    Parameters::from_value(p).unwrap()
}

/// Every seed secret under the placeholder name export gives it, one of them as a SecureString.
fn secret_parameter() -> Value {
    json!({"orders.authorizationParameter": {"PSTypeName": "System.Security.SecureString", "Value": SECRETS[0]},
        "orders.proxyPassword": SECRETS[1], "orders.header.x-api-key": SECRETS[2], "orders.query.sig": SECRETS[3]})
}

fn assert_no_secret(output: &[Value]) {
    let text = Value::Array(output.to_vec()).to_string();
    for secret in SECRETS {
        assert!(!text.contains(secret), "a secret value is in the output: {text}");
    }
}

fn by_backend<'a>(output: &'a [Value], id: &str) -> &'a Value {
    output.iter().find(|o| o["BackendId"] == id).unwrap_or_else(|| panic!("no object for {id}: {output:?}"))
}

/// A service with the seed backends, exported into a fresh directory.
async fn exported_service() -> (Service, tempfile::TempDir) {
    let service = Service::start(json!({})).await;
    put_all(&service.client(), &seed_backends()).await;
    let dir = tempfile::tempdir().unwrap();
    let exported = sync::backend_export(&service.client(), &parameters(dir.path(), json!({}))).await.unwrap();
    assert_eq!(exported.output.len(), 4);
    service.clear();
    (service, dir)
}

#[test]
fn the_context_and_options_become_the_sync_request_and_only_secret_variables_are_kept() {
    let dir = Path::new("/tmp/backends");
    let request = backend_request(&parameters(
        dir,
        json!({"Prune": true, "ThrottleLimit": 3, "BackendId": "orders", "IncludeSecret": true, "Secret": secret_parameter(),
            "ProcessEnvironment": {"APIM_NATIVE_SECRET_ORDERS_TOKEN": "from-env", "apim_native_secret_lower": "lower", "HOME": "/home/x", "AWS_SECRET_ACCESS_KEY": "not ours"}}),
    ))
    .unwrap();
    assert_eq!(request.subscription_id.as_deref(), Some(SUB));
    assert_eq!((request.resource_group_name.as_str(), request.service_name.as_str()), (RG, SVC));
    assert_eq!(request.workspace_id, None, "an empty WorkspaceId is the service's own backends");
    assert_eq!(request.path, "/tmp/backends");
    assert!(request.prune && request.include_secret && request.use_environment);
    assert_eq!(request.throttle_limit, Some(3));
    assert_eq!(request.backend_ids, Some(vec!["orders".to_string()]));
    assert_eq!(request.secrets["orders.authorizationParameter"], SECRETS[0], "a SecureString is its text");
    let environment = request.environment.unwrap();
    assert_eq!(environment.keys().collect::<Vec<_>>(), ["APIM_NATIVE_SECRET_ORDERS_TOKEN", "apim_native_secret_lower"]);
    assert_eq!(environment["APIM_NATIVE_SECRET_ORDERS_TOKEN"], "from-env");

    let workspace = json!({"Context": {"PSTypeName": format!("Deserialized.{CONTEXT_TYPE}"), "ResourceGroupName": RG, "ServiceName": SVC, "WorkspaceId": "team-a"}});
    let request = backend_request(&Parameters::from_value(workspace).unwrap()).unwrap();
    assert_eq!(request.workspace_id.as_deref(), Some("team-a"));
    assert_eq!(request.subscription_id, None, "no subscription: the client's (Connect-ApimNative's) is used");
    assert_eq!(request.environment, None, "no ProcessEnvironment: this process's own");
}

#[test]
fn a_secret_that_is_neither_a_string_nor_a_securestring_is_refused_by_its_key_never_its_value() {
    let ok = secret_map(&Parameters::from_value(json!({"Secret": secret_parameter()})).unwrap()).unwrap();
    assert!(ok.output.is_empty() && ok.exchanges.is_empty());
    assert!(secret_map(&Parameters::from_value(json!({"Path": "x"})).unwrap()).is_ok(), "no -Secret is fine");
    let error = secret_map(&Parameters::from_value(json!({"Secret": {"orders.authorizationParameter": 424242}})).unwrap()).unwrap_err();
    assert_eq!(error.code, "InvalidArgument");
    assert!(error.message.contains("-Secret") && error.message.contains("orders.authorizationParameter"), "{}", error.message);
    assert!(error.message.contains("string or a SecureString") && !error.message.contains("424242"), "{}", error.message);
    let error = secret_map(&Parameters::from_value(json!({"Secret": "not a map"})).unwrap()).unwrap_err();
    assert!(error.message.contains("-Secret"), "{}", error.message);
}

#[tokio::test]
async fn export_writes_placeholders_and_answers_one_exported_backend_per_file() {
    let service = Service::start(json!({})).await;
    put_all(&service.client(), &seed_backends()).await;
    let dir = tempfile::tempdir().unwrap();
    let exported = sync::backend_export(&service.client(), &parameters(dir.path(), json!({}))).await.unwrap();
    let ids: Vec<&str> = exported.output.iter().map(|o| o["BackendId"].as_str().unwrap()).collect();
    assert_eq!(ids, ["billing", "lb", "orders", "plain"]);
    let orders = by_backend(&exported.output, "orders");
    assert_eq!(orders["PSTypeName"], "ApimNative.ExportedBackend");
    assert_eq!(orders["Path"], dir.path().join("orders.json").display().to_string());
    let files = read_files(dir.path());
    assert!(files["orders.json"].contains("{{secret:orders.authorizationParameter}}"));
    assert!(!files.values().any(|text| SECRETS.iter().any(|s| text.contains(s))));

    // -BackendId names a backend that is not there: the error says -BackendId, nothing is written.
    let empty = tempfile::tempdir().unwrap();
    let error = sync::backend_export(&service.client(), &parameters(empty.path(), json!({"BackendId": ["orders", "ghost"]}))).await.unwrap_err();
    assert!(error.details[0].message.contains("-BackendId") && error.details[0].message.contains("ghost"), "{}", error.to_json());
    assert!(read_files(empty.path()).is_empty());
    service.stop().await;
}

#[tokio::test]
async fn plan_objects_carry_the_changes_the_should_process_text_and_an_approval_key_only_for_writes() {
    let (service, dir) = exported_service().await;
    let secrets = json!({"Secret": secret_parameter()});
    let plan = sync::backend_plan(&service.client(), &parameters(dir.path(), secrets.clone())).await.unwrap();
    assert_eq!(plan.output.len(), 4);
    assert_eq!(plan.output.last().unwrap()["BackendId"], "lb", "pools after the backends they reference");
    for item in &plan.output {
        assert_eq!(item["PSTypeName"], "ApimNative.BackendPlan");
        assert_eq!(item["Action"], "NoChange");
        assert_eq!((&item["ShouldProcessTarget"], &item["ApprovalKey"]), (&Value::Null, &Value::Null), "nothing to ask for");
    }

    // One property changed by hand, one secret the files now give differently.
    std::fs::write(dir.path().join("billing.json"), read_files(dir.path())["billing.json"].replace("Billing SOAP", "Billing v2")).unwrap();
    let mut changed = secret_parameter();
    changed["orders.proxyPassword"] = json!("a-new-proxy-password");
    let plan = sync::backend_plan(&service.client(), &parameters(dir.path(), json!({"Secret": changed}))).await.unwrap();
    assert!(service.writes().is_empty(), "a plan only reads");
    let billing = by_backend(&plan.output, "billing");
    assert_eq!(billing["Action"], "Update");
    assert_eq!(billing["ShouldProcessTarget"], "backend 'billing' (description)");
    assert_eq!(billing["ShouldProcessAction"], "Update");
    assert!(billing["ETag"].is_string());
    assert_eq!(billing["Changes"], json!([{"PSTypeName": "ApimNative.PropertyChange", "Path": "description", "Kind": "Modified",
        "Secret": false, "Old": "Billing SOAP", "New": "Billing v2"}]));
    assert!(billing["ApprovalKey"].as_str().is_some_and(|key| !key.is_empty()));
    let orders = by_backend(&plan.output, "orders");
    assert_eq!(orders["Changes"][0]["Path"], "proxy.password");
    assert_eq!((orders["Changes"][0]["Secret"].clone(), orders["Changes"][0]["Old"].clone(), orders["Changes"][0]["New"].clone()), (json!(true), Value::Null, Value::Null));
    assert!(orders["Secrets"].as_array().unwrap().iter().any(|s| s["PSTypeName"] == "ApimNative.SecretStatus" && s["Path"] == "proxy.password" && s["State"] == "Changed"));
    assert_no_secret(&plan.output);
    assert!(!Value::Array(plan.output.clone()).to_string().contains("a-new-proxy-password"));
    service.stop().await;
}

#[tokio::test]
async fn sync_applies_exactly_the_approved_keys_and_reports_the_others_as_skipped() {
    let (service, dir) = exported_service().await;
    let target = Service::start(json!({})).await;
    let secrets = json!({"Secret": secret_parameter()});
    let plan = sync::backend_plan(&target.client(), &parameters(dir.path(), secrets.clone())).await.unwrap();
    assert!(plan.output.iter().all(|item| item["Action"] == "Create"));
    // The user says yes to billing and plain only (the pool needs orders, so it is not offered).
    let approved: Vec<Value> = plan.output.iter().filter(|i| i["BackendId"] == "billing" || i["BackendId"] == "plain").map(|i| i["ApprovalKey"].clone()).collect();
    let mut more = secrets.clone();
    more["Approved"] = Value::Array(approved);
    let report = sync::backend_sync(&target.client(), &parameters(dir.path(), more)).await.unwrap();
    let outcomes: Vec<(String, String)> = report.output.iter().map(|r| (r["BackendId"].as_str().unwrap().into(), r["Outcome"].as_str().unwrap().into())).collect();
    assert_eq!(
        outcomes,
        [("billing".into(), "Succeeded".into()), ("orders".into(), "Skipped".into()), ("plain".into(), "Succeeded".into()), ("lb".into(), "Skipped".into())]
    );
    let written: Vec<String> = target.writes().iter().map(|w| w.last_segment().to_string()).collect();
    assert_eq!({ let mut w = written.clone(); w.sort(); w }, ["billing", "plain"], "only the approved writes are sent");
    let skipped = by_backend(&report.output, "orders");
    assert_eq!(skipped["PSTypeName"], "ApimNative.BackendSyncResult");
    assert_eq!(skipped["Error"]["code"], "NotInPlan");
    assert_eq!(by_backend(&report.output, "billing")["HttpStatus"], 201);
    assert_no_secret(&report.output);

    // No key at all is refused (the module always sends them): nothing is written unasked.
    target.clear();
    let error = sync::backend_sync(&target.client(), &parameters(dir.path(), secrets.clone())).await.unwrap_err();
    assert!(error.message.contains("Approved"), "{}", error.message);
    let mut bad = secrets.clone();
    bad["Approved"] = json!(["not a key"]);
    assert!(sync::backend_sync(&target.client(), &parameters(dir.path(), bad)).await.is_err());
    assert!(target.seen().is_empty(), "refused before anything is read or written");

    // An empty list approves nothing.
    let mut none = secrets.clone();
    none["Approved"] = json!([]);
    let report = sync::backend_sync(&target.client(), &parameters(dir.path(), none)).await.unwrap();
    assert!(report.output.iter().any(|r| r["Outcome"] == "Skipped"));
    assert!(target.writes().is_empty());
    service.stop().await;
    target.stop().await;
}

#[tokio::test]
async fn placeholders_resolve_from_the_environment_powershell_hands_over() {
    let (service, dir) = exported_service().await;
    let environment = json!({"ProcessEnvironment": {
        "APIM_NATIVE_SECRET_ORDERS_AUTHORIZATIONPARAMETER": SECRETS[0], "APIM_NATIVE_SECRET_ORDERS_PROXYPASSWORD": SECRETS[1],
        "APIM_NATIVE_SECRET_ORDERS_HEADER_X_API_KEY": SECRETS[2], "APIM_NATIVE_SECRET_ORDERS_QUERY_SIG": SECRETS[3]}});
    let test = sync::backend_test(&service.client(), &parameters(dir.path(), environment)).await.unwrap();
    assert_eq!(test.output, [json!(true)]);

    // Without them the plan cannot be made: an error naming the placeholder, not `false`.
    let error = sync::backend_test(&service.client(), &parameters(dir.path(), json!({}))).await.unwrap_err();
    assert!(error.to_json().contains("orders.authorizationParameter"), "{}", error.to_json());
    service.stop().await;
}

#[tokio::test]
async fn test_is_false_on_drift_and_with_prune_for_a_backend_without_a_file() {
    let (service, dir) = exported_service().await;
    let secrets = json!({"Secret": secret_parameter()});
    std::fs::remove_file(dir.path().join("plain.json")).unwrap();
    let answer = |more: Value| {
        let client = service.client();
        let p = parameters(dir.path(), more);
        async move { sync::backend_test(&client, &p).await.map(|o| o.output) }
    };
    assert_eq!(answer(secrets.clone()).await.unwrap(), [json!(true)], "without -Prune a backend without a file is not drift");
    let mut prune = secrets.clone();
    prune["Prune"] = json!(true);
    assert_eq!(answer(prune).await.unwrap(), [json!(false)]);
    service.stop().await;
}

#[tokio::test]
async fn a_throttle_limit_out_of_range_is_named_as_the_parameter() {
    let (service, dir) = exported_service().await;
    let error: ApimError = sync::backend_sync(&service.client(), &parameters(dir.path(), json!({"Secret": secret_parameter(), "ThrottleLimit": 0, "Approved": []})))
        .await
        .unwrap_err();
    assert!(error.to_json().contains("-ThrottleLimit"), "{}", error.to_json());
    assert!(service.seen().is_empty());
    service.stop().await;
}

#[tokio::test]
async fn the_dry_run_copies_the_service_and_plans_only_what_the_script_changed() {
    let service = Service::start(json!({})).await;
    put_all(&service.client(), &seed_backends()).await;
    let emulator = Service::start(json!({})).await;
    let dry_run = json!({"DryRunEndpoint": emulator.proxy_url, "ScriptBlock": {"PSTypeName": "System.Management.Automation.ScriptBlock"}});
    let p = Parameters::from_value(json!({"Context": context(), "DryRunEndpoint": dry_run["DryRunEndpoint"], "ScriptBlock": dry_run["ScriptBlock"]})).unwrap();
    service.clear();
    let copy = sync::backend_dry_run_copy(&service.client(), &p).await.unwrap();
    assert_eq!(copy.output[0]["PSTypeName"], "ApimNative.DryRunCopy");
    assert_eq!(copy.output[0]["BackendIds"].as_array().unwrap().len(), 4);
    assert!(copy.output[0]["Summary"].as_str().unwrap().starts_with("Copied 4 backend(s) of apimService1"));
    assert!(service.writes().is_empty(), "the service is only read");

    // The "script": one backend changed in the emulator.
    let mut change = address(Some("plain"));
    change.body = Some(json!({"properties": {"url": "https://plain.contoso.example/v2", "protocol": "http"}}));
    emulator.client().backend_create_or_update(&change).await.unwrap();
    let plan = sync::backend_dry_run_plan(&service.client(), &p).await.unwrap();
    assert_eq!(plan.output.len(), 1, "{:?}", plan.output);
    assert_eq!((plan.output[0]["BackendId"].clone(), plan.output[0]["Action"].clone()), (json!("plain"), json!("Update")));
    assert_eq!(plan.output[0]["Changes"][0]["New"], "https://plain.contoso.example/v2");
    assert_no_secret(&plan.output);
    assert!(service.writes().is_empty());

    let error = sync::backend_dry_run_plan(&service.client(), &Parameters::from_value(json!({"Context": context()})).unwrap()).await.unwrap_err();
    assert!(error.message.contains("DryRunEndpoint"), "{}", error.message);
    service.stop().await;
    emulator.stop().await;
}

#[tokio::test]
async fn a_write_that_fails_is_a_failed_result_with_its_error_not_a_failed_call() {
    let service = Service::start(json!({})).await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("late.json"), "{\"protocol\":\"http\",\"url\":\"https://late.contoso.example/\"}\n").unwrap();
    let plan = sync::backend_plan(&service.client(), &parameters(dir.path(), json!({}))).await.unwrap();
    assert_eq!(plan.output[0]["Action"], "Create");
    // Someone creates it between the plan the user approved and the sync.
    let mut late = address(Some("late"));
    late.body = Some(json!({"properties": {"url": "https://someone-else.contoso.example/", "protocol": "http"}}));
    service.client().backend_create_or_update(&late).await.unwrap();
    service.clear();
    let report = sync::backend_sync(&service.client(), &parameters(dir.path(), json!({"Approved": [plan.output[0]["ApprovalKey"]]}))).await.unwrap();
    let result = &report.output[0];
    assert_eq!((result["Outcome"].clone(), result["HttpStatus"].clone()), (json!("Failed"), json!(412)));
    assert_eq!(result["Error"]["code"], "PreconditionFailed");
    assert_eq!(result["Error"]["category"], "ResourceExists", "the category the module's error record takes");
    assert!(service.writes().is_empty(), "the other writer's backend is not overwritten");
    service.stop().await;
}
