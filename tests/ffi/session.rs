//! apim_session_* and apim_cloud_list as C calls them: a session keeps the credential's secrets
//! (never in what it answers), its clients sign in with them, and a subscription name is resolved
//! through the emulator's GET /subscriptions on the first request that needs it.

use crate::ffi_support::*;
use apim_native::auth::authority::Cloud;
use apim_native::ffi::*;
use serde_json::{json, Value};
use std::ptr;

const PRODUCTION: &str = "00000000-0000-0000-0000-00000000b001";
const TOKEN: &str = "ffi-session-token-31337";

/// A session made through apim_session_new; freed with apim_session_free on drop.
struct Session(*mut ApimSessionHandle);

impl Session {
    fn new(options: &Value) -> Result<(Session, Value), (ApimStatus, Value)> {
        let options = c(&options.to_string());
        let mut session = ptr::null_mut();
        let mut out = ptr::null_mut();
        // SAFETY: valid pointers.
        let status = unsafe { apim_session_new(options.as_ptr(), &mut session, &mut out) };
        let json = parse(&take(out));
        if status != ApimStatus::Ok {
            assert!(session.is_null(), "a failed apim_session_new must not hand out a session");
            return Err((status, json));
        }
        Ok((Session(session), json))
    }

    fn client(&self, options: &Value) -> Client {
        let options = c(&options.to_string());
        let mut client = ptr::null_mut();
        let mut out = ptr::null_mut();
        // SAFETY: a live session, valid pointers.
        let status = unsafe { apim_session_client_new(self.0, options.as_ptr(), &mut client, &mut out) };
        let json = take(out);
        assert_eq!(status, ApimStatus::Ok, "apim_session_client_new failed: {json}");
        Client(client)
    }

    fn info(&self) -> Value {
        let mut out = ptr::null_mut();
        // SAFETY: a live session, writable out.
        let status = unsafe { apim_session_info(self.0, &mut out) };
        let json = parse(&take(out));
        assert_eq!(status, ApimStatus::Ok, "{json}");
        json
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // SAFETY: made by apim_session_new, freed once.
        unsafe { apim_session_free(self.0) };
    }
}

fn emulator() -> Emulator {
    Emulator::start_with(
        &json!({
            "requireToken": TOKEN,
            "subscriptions": {
                PRODUCTION: "Contoso Production",
                "00000000-0000-0000-0000-00000000b002": "Contoso Dev",
                "00000000-0000-0000-0000-00000000b003": "contoso dev",
            }
        })
        .to_string(),
    )
}

fn session_for(emulator: &Emulator, subscription: &str) -> Session {
    let (session, info) = Session::new(&json!({
        "auth": {"kind": "token", "token": TOKEN},
        "subscription": subscription,
        "armEndpoint": emulator.base_url,
        "graphEndpoint": emulator.base_url,
    }))
    .expect("session");
    assert!(!info.to_string().contains(TOKEN), "{info}");
    session
}

/// A list without subscriptionId: the session's subscription applies.
fn list_without_subscription(client: &Client) -> (ApimStatus, Value) {
    op(apim_backend_list, client.ptr(), &json!({"resourceGroupName": "rg1", "serviceName": "apimService1"}).to_string())
}

#[test]
fn a_name_is_resolved_on_first_use_and_the_requests_go_to_its_id() {
    let emulator = emulator();
    let session = session_for(&emulator, "CONTOSO production");
    assert_eq!(session.info()["subscriptionId"], Value::Null, "nothing is resolved before a request needs it");
    let client = session.client(&json!({"armEndpoint": emulator.base_url, "retry": {"maxAttempts": 1}}));

    let (status, listed) = list_without_subscription(&client);
    assert_eq!(status, ApimStatus::Ok, "{listed}");
    let url = listed["exchanges"][0]["url"].as_str().unwrap_or_default();
    assert!(url.contains(&format!("/subscriptions/{PRODUCTION}/")), "the list went to the resolved id: {listed}");
    let info = session.info();
    assert_eq!(info["subscriptionId"], PRODUCTION);
    assert_eq!(info["subscriptionName"], "Contoso Production");
    assert_eq!(info["subscription"], "CONTOSO production");

    // A second client of the same session reuses the answer.
    let again = session.client(&json!({"armEndpoint": emulator.base_url, "retry": {"maxAttempts": 1}}));
    assert_eq!(list_without_subscription(&again).0, ApimStatus::Ok);
}

