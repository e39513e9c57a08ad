//! Shared by the client tests: the one fake server (`tests/support/fake_server.rs`) and the
//! client options, requests and entities they send to it.
#![allow(dead_code)]

#[path = "../support/fake_server.rs"]
mod fake_server;

#[allow(unused_imports)]
pub use fake_server::{Reply, ScriptedServer, Seen};

/// Client options pointing at `base_url` with fast retries.
pub fn options(base_url: &str, extra: serde_json::Value) -> apim_native::client::ClientOptions {
    let mut json = serde_json::json!({
        "armEndpoint": base_url,
        "retry": {"maxAttempts": 4, "baseDelayMs": 1, "maxDelayMs": 5},
        "timeoutSeconds": 30,
        "connectTimeoutSeconds": 5
    });
    if let (Some(obj), Some(more)) = (json.as_object_mut(), extra.as_object()) {
        for (k, v) in more {
            obj.insert(k.clone(), v.clone());
        }
    }
    serde_json::from_value(json).expect("client options")
}

pub const SUB: &str = "00000000-0000-0000-0000-000000000000";

/// A backend request for sub/rg1/apimService1/b1.
pub fn request(extra: serde_json::Value) -> apim_native::client::backend::BackendRequest {
    let mut json = serde_json::json!({
        "subscriptionId": SUB,
        "resourceGroupName": "rg1",
        "serviceName": "apimService1",
        "backendId": "b1"
    });
    if let (Some(obj), Some(more)) = (json.as_object_mut(), extra.as_object()) {
        for (k, v) in more {
            obj.insert(k.clone(), v.clone());
        }
    }
    serde_json::from_value(json).expect("backend request")
}

pub fn entity(name: &str) -> serde_json::Value {
    serde_json::json!({
        "id": format!("/subscriptions/{SUB}/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/{name}"),
        "type": "Microsoft.ApiManagement/service/backends",
        "name": name,
        "properties": {"url": "https://backend.example/api", "protocol": "http"}
    })
}
