//! Every backend operation through the C ABI against the in-process emulator started with
//! apim_emulator_start: the status codes, ETags and error JSON a C caller sees.

use crate::ffi_support;

use apim_native::ffi::*;
use ffi_support::*;
use serde_json::json;

fn backend_body(description: &str) -> serde_json::Value {
    json!({"properties": {"description": description, "url": "https://backend.contoso.example/api", "protocol": "http"}})
}

#[test]
fn full_lifecycle_through_the_c_abi() {
    let emulator = Emulator::start();
    let client = emulator.client();

    // create: 201 with an ETag and the stored backend
    let (status, created) = op(apim_backend_create_or_update, client.ptr(), &request("ffi-b1", json!({"body": backend_body("first")})));
    assert_eq!(status, ApimStatus::Ok, "{created}");
    assert_eq!(created["status"], 201, "{created}");
    let etag1 = created["etag"].as_str().expect("etag").to_string();
    assert!(!etag1.is_empty());
    assert_eq!(created["body"]["name"], "ffi-b1", "{created}");
    assert_eq!(created["body"]["properties"]["description"], "first");
    assert!(created["exchanges"].as_array().is_some_and(|e| !e.is_empty()), "{created}");

    // replace: 200 and a new ETag
    let (status, replaced) = op(apim_backend_create_or_update, client.ptr(), &request("ffi-b1", json!({"body": backend_body("second")})));
    assert_eq!(status, ApimStatus::Ok, "{replaced}");
    assert_eq!(replaced["status"], 200);
    let etag2 = replaced["etag"].as_str().unwrap().to_string();
    assert_ne!(etag1, etag2);

    // get and get_entity_tag agree on the ETag
    let (status, got) = op(apim_backend_get, client.ptr(), &request("ffi-b1", json!({})));
    assert_eq!(status, ApimStatus::Ok, "{got}");
    assert_eq!(got["body"]["properties"]["description"], "second");
    assert_eq!(got["etag"], etag2.as_str());
    let (status, tag) = op(apim_backend_get_entity_tag, client.ptr(), &request("ffi-b1", json!({})));
    assert_eq!(status, ApimStatus::Ok, "{tag}");
    assert_eq!(tag["etag"], etag2.as_str());

    // list sees it
    let (status, list) = op(apim_backend_list, client.ptr(), &request("ignored", json!({})).replace(",\"backendId\":\"ignored\"", ""));
    assert_eq!(status, ApimStatus::Ok, "{list}");
    let names: Vec<&str> = list["value"].as_array().unwrap().iter().filter_map(|b| b["name"].as_str()).collect();
    assert!(names.contains(&"ffi-b1"), "{list}");
    assert!(list.get("nextLink").is_some(), "{list}");

    // update with a stale ETag: 412 PreconditionFailed as APIM_STATUS_ERROR
    let patch = json!({"properties": {"description": "patched"}});
    let (status, stale) = op(apim_backend_update, client.ptr(), &request("ffi-b1", json!({"ifMatch": etag1, "body": patch})));
    assert_eq!(status, ApimStatus::Error, "{stale}");
    assert_eq!(stale["httpStatus"], 412, "{stale}");
    assert_eq!(stale["code"], "PreconditionFailed", "{stale}");

    // update with the current ETag
    let (status, updated) = op(apim_backend_update, client.ptr(), &request("ffi-b1", json!({"ifMatch": etag2, "body": patch})));
    assert_eq!(status, ApimStatus::Ok, "{updated}");
    assert_eq!(updated["body"]["properties"]["description"], "patched", "{updated}");
    assert_eq!(updated["body"]["properties"]["url"], "https://backend.contoso.example/api");

    // reconnect is accepted
    let (status, reconnected) = op(apim_backend_reconnect, client.ptr(), &request("ffi-b1", json!({"body": {"properties": {"after": "PT2M"}}})));
    assert_eq!(status, ApimStatus::Ok, "{reconnected}");
    assert_eq!(reconnected["status"], 202, "{reconnected}");

    // delete, then get is a 404 ResourceNotFound with the ObjectNotFound category
    let (status, deleted) = op(apim_backend_delete, client.ptr(), &request("ffi-b1", json!({"ifMatch": "*"})));
    assert_eq!(status, ApimStatus::Ok, "{deleted}");
    assert_eq!(deleted["status"], 200, "{deleted}");
    let (status, missing) = op(apim_backend_get, client.ptr(), &request("ffi-b1", json!({})));
    assert_eq!(status, ApimStatus::Error, "{missing}");
    assert_eq!(missing["httpStatus"], 404);
    assert_eq!(missing["code"], "ResourceNotFound");
    assert_eq!(missing["category"], "ObjectNotFound");
}

