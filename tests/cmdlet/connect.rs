//! Connect-ApimNative: each way of signing in mapped to the session's credential, the clouds of the
//! one table, conflicting or incomplete parameters refused in the cmdlet's words, the session's own
//! checks reported as parameters, no secret in the answer, and the C function's contract.

use apim_native::auth::authority::Cloud;
use apim_native::cmdlet::connect::{self, Connected, CONNECTION_TYPE};
use apim_native::cmdlet::Parameters;
use apim_native::ffi::{apim_cmdlet_connect, apim_session_free, apim_session_info, apim_string_free, ApimStatus};
use apim_native::model::ApimError;
use serde_json::{json, Value};
use std::ffi::{CStr, CString};

fn secure(text: &str) -> Value {
    json!({ "PSTypeName": "System.Security.SecureString", "Value": text })
}

fn connect(parameters: Value) -> Result<Connected, ApimError> {
    connect::connect(&Parameters::from_value(parameters).unwrap())
}

/// The answer's one Connection object and the state the module keeps.
fn answer(parameters: Value) -> (Value, Value) {
    let connected = connect(parameters).expect("the parameters connect");
    let output = connected.answer["output"].as_array().expect("output is an array").clone();
    assert_eq!(output.len(), 1, "Connect-ApimNative writes one object");
    assert_eq!(output[0]["PSTypeName"], CONNECTION_TYPE);
    (output[0].clone(), connected.answer["connection"].clone())
}

fn refused(parameters: Value) -> ApimError {
    match connect(parameters) {
        Ok(_) => panic!("the parameters were accepted"),
        Err(error) => error,
    }
}

#[test]
fn each_way_of_signing_in_becomes_its_credential_kind() {
    let credential = json!({ "PSTypeName": "System.Management.Automation.PSCredential", "UserName": "app-1", "Password": secure("s3cret-value") });
    let cases = [
        (json!({}), "default", "default credential chain", Value::Null),
        (json!({ "Identity": true }), "managedIdentity", "system-assigned managed identity", json!({ "kind": "managedIdentity" })),
        (
            json!({ "Identity": true, "AccountId": "00000000-1111-2222-3333-444444444444" }),
            "managedIdentity",
            "managed identity 00000000-1111-2222-3333-444444444444",
            json!({ "kind": "managedIdentity", "identityClientId": "00000000-1111-2222-3333-444444444444" }),
        ),
        (
            json!({ "Identity": true, "AccountId": "/Subscriptions/x/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ua" }),
            "managedIdentity",
            "managed identity /Subscriptions/x/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ua",
            json!({ "kind": "managedIdentity", "identityResourceId": "/Subscriptions/x/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ua" }),
        ),
        (
            json!({ "ServicePrincipal": true, "TenantId": "contoso.onmicrosoft.com", "Credential": credential }),
            "clientSecret",
            "application app-1",
            json!({ "kind": "clientSecret", "tenantId": "contoso.onmicrosoft.com", "clientId": "app-1" }),
        ),
        (json!({ "UseAzureCli": true }), "azureCli", "Azure CLI account", json!({ "kind": "azureCli" })),
        (json!({ "UseAzureCli": true, "TenantId": "t1" }), "azureCli", "Azure CLI account", json!({ "kind": "azureCli", "tenantId": "t1" })),
        (json!({ "AccessToken": "tok-en" }), "token", "access token", json!({ "kind": "token" })),
        (json!({ "AccessToken": secure("tok-en") }), "token", "access token", json!({ "kind": "token" })),
    ];
    for (parameters, kind, account, auth) in cases {
        let (connection, state) = answer(parameters.clone());
        assert_eq!(connection["Kind"], kind, "{parameters}");
        assert_eq!(connection["Account"], account, "{parameters}");
        assert_eq!(connection["Environment"], "AzureCloud", "{parameters}");
        assert_eq!(state["Kind"], kind, "{parameters}");
        assert_eq!(state["Auth"], auth, "{parameters}");
    }
}

#[test]
fn a_federated_token_file_must_exist_and_is_kept_as_given() {
    let directory = tempfile::tempdir().unwrap();
    let token = directory.path().join("token.jwt");
    std::fs::write(&token, "header.payload.signature").unwrap();
    let path = token.to_str().unwrap();
    let (connection, state) = answer(json!({ "FederatedTokenFile": path, "ApplicationId": "app-2", "TenantId": "t2" }));
    assert_eq!(connection["Account"], "workload identity app-2");
    assert_eq!(state["Auth"], json!({ "kind": "workloadIdentity", "federatedTokenFile": path, "clientId": "app-2", "tenantId": "t2" }));

    let missing = directory.path().join("missing.jwt");
    let error = refused(json!({ "FederatedTokenFile": missing.to_str().unwrap() }));
    assert!(error.message.contains("-FederatedTokenFile") && error.message.contains("does not exist"), "{}", error.message);
}

