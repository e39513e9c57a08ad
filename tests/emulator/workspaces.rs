//! Workspace backends (2025-03-01-preview), the pool rules that need the service's state, and
//! the emulator's fidelity fixes, through the client and raw HTTP:
//! - a service's list never shows workspace backends and a workspace's list never shows the
//!   service's (same backend id in both, two entities), ARM ids carry /workspaces/{ws}/backends;
//! - workspaceId is checked by the spec's pattern and length on both sides, before sending;
//! - pool members must exist, must not be pools, and a carbon preference needs azureRegion;
//! - GET at an older api-version shows only that version's fields;
//! - DELETE with a specific ETag on a missing backend is 412, with `*` 204;
//! - a Graph route answers 401 in Graph's error shape.

use apim_native::client::backend::BackendRequest;
use apim_native::client::{ApimClient, ClientOptions};
use apim_native::emulator::{self, EmulatorHandle, EmulatorOptions};
use apim_native::model::ApiVersion;
use serde_json::{json, Value};

const SUB: &str = "00000000-0000-0000-0000-000000000000";
const SERVICE: &str = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1";

async fn start(options: Value) -> EmulatorHandle {
    let mut o = json!({"listen": "127.0.0.1:0"});
    o.as_object_mut().unwrap().extend(options.as_object().unwrap().clone());
    emulator::start(serde_json::from_value::<EmulatorOptions>(o).unwrap()).await.unwrap()
}

fn client(base: &str, version: ApiVersion) -> ApimClient {
    let options: ClientOptions = serde_json::from_value(json!({
        "armEndpoint": base, "apiVersion": version.as_str(),
        "retry": {"maxAttempts": 1, "baseDelayMs": 1, "maxDelayMs": 1}
    }))
    .unwrap();
    ApimClient::new(options).unwrap()
}

fn req(workspace: Option<&str>, backend_id: Option<&str>, extra: Value) -> BackendRequest {
    let mut r = json!({"subscriptionId": SUB, "resourceGroupName": "rg1", "serviceName": "apimService1"});
    if let Some(ws) = workspace {
        r["workspaceId"] = json!(ws);
    }
    if let Some(id) = backend_id {
        r["backendId"] = json!(id);
    }
    r.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    serde_json::from_value(r).unwrap()
}

fn single(url: &str) -> Value {
    json!({"properties": {"url": url, "protocol": "http"}})
}

fn member_id(workspace: Option<&str>, name: &str) -> String {
    match workspace {
        None => format!("{SERVICE}/backends/{name}"),
        Some(ws) => format!("{SERVICE}/workspaces/{ws}/backends/{name}"),
    }
}

fn pool(members: &[(Option<&str>, &str, Option<&str>)]) -> Value {
    let services: Vec<Value> = members
        .iter()
        .map(|(ws, name, carbon)| {
            let mut s = json!({"id": member_id(*ws, name)});
            if let Some(c) = carbon {
                s["preferredCarbonEmission"] = json!(c);
            }
            s
        })
        .collect();
    json!({"properties": {"type": "Pool", "pool": {"services": services}}})
}

