//! The PsApiManagementBackend object both ways, without a service: seed 004's request bodies built
//! from the cmdlet's parameters, its responses shown as Az shows them, and the quirks of
//! az-apim-cmdlets.md (Properties is the TLS-only dictionary with inverted skip keys, a complete tls
//! object whenever one flag is given (Az issue #29209), -Pool implies -Type Pool, a piped object's
//! empty properties are "not given", Set's -InputObject values are the starting point).

use apim_native::cmdlet::backend::{properties_from_parameters, read_wire, to_object, BACKEND_TYPE};
use apim_native::cmdlet::backend_address::ServiceScope;
use apim_native::cmdlet::backend_credential::SecureValues;
use apim_native::cmdlet::Parameters;
use apim_native::model::tls::BackendTlsProperties;
use serde_json::{json, Value};

const CONTEXT_TYPE: &str = "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext";
const SERVICE: &str = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1";

fn parameters(value: Value) -> Parameters {
    Parameters::from_value(value).expect("the test's parameters are an object")
}

/// The `properties` a New-AzApiManagementBackend call sends.
fn built(value: Value) -> Value {
    Value::Object(properties_from_parameters(&parameters(value), None, None).expect("valid parameters").properties)
}

/// One example of seed 004: its request body, or its response body.
fn seed(example: &str, part: &str) -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds/backend-create-or-update.md")).unwrap();
    // The name also stands in the seed's list of examples: the section is where a request follows it.
    let start = text
        .match_indices(&format!("\n{example}\n"))
        .map(|(at, _)| at)
        .find(|at| text[at + example.len() + 2..].trim_start().starts_with("Sample request"))
        .unwrap_or_else(|| panic!("seed 004 has {example}"));
    let rest = &text[start..];
    let at = rest.find(part).unwrap_or_else(|| panic!("{example} has a {part}"));
    let body = &rest[at..];
    let open = body.find('{').unwrap();
    let mut stream = serde_json::Deserializer::from_str(&body[open..]).into_iter::<Value>();
    stream.next().unwrap().unwrap()
}

fn context() -> Value {
    json!({ "PSTypeName": CONTEXT_TYPE, "ResourceGroupName": "rg1", "ServiceName": "apimService1",
            "SubscriptionId": "00000000-0000-0000-0000-000000000000", "Endpoint": null, "ApiVersion": null, "WorkspaceId": null })
}

fn scope() -> ServiceScope {
    ServiceScope::from_parameter(&parameters(json!({ "Context": context() }))).unwrap()
}

fn secure(text: &str) -> Value {
    json!({ "PSTypeName": "System.Security.SecureString", "Value": text })
}

#[test]
fn seed_requests_are_built_from_the_cmdlet_parameters() {
    let credential = json!({
        "PSTypeName": "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential",
        "Certificate": null, "CertificateIds": null,
        "Query": { "sv": ["xx", "bb", "cc"] }, "Header": { "x-my-1": ["val1", "val2"] },
        "Authorization": { "PSTypeName": "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementAuthorizationHeaderCredential", "Scheme": "Basic", "Parameter": "opensesma" }
    });
    let proxy = json!({
        "PSTypeName": "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendProxy",
        "Url": "http://192.168.1.1:8080",
        "ProxyCredentials": { "PSTypeName": "System.Management.Automation.PSCredential", "UserName": "Contoso\\admin", "Password": secure("<password>") }
    });
    let tls = json!({ "PSTypeName": "ApimNative.BackendTls", "ValidateCertificateChain": true, "ValidateCertificateName": true,
                      "ServerCertificateThumbprints": ["1365083bae61ee876fc26850b825d05d3eb2e503"], "ServerX509Names": null });
    let cases = [
        ("ApiManagementCreateBackendWithAzureRegion", json!({ "Url": "https://backendname2644/", "Protocol": "http", "AzureRegion": "northeurope" })),
        (
            "ApiManagementCreateBackendProxyBackend",
            json!({ "Url": "https://backendname2644/", "Protocol": "http", "Description": "description5308", "Credential": credential,
                    "Proxy": proxy, "SkipCertificateChainValidation": false, "SkipCertificateNameValidation": false }),
        ),
        (
            "ApiManagementCreateBackendCustomAssignedCertificateThumbprint",
            json!({ "Url": "https://self-signed.badssl.com/", "Protocol": "http", "Description": "Custom Assigned certificate Example", "Tls": tls }),
        ),
    ];
    for (example, given) in cases {
        assert_eq!(built(given), seed(example, "Sample request")["properties"], "{example}");
    }
}