#[test]
fn the_session_checks_are_reported_as_the_cmdlet_parameters() {
    let missing = tempfile::tempdir().unwrap().path().join("missing.pfx");
    let error = refused(json!({
        "ServicePrincipal": true, "TenantId": "t", "ApplicationId": "app", "CertificatePath": missing.to_str().unwrap(),
        "CertificatePassword": secure("pfx-Password-9")
    }));
    assert!(error.message.contains("-CertificatePath"), "{}", error.message);
    assert!(!error.message.contains("auth.certificatePath"), "{}", error.message);
    assert_eq!(error.target.as_deref(), Some("auth.certificatePath"), "the target keeps the library's field for scripts");
    assert!(!format!("{error:?}").contains("pfx-Password-9"));

    let error = refused(json!({ "ArmEndpoint": "not a url" }));
    assert!(error.message.contains("-ArmEndpoint"), "{}", error.message);
    let error = refused(json!({ "Subscription": "  " }));
    assert!(error.message.contains("-Subscription"), "{}", error.message);
}

#[test]
fn conflicting_or_incomplete_parameters_are_refused_naming_them() {
    let cases = [
        (json!({ "Identity": true, "AccessToken": "t" }), "-AccessToken", "-Identity and -AccessToken"),
        (json!({ "ServicePrincipal": true, "Credential": { "PSTypeName": "System.Management.Automation.PSCredential", "UserName": "a", "Password": secure("p") } }), "-TenantId", "-TenantId is required with -ServicePrincipal"),
        (json!({ "ServicePrincipal": true, "TenantId": "t" }), "-ServicePrincipal", "needs -Credential"),
        (json!({ "ServicePrincipal": true, "TenantId": "t", "CertificatePath": "/x.pfx" }), "-ApplicationId", "-ApplicationId is required with -CertificatePath"),
        (json!({ "ServicePrincipal": true, "TenantId": "t", "ApplicationId": "a", "CertificatePath": "/x.pfx", "CertificateThumbprint": "AB" }), "-CertificateThumbprint", "cannot be used together"),
        (json!({ "ServicePrincipal": true, "TenantId": "t", "ApplicationId": "a", "CertificateThumbprint": "AB" }), "-CertificateThumbprint", "personal store"),
        (json!({ "ServicePrincipal": true, "TenantId": "t", "Credential": { "PSTypeName": "System.Management.Automation.PSCredential" } }), "-Credential", "user name"),
        (json!({ "AccountId": "id" }), "-AccountId", "-AccountId is only used with -Identity"),
        (json!({ "Identity": true, "Credential": { "PSTypeName": "System.Management.Automation.PSCredential" } }), "-Credential", "only used with -ServicePrincipal"),
        (json!({ "AccessToken": " " }), "-AccessToken", "-AccessToken is empty"),
        (json!({ "Emulator": { "PSTypeName": "ApimNative.Emulator" } }), "-Emulator", "no BaseUrl"),
        (json!({ "Environment": "Mars" }), "-Environment", "-Environment 'Mars' is not a known cloud"),
    ];
    for (parameters, target, text) in cases {
        let error = refused(parameters.clone());
        assert_eq!(error.target.as_deref(), Some(target), "{parameters}: {}", error.message);
        assert!(error.message.contains(text), "{parameters}: {}", error.message);
    }
}

#[test]
fn the_clouds_come_from_the_one_table_and_explicit_endpoints_win() {
    for cloud in Cloud::ALL {
        let (connection, state) = answer(json!({ "UseAzureCli": true, "Environment": cloud.name() }));
        assert_eq!(connection["Environment"], cloud.name());
        assert_eq!(connection["ArmEndpoint"], cloud.arm_endpoint());
        assert_eq!(state["GraphEndpoint"], cloud.graph_endpoint());
        assert_eq!(state["Auth"]["environment"], cloud.name(), "the sign-in authority follows the cloud");
    }
    let (connection, _) = answer(json!({ "Environment": "AzureUSGovernment", "GraphEndpoint": "https://graph.contoso.example/" }));
    assert_eq!(connection["ArmEndpoint"], "https://management.usgovcloudapi.net");
    assert_eq!(connection["GraphEndpoint"], "https://graph.contoso.example");
    assert_eq!(connection["Kind"], "default");
}

#[test]
fn an_emulator_is_both_endpoints_with_no_credential() {
    let emulator = json!({ "PSTypeName": "ApimNative.Emulator", "BaseUrl": "http://127.0.0.1:4711/", "Handle": { "PSTypeName": "ApimNative.EmulatorHandle" } });
    let (connection, state) = answer(json!({ "Emulator": emulator, "Subscription": "00000000-0000-0000-0000-000000000001" }));
    assert_eq!(connection["Kind"], "none");
    assert_eq!(connection["Account"], "no credential (emulator http://127.0.0.1:4711)");
    assert_eq!(connection["ArmEndpoint"], "http://127.0.0.1:4711");
    assert_eq!(connection["GraphEndpoint"], "http://127.0.0.1:4711");
    assert_eq!(connection["SubscriptionId"], "00000000-0000-0000-0000-000000000001");
    assert_eq!(state["Auth"], Value::Null, "the session has no credential of its own");
    assert_eq!(state["SubscriptionId"], "00000000-0000-0000-0000-000000000001");
}