#[tokio::test]
async fn service_and_workspace_backends_are_separate_collections() {
    let emu = start(json!({})).await;
    let c = client(&emu.base_url, ApiVersion::V2025_03_01Preview);
    let service = c.backend_create_or_update(&req(None, Some("b1"), json!({"body": single("https://service/")}))).await.unwrap();
    let ws = c.backend_create_or_update(&req(Some("ws1"), Some("b1"), json!({"body": single("https://workspace/")}))).await.unwrap();
    assert_eq!((service.status, ws.status), (201, 201), "the same id in both places is two backends");
    let ws_body = ws.body.unwrap();
    assert_eq!(ws_body["id"], format!("{SERVICE}/workspaces/ws1/backends/b1"));
    assert_eq!(ws_body["type"], "Microsoft.ApiManagement/service/workspaces/backends");
    assert_eq!(service.body.unwrap()["id"], format!("{SERVICE}/backends/b1"));
    c.backend_create_or_update(&req(Some("ws2"), Some("other"), json!({"body": single("https://ws2/")}))).await.unwrap();

    let service_list = c.backend_list(&req(None, None, json!({}))).await.unwrap();
    let ids: Vec<&str> = service_list.value.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [format!("{SERVICE}/backends/b1")], "the service list shows no workspace backend");
    let ws_list = c.backend_list(&req(Some("ws1"), None, json!({}))).await.unwrap();
    let ids: Vec<&str> = ws_list.value.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [format!("{SERVICE}/workspaces/ws1/backends/b1")], "a workspace list shows only its own");
    assert_eq!(ws_list.count, Some(1));

    let got = c.backend_get(&req(Some("ws1"), Some("b1"), json!({}))).await.unwrap();
    assert_eq!(got.body.unwrap()["properties"]["url"], "https://workspace/");
    let patched = c
        .backend_update(&req(Some("ws1"), Some("b1"), json!({"ifMatch": "*", "body": {"properties": {"description": "ws"}}})))
        .await
        .unwrap();
    assert_eq!(patched.body.unwrap()["properties"]["description"], "ws");
    let deleted = c.backend_delete(&req(Some("ws1"), Some("b1"), json!({"ifMatch": "*"}))).await.unwrap();
    assert_eq!(deleted.status, 200);
    let still = c.backend_get(&req(None, Some("b1"), json!({}))).await.unwrap();
    assert_eq!(still.body.unwrap()["properties"]["url"], "https://service/", "deleting in a workspace leaves the service's backend");
    // Workspaces have no reconnect operation in the spec.
    let e = c.backend_reconnect(&req(Some("ws2"), Some("other"), json!({}))).await.unwrap_err();
    assert_eq!((e.target.as_deref(), e.http_status), (Some("workspaceId"), None), "{e:?}");
    emu.stop().await;
}

#[tokio::test]
async fn workspace_id_is_checked_by_the_spec_rules_on_both_sides() {
    let emu = start(json!({})).await;
    // The client: nothing is sent (the endpoint is a closed port, so any send would be a transport error).
    let offline = client("http://127.0.0.1:9", ApiVersion::V2025_03_01Preview);
    for (ws, code) in [("ws*1", "Pattern"), ("a:b", "Pattern"), ("", "MinLength"), (&"w".repeat(81) as &str, "MaxLength"), ("a/b", "Pattern")] {
        let e = offline.backend_get(&req(Some(ws), Some("b1"), json!({}))).await.unwrap_err();
        let hit = e.details.iter().any(|d| d.target.as_deref() == Some("workspaceId") && d.code == code)
            || (e.target.as_deref() == Some("workspaceId") && e.details.is_empty());
        assert!(hit && e.http_status.is_none(), "{ws}: {e:?}");
    }
    let old = client("http://127.0.0.1:9", ApiVersion::V2024_05_01);
    let e = old.backend_get(&req(Some("ws1"), Some("b1"), json!({}))).await.unwrap_err();
    assert!(e.details.iter().any(|d| d.target.as_deref() == Some("workspaceId") && d.code == "NotInApiVersion"), "{e:?}");

    // The emulator: 400 ValidationError naming workspaceId; an older api-version is refused.
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let url = |ws: &str, v: &str| format!("{}{SERVICE}/workspaces/{ws}/backends/b1?api-version={v}", emu.base_url);
    let r = http.put(url("ws%2A1", "2025-03-01-preview")).json(&single("https://b/")).send().await.unwrap();
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "ValidationError", "{body}");
    assert_eq!(body["error"]["details"][0]["target"], "workspaceId", "{body}");
    let r = http.get(url("ws1", "2024-05-01")).send().await.unwrap();
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "InvalidApiVersionParameter", "{body}");
    emu.stop().await;
}