#[test]
fn a_name_no_subscription_has_or_two_share_is_an_error_naming_subscription() {
    let emulator = emulator();
    let missing = session_for(&emulator, "Contoso Staging");
    let (status, error) = list_without_subscription(&missing.client(&json!({"armEndpoint": emulator.base_url})));
    assert_eq!(status, ApimStatus::Error, "{error}");
    assert_eq!(error["code"], "SubscriptionNotFound");
    assert_eq!(error["category"], "ObjectNotFound");
    let message = error["message"].as_str().unwrap_or_default();
    assert!(message.contains("-Subscription 'Contoso Staging'") && message.contains("'Contoso Production'"), "{message}");

    let shared = session_for(&emulator, "Contoso Dev");
    let (status, error) = list_without_subscription(&shared.client(&json!({"armEndpoint": emulator.base_url})));
    assert_eq!(status, ApimStatus::InvalidArgument, "{error}");
    let message = error["message"].as_str().unwrap_or_default();
    assert!(message.contains("-Subscription 'Contoso Dev' is ambiguous"), "{message}");
    assert!(message.contains("00000000-0000-0000-0000-00000000b002") && message.contains("00000000-0000-0000-0000-00000000b003"), "{message}");
    assert_eq!(shared.info()["subscriptionId"], Value::Null, "a failed lookup is not kept");
}

#[test]
fn an_id_is_used_as_it_is_and_the_request_still_wins() {
    let emulator = emulator();
    let session = session_for(&emulator, PRODUCTION);
    assert_eq!(session.info()["subscriptionId"], PRODUCTION);
    let client = session.client(&json!({"armEndpoint": emulator.base_url}));
    let (status, listed) = list_without_subscription(&client);
    assert_eq!(status, ApimStatus::Ok, "{listed}");
    assert_eq!(listed["exchanges"].as_array().map(Vec::len), Some(1), "no subscription lookup for an id: {listed}");
    let addressed = json!({"subscriptionId": SUB, "resourceGroupName": "rg1", "serviceName": "apimService1"});
    let (status, listed) = op(apim_backend_list, client.ptr(), &addressed.to_string());
    assert_eq!(status, ApimStatus::Ok, "{listed}");
    assert!(listed["exchanges"][0]["url"].as_str().unwrap_or_default().contains(SUB), "{listed}");
}

#[test]
fn an_id_in_another_guid_form_is_written_as_arm_writes_ids() {
    let (session, info) = Session::new(&json!({"subscription": "{00000000-0000-0000-0000-00000000B001}"})).expect("session");
    assert_eq!(info["subscriptionId"], PRODUCTION, "{info}");
    let (_, info) = Session::new(&json!({"subscription": "00000000000000000000000000000001"})).expect("session");
    assert_eq!(info["subscriptionId"], SUB);
    assert_eq!(session.info()["subscription"], "{00000000-0000-0000-0000-00000000B001}");
}

#[test]
fn a_failed_lookup_says_it_was_looking_up_the_name() {
    let emulator = emulator();
    let (session, _) = Session::new(&json!({
        "auth": {"kind": "token", "token": "not-the-token"},
        "subscription": "Contoso Production",
    }))
    .expect("session");
    let (status, error) = list_without_subscription(&session.client(&json!({"armEndpoint": emulator.base_url, "retry": {"maxAttempts": 1}})));
    assert_eq!(status, ApimStatus::Error, "{error}");
    assert_eq!(error["httpStatus"], 401, "{error}");
    let message = error["message"].as_str().unwrap_or_default();
    assert!(message.contains("-Subscription 'Contoso Production' is a name; listing the account's subscriptions"), "{message}");
    assert!(!error.to_string().contains("not-the-token"), "{error}");
}

