//! Every spec example (tests/fixtures/examples) and the nine samples of seed 004
//! (tests/fixtures/seed004, extracted from tests/fixtures/seeds/backend-create-or-update.md by
//! extract.py there) goes client -> in-process emulator and comes back as the example's response
//! shows. Each example gets a fresh emulator so "201 on create" is meaningful.
//!
//! Comparison: `name`, `type` and `id` exactly (the emulator is addressed with the example's own
//! subscription / resource group / service, so ids need no rebasing), and `properties` after
//! dropping JSON nulls on both sides: the service echoes unset optional fields as `null`
//! (`"title": null` on pools), while the client sends and the emulator stores only set fields.
//!
//! Inconsistent examples: the spec's load-balancer examples send a Single-style body (url, protocol,
//! azureRegion) yet show a Pool response, and the proxy example sends tls true/true yet shows
//! false/false (rest-contracts.md A.5). For an example whose request is not contained in its
//! response we treat the response as the reference and send its properties as the request; the
//! set of examples that needed this is asserted, so a newly inconsistent example fails loudly.
//! Their original request bodies are still sent (to a second backend id) and must be accepted
//! and echoed.
//!
//! What this proves, and what it does not. Not echoes: the client sends each example's operation
//! with the documented method to the documented path (checked on the recorded exchanges against a
//! path built here from the example's parameters, not by the client's code); the emulator answers
//! the documented statuses (201 then 200, 200, 202, 200 then 204 for a repeated delete), computes
//! `id`, `name` and `type` from the address, issues a new ETag per write and refuses a stale one;
//! a PATCH result is the merge of the example's patch into a different prior state, so it equals
//! the example's response only if the merge is right; a consistent create's response is compared
//! with the documented one, fields the request did not send included. Echoes: for get, head and
//! list (and for the inconsistent creates) the test writes the example's response properties
//! itself, so equal properties there show only that storage and the api-version view lose nothing.

use apim_native::client::backend::BackendRequest;
use apim_native::client::{ApimClient, ClientOptions};
use apim_native::emulator::{self, EmulatorHandle, EmulatorOptions};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;

fn fixtures(dir: &str) -> Vec<(String, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(dir);
    let mut out: Vec<(String, Value)> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&p).unwrap();
            (name, serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// One example: its parameters and its responses (one stored file nests them in parameters).
struct Example {
    name: String,
    params: Value,
    responses: Value,
}

impl Example {
    fn new(name: String, doc: Value) -> Example {
        let params = doc["parameters"].clone();
        let responses = if doc.get("responses").is_some() { doc["responses"].clone() } else { params["responses"].clone() };
        Example { name, params, responses }
    }
    fn body(&self) -> Option<Value> {
        self.params.get("parameters").cloned()
    }
    fn response(&self, status: &str) -> Option<Value> {
        self.responses.get(status).and_then(|r| r.get("body")).cloned()
    }
    fn request(&self, backend_id: Option<&str>) -> BackendRequest {
        BackendRequest {
            subscription_id: Some(self.params["subscriptionId"].as_str().unwrap().into()),
            resource_group_name: self.params["resourceGroupName"].as_str().unwrap().into(),
            service_name: self.params["serviceName"].as_str().unwrap().into(),
            backend_id: backend_id.map(str::to_string),
            // The workspace examples address `.../workspaces/{workspaceId}/backends`.
            workspace_id: self.params["workspaceId"].as_str().map(str::to_string),
            ..Default::default()
        }
    }
}

/// The operation's documented path, built from the example's parameters (not by the client).
fn documented_path(ex: &Example, backend_id: Option<&str>, suffix: &str) -> String {
    let p = &ex.params;
    let mut path = format!(
        "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.ApiManagement/service/{}",
        p["subscriptionId"].as_str().unwrap(),
        p["resourceGroupName"].as_str().unwrap(),
        p["serviceName"].as_str().unwrap()
    );
    if let Some(ws) = p["workspaceId"].as_str() {
        path.push_str(&format!("/workspaces/{ws}"));
    }
    path.push_str("/backends");
    if let Some(id) = backend_id {
        path.push_str(&format!("/{id}"));
    }
    path + suffix
}

/// The call's first exchange went out with `method` to the documented path.
fn assert_addressed(ex: &Example, exchanges: &[apim_native::client::Exchange], method: &str, backend_id: Option<&str>, suffix: &str) {
    let first = exchanges.first().unwrap_or_else(|| panic!("{}: no exchange recorded", ex.name));
    let url = reqwest::Url::parse(&first.url).unwrap();
    assert_eq!((first.method.as_str(), url.path()), (method, documented_path(ex, backend_id, suffix).as_str()), "{}", ex.name);
    assert!(url.query_pairs().any(|(k, _)| k == "api-version"), "{}: api-version sent", ex.name);
}

fn without_nulls(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), without_nulls(v))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// Whether every field of `part` is in `whole` with the same value.
fn contained(part: &Value, whole: &Value) -> bool {
    match (part, whole) {
        (Value::Object(p), Value::Object(w)) => p.iter().all(|(k, v)| w.get(k).is_some_and(|wv| contained(v, wv))),
        _ => part == whole,
    }
}

