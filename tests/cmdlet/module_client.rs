//! The client a module cmdlet calls through (apim_cmdlet_client_new): which credential it signs in
//! with (the session's, none for this machine, the default chain for Azure), decided by the
//! endpoint it signs in for, and its errors in Get-ApimNativeClient's words. Nothing is sent.

use apim_native::cmdlet::module_client::{self, ClientCredential};
use apim_native::cmdlet::{connect, Parameters};
use apim_native::ffi::{apim_client_free, apim_cmdlet_client_new, apim_cmdlet_connect, apim_session_free, apim_string_free, ApimStatus};
use serde_json::{json, Value};
use std::ffi::{CStr, CString};

fn credential(session: Option<&apim_native::client::session::Session>, parameters: Value) -> ClientCredential {
    let (_client, credential) = module_client::client(session, &Parameters::from_value(parameters.clone()).unwrap()).expect("the client is made");
    credential
}

#[test]
fn without_a_connection_loopback_gets_no_credential_and_azure_the_default_chain() {
    let cases = [
        (json!({ "Endpoint": "https://management.azure.com" }), ClientCredential::DefaultChain),
        (json!({ "Endpoint": "https://127.0.0.1.example.com" }), ClientCredential::DefaultChain),
        (json!({ "Endpoint": "http://127.0.0.1:5000" }), ClientCredential::None),
        (json!({ "Endpoint": "http://127.10.0.1:5000/" }), ClientCredential::None),
        (json!({ "Endpoint": "http://localhost:5000" }), ClientCredential::None),
        (json!({ "Endpoint": "http://[::1]:5000" }), ClientCredential::None),
        // A Graph client is decided by the Graph endpoint it calls, not the ARM endpoint.
        (json!({ "Endpoint": "https://management.azure.com", "GraphEndpoint": "http://127.0.0.1:5000", "ForGraph": true }), ClientCredential::None),
        (json!({ "Endpoint": "http://127.0.0.1:5000", "ForGraph": true }), ClientCredential::DefaultChain),
        (json!({ "Endpoint": "http://127.0.0.1:5000", "GraphEndpoint": "", "ForGraph": false }), ClientCredential::None),
    ];
    for (parameters, expected) in cases {
        assert_eq!(credential(None, parameters.clone()), expected, "{parameters}");
    }
}

#[test]
fn a_session_with_a_credential_signs_in_with_it_one_without_leaves_the_choice() {
    let with = connect::connect(&Parameters::from_value(json!({ "AccessToken": "t" })).unwrap()).unwrap().session;
    assert_eq!(credential(Some(&with), json!({ "Endpoint": "http://127.0.0.1:5000" })), ClientCredential::Session);
    assert_eq!(credential(Some(&with), json!({ "Endpoint": "https://management.azure.com" })), ClientCredential::Session);
    let emulator = json!({ "Emulator": { "PSTypeName": "ApimNative.Emulator", "BaseUrl": "http://127.0.0.1:5000" } });
    let without = connect::connect(&Parameters::from_value(emulator).unwrap()).unwrap().session;
    assert_eq!(credential(Some(&without), json!({ "Endpoint": "http://127.0.0.1:5000" })), ClientCredential::None);
    assert_eq!(credential(Some(&without), json!({ "Endpoint": "https://management.azure.com" })), ClientCredential::DefaultChain);
}

#[test]
fn bad_values_are_named_as_get_apim_native_client_parameters() {
    for (parameters, named) in [
        (json!({ "Endpoint": "not a url" }), "-Endpoint"),
        (json!({ "Endpoint": "https://management.azure.com", "GraphEndpoint": "ftp:/nowhere" }), "-GraphEndpoint"),
        (json!({}), "-Endpoint"),
        (json!({ "Endpoint": "https://management.azure.com", "EnvironmentVariables": "PATH=/bin" }), "-EnvironmentVariables"),
    ] {
        let error = module_client::client(None, &Parameters::from_value(parameters.clone()).unwrap()).err().expect("refused");
        assert!(error.message.contains(named), "{parameters}: {}", error.message);
    }
}

#[test]
fn the_c_function_takes_a_null_or_live_session_and_reports_the_credential() {
    let call = |session, parameters: Value| {
        let input = CString::new(parameters.to_string()).unwrap();
        let mut client = std::ptr::null_mut();
        let mut out = std::ptr::null_mut();
        // SAFETY: NULL or a live session, valid input and writable out pointers; freed below.
        let status = unsafe { apim_cmdlet_client_new(session, input.as_ptr(), &mut client, &mut out) };
        // SAFETY: the library set `out`.
        let json: Value = serde_json::from_str(unsafe { CStr::from_ptr(out) }.to_str().unwrap()).unwrap();
        unsafe { apim_string_free(out) };
        // SAFETY: NULL or made by the call above, freed once.
        unsafe { apim_client_free(client) };
        (status, client.is_null(), json)
    };
    let (status, no_client, summary) = call(
        std::ptr::null(),
        json!({ "Endpoint": "http://127.0.0.1:5000/", "ApiVersion": "2024-05-01", "EnvironmentVariables": { "AZURE_CLIENT_ID": "x" } }),
    );
    assert_eq!((status, no_client), (ApimStatus::Ok, false));
    assert_eq!(summary, json!({ "apiVersion": "2024-05-01", "armEndpoint": "http://127.0.0.1:5000", "graphEndpoint": "https://graph.microsoft.com", "credential": "none" }));

    let parameters = CString::new(json!({ "AccessToken": "c-token" }).to_string()).unwrap();
    let mut session = std::ptr::null_mut();
    let mut out = std::ptr::null_mut();
    // SAFETY: valid input and writable out pointers.
    assert_eq!(unsafe { apim_cmdlet_connect(parameters.as_ptr(), &mut session, &mut out) }, ApimStatus::Ok);
    unsafe { apim_string_free(out) };
    let (status, _, summary) = call(session, json!({ "Endpoint": "https://management.azure.com" }));
    assert_eq!(status, ApimStatus::Ok);
    assert_eq!(summary["credential"], "session");
    assert!(!summary.to_string().contains("c-token"));
    // SAFETY: made above, freed once.
    unsafe { apim_session_free(session) };

    let (status, no_client, error) = call(std::ptr::null(), json!({ "Endpoint": "not a url" }));
    assert_eq!((status, no_client), (ApimStatus::InvalidArgument, true));
    assert!(error["message"].as_str().unwrap().contains("-Endpoint"), "{error}");
}
