//! The Graph connector object both ways, without a network: -BodyParameter in each form the Graph
//! cmdlets take (the seed's hashtables, a JSON string, a connector read before, a deserialized
//! copy), the flattened parameters with -AdditionalProperties, the upload body, the id an
//! -InputObject carries, the output object, and the ShouldProcess text (no request, no secret).

use crate::graph_support::{fixture, seed_params};
use apim_native::cmdlet::api_connector::{connector_body, connector_id, to_object, upload_body, BodySource, AUTHENTICATION_TYPE, CONNECTOR_TYPE};
use apim_native::cmdlet::api_connector_cmdlets::should_process;
use apim_native::cmdlet::Parameters;
use apim_native::ffi::{apim_cmdlet_api_connector_should_process, apim_string_free, ApimStatus};
use serde_json::{json, Map, Value};
use std::ffi::{CStr, CString};

fn parameters(value: Value) -> Parameters {
    Parameters::from_value(value).expect("an object")
}

fn body(value: Value) -> (Value, BodySource) {
    let (body, source) = connector_body(&parameters(value)).expect("a body");
    (Value::Object(body), source)
}

fn upload(value: Value) -> Value {
    Value::Object(upload_body(&parameters(value)).expect("a body").0)
}

/// A connector as Get-MgIdentityApiConnector wrote it for the documented response of example 1.
fn read_connector() -> Value {
    to_object(&fixture("seed003-example1.response.json"))
}

#[test]
fn the_seed_hashtables_are_sent_as_they_are() {
    for params in seed_params() {
        let (sent, source) = body(json!({ "BodyParameter": params }));
        assert_eq!(sent, params);
        assert_eq!(source, BodySource::BodyParameter);
    }
}

#[test]
fn declared_keys_match_in_any_case_and_other_keys_are_kept_as_written() {
    let (sent, _) = body(json!({ "BodyParameter": {
        "DisplayName": "x", "TARGETURL": "https://x.contoso.example/", "authenticationconfiguration": { "@odata.type": "#microsoft.graph.basicAuthentication" },
        "Custom": 1, "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/apiConnectors/$entity"
    }}));
    assert_eq!(sent, json!({
        "displayName": "x", "targetUrl": "https://x.contoso.example/",
        "authenticationConfiguration": { "@odata.type": "#microsoft.graph.basicAuthentication" }, "Custom": 1
    }));
}