#[test]
fn the_session_keeps_the_secrets_and_its_clients_sign_in_with_them() {
    let emulator = emulator();
    let (session, info) = Session::new(&json!({
        "auth": {"kind": "clientSecret", "tenantId": "contoso.onmicrosoft.com", "clientId": "app", "clientSecret": "ffi-client-secret-2718"},
    }))
    .expect("session");
    assert_eq!(info["auth"], json!({"kind": "clientSecret", "tenantId": "contoso.onmicrosoft.com", "clientId": "app"}));
    assert!(!session.info().to_string().contains("ffi-client-secret-2718"));

    // The session's credential replaces the options' auth; a wrong token in the options is ignored.
    let signed_in = session_for(&emulator, PRODUCTION);
    let client = signed_in.client(&json!({"armEndpoint": emulator.base_url, "auth": {"kind": "token", "token": "not-it"}}));
    drop(signed_in);
    let (status, listed) = list_without_subscription(&client);
    assert_eq!(status, ApimStatus::Ok, "the client outlives its session and keeps its token: {listed}");

    // A session without a credential leaves the options' auth alone.
    let (open, _) = Session::new(&json!({"subscription": PRODUCTION})).expect("session");
    let client = open.client(&json!({"armEndpoint": emulator.base_url, "auth": {"kind": "token", "token": TOKEN}}));
    assert_eq!(list_without_subscription(&client).0, ApimStatus::Ok);
}

#[test]
fn bad_options_are_refused_when_the_session_is_made() {
    let cases = [
        (json!({"subscription": "  "}), ApimStatus::InvalidArgument, "subscription"),
        (json!({"auth": {"kind": "clientSecret"}}), ApimStatus::InvalidArgument, "auth.tenantId"),
        (json!({"graphEndpoint": "ftp:/nowhere"}), ApimStatus::InvalidArgument, "graphEndpoint"),
        (json!({"unknown": 1}), ApimStatus::InvalidArgument, "unknown"),
        (json!({"auth": {"kind": "workloadIdentity", "federatedTokenFile": "/no/such/token", "tenantId": "t", "clientId": "c"}}), ApimStatus::Error, "-FederatedTokenFile"),
    ];
    for (options, want, mentions) in cases {
        let (status, error) = Session::new(&options).err().unwrap_or_else(|| panic!("{options} was accepted"));
        assert_eq!(status, want, "{options}: {error}");
        assert!(error.to_string().contains(mentions), "{options}: {error}");
    }
    let token = tempfile::NamedTempFile::new().expect("temp file");
    let options = json!({"auth": {"kind": "workloadIdentity", "federatedTokenFile": token.path(), "tenantId": "t", "clientId": "c"}});
    assert!(Session::new(&options).is_ok(), "an existing token file is accepted");
}

#[test]
fn the_cloud_list_is_the_rust_table() {
    let mut out = ptr::null_mut();
    // SAFETY: writable out.
    let status = unsafe { apim_cloud_list(&mut out) };
    let table = parse(&take(out));
    assert_eq!(status, ApimStatus::Ok, "{table}");
    let clouds = table["clouds"].as_array().expect("clouds");
    assert_eq!(clouds.len(), Cloud::ALL.len());
    for (listed, cloud) in clouds.iter().zip(Cloud::ALL) {
        assert_eq!(listed["name"], cloud.name());
        assert_eq!(listed["armEndpoint"], cloud.arm_endpoint());
        assert_eq!(listed["graphEndpoint"], cloud.graph_endpoint());
        assert_eq!(listed["authorityHost"], cloud.authority_host());
        for alias in listed["aliases"].as_array().expect("aliases") {
            assert_eq!(Cloud::parse(alias.as_str().unwrap_or_default(), "x").ok(), Some(cloud), "{alias}");
        }
    }
    // SAFETY: NULL out_json is reported by status alone.
    assert_eq!(unsafe { apim_cloud_list(ptr::null_mut()) }, ApimStatus::NullArgument);
}
