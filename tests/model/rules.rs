//! The rule table (tests/common/validation_table.rs) through the two places that enforce it:
//! - the client: every row comes back as a validation error naming the row's target and rule,
//!   and NOTHING is sent (the client points at a listener that counts TCP connections);
//! - the emulator: a raw HTTP request with the row's body/address answers 400 `ValidationError`
//!   with the row's `details[].target`, and nothing is stored.

use crate::validation_table;

use apim_native::client::backend::BackendRequest;
use apim_native::client::{ApimClient, ClientOptions};
use apim_native::emulator::{self, EmulatorOptions};
use apim_native::model::{ApiVersion, ApimError};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use validation_table::{cases, passing, valid_put, Case, Op};

/// A listener on 127.0.0.1:0 that only counts the connections made to it (and drops them).
async fn counting_listener() -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            seen.fetch_add(1, Ordering::SeqCst);
            drop(socket);
        }
    });
    (base, count)
}

fn client(base: &str, version: ApiVersion) -> ApimClient {
    let options: ClientOptions = serde_json::from_value(json!({
        "armEndpoint": base,
        "apiVersion": version.as_str(),
        "retry": {"maxAttempts": 1, "baseDelayMs": 1, "maxDelayMs": 1},
        "timeoutSeconds": 5,
        "connectTimeoutSeconds": 2
    }))
    .unwrap();
    ApimClient::new(options).unwrap()
}

fn request(case: &Case) -> BackendRequest {
    let a = &case.address;
    let mut r = json!({
        "subscriptionId": a.subscription_id,
        "resourceGroupName": a.resource_group_name,
        "serviceName": a.service_name,
        "backendId": a.backend_id,
        "body": case.body,
    });
    if let Some(ws) = &a.workspace_id {
        r["workspaceId"] = json!(ws);
    }
    if case.op == Op::Patch {
        r["ifMatch"] = json!("*");
    }
    serde_json::from_value(r).unwrap()
}

async fn send(c: &ApimClient, case: &Case) -> Result<(), ApimError> {
    let req = request(case);
    match case.op {
        Op::Put | Op::Path => c.backend_create_or_update(&req).await.map(|_| ()),
        Op::Patch => c.backend_update(&req).await.map(|_| ()),
        Op::Reconnect => c.backend_reconnect(&req).await.map(|_| ()),
    }
}

/// (target, code) pairs of an error: its details, or the error itself when it has none.
fn problems(e: &ApimError) -> Vec<(String, String)> {
    if e.details.is_empty() {
        vec![(e.target.clone().unwrap_or_default(), e.code.clone())]
    } else {
        e.details.iter().map(|d| (d.target.clone().unwrap_or_default(), d.code.clone())).collect()
    }
}

#[tokio::test]
async fn the_client_rejects_every_row_and_sends_nothing() {
    let (base, connections) = counting_listener().await;
    let mut clients: HashMap<ApiVersion, ApimClient> = HashMap::new();
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in cases().iter().filter(|c| !c.client_code.is_empty()) {
        let c = clients.entry(case.version).or_insert_with(|| client(&base, case.version));
        match send(c, case).await {
            Ok(()) => failures.push(format!("{}: the client accepted it", case.name)),
            Err(e) => {
                let found = problems(&e);
                if !found.iter().any(|(t, code)| t == case.target && code == case.client_code) {
                    failures.push(format!("{}: expected {} {}, got {:?}", case.name, case.target, case.client_code, found));
                }
                for (target, code) in &case.also {
                    if !found.iter().any(|(t, c)| t == target && c == code) {
                        failures.push(format!("{}: expected also {target} {code}, got {:?}", case.name, found));
                    }
                }
            }
        }
        checked += 1;
    }
    assert!(failures.is_empty(), "{} row(s) failed:\n{}", failures.len(), failures.join("\n"));
    assert!(checked >= 70, "rows checked: {checked}");
    assert_eq!(connections.load(Ordering::SeqCst), 0, "an invalid request reached the network");

    // Control: the same client does connect for a valid body (so the zero above means something).
    let c = client(&base, ApiVersion::DEFAULT);
    let mut valid = cases().remove(0);
    valid.body = valid_put();
    let e = send(&c, &valid).await.expect_err("the listener drops every connection");
    assert_ne!(e.code, "ValidationError", "{e}");
    assert!(connections.load(Ordering::SeqCst) >= 1, "the valid request was never sent");
}

