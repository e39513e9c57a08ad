//! The five Graph connector cmdlets against the in-process emulator, through the Rust API and
//! through their C functions as the module calls them: the seed examples, the Graph habits of
//! issue 16 (the password mask never sent back, an empty PATCH refused, -BodyParameter as JSON),
//! the list's paging options, the variables the cmdlets set, and errors in the cmdlet's words.

use crate::graph_support::{client_for, current_pfx, fixture, start_emulator, ScriptedServer};
use apim_native::client::ApimClient;
use apim_native::cmdlet::api_connector::{to_object, CONNECTOR_TYPE};
use apim_native::cmdlet::api_connector_cmdlets as cmdlets;
use apim_native::cmdlet::{CmdletOutput, Parameters};
use apim_native::emulator::EmulatorHandle;
use apim_native::ffi::*;
use apim_native::model::ApimError;
use serde_json::{json, Value};
use std::ffi::{c_char, CStr, CString};
use std::future::Future;

fn run<F: Future>(future: F) -> F::Output {
    apim_native::runtime::runtime().block_on(future)
}

fn emulator(page_size: usize) -> EmulatorHandle {
    run(start_emulator(page_size))
}

fn parameters(value: Value) -> Parameters {
    Parameters::from_value(value).expect("an object")
}

/// The answer as the C function would write it.
fn answer(output: Result<CmdletOutput, ApimError>) -> Result<Value, ApimError> {
    output.map(|o| serde_json::to_value(o).unwrap())
}

fn create(client: &ApimClient, bound: Value) -> Result<Value, ApimError> {
    answer(run(cmdlets::create(client, &parameters(bound))))
}

fn get(client: &ApimClient, bound: Value) -> Result<Value, ApimError> {
    answer(run(cmdlets::get(client, &parameters(bound))))
}

fn update(client: &ApimClient, bound: Value) -> Result<Value, ApimError> {
    answer(run(cmdlets::update(client, &parameters(bound))))
}

fn seed_connector(client: &ApimClient, name: &str) -> Value {
    let mut params = fixture("seed003-example1.request.json");
    params["displayName"] = json!(name);
    create(client, json!({ "BodyParameter": params })).unwrap()["output"][0].clone()
}

fn names(answer: &Value) -> Vec<String> {
    answer["output"].as_array().unwrap().iter().map(|o| o["DisplayName"].as_str().unwrap().to_string()).collect()
}

type CmdletFn = unsafe extern "C" fn(*const ApimClientHandle, *const c_char, *mut *mut c_char) -> ApimStatus;

/// A client made through apim_client_new, as the module makes it; freed on drop.
struct CClient(*mut ApimClientHandle);

impl CClient {
    fn new(base_url: &str) -> CClient {
        let options = CString::new(json!({ "graphEndpoint": base_url, "auth": { "kind": "none" }, "retry": { "maxAttempts": 1 } }).to_string()).unwrap();
        let mut client = std::ptr::null_mut();
        let mut out = std::ptr::null_mut();
        // SAFETY: valid pointers; the answer is freed at once.
        let status = unsafe { apim_client_new(options.as_ptr(), &mut client, &mut out) };
        // SAFETY: set by the library, freed once.
        unsafe { apim_string_free(out) };
        assert_eq!(status, ApimStatus::Ok);
        CClient(client)
    }

    fn call(&self, function: CmdletFn, bound: Value) -> (ApimStatus, Value) {
        let input = CString::new(bound.to_string()).unwrap();
        let mut out = std::ptr::null_mut();
        // SAFETY: a live client, valid NUL-terminated input and a writable out pointer.
        let status = unsafe { function(self.0, input.as_ptr(), &mut out) };
        // SAFETY: the library set `out` to a string it owns; freed once below.
        let json = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_string();
        // SAFETY: as above.
        unsafe { apim_string_free(out) };
        (status, serde_json::from_str(&json).unwrap())
    }
}

impl Drop for CClient {
    fn drop(&mut self) {
        // SAFETY: created by apim_client_new, freed once.
        unsafe { apim_client_free(self.0) };
    }
}

