//! New-AzApiManagementBackendTls: always complete (Az issue #29209: a partial tls object is refused
//! by the service), Skip* inverted, X509 names with array values kept (Az sent "System.Object[]"),
//! objects given to -Tls read back, and the C function's contract.

use crate::support::{build, call_c, null_parameters_are_refused, object};
use apim_native::cmdlet::backend_tls;
use apim_native::ffi::{apim_cmdlet_backend_tls_new, ApimStatus};
use apim_native::model::tls::BackendTlsProperties;
use serde_json::{json, Value};

const TLS: &str = "ApimNative.BackendTls";

#[test]
fn the_rest_examples_become_complete_tls_objects() {
    // ApiManagementCreateBackendCustomAssignedCertificateThumbprint / ...X509Names, as the help shows them.
    let cases = [
        (
            json!({ "ServerCertificateThumbprint": "1365083bae61ee876fc26850b825d05d3eb2e503" }),
            json!({ "PSTypeName": TLS, "ValidateCertificateChain": true, "ValidateCertificateName": true,
                    "ServerCertificateThumbprints": ["1365083bae61ee876fc26850b825d05d3eb2e503"], "ServerX509Names": null }),
        ),
        (
            json!({ "ServerX509Name": { "*.badssl.com": null } }),
            json!({ "PSTypeName": TLS, "ValidateCertificateChain": true, "ValidateCertificateName": true,
                    "ServerCertificateThumbprints": null, "ServerX509Names": { "*.badssl.com": null } }),
        ),
        (
            json!({}),
            json!({ "PSTypeName": TLS, "ValidateCertificateChain": true, "ValidateCertificateName": true,
                    "ServerCertificateThumbprints": null, "ServerX509Names": null }),
        ),
    ];
    for (parameters, expected) in cases {
        assert_eq!(build(backend_tls::new, parameters.clone()).unwrap(), expected, "{parameters}");
    }
}

#[test]
fn skip_flags_are_the_inverted_validate_flags_and_null_is_not_given() {
    let cases = [
        (json!({ "SkipCertificateNameValidation": true }), (true, false)),
        (json!({ "SkipCertificateChainValidation": true, "SkipCertificateNameValidation": false }), (false, true)),
        (json!({ "SkipCertificateChainValidation": null }), (true, true)),
    ];
    for (parameters, (chain, name)) in cases {
        let object = build(backend_tls::new, parameters.clone()).unwrap();
        assert_eq!(object["ValidateCertificateChain"], chain, "{parameters}");
        assert_eq!(object["ValidateCertificateName"], name, "{parameters}");
    }
}

#[test]
fn every_issuer_of_an_array_value_is_its_own_entry_and_comes_back_as_the_array() {
    let built = build(backend_tls::new, json!({ "ServerX509Name": { "CN=a": ["T1", "T2"], "CN=b": "T3", "CN=c": [] } })).unwrap();
    assert_eq!(built["ServerX509Names"], json!({ "CN=a": ["T1", "T2"], "CN=b": "T3", "CN=c": null }));
    let wire = backend_tls::from_object(&object(built.clone())).unwrap();
    let names = serde_json::to_value(&wire.server_x509_names).unwrap();
    assert_eq!(
        names,
        json!([
            { "name": "CN=a", "issuerCertificateThumbprint": "T1" },
            { "name": "CN=a", "issuerCertificateThumbprint": "T2" },
            { "name": "CN=b", "issuerCertificateThumbprint": "T3" },
            { "name": "CN=c" }
        ])
    );
}