fn assert_same_entity(context: &str, actual: &Value, expected: &Value) {
    for field in ["name", "type", "id"] {
        assert_eq!(actual[field], expected[field], "{context}: {field}");
    }
    assert_eq!(
        without_nulls(&actual["properties"]),
        without_nulls(&expected["properties"]),
        "{context}: properties\nactual:   {}\nexpected: {}",
        actual["properties"],
        expected["properties"]
    );
}

struct Env {
    emulator: EmulatorHandle,
    client: ApimClient,
}

async fn env() -> Env {
    let emulator = emulator::start(EmulatorOptions::default()).await.expect("emulator");
    let options: ClientOptions = serde_json::from_value(json!({"armEndpoint": emulator.base_url})).unwrap();
    Env { client: ApimClient::new(options).unwrap(), emulator }
}

/// PUTs `properties` as backend `id` (setup), returning the result.
async fn put(env: &Env, ex: &Example, id: &str, properties: &Value) -> apim_native::client::OperationResult {
    let mut req = ex.request(Some(id));
    req.body = Some(json!({"properties": without_nulls(properties)}));
    env.client.backend_create_or_update(&req).await.unwrap_or_else(|e| panic!("{}: PUT {id}: {e:?}", ex.name))
}

/// Pools reference other backends ("should refer to an already existing backend entity"):
/// create each referenced one first (with an azureRegion when a carbon preference needs it).
async fn create_pool_members(env: &Env, ex: &Example, properties: &Value) {
    let Some(services) = properties["pool"]["services"].as_array() else { return };
    for s in services {
        let id = s["id"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
        let mut member = json!({"url": format!("https://{id}.example/"), "protocol": "http"});
        if s.get("preferredCarbonEmission").is_some() {
            member["azureRegion"] = json!("northeurope");
        }
        put(env, ex, &id, &member).await;
    }
}

/// A create-or-update example: first PUT 201 (as responses.201), same PUT again 200 (as responses.200).
/// Returns true when the example's request was inconsistent with its response.
async fn run_create(ex: &Example) -> bool {
    let env = env().await;
    let id = ex.params["backendId"].as_str().unwrap();
    let request_body = ex.body().expect("a create example has a body");
    let created = ex.response("201").expect("201 response");
    let consistent = contained(&without_nulls(&request_body["properties"]), &without_nulls(&created["properties"]));
    let body = if consistent { request_body.clone() } else { json!({"properties": without_nulls(&created["properties"])}) };
    create_pool_members(&env, ex, &body["properties"]).await;

    let mut req = ex.request(Some(id));
    req.body = Some(body);
    let first = env.client.backend_create_or_update(&req).await.unwrap_or_else(|e| panic!("{}: {e:?}", ex.name));
    assert_addressed(ex, &first.exchanges, "PUT", Some(id), "");
    assert_eq!(first.status, 201, "{}", ex.name);
    assert!(first.etag.is_some(), "{}: ETag on create", ex.name);
    assert_same_entity(&format!("{} (201)", ex.name), first.body.as_ref().unwrap(), &created);
    let second = env.client.backend_create_or_update(&req).await.unwrap();
    assert_eq!(second.status, 200, "{}", ex.name);
    assert_ne!(second.etag, first.etag, "{}: the ETag changes on every write", ex.name);
    assert_same_entity(&format!("{} (200)", ex.name), second.body.as_ref().unwrap(), &ex.response("200").unwrap());

    if !consistent {
        // The example's own request body is valid too, and comes back as sent.
        let mut req = ex.request(Some("as-requested"));
        req.body = Some(request_body.clone());
        let echoed = env.client.backend_create_or_update(&req).await.unwrap_or_else(|e| panic!("{} as requested: {e:?}", ex.name));
        assert_eq!(echoed.status, 201);
        assert_eq!(without_nulls(&echoed.body.unwrap()["properties"]), without_nulls(&request_body["properties"]), "{}", ex.name);
    }
    env.emulator.stop().await;
    !consistent
}

async fn run_get(ex: &Example) {
    let env = env().await;
    let expected = ex.response("200").unwrap();
    let id = ex.params["backendId"].as_str().unwrap();
    let written = put(&env, ex, id, &expected["properties"]).await;
    let got = env.client.backend_get(&ex.request(Some(id))).await.unwrap();
    assert_addressed(ex, &got.exchanges, "GET", Some(id), "");
    assert_eq!(got.status, 200);
    assert_eq!(got.etag, written.etag, "{}", ex.name);
    assert_same_entity(&ex.name, got.body.as_ref().unwrap(), &expected);
    env.emulator.stop().await;
}

async fn run_head(ex: &Example) {
    let env = env().await;
    let id = ex.params["backendId"].as_str().unwrap();
    let written = put(&env, ex, id, &json!({"url": "https://somecluster.example/", "protocol": "http"})).await;
    let head = env.client.backend_get_entity_tag(&ex.request(Some(id))).await.unwrap();
    assert_addressed(ex, &head.exchanges, "HEAD", Some(id), "");
    assert_eq!(head.status, 200);
    assert!(ex.responses["200"]["headers"]["etag"].is_string(), "the example documents an ETag");
    assert_eq!(head.etag, written.etag, "{}: HEAD gives the current ETag", ex.name);
    assert_eq!(head.body, None);
    env.emulator.stop().await;
}

async fn run_update(ex: &Example) {
    let env = env().await;
    let expected = ex.response("200").unwrap();
    let id = ex.params["backendId"].as_str().unwrap();
    let patch = ex.body().unwrap();
    // Before: the response's entity with every patched field different.
    let mut before = expected["properties"].clone();
    before["description"] = json!("before the update");
    before["tls"] = json!({"validateCertificateChain": true, "validateCertificateName": false});
    let written = put(&env, ex, id, &before).await;
    let mut req = ex.request(Some(id));
    req.body = Some(patch);
    req.if_match = ex.params["If-Match"].as_str().map(str::to_string);
    let updated = env.client.backend_update(&req).await.unwrap_or_else(|e| panic!("{}: {e:?}", ex.name));
    assert_addressed(ex, &updated.exchanges, "PATCH", Some(id), "");
    assert_eq!(updated.status, 200);
    // Not an echo: the prior state differed in description and tls.
    assert_ne!(without_nulls(&updated.body.as_ref().unwrap()["properties"]), without_nulls(&before), "{}: the patch changed something", ex.name);
    assert_ne!(updated.etag, written.etag);
    assert_same_entity(&ex.name, updated.body.as_ref().unwrap(), &expected);
    // With the stale ETag the same PATCH is refused.
    req.if_match = written.etag.clone();
    let err = env.client.backend_update(&req).await.unwrap_err();
    assert_eq!(err.http_status, Some(412), "{}", ex.name);
    env.emulator.stop().await;
}

async fn run_delete(ex: &Example) {
    let env = env().await;
    let id = ex.params["backendId"].as_str().unwrap();
    put(&env, ex, id, &json!({"url": "https://somecluster.example/", "protocol": "http"})).await;
    let mut req = ex.request(Some(id));
    req.if_match = ex.params["If-Match"].as_str().map(str::to_string);
    let deleted = env.client.backend_delete(&req).await.unwrap();
    assert_addressed(ex, &deleted.exchanges, "DELETE", Some(id), "");
    assert_eq!((deleted.status, deleted.body.as_ref()), (200, None), "{}: deleted", ex.name);
    let again = env.client.backend_delete(&req).await.unwrap();
    assert_eq!(again.status, 204, "{}: nothing left to delete", ex.name);
    let err = env.client.backend_get(&ex.request(Some(id))).await.unwrap_err();
    assert_eq!(err.http_status, Some(404));
    env.emulator.stop().await;
}

async fn run_reconnect(ex: &Example) {
    let env = env().await;
    let id = ex.params["backendId"].as_str().unwrap();
    put(&env, ex, id, &json!({"url": "https://backendname2644/", "protocol": "http"})).await;
    let mut req = ex.request(Some(id));
    req.body = ex.body();
    let result = env.client.backend_reconnect(&req).await.unwrap_or_else(|e| panic!("{}: {e:?}", ex.name));
    assert_addressed(ex, &result.exchanges, "POST", Some(id), "/reconnect");
    assert_eq!((result.status, result.body.as_ref()), (202, None));
    env.emulator.stop().await;
}

async fn run_list(ex: &Example) {
    let env = env().await;
    let expected = ex.response("200").unwrap();
    let items = expected["value"].as_array().unwrap();
    for item in items {
        put(&env, ex, item["name"].as_str().unwrap(), &item["properties"]).await;
    }
    let list = env.client.backend_list(&ex.request(None)).await.unwrap();
    assert_addressed(ex, &list.exchanges, "GET", None, "");
    assert_eq!(list.value.len(), items.len());
    assert_eq!(list.count, Some(items.len() as i64));
    assert_eq!(list.next_link, None);
    for item in items {
        let got = list.value.iter().find(|v| v["name"] == item["name"]).unwrap_or_else(|| panic!("{} missing", item["name"]));
        assert_same_entity(&format!("{} {}", ex.name, item["name"]), got, item);
    }
    env.emulator.stop().await;
}

async fn run(ex: &Example) -> bool {
    let n = ex.name.as_str();
    if n.starts_with("ApiManagementCreateBackend")
        || n.starts_with("ApiManagamentCreateBackend")
        || n.starts_with("ApiManagementCreateWorkspaceBackend")
    {
        return run_create(ex).await;
    }
    // The workspace examples are the service examples' twins (WorkspaceBackend_*).
    let n = n.replace("WorkspaceBackend", "Backend");
    match n.as_str() {
        "ApiManagementGetBackend" => run_get(ex).await,
        "ApiManagementHeadBackend" => run_head(ex).await,
        "ApiManagementUpdateBackend" => run_update(ex).await,
        "ApiManagementDeleteBackend" => run_delete(ex).await,
        "ApiManagementBackendReconnect" => run_reconnect(ex).await,
        "ApiManagementListBackends" => run_list(ex).await,
        other => panic!("no runner for example {other}: add one"),
    }
    false
}

/// Runs every example of `dir` (`count` of them) and checks which ones had a request that their
/// response does not contain (those are replayed from the response, see `run_create`).
async fn run_all(dir: &str, count: usize, inconsistent_expected: &[&str]) {
    let all = fixtures(dir);
    assert_eq!(all.len(), count, "the examples in tests/fixtures/{dir}");
    let mut inconsistent = BTreeSet::new();
    for (name, doc) in all {
        let ex = Example::new(name.clone(), doc);
        if run(&ex).await {
            inconsistent.insert(name);
        }
    }
    let expected: BTreeSet<String> = inconsistent_expected.iter().map(|s| s.to_string()).collect();
    assert_eq!(inconsistent, expected, "{dir}: examples whose request is not contained in their response");
}

#[tokio::test]
async fn spec_examples_round_trip_through_the_emulator() {
    run_all(
        "examples",
        12,
        &[
            "ApiManagementCreateBackendProxyBackend",
            "ApiManagementCreateBackendWithCarbonAwareLoadBalancer",
            "ApiManagementCreateBackendWithPriorityBasedLoadBalancer",
            "ApiManagementCreateBackendWithWeightedLoadBalancer",
        ],
    )
    .await;
}

/// The seven examples of apimworkspacebackends.json (create x2, get, head, update, delete, list):
/// each through the client (request JSON with `workspaceId`, which `Example::request` sets) to
/// the emulator's workspace routes, answered with the ids, types and bodies the examples show.
/// As for the service examples, the proxy example sends tls true/true but shows false/false.
#[tokio::test]
async fn workspace_examples_round_trip_through_the_emulator() {
    for (name, doc) in fixtures("workspace-examples") {
        assert!(doc["parameters"]["workspaceId"].is_string(), "{name}: a workspace example");
    }
    run_all("workspace-examples", 7, &["ApiManagementCreateWorkspaceBackendProxyBackend"]).await;
}

/// Seed 004's load-balancer samples send Pool bodies (consistent); only the proxy sample's tls
/// differs between request and response.
#[tokio::test]
async fn seed_004_examples_round_trip_through_the_emulator() {
    for (name, doc) in fixtures("seed004") {
        assert_eq!(doc["parameters"]["api-version"], "2025-03-01-preview", "{name}");
    }
    run_all("seed004", 9, &["ApiManagementCreateBackendProxyBackend"]).await;
}