#[test]
fn a_subscription_name_is_not_an_id_yet() {
    let (connection, state) = answer(json!({ "AccessToken": "t", "Subscription": "Contoso Production" }));
    assert_eq!(connection["SubscriptionId"], Value::Null);
    assert_eq!(state.get("SubscriptionId"), None);
}

#[test]
fn no_secret_reaches_the_answer_or_the_should_process_text() {
    let secrets = ["client-Secret-77", "access-Token-88", "pfx-Password-99", "store-Data-11"];
    let credential = json!({ "PSTypeName": "System.Management.Automation.PSCredential", "UserName": "app", "Password": secure(secrets[0]) });
    let store = json!({ "Data": secrets[3], "Password": secure(secrets[2]) });
    let connected = [
        connect(json!({ "ServicePrincipal": true, "TenantId": "contoso", "Credential": credential })),
        connect(json!({ "AccessToken": secrets[1] })),
    ];
    for connected in connected {
        let text = connected.unwrap().answer.to_string();
        for secret in secrets {
            assert!(!text.contains(secret), "{text}");
        }
    }
    let connected = connect(json!({ "ServicePrincipal": true, "TenantId": "contoso", "Credential": credential })).unwrap();
    assert_eq!(connected.answer["target"], "application app in tenant contoso");
    // A store certificate that is no PFX is refused by the session, without its data or password.
    let error = refused(json!({ "ServicePrincipal": true, "TenantId": "t", "ApplicationId": "a", "CertificateThumbprint": "ab12", "StoreCertificate": store }));
    let shown = format!("{error:?}");
    assert!(!shown.contains(secrets[2]) && !shown.contains(secrets[3]), "{shown}");
}

#[test]
fn the_c_function_hands_out_a_session_or_an_error() {
    let parameters = CString::new(json!({ "AccessToken": "c-token", "Subscription": "00000000-0000-0000-0000-000000000002" }).to_string()).unwrap();
    let mut session = std::ptr::null_mut();
    let mut out = std::ptr::null_mut();
    // SAFETY: valid input and writable out pointers; both results are freed below.
    let status = unsafe { apim_cmdlet_connect(parameters.as_ptr(), &mut session, &mut out) };
    assert_eq!(status, ApimStatus::Ok);
    assert!(!session.is_null());
    // SAFETY: the library set `out`; it is freed once.
    let answer: Value = serde_json::from_str(unsafe { CStr::from_ptr(out) }.to_str().unwrap()).unwrap();
    unsafe { apim_string_free(out) };
    assert_eq!(answer["output"][0]["Kind"], "token");
    assert_eq!(answer["connection"]["Auth"], json!({ "kind": "token" }));
    let mut info = std::ptr::null_mut();
    // SAFETY: a live session and a writable out pointer.
    assert_eq!(unsafe { apim_session_info(session, &mut info) }, ApimStatus::Ok);
    let info_text = unsafe { CStr::from_ptr(info) }.to_str().unwrap().to_string();
    unsafe { apim_string_free(info) };
    assert!(info_text.contains("00000000-0000-0000-0000-000000000002") && !info_text.contains("c-token"), "{info_text}");
    // SAFETY: made above, freed once.
    unsafe { apim_session_free(session) };

    let bad = CString::new(json!({ "Identity": true, "UseAzureCli": true }).to_string()).unwrap();
    let mut untouched = std::ptr::null_mut();
    let mut out = std::ptr::null_mut();
    // SAFETY: as above.
    let status = unsafe { apim_cmdlet_connect(bad.as_ptr(), &mut untouched, &mut out) };
    assert_eq!(status, ApimStatus::InvalidArgument);
    assert!(untouched.is_null(), "no session on failure");
    let error = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_string();
    unsafe { apim_string_free(out) };
    assert!(error.contains("-Identity and -UseAzureCli"), "{error}");

    let mut out = std::ptr::null_mut();
    // SAFETY: NULL parameters are part of the contract.
    assert_eq!(unsafe { apim_cmdlet_connect(std::ptr::null(), &mut untouched, &mut out) }, ApimStatus::NullArgument);
    unsafe { apim_string_free(out) };
    let mut out = std::ptr::null_mut();
    // SAFETY: NULL out_session is part of the contract.
    assert_eq!(unsafe { apim_cmdlet_connect(parameters.as_ptr(), std::ptr::null_mut(), &mut out) }, ApimStatus::NullArgument);
    unsafe { apim_string_free(out) };
}