#[test]
fn an_invalid_body_is_rejected_before_sending_with_every_field_path() {
    let emulator = Emulator::start();
    let client = emulator.client();
    // url missing, protocol not in the enum, title too long: three rules, all reported at once.
    let body = json!({"properties": {"protocol": "gopher", "title": "t".repeat(301)}});
    let (status, error) = op(apim_backend_create_or_update, client.ptr(), &request("bad", json!({"body": body})));
    assert_eq!(status, ApimStatus::InvalidArgument, "{error}");
    assert_eq!(error["code"], "ValidationError");
    let targets: Vec<&str> = error["details"].as_array().unwrap().iter().filter_map(|d| d["target"].as_str()).collect();
    for field in ["properties.url", "properties.protocol", "properties.title"] {
        assert!(targets.contains(&field), "{field} missing from {error}");
    }
    assert!(error.get("httpStatus").is_none(), "nothing was sent: {error}");
    // and nothing was created
    let (status, error) = op(apim_backend_get, client.ptr(), &request("bad", json!({})));
    assert_eq!(status, ApimStatus::Error, "{error}");
    assert_eq!(error["httpStatus"], 404, "the service has no such backend: {error}");
    assert_eq!(error["code"], "ResourceNotFound", "{error}");
}

#[test]
fn a_bad_address_is_an_invalid_argument_naming_the_field() {
    let emulator = Emulator::start();
    let client = emulator.client();
    let bad = json!({"subscriptionId": SUB, "resourceGroupName": "rg1", "serviceName": "bad name!", "backendId": "b1"}).to_string();
    let (status, error) = op(apim_backend_get, client.ptr(), &bad);
    assert_eq!(status, ApimStatus::InvalidArgument, "{error}");
    let text = error.to_string();
    assert!(text.contains("serviceName"), "{error}");
}

#[test]
fn the_emulator_stops_and_its_port_is_released() {
    let emulator = Emulator::start();
    let address = emulator.base_url.trim_start_matches("http://").to_string();
    assert!(std::net::TcpStream::connect(&address).is_ok());
    drop(emulator); // apim_emulator_stop
    assert!(std::net::TcpStream::connect(&address).is_err(), "still listening on {address} after stop");
}

#[test]
fn list_pages_with_top_one_page_and_next_link() {
    let emulator = Emulator::start();
    let client = emulator.client();
    for i in 0..5 {
        let (status, out) = op(apim_backend_create_or_update, client.ptr(), &request(&format!("page-{i}"), json!({"body": backend_body("p")})));
        assert_eq!(status, ApimStatus::Ok, "{out}");
    }
    let address = json!({"subscriptionId": SUB, "resourceGroupName": "rg1", "serviceName": "apimService1"});

    // Following every page (the default) returns all five.
    let (status, all) = op(apim_backend_list, client.ptr(), &address.to_string());
    assert_eq!(status, ApimStatus::Ok, "{all}");
    assert_eq!(all["value"].as_array().unwrap().len(), 5, "{all}");

    // One page of two, then continue from its nextLink.
    let mut first = address.clone();
    first["top"] = json!(2);
    first["onePage"] = json!(true);
    let (status, page) = op(apim_backend_list, client.ptr(), &first.to_string());
    assert_eq!(status, ApimStatus::Ok, "{page}");
    assert_eq!(page["value"].as_array().unwrap().len(), 2, "{page}");
    let next = page["nextLink"].as_str().expect("a nextLink after a partial page").to_string();
    let mut second = address.clone();
    second["nextLink"] = json!(next);
    second["onePage"] = json!(true);
    let (status, page2) = op(apim_backend_list, client.ptr(), &second.to_string());
    assert_eq!(status, ApimStatus::Ok, "{page2}");
    assert_eq!(page2["value"].as_array().unwrap().len(), 2, "{page2}");
    let names = |p: &serde_json::Value| -> Vec<String> {
        p["value"].as_array().unwrap().iter().map(|b| b["name"].as_str().unwrap().to_string()).collect()
    };
    assert!(names(&page).iter().all(|n| !names(&page2).contains(n)), "pages overlap: {page} {page2}");

    // $filter reaches the service.
    let mut filtered = address.clone();
    filtered["filter"] = json!("name eq 'page-3'");
    let (status, one) = op(apim_backend_list, client.ptr(), &filtered.to_string());
    assert_eq!(status, ApimStatus::Ok, "{one}");
    assert_eq!(names(&one), vec!["page-3".to_string()], "{one}");
}