#[test]
fn seed_example_1_creates_and_the_password_comes_back_as_the_mask() {
    let emu = emulator(100);
    let client = client_for(&emu.base_url);
    let created = create(&client, json!({ "BodyParameter": fixture("seed003-example1.request.json"), "ResponseHeadersVariable": "headers" })).unwrap();
    let object = &created["output"][0];
    assert_eq!(object["PSTypeName"], CONNECTOR_TYPE);
    assert_eq!((object["DisplayName"].as_str(), object["TargetUrl"].as_str()), (Some("Test API"), Some("https://someapi.com/api")));
    assert_eq!(object["AuthenticationConfiguration"]["AdditionalProperties"]["password"], "******");
    assert_eq!(created["exchanges"].as_array().unwrap().len(), 1);
    let headers = &created["variables"]["ResponseHeadersVariable"];
    assert_eq!(headers["StatusCode"], 201);
    assert!(headers["request-id"][0].is_string(), "{headers}");
    assert!(!created.to_string().contains("MyPassword"));
}

#[test]
fn seed_example_2_is_refused_before_sending_and_runs_with_a_real_pfx() {
    let server = run(ScriptedServer::start(Vec::new()));
    let refused = create(&client_for(&server.base_url), json!({ "BodyParameter": fixture("seed003-example2.request.json") })).unwrap_err();
    assert_eq!(refused.target.as_deref(), Some("authenticationConfiguration.pkcs12Value"));
    assert!(server.seen().is_empty(), "nothing is sent");
    assert!(!format!("{refused:?}").contains("CertificatePassword"));

    let emu = emulator(100);
    let pfx = current_pfx("CertificatePassword");
    let mut params = fixture("seed003-example2.request.json");
    params["authenticationConfiguration"]["pkcs12Value"] = json!(pfx.base64);
    let created = create(&client_for(&emu.base_url), json!({ "BodyParameter": params })).unwrap();
    let auth = &created["output"][0]["AuthenticationConfiguration"]["AdditionalProperties"];
    assert_eq!(auth["certificateList"][0]["thumbprint"], json!(pfx.thumbprint));
    assert!(!created.to_string().contains(&pfx.base64[..40]));
}

#[test]
fn flattened_parameters_errors_name_the_parameters_and_keep_the_wire_targets() {
    let server = run(ScriptedServer::start(Vec::new()));
    let error = create(&client_for(&server.base_url), json!({ "DisplayName": "", "TargetUrl": "http://plain" })).unwrap_err();
    let targets: Vec<_> = error.details.iter().map(|d| d.target.clone().unwrap()).collect();
    assert_eq!(targets, ["displayName", "targetUrl", "authenticationConfiguration"]);
    assert!(error.message.contains("'-DisplayName' must not be empty") && error.message.contains("'-TargetUrl' must use the https scheme"), "{}", error.message);
    // With -BodyParameter the body's paths are the user's own words.
    let error = create(&client_for(&server.base_url), json!({ "BodyParameter": { "displayName": "" } })).unwrap_err();
    assert!(error.message.contains("'displayName' must not be empty"), "{}", error.message);
    assert!(server.seen().is_empty());
}

#[test]
fn a_connector_read_and_sent_back_never_sends_the_mask_and_an_empty_patch_is_refused() {
    let server = run(ScriptedServer::start(Vec::new()));
    let client = client_for(&server.base_url);
    let mut edited = to_object(&fixture("seed003-example1.response.json"));
    edited["DisplayName"] = json!("edited");
    let error = update(&client, json!({ "IdentityApiConnectorId": "c1", "BodyParameter": edited })).unwrap_err();
    assert!(error.message.contains("'authenticationConfiguration.password' is '******', the mask the service returns"), "{}", error.message);
    let error = update(&client, json!({ "IdentityApiConnectorId": "c1" })).unwrap_err();
    assert!(error.message.starts_with("Nothing to update for identityApiConnector 'c1'"), "{}", error.message);
    let error = update(&client, json!({ "IdentityApiConnectorId": "c1", "BodyParameter": { "Id": "only-the-id" } })).unwrap_err();
    assert_eq!(error.code, "NothingToUpdate");
    assert!(server.seen().is_empty(), "nothing is sent: {:?}", server.seen());
}

