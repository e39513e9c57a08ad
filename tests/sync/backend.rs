//! Backends as files through the core (`apim_native::sync::backend`) against in-process
//! emulators behind a recording proxy: export -> empty service -> sync -> export round trip,
//! idempotence (no write on a second run), exact drift, ETag conflicts between plan and sync,
//! ordering of pools, errors before anything is sent, and secrets never in files or output.

use crate::sync_support;

use apim_native::sync::backend::{self, BackendSyncRequest};
use apim_native::sync::diff::{ChangeKind, SecretState};
use apim_native::sync::{Action, Outcome};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use sync_support::*;

fn request(dir: &std::path::Path, more: Value) -> BackendSyncRequest {
    let mut r = json!({"subscriptionId": SUB, "resourceGroupName": RG, "serviceName": SVC, "path": dir.to_str().unwrap(), "useEnvironment": false});
    r.as_object_mut().unwrap().extend(more.as_object().cloned().unwrap_or_default());
    serde_json::from_value(r).unwrap()
}

/// The values of the seed secrets under the placeholder names export gives them.
fn seed_secret_map() -> Value {
    json!({"orders.authorizationParameter": SECRETS[0], "orders.proxyPassword": SECRETS[1],
        "orders.header.x-api-key": SECRETS[2], "orders.query.sig": SECRETS[3]})
}

fn assert_no_secret(text: &str) {
    for s in SECRETS {
        assert!(!text.contains(s), "a secret value leaked: {text}");
    }
}

#[tokio::test]
async fn export_sync_export_round_trip_is_identical_and_a_second_sync_writes_nothing() {
    let source = Service::start(json!({})).await;
    put_all(&source.client(), &seed_backends()).await;
    let first = tempfile::tempdir().unwrap();
    let exported = backend::export(&source.client(), &request(first.path(), json!({}))).await.unwrap();
    assert_eq!(exported.files.len(), 4);
    let files = read_files(first.path());
    assert_eq!(files.keys().cloned().collect::<Vec<_>>(), ["billing.json", "lb.json", "orders.json", "plain.json"]);
    for text in files.values() {
        assert_no_secret(text);
        assert!(text.ends_with("}\n") && !text.ends_with("\n\n") && !text.contains('\r'), "{text:?}");
    }
    let orders: Value = serde_json::from_str(&files["orders.json"]).unwrap();
    assert_eq!(orders["credentials"]["authorization"]["parameter"], "{{secret:orders.authorizationParameter}}");
    assert_eq!(orders["proxy"]["password"], "{{secret:orders.proxyPassword}}");
    assert_eq!(orders["credentials"]["header"]["x-api-key"], json!(["{{secret:orders.header.x-api-key}}"]));
    assert_eq!(orders["proxy"]["username"], "proxyuser", "non-secret fields are kept");
    // Keys are sorted, so the text is the canonical form of its own JSON.
    assert_eq!(files["orders.json"], apim_native::sync::files::canonical_text(&orders));

    // With includeSecret the values are written.
    let with_secret = tempfile::tempdir().unwrap();
    backend::export(&source.client(), &request(with_secret.path(), json!({"includeSecret": true, "backendIds": ["orders"]}))).await.unwrap();
    assert!(read_files(with_secret.path())["orders.json"].contains(SECRETS[0]));
    assert_eq!(read_files(with_secret.path()).len(), 1, "backendIds limits the export");

    let target = Service::start(json!({})).await;
    let report = backend::sync(&target.client(), &request(first.path(), json!({"secrets": seed_secret_map()}))).await.unwrap();
    assert_eq!((report.succeeded, report.failed, report.skipped), (4, 0, 0), "{report:?}");
    assert!(report.results.iter().all(|r| r.action == Action::Create));
    assert_no_secret(&serde_json::to_string(&report).unwrap());
    // The pool was written after both of its members.
    let writes = target.writes();
    let position = |id: &str| writes.iter().position(|s| s.last_segment() == id).unwrap();
    assert!(position("lb") > position("orders") && position("lb") > position("billing"), "{writes:?}");
    // The secrets arrived.
    let got = target.client().backend_get(&address(Some("orders"))).await.unwrap();
    assert_eq!(got.body.unwrap()["properties"]["credentials"]["authorization"]["parameter"], SECRETS[0]);

    let second = tempfile::tempdir().unwrap();
    backend::export(&target.client(), &request(second.path(), json!({}))).await.unwrap();
    assert_eq!(read_files(first.path()), read_files(second.path()), "export -> sync -> export gives identical files");

    target.clear();
    let again = backend::sync(&target.client(), &request(first.path(), json!({"secrets": seed_secret_map()}))).await.unwrap();
    assert_eq!(again.unchanged, 4, "{again:?}");
    assert!(target.writes().is_empty(), "a second sync sends no write: {:?}", target.writes());
    let plan = backend::plan(&target.client(), &request(first.path(), json!({"secrets": seed_secret_map()}))).await.unwrap();
    assert!(!plan.has_changes());
    // Every secret of orders compared equal, without its value.
    let orders_item = plan.items.iter().find(|i| i.backend_id == "orders").unwrap();
    assert_eq!(orders_item.secrets.len(), 4, "{:?}", orders_item.secrets);
    assert!(orders_item.secrets.iter().all(|s| s.state == SecretState::Unchanged));
    source.stop().await;
    target.stop().await;
}

