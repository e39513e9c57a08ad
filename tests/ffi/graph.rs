//! The apim_api_connector_* C ABI against the in-process emulator, called exactly as C would:
//! seed 003's examples, the certificate lifecycle, errors, NULL and bad-JSON guards.

use crate::ffi_support;
use crate::graph_support;

use apim_native::ffi::*;
use ffi_support::*;
use graph_support::{current_pfx, fixture, make_pfx, now, DAY};
use serde_json::json;
use std::ptr;

fn connector_ops() -> Vec<(&'static str, ClientOpFn)> {
    vec![
        ("apim_api_connector_create", apim_api_connector_create as ClientOpFn),
        ("apim_api_connector_get", apim_api_connector_get),
        ("apim_api_connector_list", apim_api_connector_list),
        ("apim_api_connector_update", apim_api_connector_update),
        ("apim_api_connector_delete", apim_api_connector_delete),
        ("apim_api_connector_upload_client_certificate", apim_api_connector_upload_client_certificate),
    ]
}

#[test]
fn seed_003_examples_through_the_c_abi() {
    let emulator = Emulator::start();
    let client = emulator.client();

    // Example 1: basic authentication.
    let request = json!({"body": fixture("seed003-example1.request.json")}).to_string();
    let (status, created) = op(apim_api_connector_create, client.ptr(), &request);
    assert_eq!(status, ApimStatus::Ok, "{created}");
    assert_eq!(created["status"], 201);
    let mut documented = fixture("seed003-example1.response.json");
    documented["id"] = created["body"]["id"].clone();
    documented["@odata.context"] = created["body"]["@odata.context"].clone();
    assert_eq!(created["body"], documented);
    assert!(created["exchanges"].as_array().is_some_and(|e| e.len() == 1));
    assert!(!created.to_string().contains("MyPassword"));

    // Example 2 verbatim: the placeholder pkcs12Value is refused before sending.
    let request = json!({"body": fixture("seed003-example2.request.json")}).to_string();
    let (status, refused) = op(apim_api_connector_create, client.ptr(), &request);
    assert_eq!(status, ApimStatus::InvalidArgument, "{refused}");
    assert_eq!(refused["code"], "ValidationError");
    assert_eq!(refused["target"], "authenticationConfiguration.pkcs12Value");
    assert_eq!(refused["category"], "InvalidArgument");
    assert!(refused.get("httpStatus").is_none(), "nothing was sent: {refused}");
    assert!(!refused.to_string().contains("CertificatePassword"));

    // Example 2 with a real PFX.
    let pfx = make_pfx("CertificatePassword", now() - DAY, now() + 365 * DAY);
    let mut body = fixture("seed003-example2.request.json");
    body["authenticationConfiguration"]["pkcs12Value"] = json!(pfx.base64);
    let (status, created) = op(apim_api_connector_create, client.ptr(), &json!({"body": body}).to_string());
    assert_eq!(status, ApimStatus::Ok, "{created}");
    assert_eq!(created["status"], 201);
    assert_eq!(created["body"]["authenticationConfiguration"], json!({
        "@odata.type": "#microsoft.graph.clientCertificateAuthentication",
        "certificateList": [{"thumbprint": pfx.thumbprint, "notAfter": pfx.not_after, "notBefore": pfx.not_before, "isActive": true}]}));
    let text = created.to_string();
    assert!(!text.contains("CertificatePassword") && !text.contains(&pfx.base64[..40]));
}

#[test]
fn lifecycle_through_the_c_abi() {
    let emulator = Emulator::start();
    let client = emulator.client();
    let (_, created) = op(apim_api_connector_create, client.ptr(), &json!({"body": fixture("seed003-example1.request.json")}).to_string());
    let id = created["body"]["id"].as_str().unwrap().to_string();

    let first = current_pfx("one");
    let patch = json!({"id": id, "body": {"authenticationConfiguration":
        {"@odata.type": "#microsoft.graph.pkcs12Certificate", "pkcs12Value": first.base64, "password": "one"}}});
    let (status, updated) = op(apim_api_connector_update, client.ptr(), &patch.to_string());
    assert_eq!(status, ApimStatus::Ok, "{updated}");
    assert_eq!((updated["status"].clone(), updated["body"].clone()), (json!(204), json!(null)));

    let second = make_pfx("two", now() - 60, now() + 10 * DAY);
    let upload = json!({"id": id, "body": {"pkcs12Value": second.base64, "password": "two"}});
    let (status, uploaded) = op(apim_api_connector_upload_client_certificate, client.ptr(), &upload.to_string());
    assert_eq!(status, ApimStatus::Ok, "{uploaded}");
    assert_eq!(uploaded["status"], 200);
    let active: Vec<bool> = uploaded["body"]["authenticationConfiguration"]["certificateList"].as_array().unwrap()
        .iter().map(|c| c["isActive"].as_bool().unwrap()).collect();
    assert_eq!(active, vec![false, true]);

    let (status, wrong) = op(apim_api_connector_upload_client_certificate, client.ptr(),
        &json!({"id": id, "body": {"pkcs12Value": second.base64, "password": "Not-The-One"}}).to_string());
    // The service answered the 400: APIM_STATUS_ERROR (INVALID_ARGUMENT is for refusals before
    // sending), with the category the module maps to PowerShell's InvalidArgument.
    assert_eq!(status, ApimStatus::Error, "{wrong}");
    assert_eq!(wrong["category"], "InvalidArgument", "{wrong}");
    assert_eq!((wrong["httpStatus"].clone(), wrong["target"].clone()), (json!(400), json!("password")));
    assert!(!wrong.to_string().contains("Not-The-One"));

    let (status, list) = op(apim_api_connector_list, client.ptr(), &json!({"count": true, "select": ["id"]}).to_string());
    assert_eq!(status, ApimStatus::Ok, "{list}");
    assert_eq!((list["count"].clone(), list["value"].as_array().unwrap().len()), (json!(1), 1));
    assert!(list.get("nextLink").is_some());

    let (status, got) = op(apim_api_connector_get, client.ptr(), &json!({"id": id}).to_string());
    assert_eq!(status, ApimStatus::Ok, "{got}");
    let etag = got["etag"].as_str().unwrap().to_string();
    let (status, stale) = op(apim_api_connector_delete, client.ptr(), &json!({"id": id, "ifMatch": "\"AAAAAAAAAAE=\""}).to_string());
    assert_eq!(status, ApimStatus::Error, "{stale}");
    assert_eq!(stale["httpStatus"], 412);
    let (status, deleted) = op(apim_api_connector_delete, client.ptr(), &json!({"id": id, "ifMatch": etag}).to_string());
    assert_eq!(status, ApimStatus::Ok, "{deleted}");
    assert_eq!(deleted["status"], 204);
    let (status, missing) = op(apim_api_connector_get, client.ptr(), &json!({"id": id}).to_string());
    assert_eq!(status, ApimStatus::Error);
    assert_eq!((missing["code"].clone(), missing["httpStatus"].clone(), missing["category"].clone()),
        (json!("Request_ResourceNotFound"), json!(404), json!("ObjectNotFound")));
    assert!(missing["requestId"].as_str().is_some_and(|r| !r.is_empty()));
}

