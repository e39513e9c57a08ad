//! Identity API connectors as files through the core (`apim_native::sync::api_connector`):
//! round trip into an empty tenant, no write on a second run, exact drift, secrets never in
//! files (Graph never returns them, so they are compared as NotComparable and sent only on
//! create, when the authentication's visible part changes, or on rotateSecrets), and a 412 for
//! a connector changed between plan and sync.

use crate::sync_support;

use apim_native::client::api_connector::ApiConnectorRequest;
use apim_native::sync::api_connector::{self, ApiConnectorSyncRequest};
use apim_native::sync::diff::SecretState;
use apim_native::sync::{Action, Outcome};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use sync_support::*;

const PASSWORDS: [&str; 2] = ["Basic-Pass-Value-1", "Basic-Pass-Value-2"];

fn request(dir: &std::path::Path, more: Value) -> ApiConnectorSyncRequest {
    let mut r = json!({"path": dir.to_str().unwrap(), "useEnvironment": false});
    r.as_object_mut().unwrap().extend(more.as_object().cloned().unwrap_or_default());
    serde_json::from_value(r).unwrap()
}

fn basic(name: &str, url: &str, user: &str, password: &str) -> Value {
    json!({"displayName": name, "targetUrl": url, "authenticationConfiguration": {
        "@odata.type": "#microsoft.graph.basicAuthentication", "username": user, "password": password}})
}

fn secrets() -> Value {
    json!({"Sign-up_validation.password": PASSWORDS[0], "Enrich_token.password": PASSWORDS[1]})
}

async fn seed(client: &apim_native::client::ApimClient) -> BTreeMap<String, String> {
    let mut ids = BTreeMap::new();
    for (name, url, user, pw) in [("Sign-up validation", "https://validate.contoso.example/api", "svc", PASSWORDS[0]),
        ("Enrich token", "https://enrich.contoso.example/api", "enricher", PASSWORDS[1])] {
        let created = client.api_connector_create(&ApiConnectorRequest { body: Some(basic(name, url, user, pw)), ..Default::default() }).await.unwrap();
        ids.insert(name.to_string(), created.body.unwrap()["id"].as_str().unwrap().to_string());
    }
    ids
}

#[tokio::test]
async fn connectors_round_trip_without_secrets_in_files_and_a_second_sync_writes_nothing() {
    let source = Service::start(json!({})).await;
    seed(&source.client()).await;
    let first = tempfile::tempdir().unwrap();
    api_connector::export(&source.client(), &request(first.path(), json!({}))).await.unwrap();
    let files = read_files(first.path());
    assert_eq!(files.keys().cloned().collect::<Vec<_>>(), ["Enrich token.json", "Sign-up validation.json"]);
    for text in files.values() {
        for p in PASSWORDS {
            assert!(!text.contains(p));
        }
        assert!(!text.contains("******") && !text.contains("\"id\""), "{text}");
    }
    let signup: Value = serde_json::from_str(&files["Sign-up validation.json"]).unwrap();
    assert_eq!(signup["authenticationConfiguration"]["password"], "{{secret:Sign-up_validation.password}}");

    let target = Service::start(json!({})).await;
    // Without the secrets nothing is sent.
    let e = api_connector::sync(&target.client(), &request(first.path(), json!({}))).await.unwrap_err();
    assert_eq!(e.details[0].code, "UnresolvedSecret");
    assert!(target.seen().is_empty());

    let report = api_connector::sync(&target.client(), &request(first.path(), json!({"secrets": secrets()}))).await.unwrap();
    assert_eq!(report.succeeded, 2, "{report:?}");
    assert!(report.results.iter().all(|r| r.action == Action::Create && r.id.is_some()));
    let second = tempfile::tempdir().unwrap();
    api_connector::export(&target.client(), &request(second.path(), json!({}))).await.unwrap();
    assert_eq!(read_files(first.path()), read_files(second.path()));

    target.clear();
    let again = api_connector::sync(&target.client(), &request(first.path(), json!({"secrets": secrets()}))).await.unwrap();
    assert_eq!(again.unchanged, 2);
    assert!(target.writes().is_empty(), "{:?}", target.writes());
    let plan = api_connector::plan(&target.client(), &request(first.path(), json!({"secrets": secrets()}))).await.unwrap();
    assert!(plan.items.iter().all(|i| i.secrets.iter().all(|s| s.state == SecretState::NotComparable)), "{plan:?}");

    // rotateSecrets sends every secret again.
    target.clear();
    let rotated = api_connector::sync(&target.client(), &request(first.path(), json!({"secrets": secrets(), "rotateSecrets": true}))).await.unwrap();
    assert_eq!(rotated.succeeded, 2, "{rotated:?}");
    assert_eq!(target.writes().iter().filter(|s| s.method == "PATCH").count(), 2);
    source.stop().await;
    target.stop().await;
}