/// The C ABI contract for If-Match and for who refused a request: update and delete without
/// `ifMatch` are refused before sending (INVALID_ARGUMENT naming ifMatch); a 400 the service
/// answers is APIM_STATUS_ERROR with its httpStatus, so a caller can tell the two apart.
#[test]
fn if_match_is_required_and_service_400_is_an_error_status() {
    let emulator = Emulator::start();
    let client = emulator.client();
    let (status, _) = op(apim_backend_create_or_update, client.ptr(), &request("ffi-im", json!({"body": backend_body("x")})));
    assert_eq!(status, ApimStatus::Ok);

    let patch = json!({"properties": {"description": "patched"}});
    let (status, err) = op(apim_backend_update, client.ptr(), &request("ffi-im", json!({"body": patch})));
    assert_eq!(status, ApimStatus::InvalidArgument, "{err}");
    assert_eq!(err["target"], "ifMatch", "{err}");
    assert!(err["httpStatus"].is_null(), "nothing was sent: {err}");
    assert!(err["exchanges"].as_array().is_none_or(|e| e.is_empty()), "{err}");
    let (status, err) = op(apim_backend_delete, client.ptr(), &request("ffi-im", json!({})));
    assert_eq!(status, ApimStatus::InvalidArgument, "{err}");
    assert_eq!(err["target"], "ifMatch", "{err}");
    // The backend is still there: neither call reached the emulator.
    let (status, got) = op(apim_backend_get, client.ptr(), &request("ffi-im", json!({})));
    assert_eq!((status, got["body"]["properties"]["description"].as_str()), (ApimStatus::Ok, Some("x")));

    // A pool whose member does not exist passes the client's checks (it cannot know) and the
    // service answers 400: APIM_STATUS_ERROR, httpStatus 400, the service's details.
    let member = format!("/subscriptions/{SUB}/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/nowhere");
    let pool = json!({"properties": {"type": "Pool", "pool": {"services": [{"id": member}]}}});
    let (status, err) = op(apim_backend_create_or_update, client.ptr(), &request("ffi-pool", json!({"body": pool})));
    assert_eq!(status, ApimStatus::Error, "{err}");
    assert_eq!(err["httpStatus"], 400, "{err}");
    assert_eq!(err["code"], "ValidationError", "{err}");
    assert_eq!(err["category"], "InvalidArgument", "{err}");
    assert_eq!(err["details"][0]["target"], "pool", "{err}");
    assert_eq!(err["details"][0]["message"], "Backend Entity 'nowhere' not found.", "{err}");
}

/// A PUT's or PATCH's body is checked straight from the request's text (issue 11); every text
/// the short way hands back to the full decoder must still mean what it meant: an escaped
/// member name, a repeated `body` (the last one counts, as in any JSON object read into a
/// value), `null`, a non-object, wrong types inside, an unknown or missing request member.
#[test]
fn a_body_is_read_the_same_however_the_request_text_is_written() {
    let emulator = Emulator::start();
    let client = emulator.client();
    let address = format!(r#""subscriptionId":"{SUB}","resourceGroupName":"rg1","serviceName":"apimService1""#);
    let body = |description: &str| backend_body(description).to_string();

    let escaped = format!(r#"{{{address},"backendId":"text-b1","b\u006fdy":{}}}"#, body("escaped"));
    let (status, created) = op(apim_backend_create_or_update, client.ptr(), &escaped);
    assert_eq!(status, ApimStatus::Ok, "{created}");
    assert_eq!(created["body"]["properties"]["description"], "escaped", "{created}");

    let repeated = format!(r#"{{{address},"backendId":"text-b1","body":{},"body":{}}}"#, body("first"), body("last"));
    let (status, replaced) = op(apim_backend_create_or_update, client.ptr(), &repeated);
    assert_eq!(status, ApimStatus::Ok, "{replaced}");
    assert_eq!(replaced["body"]["properties"]["description"], "last", "{replaced}");

    let spaced = format!("{{ {address} ,\n \"backendId\" : \"text-b1\" ,\n \"ifMatch\":\"*\", \"body\" :\n {{ \"properties\" : {{ \"description\" : \"spaced\" }} }} }}");
    let (status, patched) = op(apim_backend_update, client.ptr(), &spaced);
    assert_eq!(status, ApimStatus::Ok, "{patched}");
    assert_eq!(patched["body"]["properties"]["description"], "spaced", "{patched}");
    assert_eq!(patched["body"]["properties"]["url"], "https://backend.contoso.example/api", "{patched}");

    for (what, text, target, code) in [
        ("null body", format!(r#"{{{address},"backendId":"text-b2","body":null}}"#), "body", "InvalidArgument"),
        ("no body", format!(r#"{{{address},"backendId":"text-b2"}}"#), "body", "InvalidArgument"),
        ("array body", format!(r#"{{{address},"backendId":"text-b2","body":[1]}}"#), "body", "InvalidType"),
        ("wrong type inside", format!(r#"{{{address},"backendId":"text-b2","body":{{"properties":{{"url":5,"protocol":"http"}}}}}}"#), "properties.url", "InvalidType"),
        ("unknown member", format!(r#"{{{address},"backendId":"text-b2","bodee":{{}},"body":{}}}"#, body("x")), "bodee", "UnknownField"),
        ("missing member", format!(r#"{{"subscriptionId":"{SUB}","serviceName":"apimService1","backendId":"text-b2","body":{}}}"#, body("x")), "resourceGroupName", "Required"),
    ] {
        let (status, error) = op(apim_backend_create_or_update, client.ptr(), &text);
        assert_eq!(status, ApimStatus::InvalidArgument, "{what}: {error}");
        let named = error["target"] == target && error["code"] == code
            || error["details"].as_array().is_some_and(|ds| ds.iter().any(|d| d["target"] == target && d["code"] == code));
        assert!(named, "{what}: expected {target} {code} in {error}");
        assert!(error.get("httpStatus").is_none(), "{what}: nothing was sent: {error}");
    }
    let (status, missing) = op(apim_backend_get, client.ptr(), &request("text-b2", json!({})));
    assert_eq!(status, ApimStatus::Error, "nothing was created: {missing}");
}