#[test]
fn a_json_object_string_is_a_hashtable_and_any_other_string_is_refused_without_echo() {
    let (sent, _) = body(json!({ "BodyParameter": r#"{"DisplayName":"Json API","targetUrl":"https://someapi.com/api"}"# }));
    assert_eq!(sent, json!({ "displayName": "Json API", "targetUrl": "https://someapi.com/api" }));
    for text in ["displayName=x;password=plain-s3cret", r#"{"password":"plain-s3cret""#, r#"["plain-s3cret"]"#, "\"plain-s3cret\""] {
        let error = connector_body(&parameters(json!({ "BodyParameter": text }))).unwrap_err();
        assert!(error.message.starts_with("-BodyParameter is a string but not a JSON object"), "{}", error.message);
        assert_eq!(error.target.as_deref(), Some("BodyParameter"));
        assert!(!format!("{error:?}").contains("plain-s3cret"), "{error:?}");
    }
}

#[test]
fn a_connector_read_before_is_sent_back_as_its_wire_members() {
    let mut edited = read_connector();
    edited["DisplayName"] = json!("edited");
    let (sent, _) = body(json!({ "BodyParameter": edited }));
    // The mask comes back as it was read: the model's rules (run before sending) refuse it.
    assert_eq!(sent, json!({
        "id": "45715bb8-13f9-4bf6-927f-ef96c102d394", "displayName": "edited", "targetUrl": "https://someapi.com/api",
        "authenticationConfiguration": { "@odata.type": "#microsoft.graph.basicAuthentication", "username": "MyUsername", "password": "******" }
    }));

    // Without the configuration (set to $null) the PATCH keeps it: a null property is not sent.
    edited["AuthenticationConfiguration"] = Value::Null;
    let (sent, _) = body(json!({ "BodyParameter": edited }));
    assert!(sent.get("authenticationConfiguration").is_none(), "{sent}");

    // A deserialized copy (Import-Clixml, a job) reads the same.
    let mut copy = read_connector();
    copy["PSTypeName"] = json!(format!("Deserialized.{CONNECTOR_TYPE}"));
    copy["AuthenticationConfiguration"]["PSTypeName"] = json!(format!("Deserialized.{AUTHENTICATION_TYPE}"));
    let (from_copy, _) = body(json!({ "BodyParameter": copy }));
    assert_eq!(from_copy["authenticationConfiguration"]["username"], "MyUsername");
}

#[test]
fn flattened_parameters_overlay_additional_properties_and_empty_values_still_go() {
    let (sent, source) = body(json!({
        "AdditionalProperties": { "note": "kept", "displayName": "overwritten" },
        "DisplayName": "", "TargetUrl": "https://x.contoso.example/hook",
        "AuthenticationConfiguration": { "@odata.type": "microsoft.graph.basicAuthentication", "username": "u", "password": "p" },
        "Headers": { "ConsistencyLevel": "eventual" }, "ResponseHeadersVariable": "h"
    }));
    assert_eq!(source, BodySource::Expanded);
    assert_eq!(sent, json!({
        "note": "kept", "displayName": "", "targetUrl": "https://x.contoso.example/hook",
        "authenticationConfiguration": { "@odata.type": "microsoft.graph.basicAuthentication", "username": "u", "password": "p" }
    }));
    let (nothing, _) = body(json!({ "IdentityApiConnectorId": "abc" }));
    assert_eq!(nothing, json!({}));
}

#[test]
fn a_secure_string_is_sent_as_its_text_and_a_value_without_json_form_is_refused_by_path() {
    let (sent, _) = body(json!({ "AuthenticationConfiguration": {
        "@odata.type": "#microsoft.graph.basicAuthentication", "username": "u",
        "password": { "PSTypeName": "System.Security.SecureString", "Value": "S3cret!" }
    }}));
    assert_eq!(sent["authenticationConfiguration"]["password"], "S3cret!");
    let error = connector_body(&parameters(json!({ "AdditionalProperties": { "when": { "PSTypeName": "System.DateTime" } } }))).unwrap_err();
    assert_eq!(error.target.as_deref(), Some("when"));
    assert!(error.message.contains("System.DateTime"), "{}", error.message);
    let error = connector_body(&parameters(json!({ "BodyParameter": 42 }))).unwrap_err();
    assert!(error.message.contains("-BodyParameter must be a hashtable"), "{}", error.message);
}

#[test]
fn the_output_object_keeps_declared_properties_and_the_rest_as_the_sdk_model_does() {
    let object = read_connector();
    assert_eq!(object, json!({
        "PSTypeName": CONNECTOR_TYPE,
        "Id": "45715bb8-13f9-4bf6-927f-ef96c102d394",
        "DisplayName": "Test API",
        "TargetUrl": "https://someapi.com/api",
        "AuthenticationConfiguration": { "PSTypeName": AUTHENTICATION_TYPE, "AdditionalProperties": {
            "@odata.type": "#microsoft.graph.basicAuthentication", "username": "MyUsername", "password": "******" } },
        "AdditionalProperties": { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/apiConnectors/$entity" }
    }));
    // -Property id, displayName: what the service left out is "" (strings) or $null.
    let selected = to_object(&json!({ "id": "1", "displayName": "x" }));
    assert_eq!((selected["TargetUrl"].clone(), selected["AuthenticationConfiguration"].clone()), (json!(""), Value::Null));
    let certificate = to_object(&fixture("seed003-example2.response.json"));
    assert_eq!(certificate["AuthenticationConfiguration"]["AdditionalProperties"]["@odata.type"], "#microsoft.graph.clientCertificateAuthentication");
    assert!(certificate["AuthenticationConfiguration"]["AdditionalProperties"]["certificateList"].is_array());
}

#[test]
fn the_upload_body_from_each_form() {
    let expanded = upload(json!({ "IdentityApiConnectorId": "c1", "Pkcs12Value": "AAEC", "Password": "", "AdditionalProperties": { "extra": true } }));
    assert_eq!(expanded, json!({ "extra": true, "pkcs12Value": "AAEC", "password": "" }));
    let hashtable = upload(json!({ "BodyParameter": { "PKCS12VALUE": "AAEC", "Password": "p", "other": 1 } }));
    assert_eq!(hashtable, json!({ "pkcs12Value": "AAEC", "password": "p", "other": 1 }));
    let object = upload(json!({ "BodyParameter": { "PSTypeName": "System.Management.Automation.PSCustomObject", "Pkcs12Value": "AAEC", "Password": "p" } }));
    assert_eq!(object, json!({ "pkcs12Value": "AAEC", "password": "p" }));
    let json_text = upload(json!({ "BodyParameter": r#"{"pkcs12Value":"AAEC","password":"p"}"# }));
    assert_eq!(json_text, json!({ "pkcs12Value": "AAEC", "password": "p" }));
}

#[test]
fn the_connector_an_input_object_names() {
    let cases = [
        (json!("plain-id"), "plain-id"),
        (json!({ "IdentityApiConnectorId": "from-identity", "Id": "ignored" }), "from-identity"),
        (json!({ "PSTypeName": CONNECTOR_TYPE, "Id": "from-object" }), "from-object"),
        (json!({ "identityapiconnectorid": "", "id": "second-choice" }), "second-choice"),
    ];
    for (input, expected) in cases {
        assert_eq!(connector_id(&parameters(json!({ "InputObject": input }))).unwrap(), expected);
    }
    assert_eq!(connector_id(&parameters(json!({ "IdentityApiConnectorId": "by-id" }))).unwrap(), "by-id");
    let error = connector_id(&parameters(json!({ "InputObject": { "DisplayName": "no id" } }))).unwrap_err();
    assert_eq!(error.target.as_deref(), Some("InputObject"));
    assert!(error.message.contains("IdentityApiConnectorId or Id"), "{}", error.message);
}

fn intent(cmdlet: &str, bound: Value) -> Map<String, Value> {
    let output = should_process(&parameters(json!({ "Cmdlet": cmdlet, "Parameters": bound }))).expect("an intent");
    assert!(output.exchanges.is_empty(), "ShouldProcess text needs no request");
    output.output[0].as_object().unwrap().clone()
}

#[test]
fn should_process_names_the_connector_and_what_changes_never_a_secret() {
    let basic = json!({ "@odata.type": "#microsoft.graph.basicAuthentication", "username": "u", "password": "S3cret!" });
    let cases = [
        ("New-MgIdentityApiConnector", json!({ "DisplayName": "Never", "AuthenticationConfiguration": basic }),
            "identityApiConnector 'Never'", "Create API connector (POST /v1.0/identity/apiConnectors)"),
        ("New-MgIdentityApiConnector", json!({ "BodyParameter": r#"{"displayName":"Json API","authenticationConfiguration":{"password":"S3cret!"}}"# }),
            "identityApiConnector 'Json API'", "Create API connector (POST /v1.0/identity/apiConnectors)"),
        ("Update-MgIdentityApiConnector", json!({ "IdentityApiConnectorId": "c1", "TargetUrl": "https://x.example", "DisplayName": "w", "AuthenticationConfiguration": basic }),
            "identityApiConnector 'c1'", "Update API connector properties: authenticationConfiguration, displayName, targetUrl (PATCH)"),
        ("Update-MgIdentityApiConnector", json!({ "InputObject": read_connector(), "DisplayName": "w" }),
            "identityApiConnector '45715bb8-13f9-4bf6-927f-ef96c102d394'", "Update API connector properties: displayName (PATCH)"),
        ("Update-MgIdentityApiConnector", json!({ "IdentityApiConnectorId": "c1", "BodyParameter": { "id": "c1" } }),
            "identityApiConnector 'c1'", "Update API connector properties: none given (PATCH)"),
        ("Remove-MgIdentityApiConnector", json!({ "IdentityApiConnectorId": "c1", "IfMatch": "\"AAAA\"" }),
            "identityApiConnector 'c1'", "Remove API connector (DELETE /v1.0/identity/apiConnectors)"),
        ("Invoke-MgUploadIdentityApiConnectorClientCertificate", json!({ "IdentityApiConnectorId": "c1", "Pkcs12Value": "AAEC", "Password": "S3cret!" }),
            "identityApiConnector 'c1'", "Upload client certificate (POST .../uploadClientCertificate)"),
    ];
    for (cmdlet, bound, target, action) in cases {
        let intent = intent(cmdlet, bound);
        assert_eq!((intent["Target"].as_str().unwrap(), intent["Action"].as_str().unwrap()), (target, action), "{cmdlet}");
        assert!(!Value::Object(intent).to_string().contains("S3cret!"));
    }
}

#[test]
fn should_process_refuses_what_cannot_be_a_body_or_an_id_through_the_c_function() {
    let call = |parameters: &str| {
        let input = CString::new(parameters).unwrap();
        let mut out = std::ptr::null_mut();
        // SAFETY: valid NUL-terminated input and a writable out pointer; the string is freed below.
        let status = unsafe { apim_cmdlet_api_connector_should_process(input.as_ptr(), &mut out) };
        // SAFETY: the library set `out` to a string it owns.
        let json = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_string();
        // SAFETY: freed once, as the contract says.
        unsafe { apim_string_free(out) };
        (status, serde_json::from_str::<Value>(&json).unwrap())
    };
    let (status, answer) = call(r#"{"Cmdlet":"Remove-MgIdentityApiConnector","Parameters":{"IdentityApiConnectorId":"c1"}}"#);
    assert_eq!(status, ApimStatus::Ok, "{answer}");
    assert_eq!(answer["output"][0]["Target"], "identityApiConnector 'c1'");
    let (status, refused) = call(r#"{"Cmdlet":"New-MgIdentityApiConnector","Parameters":{"BodyParameter":"displayName=x;password=plain-s3cret"}}"#);
    assert_eq!(status, ApimStatus::InvalidArgument, "{refused}");
    assert_eq!(refused["target"], "BodyParameter");
    assert!(!refused.to_string().contains("plain-s3cret"));
    let (status, refused) = call(r#"{"Cmdlet":"Update-MgIdentityApiConnector","Parameters":{"InputObject":{"DisplayName":"x"},"DisplayName":"y"}}"#);
    assert_eq!((status, refused["target"].clone()), (ApimStatus::InvalidArgument, json!("InputObject")));
    let (status, refused) = call(r#"{"Cmdlet":"Get-MgIdentityApiConnector","Parameters":{}}"#);
    assert_eq!((status, refused["target"].clone()), (ApimStatus::InvalidArgument, json!("Cmdlet")));
    // SAFETY: NULL input is part of the contract.
    let status = unsafe { apim_cmdlet_api_connector_should_process(std::ptr::null(), std::ptr::null_mut()) };
    assert_eq!(status, ApimStatus::NullArgument);
}