#[test]
fn a_wrong_value_is_refused_in_the_cmdlets_words() {
    let error = build(backend_tls::new, json!({ "ServerX509Name": { "CN=a": 42 } })).unwrap_err();
    assert!(error.message.contains("-ServerX509Name 'CN=a'") && error.message.contains("System.Int32"), "{}", error.message);
    let error = build(backend_tls::new, json!({ "ServerX509Name": "CN=a" })).unwrap_err();
    assert!(error.message.contains("-ServerX509Name must be a hashtable"), "{}", error.message);
    let error = build(backend_tls::new, json!({ "SkipCertificateNameValidation": "yes" })).unwrap_err();
    assert!(error.message.contains("-SkipCertificateNameValidation must be $true or $false"), "{}", error.message);
    let error = build(backend_tls::new, json!({ "ServerCertificateThumbprint": [1] })).unwrap_err();
    assert!(error.message.contains("-ServerCertificateThumbprint must hold strings"), "{}", error.message);
}

#[test]
fn complete_prefers_skip_then_the_object_then_true() {
    let given = BackendTlsProperties { validate_certificate_chain: Some(false), ..Default::default() };
    let cases = [
        (None, None, None, (true, true)),
        (Some(given.clone()), None, None, (false, true)),
        (Some(given.clone()), Some(false), Some(true), (true, false)),
    ];
    for (tls, skip_chain, skip_name, (chain, name)) in cases {
        let complete = backend_tls::complete(tls, skip_chain, skip_name);
        assert_eq!((complete.validate_certificate_chain, complete.validate_certificate_name), (Some(chain), Some(name)));
    }
}

#[test]
fn an_object_given_to_tls_becomes_the_wire_tls() {
    let cases = [
        json!({ "PSTypeName": TLS, "ValidateCertificateChain": false, "ValidateCertificateName": true,
                "ServerCertificateThumbprints": ["AB"], "ServerX509Names": { "CN=x": "I1" } }),
        json!({ "PSTypeName": format!("Deserialized.{TLS}"), "ValidateCertificateChain": false, "ValidateCertificateName": true,
                "ServerCertificateThumbprints": "AB", "ServerX509Names": { "CN=x": ["I1"] } }),
        json!({ "validatecertificatechain": false, "ValidateCertificateName": true, "serverCertificateThumbprints": ["AB"],
                "serverx509names": { "CN=x": "I1" } }),
    ];
    for given in cases {
        let wire = serde_json::to_value(backend_tls::from_object(&object(given.clone())).unwrap()).unwrap();
        assert_eq!(
            wire,
            json!({ "validateCertificateChain": false, "validateCertificateName": true, "serverCertificateThumbprints": ["AB"],
                    "serverX509Names": [{ "name": "CN=x", "issuerCertificateThumbprint": "I1" }] }),
            "{given}"
        );
    }
    let partial = backend_tls::from_object(&object(json!({ "ServerCertificateThumbprints": null }))).unwrap();
    assert_eq!(partial, BackendTlsProperties::default(), "from_object does not complete: the caller's -Skip* decide");
}

#[test]
fn the_wire_tls_the_service_returns_becomes_the_object() {
    // The 2019 recording's backend has a partial tls (only validateCertificateChain).
    let wire = serde_json::from_value(json!({ "validateCertificateChain": false })).unwrap();
    assert_eq!(
        backend_tls::to_object(&wire),
        json!({ "PSTypeName": TLS, "ValidateCertificateChain": false, "ValidateCertificateName": null,
                "ServerCertificateThumbprints": null, "ServerX509Names": null })
    );
}

#[test]
fn the_c_function_answers_output_and_exchanges_or_the_error_json() {
    let (status, json) = call_c(apim_cmdlet_backend_tls_new, r#"{"SkipCertificateChainValidation":true}"#);
    assert_eq!(status, ApimStatus::Ok);
    assert_eq!(json["output"][0]["PSTypeName"], TLS);
    assert_eq!(json["output"][0]["ValidateCertificateChain"], false);
    assert_eq!(json["exchanges"], json!([]));

    let (status, json) = call_c(apim_cmdlet_backend_tls_new, r#"{"ServerX509Name":{"CN=a":{"k":1}}}"#);
    assert_eq!(status, ApimStatus::InvalidArgument);
    assert_eq!(json["target"], "-ServerX509Name");
    assert_ne!(json["message"], Value::Null);
    null_parameters_are_refused(apim_cmdlet_backend_tls_new);
}
