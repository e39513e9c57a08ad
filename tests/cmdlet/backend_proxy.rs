//! New-AzApiManagementBackendProxy: the seed example (Az's help, ApiManagementCreateBackendProxyBackend),
//! PSCredential.Empty for "no credentials" as in Az, the password kept out of errors, objects given to
//! -Proxy read back, and the C function's contract.

use crate::support::{build, call_c, null_parameters_are_refused, object};
use apim_native::cmdlet::backend_proxy;
use apim_native::ffi::{apim_cmdlet_backend_proxy_new, ApimStatus};
use serde_json::{json, Value};

const PROXY: &str = "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendProxy";
const CREDENTIAL: &str = "System.Management.Automation.PSCredential";

fn secure(text: &str) -> Value {
    json!({ "PSTypeName": "System.Security.SecureString", "Value": text })
}

fn credential(user: Value, password: Value) -> Value {
    json!({ "PSTypeName": CREDENTIAL, "UserName": user, "Password": password })
}

#[test]
fn the_seed_example_keeps_the_credential_a_pscredential() {
    let object = build(
        backend_proxy::new,
        json!({ "Url": "http://12.168.1.1:8080", "ProxyCredential": credential(json!("foo"), secure("PlainTextPassword")) }),
    )
    .unwrap();
    assert_eq!(
        object,
        json!({
            "PSTypeName": PROXY,
            "Url": "http://12.168.1.1:8080",
            "ProxyCredentials": credential(json!("foo"), secure("PlainTextPassword"))
        })
    );
}

#[test]
fn without_credentials_the_object_has_pscredential_empty_as_az() {
    // Az: ProxyCredentials = ProxyCredential ?? PSCredential.Empty. The bare marker is Empty on the
    // PowerShell side; PSCredential.Empty bound to -ProxyCredential (UserName $null) is the same.
    for parameters in [
        json!({ "Url": "http://proxy.contoso.com:8080" }),
        json!({ "Url": "http://proxy.contoso.com:8080", "ProxyCredential": credential(Value::Null, Value::Null) }),
        json!({ "Url": "http://proxy.contoso.com:8080", "ProxyCredential": credential(json!(""), secure("unused")) }),
    ] {
        let object = build(backend_proxy::new, parameters.clone()).unwrap();
        assert_eq!(object["ProxyCredentials"], json!({ "PSTypeName": CREDENTIAL }), "{parameters}");
    }
}

#[test]
fn a_user_without_a_password_keeps_an_empty_password() {
    let object =
        build(backend_proxy::new, json!({ "Url": "http://p:8080", "ProxyCredential": credential(json!("admin"), Value::Null) })).unwrap();
    assert_eq!(object["ProxyCredentials"], credential(json!("admin"), secure("")));
}

#[test]
fn a_missing_or_wrong_url_is_refused_naming_url() {
    let error = build(backend_proxy::new, json!({})).unwrap_err();
    assert!(error.message.contains("-Url") && error.message.contains("required"), "{}", error.message);
    let error = build(backend_proxy::new, json!({ "Url": "" })).unwrap_err();
    assert_eq!(error.code, "ValidationError");
    assert!(error.message.contains("-Url") && !error.message.contains("url "), "{}", error.message);
    assert_eq!(error.details[0].target.as_deref(), Some("url"));
    let error = build(backend_proxy::new, json!({ "Url": format!("http://{}", "x".repeat(2000)) })).unwrap_err();
    assert!(error.message.contains("-Url must be at most 2000"), "{}", error.message);
}

#[test]
fn the_password_never_reaches_an_error() {
    let parameters = json!({ "Url": "", "ProxyCredential": credential(json!("foo"), secure("TopSecretProxyPassword")) });
    let error = build(backend_proxy::new, parameters).unwrap_err();
    assert!(!error.to_json().contains("TopSecretProxyPassword"), "{}", error.to_json());
    let error = build(backend_proxy::new, json!({ "Url": "http://p", "ProxyCredential": credential(json!("foo"), json!(42)) })).unwrap_err();
    assert!(error.message.contains("-ProxyCredential.Password"), "{}", error.message);
}

#[test]
fn an_object_given_to_proxy_becomes_the_wire_proxy() {
    // Ours as ObjectJson writes it back (PSCredential with a SecureString), a Deserialized copy, a
    // hashtable written by hand with a plain password, and PSCredential.Empty in each form.
    let cases = [
        (json!({ "PSTypeName": PROXY, "Url": "http://p:1", "ProxyCredentials": credential(json!("foo"), secure("pw")) }), Some(("foo", "pw"))),
        (json!({ "PSTypeName": format!("Deserialized.{PROXY}"), "Url": "http://p:1", "ProxyCredentials": credential(json!("foo"), json!("pw")) }), Some(("foo", "pw"))),
        (json!({ "url": "http://p:1", "proxycredentials": { "username": "foo", "password": "pw" } }), Some(("foo", "pw"))),
        (json!({ "PSTypeName": PROXY, "Url": "http://p:1", "ProxyCredentials": credential(Value::Null, Value::Null) }), None),
        (json!({ "PSTypeName": PROXY, "Url": "http://p:1", "ProxyCredentials": { "PSTypeName": CREDENTIAL } }), None),
        (json!({ "Url": "http://p:1" }), None),
    ];
    for (given, expected) in cases {
        let wire = backend_proxy::from_object(&object(given.clone())).unwrap();
        assert_eq!(wire.url.as_deref(), Some("http://p:1"), "{given}");
        assert_eq!(wire.username.as_deref(), expected.map(|(user, _)| user), "{given}");
        assert_eq!(wire.password.as_ref().map(|p| p.0.as_str()), expected.map(|(_, password)| password), "{given}");
        assert!(wire.extra.is_empty());
    }
}

#[test]
fn the_wire_proxy_the_service_returns_becomes_the_az_object() {
    // The recording's GET after the proxy PATCH returns the password in plain text.
    let wire = serde_json::from_value(json!({ "url": "http://12.168.1.1:8080", "username": "foo", "password": "PlainTextPassword" })).unwrap();
    assert_eq!(backend_proxy::to_object(&wire)["ProxyCredentials"], credential(json!("foo"), secure("PlainTextPassword")));
    let wire = serde_json::from_value(json!({ "url": "http://12.168.1.1:8080" })).unwrap();
    assert_eq!(backend_proxy::to_object(&wire)["ProxyCredentials"], json!({ "PSTypeName": CREDENTIAL }));
}

#[test]
fn the_c_function_answers_output_and_exchanges_or_the_error_json() {
    let (status, json) = call_c(apim_cmdlet_backend_proxy_new, r#"{"Url":"http://192.168.1.1:8080"}"#);
    assert_eq!(status, ApimStatus::Ok);
    assert_eq!(json["output"][0]["PSTypeName"], PROXY);
    assert_eq!(json["output"][0]["Url"], "http://192.168.1.1:8080");
    assert_eq!(json["exchanges"], json!([]));

    let (status, json) = call_c(apim_cmdlet_backend_proxy_new, r#"{"Url":""}"#);
    assert_eq!(status, ApimStatus::InvalidArgument);
    assert_eq!(json["target"], "url");
    assert!(json["message"].as_str().unwrap().contains("-Url"), "{json}");

    let (status, json) = call_c(apim_cmdlet_backend_proxy_new, r#""http://p""#);
    assert_eq!(status, ApimStatus::InvalidArgument);
    assert_eq!(json["target"], "parameters_json");
    null_parameters_are_refused(apim_cmdlet_backend_proxy_new);
}