#[tokio::test]
async fn one_property_changed_on_the_service_is_exactly_that_change_and_a_secret_shows_without_values() {
    let service = Service::start(json!({})).await;
    let client = service.client();
    put_all(&client, &seed_backends()).await;
    let dir = tempfile::tempdir().unwrap();
    backend::export(&client, &request(dir.path(), json!({}))).await.unwrap();

    let mut patch = address(Some("billing"));
    patch.if_match = Some("*".into());
    patch.body = Some(json!({"properties": {"description": "changed by hand"}}));
    client.backend_update(&patch).await.unwrap();
    let mut secret_patch = address(Some("orders"));
    secret_patch.if_match = Some("*".into());
    secret_patch.body = Some(json!({"properties": {"credentials": {"authorization": {"scheme": "Basic", "parameter": "rotated-by-hand-9"}}}}));
    client.backend_update(&secret_patch).await.unwrap();

    let plan = backend::plan(&client, &request(dir.path(), json!({"secrets": seed_secret_map()}))).await.unwrap();
    let by_id: BTreeMap<&str, _> = plan.items.iter().map(|i| (i.backend_id.as_str(), i)).collect();
    assert_eq!(by_id["plain"].action, Action::NoChange);
    assert_eq!(by_id["lb"].action, Action::NoChange);
    let billing = by_id["billing"];
    assert_eq!(billing.action, Action::Update);
    assert!(billing.etag.as_deref().is_some_and(|e| !e.is_empty()), "the plan read the ETag");
    assert_eq!(billing.changes.len(), 1, "{:?}", billing.changes);
    let change = &billing.changes[0];
    assert_eq!((change.path.as_str(), change.kind), ("description", ChangeKind::Modified));
    assert_eq!((change.old.clone(), change.new.clone()), (Some(json!("changed by hand")), Some(json!("Billing SOAP"))));
    let orders = by_id["orders"];
    assert_eq!(orders.action, Action::Update);
    assert_eq!(orders.changes.len(), 1, "{:?}", orders.changes);
    assert_eq!(orders.changes[0].path, "credentials.authorization.parameter");
    assert!(orders.changes[0].secret && orders.changes[0].old.is_none() && orders.changes[0].new.is_none());
    let text = serde_json::to_string(&plan).unwrap();
    assert!(!text.contains("rotated-by-hand-9"));
    assert_no_secret(&text);
    let parameter = orders.secrets.iter().find(|s| s.path == "credentials.authorization.parameter").unwrap();
    assert_eq!(parameter.state, SecretState::Changed);
    service.stop().await;
}

