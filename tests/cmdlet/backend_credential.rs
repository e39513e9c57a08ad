//! New-AzApiManagementBackendCredential: the seed example, Az's quirks (issue #25799: -CertificateId
//! is certificateIds, not thumbprints), validation in the cmdlet's words, SecureStrings kept, and the
//! C function's contract.

use apim_native::cmdlet::{backend_credential, Parameters};
use apim_native::ffi::{apim_cmdlet_backend_credential_new, apim_string_free, ApimStatus};
use serde_json::{json, Value};
use std::ffi::{CStr, CString};

const CREDENTIAL: &str = "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential";
const AUTHORIZATION: &str = "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementAuthorizationHeaderCredential";

fn new(parameters: Value) -> Result<Value, apim_native::model::ApimError> {
    let output = backend_credential::new(&Parameters::from_value(parameters).unwrap())?;
    assert_eq!(output.output.len(), 1);
    assert!(output.exchanges.is_empty(), "a builder makes no request");
    Ok(output.output[0].clone())
}

/// Calls the C function as the module does and returns (status, parsed JSON).
fn call_c(parameters: &str) -> (ApimStatus, Value) {
    let input = CString::new(parameters).unwrap();
    let mut out = std::ptr::null_mut();
    // SAFETY: valid NUL-terminated input and a writable out pointer; the string is freed below.
    let status = unsafe { apim_cmdlet_backend_credential_new(input.as_ptr(), &mut out) };
    // SAFETY: the library set `out` to a string it owns.
    let json = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_string();
    // SAFETY: freed once, as the contract says.
    unsafe { apim_string_free(out) };
    (status, serde_json::from_str(&json).unwrap())
}

#[test]
fn the_seed_example_becomes_the_az_credential_object() {
    let object = new(json!({
        "AuthorizationHeaderScheme": "basic",
        "AuthorizationHeaderParameter": "opensesame",
        "Query": { "sv": ["xx", "bb"], "sr": ["cc"] },
        "Header": { "x-my-1": ["val1", "val2"] }
    }))
    .unwrap();
    assert_eq!(
        object,
        json!({
            "PSTypeName": CREDENTIAL,
            "Certificate": null,
            "CertificateIds": null,
            "Query": { "sv": ["xx", "bb"], "sr": ["cc"] },
            "Header": { "x-my-1": ["val1", "val2"] },
            "Authorization": { "PSTypeName": AUTHORIZATION, "Scheme": "basic", "Parameter": "opensesame" }
        })
    );
}

#[test]
fn certificate_ids_are_ids_and_thumbprints_are_thumbprints() {
    let id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/certificates/cert1";
    let object = new(json!({ "CertificateId": [id] })).unwrap();
    assert_eq!(object["CertificateIds"], json!([id]));
    assert_eq!(object["Certificate"], Value::Null);
    let object = new(json!({ "CertificateThumbprint": "ABCDEF0123456789ABCDEF0123456789ABCDEF01" })).unwrap();
    assert_eq!(object["Certificate"], json!(["ABCDEF0123456789ABCDEF0123456789ABCDEF01"]));
    assert_eq!(object["CertificateIds"], Value::Null);
}

#[test]
fn empty_maps_and_lists_are_left_out_and_a_plain_string_is_a_one_item_list() {
    let object = new(json!({ "Query": {}, "CertificateId": [], "Header": { "x-api-key": "single" } })).unwrap();
    assert_eq!(object["Query"], Value::Null);
    assert_eq!(object["CertificateIds"], Value::Null);
    assert_eq!(object["Header"], json!({ "x-api-key": ["single"] }));
}

#[test]
fn nothing_at_all_is_refused_as_az_credentials_need_one_part() {
    let error = new(json!({})).unwrap_err();
    assert_eq!(error.code, "ValidationError");
    assert!(error.message.contains("New-AzApiManagementBackendCredential"), "{}", error.message);
}

#[test]
fn a_scheme_without_a_parameter_is_refused_in_the_cmdlets_words() {
    let error = new(json!({ "AuthorizationHeaderScheme": "basic" })).unwrap_err();
    assert_eq!(error.code, "ValidationError");
    assert!(error.message.contains("-AuthorizationHeaderParameter"), "{}", error.message);
    assert!(!error.message.contains("authorization.parameter"), "{}", error.message);
    assert_eq!(error.details[0].target.as_deref(), Some("authorization.parameter"));
}

#[test]
fn a_secret_never_reaches_the_error() {
    let error = new(json!({ "AuthorizationHeaderScheme": "", "AuthorizationHeaderParameter": "TopSecretValue1" })).unwrap_err();
    assert!(!error.to_json().contains("TopSecretValue1"), "{}", error.to_json());
    let error = new(json!({ "Header": { "x-key": ["ok\r\nInjected: TopSecretValue1"] } })).unwrap_err();
    assert!(!error.to_json().contains("TopSecretValue1"), "{}", error.to_json());
    assert!(error.message.contains("-Header (x-key)") && error.message.contains("HTTP header value"), "{}", error.message);
}

#[test]
fn a_secure_string_value_stays_one_in_the_object() {
    let secure = json!({ "PSTypeName": "System.Security.SecureString", "Value": "kv-s3cret-key" });
    let object = new(json!({ "Header": { "x-api-key": secure.clone(), "x-plain": ["a", secure.clone()] } })).unwrap();
    assert_eq!(object["Header"]["x-api-key"], json!([secure.clone()]));
    assert_eq!(object["Header"]["x-plain"], json!(["a", secure]));
}

#[test]
fn a_value_json_cannot_carry_is_refused_naming_key_and_type() {
    let error = new(json!({ "Query": { "when": { "PSTypeName": "System.DateTime" } } })).unwrap_err();
    assert!(error.message.contains("-Query 'when'") && error.message.contains("System.DateTime"), "{}", error.message);
}

#[test]
fn the_c_function_answers_output_and_exchanges_or_the_error_json() {
    let (status, json) = call_c(r#"{"AuthorizationHeaderScheme":"basic","AuthorizationHeaderParameter":"p"}"#);
    assert_eq!(status, ApimStatus::Ok);
    assert_eq!(json["output"][0]["PSTypeName"], CREDENTIAL);
    assert_eq!(json["exchanges"], json!([]));

    let (status, json) = call_c(r#"{"AuthorizationHeaderScheme":"basic"}"#);
    assert_eq!(status, ApimStatus::InvalidArgument);
    assert_eq!(json["target"], "authorization.parameter");
    assert!(json["message"].as_str().unwrap().contains("-AuthorizationHeaderParameter"), "{json}");

    let (status, json) = call_c("[1]");
    assert_eq!(status, ApimStatus::InvalidArgument);
    assert_eq!(json["target"], "parameters_json");

    let mut out = std::ptr::null_mut();
    // SAFETY: NULL input is part of the contract; `out` is writable and freed below.
    let status = unsafe { apim_cmdlet_backend_credential_new(std::ptr::null(), &mut out) };
    assert_eq!(status, ApimStatus::NullArgument);
    // SAFETY: the library set `out`.
    unsafe { apim_string_free(out) };
}