#[test]
fn update_by_id_by_piped_object_and_by_json_string() {
    let emu = emulator(100);
    let client = client_for(&emu.base_url);
    let connector = seed_connector(&client, "Test API");
    let id = connector["Id"].as_str().unwrap();

    let patched = update(&client, json!({ "IdentityApiConnectorId": id, "BodyParameter": {
        "displayName": "New Test API", "targetUrl": "https://otherapi.com/api/endpoint",
        "authenticationConfiguration": { "@odata.type": "microsoft.graph.basicAuthentication", "username": "NewUser", "password": "NewPassword" } } }))
    .unwrap();
    assert_eq!(patched["output"], json!([]), "Update writes nothing");
    let read = get(&client, json!({ "IdentityApiConnectorId": id })).unwrap();
    assert_eq!(names(&read), ["New Test API"]);
    assert_eq!(read["output"][0]["AuthenticationConfiguration"]["AdditionalProperties"]["username"], "NewUser");

    update(&client, json!({ "InputObject": connector, "DisplayName": "Piped" })).unwrap();
    assert_eq!(names(&get(&client, json!({ "InputObject": connector })).unwrap()), ["Piped"]);
    update(&client, json!({ "IdentityApiConnectorId": id, "BodyParameter": "{\"displayName\":\"Json renamed\"}" })).unwrap();
    assert_eq!(names(&get(&client, json!({ "IdentityApiConnectorId": id })).unwrap()), ["Json renamed"]);
}

#[test]
fn the_list_writes_one_page_unless_all_or_top_and_counts_filters_sorts() {
    let emu = emulator(2);
    let client = client_for(&emu.base_url);
    for name in ["Bravo", "alpha", "Charlie", "Alpine", "Delta"] {
        seed_connector(&client, name);
    }
    assert_eq!(names(&get(&client, json!({})).unwrap()).len(), 2, "the first page only");
    assert_eq!(names(&get(&client, json!({ "All": true })).unwrap()).len(), 5);
    assert_eq!(names(&get(&client, json!({ "Top": 3, "PageSize": 2 })).unwrap()).len(), 3);
    let counted = get(&client, json!({ "All": true, "Filter": "startswith(displayName,'al')", "Sort": "displayName desc", "CountVariable": "total" })).unwrap();
    assert_eq!(names(&counted), ["Alpine", "alpha"]);
    assert_eq!(counted["variables"]["CountVariable"], 2);
    assert_eq!(names(&get(&client, json!({ "All": true, "Sort": ["displayName"], "Skip": 4 })).unwrap()), ["Delta"]);
    assert_eq!(names(&get(&client, json!({ "All": true, "Search": "\"displayName:harl\"" })).unwrap()), ["Charlie"]);
    let selected = get(&client, json!({ "All": true, "Top": 1, "Property": ["id", "displayName"] })).unwrap();
    assert_eq!(selected["output"][0]["AuthenticationConfiguration"], Value::Null);
}

#[test]
fn list_options_become_the_odata_query_graph_expects() {
    let page = json!({ "value": [], "@odata.count": 0 }).to_string();
    let server = run(ScriptedServer::start(vec![(200, vec![], page.clone()), (200, vec![], page.clone()), (200, vec![], page)]));
    let client = client_for(&server.base_url);
    get(&client, json!({ "Filter": "displayName eq 'x'", "Sort": ["displayName desc"], "Skip": 1, "CountVariable": "n", "PageSize": 5, "Top": 7, "Property": ["id", "displayName"] })).unwrap();
    get(&client, json!({ "Top": 3, "Skip": 0, "PageSize": 0 })).unwrap();
    get(&client, json!({ "Top": 1000 })).unwrap();
    let queries: Vec<String> = server.seen().into_iter().map(|(_, _, _, query)| query.unwrap_or_default()).collect();
    assert_eq!(queries, [
        "$filter=displayName%20eq%20%27x%27&$orderby=displayName%20desc&$select=id,displayName&$top=5&$skip=1&$count=true",
        "$top=3",
        "",
    ]);
}

#[test]
fn headers_are_sent_and_one_the_library_owns_is_refused_without_its_value() {
    let emu = emulator(100);
    let client = client_for(&emu.base_url);
    seed_connector(&client, "Test API");
    assert_eq!(names(&get(&client, json!({ "All": true, "Headers": { "ConsistencyLevel": "eventual" } })).unwrap()).len(), 1);
    let error = get(&client, json!({ "Headers": { "Authorization": "Bearer pester-planted" } })).unwrap_err();
    assert_eq!(error.target.as_deref(), Some("headers.Authorization"));
    assert!(error.message.contains("-Headers"), "{}", error.message);
    assert!(!format!("{error:?}").contains("pester-planted"));
}

