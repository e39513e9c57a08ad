//! The shared pieces: parameter getters (names, types, errors) and error renaming.

use apim_native::cmdlet::{ParameterNames, Parameters};
use apim_native::model::{ApimError, ErrorDetail};
use serde_json::json;

fn parameters(value: serde_json::Value) -> Parameters {
    Parameters::from_value(value).expect("an object")
}

#[test]
fn names_match_case_insensitively_and_null_is_absent_but_bound() {
    let p = parameters(json!({ "backendId": "b1", "Title": null }));
    assert_eq!(p.string("BackendId").unwrap().as_deref(), Some("b1"));
    assert_eq!(p.string("Title").unwrap(), None);
    assert!(p.contains("title"));
    assert!(!p.contains("Description"));
}

#[test]
fn a_wrong_type_is_refused_naming_the_parameter_and_the_type_never_the_value() {
    let p = parameters(json!({ "Url": 42, "Header": { "x-key": { "PSTypeName": "System.DateTime" } } }));
    let error = p.string("Url").unwrap_err();
    assert_eq!(error.target.as_deref(), Some("-Url"));
    assert!(error.message.contains("-Url must be a string"), "{}", error.message);
    let error = p.string_list_map("Header").unwrap_err();
    assert!(error.message.contains("-Header 'x-key'") && error.message.contains("System.DateTime"), "{}", error.message);
}

#[test]
fn nested_objects_name_their_owner_and_secure_strings_are_secrets() {
    let p = parameters(json!({
        "Credential": { "PSTypeName": "Deserialized.Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential",
                        "Authorization": { "Scheme": 7 } },
        "Password": { "PSTypeName": "System.Security.SecureString", "Value": "pa55" }
    }));
    let credential = p.object("Credential").unwrap().expect("bound");
    assert!(credential.is_type("Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential"));
    assert!(!credential.is_type("Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend"));
    let error = credential.object("Authorization").unwrap().unwrap().string("Scheme").unwrap_err();
    assert_eq!(error.target.as_deref(), Some("-Credential.Authorization.Scheme"));
    let secret = p.secret("Password").unwrap().expect("bound");
    assert_eq!(secret.0, "pa55");
    assert_eq!(format!("{secret:?}"), "<redacted>");
    // A SecureString is a value, not a hashtable of members.
    assert!(p.object("Password").is_err());
}

#[test]
fn renaming_uses_the_longest_path_keeps_the_deeper_part_and_leaves_prose_alone() {
    let names = ParameterNames(&[("properties.tls", "-Tls"), ("properties.tls.validateCertificateChain", "-SkipCertificateChainValidation"), ("header", "-Header")]);
    let error = ApimError::validation(vec![
        ErrorDetail::new("properties.tls.validateCertificateChain", "Required", "properties.tls.validateCertificateChain is required"),
        ErrorDetail::new("header.x-key", "Pattern", "header.x-key must not contain CR or LF (it is sent as an HTTP header value)"),
    ]);
    let renamed = names.rename(error);
    assert_eq!(renamed.details[0].message, "-SkipCertificateChainValidation is required");
    assert_eq!(renamed.details[1].message, "-Header (x-key) must not contain CR or LF (it is sent as an HTTP header value)");
    assert!(renamed.message.contains("-SkipCertificateChainValidation is required"), "{}", renamed.message);
    // The targets stay wire paths: the error JSON and ApimTarget tell the exact field.
    assert_eq!(renamed.details[0].target.as_deref(), Some("properties.tls.validateCertificateChain"));
    assert_eq!(renamed.target.as_deref(), Some("properties.tls.validateCertificateChain"));
    // A name that merely contains a target is left alone.
    let untouched = names.rename(ApimError::invalid_argument("header", "subheader and header_name stay, header goes"));
    assert_eq!(untouched.message, "subheader and header_name stay, -Header goes");
}

#[test]
fn renaming_also_names_the_other_paths_a_message_mentions_and_a_word_target_once() {
    let names = ParameterNames(&[("clientCertificateId", "-ClientCertificateId"), ("clientCertificatethumbprint", "-ClientCertificateThumbprint"), ("id", "-Id"), ("services", "-Service")]);
    // Only the first path is the target; the second is named all the same.
    let either = names.rename(ApimError::validation(vec![ErrorDetail::new(
        "clientCertificateId",
        "AtLeastOne",
        "clientCertificateId or clientCertificatethumbprint is required",
    )]));
    assert_eq!(either.message, "-ClientCertificateId or -ClientCertificateThumbprint is required");
    // A deeper path under a mapped one keeps its rest, also when it is not a target.
    let deeper = names.rename(ApimError::validation(vec![ErrorDetail::new("services", "MinItems", "services must hold services[0].id")]));
    assert_eq!(deeper.message, "-Service must hold -Service ([0].id)");
    // A word target is the subject once per detail; the same word in prose stays.
    let word = names.rename(ApimError::validation(vec![
        ErrorDetail::new("id", "Pattern", "id must be the ARM id of a backend"),
        ErrorDetail::new("id", "MinLength", "id must not be empty"),
    ]));
    assert_eq!(word.message, "2 validation errors: -Id must be the ARM id of a backend; -Id must not be empty");
    // A word that is not a target is never taken from prose.
    let prose = names.rename(ApimError::validation(vec![ErrorDetail::new("clientCertificateId", "Required", "clientCertificateId is required by the id rule")]));
    assert_eq!(prose.message, "-ClientCertificateId is required by the id rule");
}
