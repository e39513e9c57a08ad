//! New-AzApiManagementBackendServiceFabric: the Az help example and the REST example
//! ApiManagementCreateBackendServiceFabric, Az's quirks (array X509 values sent as "System.Object[]",
//! an absent thumbprint list sent as []), the model's rules in the cmdlet's words, objects given to
//! -ServiceFabricCluster read back, and the C function's contract.

use crate::support::{build, call_c, null_parameters_are_refused, object};
use apim_native::cmdlet::backend_service_fabric;
use apim_native::ffi::{apim_cmdlet_backend_service_fabric_new, ApimStatus};
use serde_json::{json, Value};

const SERVICE_FABRIC: &str = "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementServiceFabric";
const CERTIFICATE_ID: &str =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/certificates/cert1";

#[test]
fn the_az_and_rest_examples_become_the_az_object() {
    let cases = [
        (
            json!({ "ManagementEndpoint": ["https://sfbackend-01.net:443", "https://sfbackend-02.net:443"],
                    "ClientCertificateThumbprint": "33CC47C6FCA848DC9B14A6F071C1EF7C",
                    "ServerX509Name": { "CN=foobar.net": ["33CC47C6FCA848DC9B14A6F071C1EF7C"] } }),
            json!({ "PSTypeName": SERVICE_FABRIC, "ClientCertificateThumbprint": "33CC47C6FCA848DC9B14A6F071C1EF7C",
                    "ClientCertificateId": null, "MaxPartitionResolutionRetries": null,
                    "ManagementEndpoints": ["https://sfbackend-01.net:443", "https://sfbackend-02.net:443"],
                    "ServerX509Names": { "CN=foobar.net": "33CC47C6FCA848DC9B14A6F071C1EF7C" }, "ServerCertificateThumbprint": null }),
        ),
        (
            json!({ "ManagementEndpoint": "https://somecluster.com", "ClientCertificateId": CERTIFICATE_ID,
                    "MaxPartitionResolutionRetry": 5, "ServerX509Name": { "ServerCommonName1": "IssuerCertificateThumbprint1" } }),
            json!({ "PSTypeName": SERVICE_FABRIC, "ClientCertificateThumbprint": null, "ClientCertificateId": CERTIFICATE_ID,
                    "MaxPartitionResolutionRetries": 5, "ManagementEndpoints": ["https://somecluster.com"],
                    "ServerX509Names": { "ServerCommonName1": "IssuerCertificateThumbprint1" }, "ServerCertificateThumbprint": null }),
        ),
    ];
    for (parameters, expected) in cases {
        assert_eq!(build(backend_service_fabric::new, parameters.clone()).unwrap(), expected, "{parameters}");
    }
}

#[test]
fn the_rest_example_object_is_the_rest_examples_wire_body() {
    let built = build(
        backend_service_fabric::new,
        json!({ "ManagementEndpoint": ["https://somecluster.com"], "ClientCertificateId": CERTIFICATE_ID,
                "MaxPartitionResolutionRetry": 5, "ServerX509Name": { "ServerCommonName1": "IssuerCertificateThumbprint1" } }),
    )
    .unwrap();
    let wire = serde_json::to_value(backend_service_fabric::from_object(&object(built)).unwrap()).unwrap();
    assert_eq!(
        wire,
        json!({ "clientCertificateId": CERTIFICATE_ID, "maxPartitionResolutionRetries": 5, "managementEndpoints": ["https://somecluster.com"],
                "serverX509Names": [{ "name": "ServerCommonName1", "issuerCertificateThumbprint": "IssuerCertificateThumbprint1" }] })
    );
}

