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

/// A client handle that threads may share, as the C ABI allows.
struct SharedClient(*mut apim_native::ffi::ApimClientHandle);
// SAFETY: the C ABI documents a client as usable from any number of threads at once.
unsafe impl Send for SharedClient {}
unsafe impl Sync for SharedClient {}

impl SharedClient {
    fn list(&self) -> (ApimStatus, String) {
        let request = CString::new(json!({"subscriptionId":"00000000-0000-0000-0000-000000000000","resourceGroupName":"rg1","serviceName":"apim1"}).to_string()).unwrap();
        let mut out = std::ptr::null_mut();
        // SAFETY: a live client, a NUL-terminated request and an out pointer; `out` is freed below.
        let status = unsafe { apim_native::ffi::apim_backend_list(self.0, request.as_ptr(), &mut out) };
        // SAFETY: set by the library.
        let text = unsafe { CStr::from_ptr(out) }.to_string_lossy().into_owned();
        unsafe { apim_string_free(out) };
        (status, text)
    }
}

impl Drop for SharedClient {
    fn drop(&mut self) {
        // SAFETY: made by apim_client_new, freed once.
        unsafe { apim_client_free(self.0) };
    }
}

/// A call made alone runs on its thread's own runtime (src/runtime.rs), but a token it has to
/// fetch is fetched on the shared one: the sign-in client is process-wide, and a sign-in
/// connection left on the first thread's runtime would hold up every other thread's sign-in
/// while the first thread sits idle. The tokens here expire within the refresh margin, so every
/// call signs in again.
#[test]
fn a_sign_in_made_during_a_call_alone_serves_other_threads_while_its_thread_is_idle() {
    let servers = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let (emulator, entra) = servers.block_on(async {
        let options: EmulatorOptions = serde_json::from_value(json!({"listen":"127.0.0.1:0","requireToken":ISSUED})).unwrap();
        (emulator::start(options).await.unwrap(), FakeServer::start(200, entra_ok(ISSUED, 60)).await)
    });
    let options = CString::new(
        json!({
            "armEndpoint": emulator.base_url, "graphEndpoint": emulator.base_url, "retry": {"maxAttempts": 1},
            "auth": {"kind":"clientSecret","tenantId":"contoso.onmicrosoft.com","clientId":"app-1","clientSecret":SECRET,"authorityHost":entra.base}
        })
        .to_string(),
    )
    .unwrap();
    let (mut raw, mut out) = (std::ptr::null_mut(), std::ptr::null_mut());
    // SAFETY: valid pointers; `out` is freed at once.
    let status = unsafe { apim_client_new(options.as_ptr(), &mut raw, &mut out) };
    unsafe { apim_string_free(out) };
    assert_eq!(status, ApimStatus::Ok);
    let client = std::sync::Arc::new(SharedClient(raw));

    let (go, calls) = std::sync::mpsc::channel::<()>();
    let (answered, answers) = std::sync::mpsc::channel();
    let first = client.clone();
    let idle_thread = std::thread::spawn(move || {
        for () in calls {
            answered.send(first.list()).unwrap();
        }
    });
    let deadline = std::time::Duration::from_secs(30);
    go.send(()).unwrap();
    let (status, text) = answers.recv_timeout(deadline).expect("the first thread's call");
    assert_eq!(status, ApimStatus::Ok, "{text}");

    // The first thread is alive and idle; another thread's call signs in and finishes.
    let (done, finished) = std::sync::mpsc::channel();
    let second = client.clone();
    std::thread::spawn(move || {
        let _ = done.send(second.list());
    });
    let (status, text) = finished.recv_timeout(deadline).expect("another thread's call signed in while the first thread was idle");
    assert_eq!(status, ApimStatus::Ok, "{text}");

    go.send(()).unwrap();
    let (status, text) = answers.recv_timeout(deadline).expect("the first thread's second call");
    assert_eq!(status, ApimStatus::Ok, "{text}");
    drop(go);
    idle_thread.join().unwrap();
    assert_eq!(entra.count(), 3, "every call signed in");
    assert!(!text.contains(SECRET));
    drop(client);
    servers.block_on(emulator.stop());
}