#[tokio::test]
async fn a_change_between_plan_and_sync_gets_412_for_that_backend_only() {
    let service = Service::start(json!({})).await;
    let client = service.client();
    put_all(&client, &seed_backends()).await;
    let dir = tempfile::tempdir().unwrap();
    backend::export(&client, &request(dir.path(), json!({}))).await.unwrap();
    // The files now want new descriptions for plain and billing, and a new backend.
    for (id, description) in [("plain", "plain v2"), ("billing", "billing v2")] {
        let path = dir.path().join(format!("{id}.json"));
        let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        v["description"] = json!(description);
        std::fs::write(&path, apim_native::sync::files::canonical_text(&v)).unwrap();
    }
    std::fs::write(dir.path().join("fresh.json"), "{\"protocol\":\"http\",\"url\":\"https://fresh.contoso.example/\"}\n").unwrap();
    let req = request(dir.path(), json!({"secrets": seed_secret_map()}));
    let plan = backend::plan(&client, &req).await.unwrap();
    let approved: Vec<Value> = plan.items.iter().map(|i| json!({"backendId": i.backend_id, "action": i.action, "etag": i.etag})).collect();

    // Someone else changes billing after the plan was made.
    let mut other = address(Some("billing"));
    other.if_match = Some("*".into());
    other.body = Some(json!({"properties": {"title": "someone else's"}}));
    client.backend_update(&other).await.unwrap();

    let report = backend::sync(&client, &request(dir.path(), json!({"secrets": seed_secret_map(), "plan": approved}))).await.unwrap();
    let by_id: BTreeMap<&str, _> = report.results.iter().map(|r| (r.backend_id.as_str(), r)).collect();
    assert_eq!(by_id["billing"].outcome, Outcome::Failed, "{report:?}");
    assert_eq!(by_id["billing"].http_status, Some(412));
    assert_eq!(by_id["billing"].error.as_ref().unwrap().code, "PreconditionFailed");
    assert_eq!(by_id["plain"].outcome, Outcome::Succeeded);
    assert_eq!(by_id["fresh"].outcome, Outcome::Succeeded);
    assert_eq!((report.succeeded, report.failed), (2, 1));
    // Nothing was overwritten: billing keeps the other change.
    let billing = client.backend_get(&address(Some("billing"))).await.unwrap().body.unwrap();
    assert_eq!(billing["properties"]["title"], "someone else's");
    assert_eq!(billing["properties"]["description"], "Billing SOAP");
    service.stop().await;
}

#[tokio::test]
async fn prune_deletes_pools_before_their_members_and_refuses_to_delete_a_member_a_pool_keeps() {
    let service = Service::start(json!({})).await;
    let client = service.client();
    put_all(&client, &seed_backends()).await;
    let dir = tempfile::tempdir().unwrap();
    backend::export(&client, &request(dir.path(), json!({}))).await.unwrap();

    // Removing a member's file while the pool stays: an error, and nothing is written.
    std::fs::remove_file(dir.path().join("billing.json")).unwrap();
    service.clear();
    let e = backend::sync(&client, &request(dir.path(), json!({"secrets": seed_secret_map(), "prune": true}))).await.unwrap_err();
    assert!(e.details.iter().any(|d| d.code == "PoolMemberDeleted" && d.message.contains("'billing'")), "{}", e.to_json());
    assert!(service.writes().is_empty());
    // Without prune billing simply is not managed: nothing to do for it.
    let plan = backend::plan(&client, &request(dir.path(), json!({"secrets": seed_secret_map()}))).await.unwrap();
    assert!(!plan.has_changes(), "{plan:?}");

    // Removing the pool too: the pool goes first, then its member.
    std::fs::remove_file(dir.path().join("lb.json")).unwrap();
    service.clear();
    let report = backend::sync(&client, &request(dir.path(), json!({"secrets": seed_secret_map(), "prune": true}))).await.unwrap();
    assert_eq!(report.succeeded, 2, "{report:?}");
    let deletes: Vec<String> = service.writes().iter().filter(|s| s.method == "DELETE").map(|s| s.last_segment().to_string()).collect();
    assert_eq!(deletes, ["lb", "billing"]);
    service.stop().await;
}