#[test]
fn one_skip_flag_still_sends_a_complete_tls_object() {
    // Az issue #29209: Az sent only the given flag, which the service now refuses.
    for (given, chain, name) in [
        (json!({ "SkipCertificateChainValidation": true }), false, true),
        (json!({ "SkipCertificateNameValidation": true }), true, false),
        (json!({ "SkipCertificateChainValidation": null }), true, true),
        (json!({ "Tls": { "ValidateCertificateChain": false }, "SkipCertificateNameValidation": true }), false, false),
        (json!({ "Tls": { "ValidateCertificateChain": false }, "SkipCertificateChainValidation": false }), true, true),
    ] {
        let tls = &built(given.clone())["tls"];
        assert_eq!(tls["validateCertificateChain"], json!(chain), "{given}");
        assert_eq!(tls["validateCertificateName"], json!(name), "{given}");
    }
    assert!(built(json!({ "Url": "https://x/" })).get("tls").is_none(), "no TLS parameter, no tls");
}

#[test]
fn a_parameter_given_empty_is_sent_and_a_piped_object_s_empty_property_is_not() {
    // An empty -Title is sent, so the rules name -Title; an -InputObject's empty Description is its
    // unset property.
    assert_eq!(built(json!({ "Title": "" }))["title"], json!(""));
    let base = parameters(json!({ "PSTypeName": BACKEND_TYPE, "Url": "https://base/", "Protocol": "soap", "Description": "", "Title": "kept" }));
    let body = properties_from_parameters(&parameters(json!({ "Title": "renamed" })), Some(&base), None).unwrap().properties;
    assert_eq!(Value::Object(body), json!({ "url": "https://base/", "protocol": "soap", "title": "renamed" }));
}

#[test]
fn set_keeps_the_current_tls_flag_that_was_not_given() {
    let current = BackendTlsProperties { validate_certificate_chain: Some(true), validate_certificate_name: Some(false), ..Default::default() };
    let body = properties_from_parameters(&parameters(json!({ "SkipCertificateChainValidation": true })), None, Some(current)).unwrap();
    assert_eq!(body.properties["tls"], json!({ "validateCertificateChain": false, "validateCertificateName": false }));
    // A piped backend object's Tls is its current TLS, sent whole.
    let base = parameters(json!({ "Tls": { "PSTypeName": "Deserialized.ApimNative.BackendTls", "ValidateCertificateChain": false, "ValidateCertificateName": true } }));
    let body = properties_from_parameters(&parameters(json!({})), Some(&base), None).unwrap();
    assert_eq!(body.properties["tls"], json!({ "validateCertificateChain": false, "validateCertificateName": true }));
}

#[test]
fn a_wrong_parameter_type_is_refused_naming_the_parameter() {
    let error = properties_from_parameters(&parameters(json!({ "Title": 5 })), None, None).unwrap_err();
    assert!(error.message.contains("-Title must be a string"), "{}", error.message);
    let error = properties_from_parameters(&parameters(json!({ "SkipCertificateChainValidation": "yes" })), None, None).unwrap_err();
    assert!(error.message.contains("-SkipCertificateChainValidation must be $true or $false"), "{}", error.message);
}