/// The URL of a row's operation on the emulator; segments are percent-encoded by `url`.
fn emulator_url(base: &str, case: &Case) -> url::Url {
    let a = &case.address;
    let mut u = url::Url::parse(base).unwrap();
    {
        let mut s = u.path_segments_mut().unwrap();
        s.pop_if_empty();
        s.extend([
            "subscriptions",
            &a.subscription_id,
            "resourceGroups",
            &a.resource_group_name,
            "providers",
            "Microsoft.ApiManagement",
            "service",
            &a.service_name,
        ]);
        if let Some(ws) = &a.workspace_id {
            s.extend(["workspaces", ws]);
        }
        s.extend(["backends", &a.backend_id]);
        if case.op == Op::Reconnect {
            s.push("reconnect");
        }
    }
    u.query_pairs_mut().append_pair("api-version", case.version.as_str());
    u
}

#[tokio::test]
async fn the_emulator_answers_400_validation_error_with_the_target_for_every_row() {
    let options: EmulatorOptions = serde_json::from_value(json!({"listen": "127.0.0.1:0"})).unwrap();
    let emu = emulator::start(options).await.unwrap();
    let base = emu.base_url.clone();
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in cases().iter().filter(|c| !c.emulator_code.is_empty()) {
        let url = emulator_url(&base, case);
        let builder = match case.op {
            Op::Put | Op::Path => http.put(url),
            Op::Patch => http.patch(url).header("If-Match", "*"),
            Op::Reconnect => http.post(url),
        };
        let response = builder.json(&case.body).send().await.unwrap();
        let status = response.status().as_u16();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        let error = &body["error"];
        let details: Vec<(String, String)> = error["details"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|d| (d["target"].as_str().unwrap_or("").to_string(), d["code"].as_str().unwrap_or("").to_string()))
                    .collect()
            })
            .unwrap_or_default();
        let hit = details.iter().any(|(t, c)| t == case.target && c == case.emulator_code)
            && case.also.iter().all(|(target, code)| details.iter().any(|(t, c)| t == target && c == code));
        if status != 400 || error["code"] != "ValidationError" || !hit {
            failures.push(format!("{}: expected 400 ValidationError {} {}, got {status} {body}", case.name, case.target, case.emulator_code));
        }
        checked += 1;
    }
    assert!(failures.is_empty(), "{} row(s) failed:\n{}", failures.len(), failures.join("\n"));
    assert!(checked >= 70, "rows checked: {checked}");

    // Nothing was stored by any rejected PUT.
    let list = http
        .get(format!(
            "{base}/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends?api-version={}",
            ApiVersion::DEFAULT
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(list.status(), 200);
    let page: Value = list.json().await.unwrap();
    assert_eq!(page["value"], json!([]), "a rejected body was stored");
    emu.stop().await;
}

/// Every passing body of the table goes through the client to the emulator and is stored (201):
/// the rules are not over-eager. Pool members are created first, as the service requires.
#[tokio::test]
async fn a_passing_body_for_every_azure_rule_is_accepted_by_client_and_emulator() {
    let emu = emulator::start(serde_json::from_value(json!({"listen": "127.0.0.1:0"})).unwrap()).await.unwrap();
    let mut failures = Vec::new();
    for (i, (name, version, body)) in passing().into_iter().enumerate() {
        let c = client(&emu.base_url, version);
        let services = body["properties"]["pool"]["services"].as_array().cloned().unwrap_or_default();
        for s in services {
            let id = s["id"].as_str().unwrap();
            let mut req = request_for(id.rsplit('/').next().unwrap(), json!({"properties": {"url": "https://m/", "protocol": "http"}}));
            if let Some(ws) = id.split("/workspaces/").nth(1).and_then(|rest| rest.split('/').next()) {
                req.workspace_id = Some(ws.to_string());
            }
            c.backend_create_or_update(&req).await.unwrap_or_else(|e| panic!("{name}: member {id}: {e}"));
        }
        match c.backend_create_or_update(&request_for(&format!("passing{i}"), body)).await {
            Ok(r) if r.status == 201 => {}
            Ok(r) => failures.push(format!("{name}: status {}", r.status)),
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    emu.stop().await;
}

fn request_for(backend_id: &str, body: Value) -> BackendRequest {
    serde_json::from_value(json!({
        "subscriptionId": "00000000-0000-0000-0000-000000000000",
        "resourceGroupName": "rg1",
        "serviceName": "apimService1",
        "backendId": backend_id,
        "body": body,
    }))
    .unwrap()
}