#[tokio::test]
async fn pool_members_must_exist_be_single_and_have_a_region_for_carbon() {
    let emu = start(json!({})).await;
    let c = client(&emu.base_url, ApiVersion::V2025_03_01Preview);
    let put = |id: &'static str, ws: Option<&'static str>, body: Value| {
        let c = &c;
        async move { c.backend_create_or_update(&req(ws, Some(id), json!({"body": body}))).await }
    };
    // A member that does not exist: the service's words, target `pool`, nothing stored.
    let e = put("p1", None, pool(&[(None, "backend-west", None)])).await.unwrap_err();
    assert_eq!(e.http_status, Some(400));
    assert_eq!(e.code, "ValidationError");
    let d = &e.details[0];
    assert_eq!((d.target.as_deref(), d.code.as_str(), d.message.as_str()), (Some("pool"), "NotFound", "Backend Entity 'backend-west' not found."));
    assert!(c.backend_get(&req(None, Some("p1"), json!({}))).await.is_err(), "a rejected pool is not stored");

    // Members first, then the pool: accepted.
    put("m1", None, single("https://m1/")).await.unwrap();
    let mut regional = single("https://m2/");
    regional["properties"]["azureRegion"] = json!("westeurope");
    put("m2", None, regional).await.unwrap();
    assert_eq!(put("p1", None, pool(&[(None, "m1", None), (None, "m2", Some("Low"))])).await.unwrap().status, 201);

    // No pool inside a pool.
    let e = put("p2", None, pool(&[(None, "p1", None)])).await.unwrap_err();
    assert_eq!((e.details[0].target.as_deref(), e.details[0].code.as_str()), (Some("pool"), "NestedPool"), "{e:?}");

    // A carbon preference on a member without azureRegion is an error (see src/emulator/pool_members.rs).
    let e = put("p3", None, pool(&[(None, "m1", Some("Medium"))])).await.unwrap_err();
    let d = &e.details[0];
    assert_eq!((d.target.as_deref(), d.code.as_str()), (Some("properties.pool.services[0].preferredCarbonEmission"), "RequiresAzureRegion"), "{e:?}");

    // Every member problem in one answer.
    let e = put("p4", None, pool(&[(None, "gone", None), (None, "p1", None), (None, "m1", Some("High"))])).await.unwrap_err();
    let codes: Vec<&str> = e.details.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["NotFound", "NestedPool", "RequiresAzureRegion"], "{e:?}");

    // A PATCH is checked as the whole backend it produces: a url on a Pool, a missing member.
    let e = c.backend_update(&req(None, Some("p1"), json!({"ifMatch": "*", "body": {"properties": {"url": "https://x/"}}}))).await.unwrap_err();
    assert_eq!(e.http_status, Some(400), "{e:?}");
    assert!(e.details.iter().any(|d| d.target.as_deref() == Some("properties.url") && d.code == "NotSupported"), "{e:?}");
    let missing = json!({"properties": {"pool": {"services": [{"id": member_id(None, "gone")}]}}});
    let e = c.backend_update(&req(None, Some("p1"), json!({"ifMatch": "*", "body": missing}))).await.unwrap_err();
    assert_eq!(e.details[0].message, "Backend Entity 'gone' not found.", "{e:?}");

    // Workspace pools find their workspace's members.
    put("wm", Some("ws1"), single("https://wm/")).await.unwrap();
    assert_eq!(put("wp", Some("ws1"), pool(&[(Some("ws1"), "wm", None)])).await.unwrap().status, 201);
    let e = put("wp2", Some("ws1"), pool(&[(Some("ws2"), "wm", None)])).await.unwrap_err();
    assert_eq!(e.details[0].message, "Backend Entity 'wm' not found.");
    emu.stop().await;
}