#[tokio::test]
async fn drift_is_exact_and_a_change_between_plan_and_sync_gets_412_for_that_connector_only() {
    let service = Service::start(json!({})).await;
    let client = service.client();
    let ids = seed(&client).await;
    let dir = tempfile::tempdir().unwrap();
    api_connector::export(&client, &request(dir.path(), json!({}))).await.unwrap();

    // One property changed on the service is exactly that change.
    let patch = ApiConnectorRequest { id: Some(ids["Enrich token"].clone()), body: Some(json!({"targetUrl": "https://moved.contoso.example/api"})), ..Default::default() };
    client.api_connector_update(&patch).await.unwrap();
    let plan = api_connector::plan(&client, &request(dir.path(), json!({"secrets": secrets()}))).await.unwrap();
    let enrich = plan.items.iter().find(|i| i.display_name == "Enrich token").unwrap();
    assert_eq!(enrich.action, Action::Update);
    assert_eq!(enrich.changes.len(), 1, "{:?}", enrich.changes);
    assert_eq!(enrich.changes[0].path, "targetUrl");
    assert_eq!(enrich.changes[0].old, Some(json!("https://moved.contoso.example/api")));
    assert!(enrich.etag.is_some());
    assert!(!serde_json::to_string(&plan).unwrap().contains(PASSWORDS[1]));

    // Both files change; then someone changes Sign-up validation before the sync.
    for name in ["Enrich token", "Sign-up validation"] {
        let path = dir.path().join(format!("{name}.json"));
        let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        v["targetUrl"] = json!(format!("https://v2.contoso.example/{}", name.len()));
        std::fs::write(&path, apim_native::sync::files::canonical_text(&v)).unwrap();
    }
    let plan = api_connector::plan(&client, &request(dir.path(), json!({"secrets": secrets()}))).await.unwrap();
    let approved: Vec<Value> = plan.items.iter().map(|i| json!({"displayName": i.display_name, "action": i.action, "etag": i.etag})).collect();
    let other = ApiConnectorRequest { id: Some(ids["Sign-up validation"].clone()), body: Some(json!({"targetUrl": "https://someone-else.contoso.example/"})), ..Default::default() };
    client.api_connector_update(&other).await.unwrap();
    let report = api_connector::sync(&client, &request(dir.path(), json!({"secrets": secrets(), "plan": approved}))).await.unwrap();
    let by_name: BTreeMap<&str, _> = report.results.iter().map(|r| (r.display_name.as_str(), r)).collect();
    assert_eq!(by_name["Sign-up validation"].outcome, Outcome::Failed, "{report:?}");
    assert_eq!(by_name["Sign-up validation"].http_status, Some(412));
    assert_eq!(by_name["Enrich token"].outcome, Outcome::Succeeded);
    // Only the targetUrl was sent for the update (no secret needed for it).
    let got = client.api_connector_get(&ApiConnectorRequest { id: Some(ids["Sign-up validation"].clone()), ..Default::default() }).await.unwrap();
    assert_eq!(got.body.unwrap()["targetUrl"], "https://someone-else.contoso.example/");
    service.stop().await;
}