#[test]
fn the_model_rules_are_reported_in_the_cmdlets_words() {
    let cases = [
        (json!({ "ManagementEndpoint": ["https://c"], "ServerCertificateThumbprint": "T" }), "-ClientCertificateId or -ClientCertificateThumbprint"),
        (json!({ "ManagementEndpoint": ["https://c"], "ClientCertificateThumbprint": "" , "ServerCertificateThumbprint": "T" }), "-ClientCertificateId"),
        (json!({ "ManagementEndpoint": ["https://c"], "ClientCertificateThumbprint": "AA" }), "-ServerCertificateThumbprint or"),
        (json!({ "ManagementEndpoint": ["https://c"], "ClientCertificateThumbprint": "AA", "ServerCertificateThumbprint": "T", "ServerX509Name": { "CN=a": "I" } }), "-ServerCertificateThumbprint and"),
        (json!({ "ManagementEndpoint": [""], "ClientCertificateThumbprint": "AA", "ServerCertificateThumbprint": "T" }), "-ManagementEndpoint ([0])"),
        (json!({ "ClientCertificateThumbprint": "AA", "ServerCertificateThumbprint": "T" }), "-ManagementEndpoint is required"),
        (json!({ "ManagementEndpoint": "https://c", "ClientCertificateThumbprint": "AA", "ServerCertificateThumbprint": "T", "MaxPartitionResolutionRetry": 5_000_000_000i64 }), "-MaxPartitionResolutionRetry must be a 32-bit"),
    ];
    for (parameters, expected) in cases {
        let error = build(backend_service_fabric::new, parameters.clone()).unwrap_err();
        assert!(error.message.contains(expected), "{parameters}: {}", error.message);
    }
}

#[test]
fn an_object_given_to_service_fabric_cluster_becomes_the_wire_form() {
    let expected = json!({ "clientCertificatethumbprint": "AA", "managementEndpoints": ["https://c"], "serverCertificateThumbprints": ["T"] });
    let cases = [
        json!({ "PSTypeName": SERVICE_FABRIC, "ClientCertificateThumbprint": "AA", "ClientCertificateId": null,
                "MaxPartitionResolutionRetries": null, "ManagementEndpoints": ["https://c"], "ServerX509Names": null, "ServerCertificateThumbprint": ["T"] }),
        // The module's earlier objects had an empty ClientCertificateId; a deserialized copy keeps it.
        json!({ "PSTypeName": format!("Deserialized.{SERVICE_FABRIC}"), "ClientCertificateThumbprint": "AA", "ClientCertificateId": "",
                "ManagementEndpoints": "https://c", "ServerCertificateThumbprint": "T" }),
        json!({ "clientcertificatethumbprint": "AA", "managementendpoints": ["https://c"], "servercertificatethumbprint": ["T"] }),
    ];
    for given in cases {
        let wire = serde_json::to_value(backend_service_fabric::from_object(&object(given.clone())).unwrap()).unwrap();
        assert_eq!(wire, expected, "{given}");
    }
}

#[test]
fn the_wire_form_the_service_returns_becomes_the_object() {
    // The 2022 recording: the service answers clientCertificateThumbprint (capital T), the id it
    // added, the default retries and the empty thumbprint list Az sent.
    let wire = serde_json::from_value(json!({
        "clientCertificateThumbprint": "8E989652", "clientCertificateId": CERTIFICATE_ID, "maxPartitionResolutionRetries": 3,
        "managementEndpoints": ["https://sfbackend-01.net:443"], "serverCertificateThumbprints": [],
        "serverX509Names": [{ "name": "CN=foobar.net", "issuerCertificateThumbprint": "8E989652" }]
    }))
    .unwrap();
    let shown = backend_service_fabric::to_object(&wire);
    assert_eq!(shown["ClientCertificateThumbprint"], "8E989652");
    assert_eq!(shown["MaxPartitionResolutionRetries"], 3);
    assert_eq!(shown["ServerCertificateThumbprint"], json!([]));
    assert_eq!(shown["ServerX509Names"], json!({ "CN=foobar.net": "8E989652" }));
}

#[test]
fn the_c_function_answers_output_and_exchanges_or_the_error_json() {
    let (status, json) =
        call_c(apim_cmdlet_backend_service_fabric_new, r#"{"ManagementEndpoint":"https://c","ClientCertificateThumbprint":"AA","ServerCertificateThumbprint":"T"}"#);
    assert_eq!(status, ApimStatus::Ok);
    assert_eq!(json["output"][0]["PSTypeName"], SERVICE_FABRIC);
    assert_eq!(json["exchanges"], json!([]));

    let (status, json) = call_c(apim_cmdlet_backend_service_fabric_new, r#"{"ManagementEndpoint":"https://c","ServerCertificateThumbprint":"T"}"#);
    assert_eq!(status, ApimStatus::InvalidArgument);
    assert_eq!(json["code"], "ValidationError");
    assert_eq!(json["target"], "clientCertificateId");
    assert_ne!(json["message"], Value::Null);
    null_parameters_are_refused(apim_cmdlet_backend_service_fabric_new);
}
