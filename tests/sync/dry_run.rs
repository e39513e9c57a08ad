//! The dry run's core: the service's backends mirrored into an emulator (secrets as
//! placeholders, the service sees only reads), a "script" run against the emulator, and the
//! emulator's state planned against the service: exactly the script's creates, updates and
//! deletes, a secret the script left alone unchanged, one it set shown as changed.

use crate::sync_support;

use apim_native::client::backend::BackendRequest;
use apim_native::client::{ApimClient, ClientOptions};
use apim_native::sync::backend::{self, BackendSyncRequest};
use apim_native::sync::diff::SecretState;
use apim_native::sync::{dry_run, Action};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use sync_support::*;

fn request(more: Value) -> BackendSyncRequest {
    let mut r = json!({"subscriptionId": SUB, "resourceGroupName": RG, "serviceName": SVC, "useEnvironment": false});
    r.as_object_mut().unwrap().extend(more.as_object().cloned().unwrap_or_default());
    serde_json::from_value(r).unwrap()
}

#[tokio::test]
async fn a_dry_run_plans_exactly_what_the_script_changed_and_the_service_sees_only_reads() {
    let service = Service::start(json!({})).await;
    put_all(&service.client(), &seed_backends()).await;
    let emulator = apim_native::emulator::start(Default::default()).await.unwrap();
    service.clear();

    let mirrored = dry_run::mirror(&service.client(), &request(json!({"toEndpoint": emulator.base_url}))).await.unwrap();
    assert_eq!(mirrored.backend_ids.len(), 4);

    // The "script", against the emulator.
    let options: ClientOptions = serde_json::from_value(json!({"armEndpoint": emulator.base_url, "subscriptionId": SUB})).unwrap();
    let script = ApimClient::new(options).unwrap();
    let copy = script.backend_get(&address(Some("orders"))).await.unwrap().body.unwrap();
    assert_eq!(copy["properties"]["proxy"]["password"], "{{secret:orders.proxyPassword}}", "no secret value is copied");
    let mut put = address(Some("added"));
    put.body = Some(json!({"properties": {"url": "https://added.contoso.example/", "protocol": "http"}}));
    script.backend_create_or_update(&put).await.unwrap();
    for (id, props) in [("billing", json!({"description": "changed by the script"})),
        ("orders", json!({"credentials": {"authorization": {"scheme": "Basic", "parameter": "set-by-the-script"}}}))] {
        let mut patch = address(Some(id));
        patch.if_match = Some("*".into());
        patch.body = Some(json!({"properties": props}));
        script.backend_update(&patch).await.unwrap();
    }
    let mut delete: BackendRequest = address(Some("plain"));
    delete.if_match = Some("*".into());
    script.backend_delete(&delete).await.unwrap();

    let plan = backend::plan(&service.client(), &request(json!({"fromEndpoint": emulator.base_url, "prune": true}))).await.unwrap();
    let by_id: BTreeMap<&str, _> = plan.items.iter().map(|i| (i.backend_id.as_str(), i)).collect();
    assert_eq!(by_id["added"].action, Action::Create);
    assert_eq!(by_id["plain"].action, Action::Delete);
    assert_eq!(by_id["lb"].action, Action::NoChange);
    assert_eq!(by_id["billing"].action, Action::Update);
    assert_eq!(by_id["billing"].changes.len(), 1);
    assert_eq!(by_id["billing"].changes[0].path, "description");
    let orders = by_id["orders"];
    assert_eq!(orders.changes.len(), 1, "{:?}", orders.changes);
    assert!(orders.changes[0].secret);
    let state = |path: &str| orders.secrets.iter().find(|s| s.path == path).unwrap().state;
    assert_eq!(state("credentials.authorization.parameter"), SecretState::Changed);
    assert_eq!(state("proxy.password"), SecretState::Unchanged, "an untouched placeholder is the service's own secret");
    let text = serde_json::to_string(&plan).unwrap();
    assert!(!text.contains("set-by-the-script"));
    for s in SECRETS {
        assert!(!text.contains(s));
    }
    assert!(service.writes().is_empty(), "the service saw a write: {:?}", service.writes());
    assert!(!service.seen().is_empty(), "it did see the reads");

    // Only loopback endpoints are mirrored to or read from.
    let e = dry_run::mirror(&service.client(), &request(json!({"toEndpoint": "https://management.azure.com"}))).await.unwrap_err();
    assert_eq!(e.target.as_deref(), Some("toEndpoint"));
    emulator.stop().await;
    service.stop().await;
}