#[test]
fn a_seed_response_becomes_az_s_backend_object() {
    let wire = read_wire(&seed("ApiManagementCreateBackendProxyBackend", "Sample response")).unwrap();
    let object = to_object(&wire, Some("\"AAAAAAAAAAE=\""), &scope(), &SecureValues::none());
    assert_eq!(object["PSTypeName"], json!(BACKEND_TYPE));
    assert_eq!(object["Id"], json!(format!("{SERVICE}/backends/proxybackend")));
    assert_eq!(object["BackendId"], json!("proxybackend"));
    assert_eq!((&object["ResourceGroupName"], &object["ServiceName"]), (&json!("rg1"), &json!("apimService1")));
    assert_eq!(object["Url"], json!("https://backendname2644/"));
    assert_eq!(object["Protocol"], json!("http"));
    assert_eq!(object["Description"], json!("description5308"));
    // Az's Properties: the TLS flags only, inverted to skip keys.
    assert_eq!(object["Properties"], json!({ "skipCertificateChainValidation": true, "skipCertificateNameValidation": true }));
    assert_eq!(object["Credentials"]["Authorization"]["Scheme"], json!("Basic"));
    assert_eq!(object["Proxy"]["Url"], json!("http://192.168.1.1:8080"));
    assert_eq!(object["Tls"]["ValidateCertificateChain"], json!(false));
    assert_eq!(object["ETag"], json!("\"AAAAAAAAAAE=\""));
    assert_eq!(object["Context"], context());
    for unset in ["Title", "ResourceId", "AzureRegion", "Pool", "CircuitBreaker", "ServiceFabricCluster", "Type"] {
        assert_eq!(object[unset], Value::Null, "{unset}");
    }
}

#[test]
fn without_tls_properties_is_null_and_the_address_comes_from_the_id() {
    let wire = read_wire(&json!({
        "id": "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/other/providers/Microsoft.ApiManagement/service/svc2/workspaces/wks1/backends/b1",
        "name": "b1",
        "properties": { "url": "https://b1/", "protocol": "http" }
    }))
    .unwrap();
    let object = to_object(&wire, None, &scope(), &SecureValues::none());
    assert_eq!(object["Properties"], Value::Null);
    assert_eq!(object["Tls"], Value::Null);
    assert_eq!(object["ETag"], Value::Null, "list items have no ETag");
    assert_eq!(object["SubscriptionId"], json!("11111111-1111-1111-1111-111111111111"));
    assert_eq!(object["ResourceGroupName"], json!("other"));
    assert_eq!(object["ServiceName"], json!("svc2"));
    // Without an id (a service that left it out), the context's address.
    let object = to_object(&read_wire(&json!({ "name": "b2", "properties": {} })).unwrap(), None, &scope(), &SecureValues::none());
    assert_eq!((&object["ResourceGroupName"], &object["Id"]), (&json!("rg1"), &json!("")));
}

#[test]
fn a_piped_object_without_context_gets_one_from_its_own_address() {
    let scope = ServiceScope::from_backend_object(&parameters(json!({
        "PSTypeName": "Deserialized.Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend",
        "ResourceGroupName": "rg9", "ServiceName": "svc9", "SubscriptionId": "", "BackendId": "b"
    })))
    .unwrap();
    assert_eq!((scope.resource_group_name.as_str(), scope.service_name.as_str()), ("rg9", "svc9"));
    assert_eq!(scope.subscription_id, None, "an empty subscription falls back to the client's");
    assert_eq!(scope.context["PSTypeName"], json!(CONTEXT_TYPE));
    assert_eq!(scope.context["ResourceGroupName"], json!("rg9"));
    let request = scope.request(Some("b"));
    assert_eq!((request.backend_id.as_deref(), request.workspace_id.as_deref()), (Some("b"), None));
}

#[test]
fn a_wire_backend_of_the_wrong_shape_is_an_error_not_a_crash() {
    let error = read_wire(&json!({ "name": 5 })).unwrap_err();
    assert!(error.message.contains("cannot read"), "{}", error.message);
}