#[tokio::test]
async fn bad_input_is_an_error_before_anything_is_sent() {
    let service = Service::start(json!({})).await;
    let client = service.client();
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, v: Value| std::fs::write(dir.path().join(name), apim_native::sync::files::canonical_text(&v)).unwrap();

    // A placeholder with no value: nothing at all is sent, and the error names it.
    write("a.json", json!({"url": "https://a.example/", "protocol": "http",
        "credentials": {"authorization": {"scheme": "Basic", "parameter": "{{secret:a.authorizationParameter}}"}}}));
    let e = backend::sync(&client, &request(dir.path(), json!({}))).await.unwrap_err();
    assert_eq!(e.details[0].code, "UnresolvedSecret", "{}", e.to_json());
    assert!(e.to_json().contains("APIM_NATIVE_SECRET_A_AUTHORIZATIONPARAMETER"));
    assert!(service.seen().is_empty(), "{:?}", service.seen());
    // The environment resolves it when allowed (a test environment, not the process's).
    let source = apim_native::sync::secrets::SecretSource {
        values: Default::default(),
        env: Some(apim_native::auth::Env::from_pairs([("APIM_NATIVE_SECRET_A_AUTHORIZATIONPARAMETER", "from-env")])),
    };
    assert_eq!(source.lookup("a.authorizationParameter").as_deref(), Some("from-env"));

    // A pool whose member is neither in the files nor on the service: no write.
    write("a.json", json!({"url": "https://a.example/", "protocol": "http"}));
    write("p.json", json!({"type": "Pool", "pool": {"services": [{"id": backend_arm_id("a")}, {"id": backend_arm_id("ghost")}]}}));
    let e = backend::sync(&client, &request(dir.path(), json!({}))).await.unwrap_err();
    assert!(e.details.iter().any(|d| d.code == "PoolMemberNotFound" && d.message.contains("'ghost'")), "{}", e.to_json());
    assert!(service.writes().is_empty());

    // A file that breaks a rule: the file and field are named, nothing sent.
    std::fs::remove_file(dir.path().join("p.json")).unwrap();
    write("a.json", json!({"url": "https://a.example/", "protocol": "ftp"}));
    service.clear();
    let e = backend::plan(&client, &request(dir.path(), json!({}))).await.unwrap_err();
    assert!(e.details.iter().any(|d| d.target.as_deref().is_some_and(|t| t.starts_with("a.json:") && t.contains("protocol"))), "{}", e.to_json());
    assert!(service.seen().is_empty());

    // A file name that is not a backend id.
    std::fs::remove_file(dir.path().join("a.json")).unwrap();
    write("not valid!.json", json!({"url": "https://a.example/", "protocol": "http"}));
    let e = backend::plan(&client, &request(dir.path(), json!({}))).await.unwrap_err();
    assert_eq!(e.details[0].code, "InvalidFileName", "{}", e.to_json());
    service.stop().await;
}

#[tokio::test]
async fn workspace_backends_pass_through() {
    let service = Service::start(json!({})).await;
    let client = service.client();
    put_all(&client, &seed_backends()[2..3]).await;
    let mut ws = address(Some("ws-backend"));
    ws.workspace_id = Some("team-a".into());
    ws.body = Some(json!({"properties": {"url": "https://ws.contoso.example/", "protocol": "http"}}));
    client.backend_create_or_update(&ws).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    backend::export(&client, &request(dir.path(), json!({"workspaceId": "team-a"}))).await.unwrap();
    assert_eq!(read_files(dir.path()).keys().cloned().collect::<Vec<_>>(), ["ws-backend.json"]);
    std::fs::write(dir.path().join("ws-two.json"), "{\"protocol\":\"http\",\"url\":\"https://two.contoso.example/\"}\n").unwrap();
    let report = backend::sync(&client, &request(dir.path(), json!({"workspaceId": "team-a"}))).await.unwrap();
    assert_eq!((report.succeeded, report.unchanged), (1, 1), "{report:?}");
    assert!(service.writes().last().unwrap().path.contains("/workspaces/team-a/backends/ws-two"));
    service.stop().await;
}
