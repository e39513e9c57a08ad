//! The token sources inside the real client and the C ABI: a client configured with
//! `auth.kind = "clientSecret"` signs in at a fake Entra endpoint and calls the emulator, which
//! accepts only that token; the scope follows the ARM endpoint; bad auth options are rejected by
//! `apim_client_new` with every field named and no secret in the error JSON.

use crate::auth_common;

use apim_native::client::backend::BackendRequest;
use apim_native::client::{ApimClient, ClientOptions};
use apim_native::emulator::{self, EmulatorOptions};
use apim_native::ffi::{apim_client_free, apim_client_new, apim_string_free, ApimStatus};
use auth_common::*;
use serde_json::{json, Value};
use std::ffi::{CStr, CString};

const SECRET: &str = "e2e-Client-Secret-0815";
const ISSUED: &str = "e2e-issued-access-token";

fn list_request() -> BackendRequest {
    serde_json::from_value(json!({
        "subscriptionId":"00000000-0000-0000-0000-000000000000","resourceGroupName":"rg1","serviceName":"apim1"
    }))
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_secret_client_calls_the_emulator_with_the_issued_token() {
    let options: EmulatorOptions = serde_json::from_value(json!({"listen":"127.0.0.1:0","requireToken":ISSUED})).unwrap();
    let emulator = emulator::start(options).await.unwrap();
    let entra = FakeServer::start(200, entra_ok(ISSUED, 3600)).await;
    let client_options: ClientOptions = serde_json::from_value(json!({
        "armEndpoint": emulator.base_url,
        "auth": {"kind":"clientSecret","tenantId":"contoso.onmicrosoft.com","clientId":"app-1","clientSecret":SECRET,"authorityHost":entra.base}
    }))
    .unwrap();
    let client = ApimClient::new(client_options).unwrap();
    client.backend_list(&list_request()).await.expect("the emulator accepts the issued token");
    client.backend_list(&list_request()).await.unwrap();
    assert_eq!(entra.count(), 1, "the second call reuses the cached token");
    let expected_scope = format!("{}/.default", emulator.base_url.trim_end_matches('/'));
    assert_eq!(entra.last().form_value("scope"), Some(expected_scope));

    // A token the emulator does not accept surfaces as the service's 401.
    let wrong = FakeServer::start(200, entra_ok("not-the-right-token", 3600)).await;
    let client_options: ClientOptions = serde_json::from_value(json!({
        "armEndpoint": emulator.base_url,
        "retry": {"maxAttempts": 1},
        "auth": {"kind":"clientSecret","tenantId":"contoso.onmicrosoft.com","clientId":"app-1","clientSecret":SECRET,"authorityHost":wrong.base}
    }))
    .unwrap();
    let error = ApimClient::new(client_options).unwrap().backend_list(&list_request()).await.unwrap_err();
    assert_eq!(error.http_status, Some(401));
    assert!(!error.to_json().contains(SECRET));
    emulator.stop().await;
}

/// Calls `apim_client_new` exactly as C does and returns (status, JSON).
fn client_new(options: &Value) -> (ApimStatus, Value) {
    let text = CString::new(options.to_string()).unwrap();
    let mut client = std::ptr::null_mut();
    let mut out = std::ptr::null_mut();
    // SAFETY: valid NUL-terminated string and out pointers; the outputs are freed below.
    let status = unsafe { apim_client_new(text.as_ptr(), &mut client, &mut out) };
    // SAFETY: `out` is NULL or a string from the library.
    let json = if out.is_null() { Value::Null } else { serde_json::from_str(unsafe { CStr::from_ptr(out) }.to_str().unwrap()).unwrap() };
    unsafe {
        apim_string_free(out);
        apim_client_free(client);
    }
    (status, json)
}

#[test]
fn apim_client_new_names_every_missing_auth_field_without_the_secret() {
    let (status, error) = client_new(&json!({"auth":{"kind":"clientSecret","clientSecret":SECRET}}));
    assert_ne!(status, ApimStatus::Ok);
    let targets: Vec<&str> = error["details"].as_array().unwrap().iter().map(|d| d["target"].as_str().unwrap()).collect();
    assert_eq!(targets, ["auth.tenantId", "auth.clientId"]);
    assert!(!error.to_string().contains(SECRET), "{error}");

    let (status, error) = client_new(&json!({"auth":{"kind":"managedIdentity","identityClientId":"a","identityResourceId":"/subscriptions/x"}}));
    assert_ne!(status, ApimStatus::Ok);
    assert_eq!(error["code"], "ValidationError");

    // Every kind that needs nothing more than the process environment is accepted.
    for kind in ["default", "azureCli", "managedIdentity", "token"] {
        let (status, result) = client_new(&json!({"auth":{"kind":kind,"token":"t"}}));
        assert_eq!(status, ApimStatus::Ok, "{kind}: {result}");
    }
}