#[test]
fn every_entry_point_guards_its_arguments() {
    let emulator = Emulator::start();
    let client = emulator.client();
    for (name, f) in connector_ops() {
        // NULL client and NULL request: NULL_ARGUMENT with an error naming the argument.
        let (status, error) = op(f, ptr::null(), "{}");
        assert_eq!(status, ApimStatus::NullArgument, "{name}: {error}");
        assert_eq!(error["target"], "client", "{name}");
        let mut out = ptr::null_mut();
        // SAFETY: valid client, NULL request on purpose, writable out.
        let status = unsafe { f(client.ptr(), ptr::null(), &mut out) };
        assert_eq!(status, ApimStatus::NullArgument, "{name}");
        let error = parse(&take(out));
        assert_eq!(error["target"], "request_json", "{name}");
        // NULL out_json: nothing to report into, nothing runs.
        let request = c("{}");
        // SAFETY: valid pointers except the deliberately NULL out.
        assert_eq!(unsafe { f(client.ptr(), request.as_ptr(), ptr::null_mut()) }, ApimStatus::NullArgument, "{name}");
        // Not JSON, and unknown fields.
        let (status, error) = op(f, client.ptr(), "{not json");
        assert_eq!(status, ApimStatus::InvalidArgument, "{name}: {error}");
        let (status, error) = op(f, client.ptr(), "{\"displayName\":\"x\"}");
        assert_eq!(status, ApimStatus::InvalidArgument, "{name}: unknown top-level field must be refused: {error}");
        // The refusal is for the unknown field itself (not, say, a missing id), in every operation.
        assert!(error.to_string().contains("displayName"), "{name}: the error names the unknown field: {error}");
    }
}

/// `-Headers` of the Graph cmdlets travel as the request's `headers` map through the C ABI:
/// an ordinary header reaches the service, and a header the library owns is refused, naming
/// it, before anything is sent and without echoing its value.
#[test]
fn request_headers_cross_the_c_abi() {
    let emulator = Emulator::start();
    let client = emulator.client();
    let (status, list) = op(apim_api_connector_list, client.ptr(),
        &json!({"headers": {"ConsistencyLevel": "eventual"}}).to_string());
    assert_eq!(status, ApimStatus::Ok, "{list}");

    let (status, refused) = op(apim_api_connector_list, client.ptr(),
        &json!({"headers": {"Authorization": "Bearer planted-secret-value"}}).to_string());
    assert_eq!(status, ApimStatus::InvalidArgument, "{refused}");
    assert_eq!(refused["target"], "headers.Authorization", "{refused}");
    assert!(!refused.to_string().contains("planted-secret-value"));
    assert!(refused.get("httpStatus").is_none(), "refused before anything was sent: {refused}");
}

/// Graph results carry every header of the final response (for `-ResponseHeadersVariable`);
/// backend (ARM) results keep their documented shape without them.
#[test]
fn graph_results_carry_the_response_headers() {
    let emulator = Emulator::start();
    let client = emulator.client();
    let (status, created) = op(apim_api_connector_create, client.ptr(), &json!({"body": fixture("seed003-example1.request.json")}).to_string());
    assert_eq!(status, ApimStatus::Ok, "{created}");
    let headers = created["headers"].as_object().expect("a headers map");
    let request_id = headers["request-id"][0].as_str().unwrap();
    assert!(!request_id.is_empty());
    assert_eq!(Some(request_id), created["exchanges"].as_array().unwrap().last().unwrap()["requestId"].as_str());
    assert!(headers["content-type"][0].as_str().unwrap().starts_with("application/json"));
    assert!(!headers.contains_key("set-cookie"));

    let (status, list) = op(apim_api_connector_list, client.ptr(), &json!({}).to_string());
    assert_eq!(status, ApimStatus::Ok, "{list}");
    assert!(list["headers"]["request-id"][0].as_str().is_some(), "{list}");

    let (status, backend) = op(apim_backend_create_or_update, client.ptr(),
        &request("b1", json!({"body": {"properties": {"url": "https://b1.example", "protocol": "http"}}})));
    assert_eq!(status, ApimStatus::Ok, "{backend}");
    assert!(backend.get("headers").is_none(), "{backend}");
}