#[tokio::test]
async fn an_older_api_version_sees_only_its_fields() {
    let emu = start(json!({})).await;
    let newest = client(&emu.base_url, ApiVersion::V2025_03_01Preview);
    let body = json!({"properties": {"url": "https://b/", "protocol": "http", "azureRegion": "westeurope",
        "circuitBreaker": {"rules": [{"name": "r1", "tripDuration": "PT1M", "acceptRetryAfter": true,
            "failureCondition": {"count": 5, "interval": "PT1M", "statusCodeRanges": [{"min": 500, "max": 599}]},
            "failureResponse": {"statusCode": 503}}]},
        "tls": {"validateCertificateChain": true, "validateCertificateName": true, "serverCertificateThumbprints": ["AB"]}}});
    newest.backend_create_or_update(&req(None, Some("b1"), json!({"body": body}))).await.unwrap();

    let p = |r: apim_native::client::OperationResult| r.body.unwrap()["properties"].clone();
    let v2022 = p(client(&emu.base_url, ApiVersion::V2022_08_01).backend_get(&req(None, Some("b1"), json!({}))).await.unwrap());
    assert_eq!(v2022, json!({"url": "https://b/", "protocol": "http", "tls": {"validateCertificateChain": true, "validateCertificateName": true}}));
    let v2024 = p(client(&emu.base_url, ApiVersion::V2024_05_01).backend_get(&req(None, Some("b1"), json!({}))).await.unwrap());
    assert!(v2024.get("azureRegion").is_none() && v2024["tls"].get("serverCertificateThumbprints").is_none(), "{v2024}");
    assert_eq!(v2024["circuitBreaker"]["rules"][0]["acceptRetryAfter"], true);
    assert!(v2024["circuitBreaker"]["rules"][0].get("failureResponse").is_none(), "{v2024}");
    let listed = client(&emu.base_url, ApiVersion::V2022_08_01).backend_list(&req(None, None, json!({}))).await.unwrap();
    assert_eq!(listed.value[0]["properties"], v2022, "the list answers the same view");
    // A PATCH at the older version is checked as that version sees the backend, and keeps
    // what it cannot see: the newest version still sees everything.
    let old = client(&emu.base_url, ApiVersion::V2022_08_01);
    let patched = old.backend_update(&req(None, Some("b1"), json!({"ifMatch": "*", "body": {"properties": {"description": "old client"}}}))).await.unwrap();
    assert_eq!(p(patched)["description"], "old client");
    let all = p(newest.backend_get(&req(None, Some("b1"), json!({}))).await.unwrap());
    assert_eq!((all["azureRegion"].as_str(), all["description"].as_str()), (Some("westeurope"), Some("old client")));
    emu.stop().await;
}

#[tokio::test]
async fn delete_with_a_specific_etag_on_a_missing_backend_is_412() {
    let emu = start(json!({})).await;
    let c = client(&emu.base_url, ApiVersion::V2025_03_01Preview);
    let e = c.backend_delete(&req(None, Some("gone"), json!({"ifMatch": "\"AAAAAAAAAAE=\""}))).await.unwrap_err();
    assert_eq!((e.http_status, e.code.as_str()), (Some(412), "PreconditionFailed"), "{e:?}");
    let unconditional = c.backend_delete(&req(None, Some("gone"), json!({"ifMatch": "*"}))).await.unwrap();
    assert_eq!(unconditional.status, 204);
    emu.stop().await;
}

#[tokio::test]
async fn graph_routes_answer_401_in_the_graph_error_shape() {
    let emu = start(json!({"requireToken": "t0ken-for-test"})).await;
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    for auth in [None, Some("Bearer wrong")] {
        let mut r = http.get(format!("{}/v1.0/identity/apiConnectors", emu.base_url)).header("client-request-id", "c-1");
        if let Some(a) = auth {
            r = r.header("authorization", a);
        }
        let response = r.send().await.unwrap();
        assert_eq!(response.status(), 401);
        assert_eq!(response.headers()["client-request-id"], "c-1");
        assert!(response.headers().get("request-id").is_some());
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "InvalidAuthenticationToken", "{body}");
        assert_eq!(body["error"]["innerError"]["client-request-id"], "c-1", "{body}");
        assert!(body["error"]["innerError"]["date"].is_string(), "{body}");
        assert!(!body.to_string().contains("t0ken-for-test"));
    }
    // ARM routes keep ARM's shape.
    let arm: Value = http.get(format!("{}{SERVICE}/backends?api-version=2024-05-01", emu.base_url)).send().await.unwrap().json().await.unwrap();
    assert_eq!(arm["error"]["code"], "AuthenticationFailed", "{arm}");
    assert!(arm["error"].get("innerError").is_none());
    emu.stop().await;
}