#[test]
fn the_c_functions_run_the_lifecycle_as_the_module_calls_them() {
    let emu = emulator(100);
    let client = CClient::new(&emu.base_url);
    let (status, created) = client.call(apim_cmdlet_api_connector_create, json!({ "BodyParameter": fixture("seed003-example1.request.json") }));
    assert_eq!(status, ApimStatus::Ok, "{created}");
    let connector = created["output"][0].clone();
    let id = connector["Id"].as_str().unwrap().to_string();

    let (status, read) = client.call(apim_cmdlet_api_connector_get, json!({ "InputObject": connector, "ResponseHeadersVariable": "h" }));
    assert_eq!(status, ApimStatus::Ok, "{read}");
    assert_eq!(read["output"][0]["Id"], json!(id));
    let etag = read["variables"]["ResponseHeadersVariable"]["etag"][0].as_str().expect("an ETag").to_string();

    let pfx = current_pfx("p@ss");
    let (status, uploaded) =
        client.call(apim_cmdlet_api_connector_upload_client_certificate, json!({ "IdentityApiConnectorId": id, "BodyParameter": { "pkcs12Value": pfx.base64, "password": "p@ss" } }));
    assert_eq!(status, ApimStatus::Ok, "{uploaded}");
    let list = &uploaded["output"][0]["AuthenticationConfiguration"]["AdditionalProperties"]["certificateList"];
    assert_eq!((list[0]["thumbprint"].clone(), list[0]["isActive"].clone()), (json!(pfx.thumbprint), json!(true)));
    assert!(!uploaded.to_string().contains("p@ss"));

    let (status, wrong) = client.call(apim_cmdlet_api_connector_upload_client_certificate, json!({ "IdentityApiConnectorId": id, "Pkcs12Value": pfx.base64, "Password": "Wr0ngPass" }));
    assert_eq!((status, wrong["target"].clone()), (ApimStatus::Error, json!("password")), "{wrong}");
    assert!(!wrong.to_string().contains("Wr0ngPass"));

    let (status, updated) = client.call(apim_cmdlet_api_connector_update, json!({ "IdentityApiConnectorId": id, "DisplayName": "renamed" }));
    assert_eq!((status, updated["output"].clone()), (ApimStatus::Ok, json!([])), "{updated}");

    // The ETag read before the update is stale now: the DELETE is refused and nothing is removed.
    let (status, stale) = client.call(apim_cmdlet_api_connector_delete, json!({ "IdentityApiConnectorId": id, "IfMatch": etag }));
    assert_eq!((status, stale["httpStatus"].clone()), (ApimStatus::Error, json!(412)), "{stale}");
    let (status, removed) = client.call(apim_cmdlet_api_connector_delete, json!({ "IdentityApiConnectorId": id, "PassThru": true }));
    assert_eq!((status, removed["output"].clone()), (ApimStatus::Ok, json!([true])), "{removed}");
    let (status, gone) = client.call(apim_cmdlet_api_connector_get, json!({ "IdentityApiConnectorId": id }));
    assert_eq!((status, gone["code"].clone(), gone["httpStatus"].clone()), (ApimStatus::Error, json!("Request_ResourceNotFound"), json!(404)));
}

#[test]
fn the_c_functions_guard_their_arguments() {
    let functions: [(&str, CmdletFn); 5] = [
        ("create", apim_cmdlet_api_connector_create),
        ("get", apim_cmdlet_api_connector_get),
        ("update", apim_cmdlet_api_connector_update),
        ("delete", apim_cmdlet_api_connector_delete),
        ("upload", apim_cmdlet_api_connector_upload_client_certificate),
    ];
    let input = CString::new("{}").unwrap();
    for (name, function) in functions {
        let mut out = std::ptr::null_mut();
        // SAFETY: NULL client is part of the contract.
        let status = unsafe { function(std::ptr::null(), input.as_ptr(), &mut out) };
        // SAFETY: set by the library, freed once.
        unsafe { apim_string_free(out) };
        assert_eq!(status, ApimStatus::NullArgument, "{name}");
    }
    // An id that cannot be a path segment is refused naming the parameter, before sending.
    let server = run(ScriptedServer::start(Vec::new()));
    let client = CClient::new(&server.base_url);
    let (status, refused) = client.call(apim_cmdlet_api_connector_delete, json!({ "IdentityApiConnectorId": "../other" }));
    assert_eq!(status, ApimStatus::InvalidArgument, "{refused}");
    assert!(refused["message"].as_str().unwrap().contains("-IdentityApiConnectorId"), "{refused}");
    let (status, refused) = client.call(apim_cmdlet_api_connector_get, json!({ "InputObject": { "DisplayName": "no id" } }));
    assert_eq!((status, refused["target"].clone()), (ApimStatus::InvalidArgument, json!("InputObject")));
    assert!(server.seen().is_empty());
}
