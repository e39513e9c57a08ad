//! New-, Get-, Set-, Remove-AzApiManagementBackend and Invoke-AzApiManagementBackendReconnect
//! against the in-process emulator, through the Rust API and through their C functions: what
//! each sends and answers, the compound operations (Set's read-merge-write, the list's pages), the
//! -WhatIf answers that send nothing, and the errors in the cmdlets' words.

use apim_native::client::{ApimClient, ClientOptions};
use apim_native::cmdlet::{backend_operations as ops, CmdletOutput, Parameters};
use apim_native::emulator::{self, EmulatorHandle, EmulatorOptions};
use apim_native::ffi::{
    apim_client_free, apim_client_new, apim_cmdlet_backend_create_or_update, apim_cmdlet_backend_create_or_update_should_process,
    apim_cmdlet_backend_delete, apim_cmdlet_backend_get, apim_cmdlet_backend_reconnect, apim_cmdlet_backend_update,
    apim_cmdlet_backend_update_should_process, apim_string_free, ApimClientHandle, ApimStatus,
};
use apim_native::model::{ApimError, ErrorCategory};
use apim_native::runtime::runtime;
use serde_json::{json, Value};
use std::ffi::{c_char, CStr, CString};

const BACKEND_TYPE: &str = "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend";
const SUBSCRIPTION: &str = "00000000-0000-0000-0000-000000000000";

/// An emulator, a Rust client and a C client handle on it.
struct Service {
    emulator: Option<EmulatorHandle>,
    client: ApimClient,
    handle: *mut ApimClientHandle,
}

impl Service {
    fn start(page_size: Option<usize>) -> Service {
        let mut options = json!({ "listen": "127.0.0.1:0" });
        if let Some(size) = page_size {
            options["pageSize"] = json!(size);
        }
        let emulator = runtime().block_on(emulator::start(serde_json::from_value::<EmulatorOptions>(options).unwrap())).unwrap();
        let client_options = json!({ "armEndpoint": emulator.base_url, "retry": { "maxAttempts": 1 } });
        let client = ApimClient::new(serde_json::from_value::<ClientOptions>(client_options.clone()).unwrap()).unwrap();
        let text = CString::new(client_options.to_string()).unwrap();
        let (mut handle, mut out) = (std::ptr::null_mut(), std::ptr::null_mut());
        // SAFETY: valid input and writable outs; the summary string is freed at once.
        let status = unsafe { apim_client_new(text.as_ptr(), &mut handle, &mut out) };
        // SAFETY: the library set `out`.
        unsafe { apim_string_free(out) };
        assert_eq!(status, ApimStatus::Ok);
        Service { emulator: Some(emulator), client, handle }
    }

    fn base_url(&self) -> String {
        self.emulator.as_ref().unwrap().base_url.clone()
    }

    /// A cmdlet operation through the Rust API.
    fn run<F: std::future::Future<Output = Result<CmdletOutput, ApimError>>>(&self, future: F) -> Result<CmdletOutput, ApimError> {
        runtime().block_on(future)
    }

    /// A cmdlet function through the C ABI, as the module calls it: (status, answer).
    fn call(&self, function: CFunction, parameters: &Value) -> (ApimStatus, Value) {
        let input = CString::new(parameters.to_string()).unwrap();
        let mut out = std::ptr::null_mut();
        // SAFETY: a live client, valid input and a writable out pointer; the string is freed below.
        let status = unsafe { function(self.handle, input.as_ptr(), &mut out) };
        // SAFETY: the library set `out` to a string it owns.
        let json = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_string();
        // SAFETY: freed once.
        unsafe { apim_string_free(out) };
        (status, serde_json::from_str(&json).unwrap())
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        // SAFETY: made by apim_client_new, freed once.
        unsafe { apim_client_free(self.handle) };
        if let Some(emulator) = self.emulator.take() {
            runtime().block_on(emulator.stop());
        }
    }
}

type CFunction = unsafe extern "C" fn(*const ApimClientHandle, *const c_char, *mut *mut c_char) -> ApimStatus;

fn context() -> Value {
    json!({ "PSTypeName": "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext",
            "ResourceGroupName": "rg1", "ServiceName": "apimService1", "SubscriptionId": SUBSCRIPTION,
            "Endpoint": null, "ApiVersion": null, "WorkspaceId": null })
}

/// The cmdlet's bound parameters: `-Context` and the given ones.
fn with_context(mut given: Value) -> Parameters {
    given["Context"] = context();
    Parameters::from_value(given).unwrap()
}

fn create(service: &Service, id: &str) -> Value {
    let p = with_context(json!({ "BackendId": id, "Url": format!("https://{id}.contoso.com/"), "Protocol": "http", "Title": id }));
    service.run(ops::create_or_update(&service.client, &p)).unwrap().output.remove(0)
}

fn get(service: &Service, id: &str) -> Result<Value, ApimError> {
    service.run(ops::get(&service.client, &with_context(json!({ "BackendId": id })))).map(|mut o| o.output.remove(0))
}

#[test]
fn new_creates_and_answers_the_backend_with_its_etag_and_context() {
    let service = Service::start(None);
    let object = create(&service, "123");
    assert_eq!(object["PSTypeName"], json!(BACKEND_TYPE));
    assert_eq!(object["BackendId"], json!("123"));
    assert_eq!(object["Url"], json!("https://123.contoso.com/"));
    assert_eq!(object["Id"], json!(format!("/subscriptions/{SUBSCRIPTION}/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/123")));
    assert!(object["ETag"].as_str().is_some_and(|tag| !tag.is_empty()));
    assert_eq!(object["Context"], context());

    // The same through the C function: the answer carries the PUT's exchange for -Verbose.
    let (status, answer) = service.call(
        apim_cmdlet_backend_create_or_update,
        &json!({ "Context": context(), "BackendId": "c1", "Url": "https://c1.contoso.com/", "Protocol": "soap" }),
    );
    assert_eq!(status, ApimStatus::Ok, "{answer}");
    assert_eq!(answer["output"][0]["Protocol"], json!("soap"));
    let verbose = answer["exchanges"][0]["verbose"].as_str().unwrap();
    assert!(verbose.starts_with("PUT ") && verbose.contains("/backends/c1?api-version=") && verbose.contains(" -> 201 "), "{verbose}");
}

#[test]
fn should_process_names_the_request_and_sends_nothing() {
    let service = Service::start(None);
    let (status, answer) = service.call(
        apim_cmdlet_backend_create_or_update_should_process,
        &json!({ "Context": context(), "Url": "https://w.contoso.com/", "Protocol": "http" }),
    );
    assert_eq!(status, ApimStatus::Ok, "{answer}");
    let plan = &answer["output"][0];
    let id = plan["BackendId"].as_str().unwrap();
    assert!(id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()), "Az's generated id: {id}");
    assert_eq!(plan["Action"], json!("Create a Backend Entity"));
    let expected = format!(
        "backend '{id}' (PUT {}/subscriptions/{SUBSCRIPTION}/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/{id}?api-version=",
        service.base_url()
    );
    assert!(plan["Target"].as_str().unwrap().starts_with(&expected), "{plan}");
    assert_eq!(answer["exchanges"], json!([]));
    assert!(get(&service, id).is_err(), "nothing was created");

    // A workspace is in the URL; the id is escaped as .NET's EscapeDataString does.
    let mut workspace = context();
    workspace["WorkspaceId"] = json!("wks1");
    let p = Parameters::from_value(json!({ "Context": workspace, "BackendId": "a b" })).unwrap();
    let plan = ops::delete_should_process(&service.client, &p).unwrap().output.remove(0);
    assert!(plan["Target"].as_str().unwrap().contains("/service/apimService1/workspaces/wks1/backends/a%20b?api-version="), "{plan}");
    assert_eq!(plan["Action"], json!("Remove Backend"));

    // Set's -WhatIf with one Skip flag does not even read the current TLS.
    create(&service, "target");
    let (status, answer) = service.call(
        apim_cmdlet_backend_update_should_process,
        &json!({ "Context": context(), "BackendId": "target", "SkipCertificateChainValidation": true }),
    );
    assert_eq!(status, ApimStatus::Ok);
    assert!(answer["output"][0]["Target"].as_str().unwrap().starts_with("backend 'target' (PATCH "));
    assert_eq!(answer["exchanges"], json!([]));
}

#[test]
fn a_blank_backend_id_is_an_error_not_a_generated_id_or_a_list() {
    let service = Service::start(None);
    for blank in [json!(""), json!("   "), Value::Null] {
        let p = with_context(json!({ "BackendId": blank, "Url": "https://x/", "Protocol": "http" }));
        let error = service.run(ops::create_or_update(&service.client, &p)).unwrap_err();
        assert_eq!(error.category, ErrorCategory::InvalidArgument);
        assert!(error.message.contains("-BackendId is empty or blank") && error.message.contains("to have an id generated"), "{}", error.message);
        let error = ops::create_or_update_should_process(&service.client, &p).unwrap_err();
        assert!(error.message.contains("-BackendId is empty or blank"));
        let error = service.run(ops::get(&service.client, &with_context(json!({ "BackendId": blank })))).unwrap_err();
        assert!(error.message.contains("leave -BackendId out to list every backend"), "{}", error.message);
    }
    let listed = service.run(ops::get(&service.client, &with_context(json!({})))).unwrap();
    assert!(listed.output.is_empty(), "nothing was created");
}

#[test]
fn errors_name_the_parameters_and_keep_the_wire_target() {
    let service = Service::start(None);
    let p = with_context(json!({ "BackendId": "bad", "Url": "https://bad/", "Protocol": "http", "Title": "t".repeat(301), "Description": "" }));
    let error = service.run(ops::create_or_update(&service.client, &p)).unwrap_err();
    // Shown in the cmdlet's words; the message and the targets keep the wire paths for scripts.
    let shown = error.shown.clone().expect("the cmdlet's wording");
    let text = format!("{} {}", shown.message, shown.details.join(" "));
    assert!(text.contains("-Title must be at most 300 characters"), "{text}");
    assert!(text.contains("-Description must be at least 1 character"), "{text}");
    assert!(!text.contains("properties.title"), "{text}");
    assert_eq!(shown.details.len(), error.details.len());
    assert!(error.message.contains("properties.title"), "{}", error.message);
    assert!(error.details.iter().any(|d| d.target.as_deref() == Some("properties.title")), "scripts keep the wire target");

    // A field inside a parameter's object is shown under the parameter; the secret is not shown.
    let credential = json!({ "PSTypeName": "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential",
                             "Authorization": { "Scheme": "basic", "Parameter": "" }, "Query": { "k": ["hidden-query-value"] } });
    let p = with_context(json!({ "BackendId": "bad2", "Url": "https://bad/", "Protocol": "http", "Credential": credential }));
    let error = service.run(ops::create_or_update(&service.client, &p)).unwrap_err();
    let shown = error.shown.clone().expect("the cmdlet's wording").message;
    assert!(shown.contains("-Credential (authorization"), "{shown}");
    assert!(!serde_json::to_string(&error).unwrap().contains("hidden-query-value"));

    // An id the service rules refuse, before anything is sent; the C status says so.
    let (status, answer) = service.call(
        apim_cmdlet_backend_create_or_update,
        &json!({ "Context": context(), "BackendId": "x".repeat(81), "Url": "https://x/", "Protocol": "http" }),
    );
    assert_eq!(status, ApimStatus::InvalidArgument);
    assert_eq!(answer["category"], json!("InvalidArgument"));
}

#[test]
fn get_lists_every_page_and_honours_filter_top_and_skip() {
    let service = Service::start(Some(2));
    for id in ["backend-1", "backend-2", "backend-3", "other-1", "other-2"] {
        create(&service, id);
    }
    let all = service.run(ops::get(&service.client, &with_context(json!({})))).unwrap();
    assert_eq!(all.output.len(), 5);
    assert!(all.exchanges.iter().filter(|e| e.method == "GET").count() >= 3, "one GET per page of two");
    assert!(all.output.iter().all(|o| o["PSTypeName"] == json!(BACKEND_TYPE) && o["ETag"].is_null()));

    let filtered = service.run(ops::get(&service.client, &with_context(json!({ "Filter": "startswith(name, 'backend-')" })))).unwrap();
    assert_eq!(filtered.output.len(), 3);
    let top = service.run(ops::get(&service.client, &with_context(json!({ "Top": 3 })))).unwrap();
    assert_eq!(top.output.len(), 3, "-Top stops the paging once that many are read");
    let skipped = service.run(ops::get(&service.client, &with_context(json!({ "Skip": 4 })))).unwrap();
    assert_eq!(skipped.output.len(), 1);

    // Through the C function: one backend with its ETag, and a missing one as the service's 404.
    let (status, answer) = service.call(apim_cmdlet_backend_get, &json!({ "Context": context(), "BackendId": "other-2" }));
    assert_eq!(status, ApimStatus::Ok);
    assert!(answer["output"][0]["ETag"].is_string());
    let (status, answer) = service.call(apim_cmdlet_backend_get, &json!({ "Context": context(), "BackendId": "missing" }));
    assert_eq!(status, ApimStatus::Error);
    assert_eq!((&answer["httpStatus"], &answer["category"]), (&json!(404), &json!("ObjectNotFound")));
}

#[test]
fn set_patches_the_given_fields_and_passes_through_the_result() {
    let service = Service::start(None);
    create(&service, "123");
    let p = with_context(json!({ "BackendId": "123", "Description": "updated description", "PassThru": true }));
    let updated = service.run(ops::update(&service.client, &p)).unwrap();
    assert_eq!(updated.output[0]["Description"], json!("updated description"));
    assert_eq!(updated.output[0]["Url"], json!("https://123.contoso.com/"));
    assert!(updated.output[0]["ETag"].is_string());
    // Without -PassThru nothing is written (as Az).
    let quiet = service.run(ops::update(&service.client, &with_context(json!({ "BackendId": "123", "Title": "quiet" })))).unwrap();
    assert!(quiet.output.is_empty());
    assert_eq!(get(&service, "123").unwrap()["Title"], json!("quiet"));
}

#[test]
fn set_with_one_skip_flag_reads_the_current_tls_and_keeps_the_other_flag() {
    let service = Service::start(None);
    create(&service, "tls");
    let name = with_context(json!({ "BackendId": "tls", "SkipCertificateNameValidation": true }));
    let first = service.run(ops::update(&service.client, &name)).unwrap();
    assert_eq!(first.exchanges.iter().map(|e| e.method.as_str()).collect::<Vec<_>>(), ["GET", "PATCH"], "read, then write");
    let chain = with_context(json!({ "BackendId": "tls", "SkipCertificateChainValidation": true, "PassThru": true }));
    let updated = service.run(ops::update(&service.client, &chain)).unwrap().output.remove(0);
    assert_eq!(updated["Properties"], json!({ "skipCertificateChainValidation": true, "skipCertificateNameValidation": true }));
    // Both flags given: no read.
    let both = with_context(json!({ "BackendId": "tls", "SkipCertificateChainValidation": false, "SkipCertificateNameValidation": false }));
    let written = service.run(ops::update(&service.client, &both)).unwrap();
    assert_eq!(written.exchanges.iter().map(|e| e.method.as_str()).collect::<Vec<_>>(), ["PATCH"]);
}

#[test]
fn a_piped_backend_is_the_starting_point_and_its_etag_the_if_match() {
    let service = Service::start(None);
    create(&service, "piped");
    let mut first = get(&service, "piped").unwrap();
    let mut second = first.clone();
    first["Title"] = json!("first session");
    let p = Parameters::from_value(json!({ "InputObject": first, "PassThru": true })).unwrap();
    let updated = service.run(ops::update(&service.client, &p)).unwrap().output.remove(0);
    assert_eq!(updated["Title"], json!("first session"));

    // The second copy is stale now: 412, and the first session's change stays.
    second["Description"] = json!("second session");
    let (status, answer) = service.call(apim_cmdlet_backend_update, &json!({ "InputObject": second }));
    assert_eq!(status, ApimStatus::Error, "{answer}");
    assert_eq!(answer["httpStatus"], json!(412));
    // -IfMatch * overrides the piped ETag; a Deserialized copy (Import-Clixml) is accepted.
    second["PSTypeName"] = json!(format!("Deserialized.{BACKEND_TYPE}"));
    let (status, answer) = service.call(apim_cmdlet_backend_update, &json!({ "InputObject": second, "IfMatch": "*", "PassThru": true }));
    assert_eq!(status, ApimStatus::Ok, "{answer}");
    assert_eq!(answer["output"][0]["Description"], json!("second session"));
}

#[test]
fn remove_sends_if_match_and_answers_true_with_pass_through() {
    let service = Service::start(None);
    let created = create(&service, "gone");
    create(&service, "kept");
    // A stale ETag: 412 and nothing removed.
    service.run(ops::update(&service.client, &with_context(json!({ "BackendId": "kept", "Title": "moved on" })))).unwrap();
    let stale = with_context(json!({ "BackendId": "kept", "IfMatch": created["ETag"] }));
    assert_eq!(service.run(ops::delete(&service.client, &stale)).unwrap_err().http_status, Some(412));
    assert!(get(&service, "kept").is_ok());

    let (status, answer) = service.call(apim_cmdlet_backend_delete, &json!({ "Context": context(), "BackendId": "gone", "PassThru": true }));
    assert_eq!(status, ApimStatus::Ok);
    assert_eq!(answer["output"], json!([true]));
    assert_eq!(get(&service, "gone").unwrap_err().http_status, Some(404));
    // Removing again with * is not an error, and without -PassThru nothing is written.
    let again = service.run(ops::delete(&service.client, &with_context(json!({ "BackendId": "gone" })))).unwrap();
    assert!(again.output.is_empty());
}

#[test]
fn reconnect_sends_after_as_an_iso_duration_and_refuses_less_than_two_minutes() {
    let service = Service::start(None);
    create(&service, "proxybackend");
    let two_minutes = json!({ "PSTypeName": "System.TimeSpan", "Value": "PT2M" });
    let (status, answer) = service.call(
        apim_cmdlet_backend_reconnect,
        &json!({ "Context": context(), "BackendId": "proxybackend", "After": two_minutes, "PassThru": true }),
    );
    assert_eq!(status, ApimStatus::Ok, "{answer}");
    assert_eq!(answer["output"], json!([true]));
    assert!(answer["exchanges"][0]["verbose"].as_str().unwrap().starts_with("POST "), "{answer}");

    for short in [json!({ "PSTypeName": "System.TimeSpan", "Value": "PT3S" }), json!("00:01:59")] {
        let p = with_context(json!({ "BackendId": "proxybackend", "After": short }));
        let error = service.run(ops::reconnect(&service.client, &p)).unwrap_err();
        assert_eq!(error.category, ErrorCategory::InvalidArgument);
        assert!(error.message.contains("-After must be at least two minutes"), "{}", error.message);
        assert!(ops::reconnect_should_process(&service.client, &p).is_err(), "refused under -WhatIf too");
    }
    // A piped backend object names the backend; a missing one is the service's 404.
    let object = get(&service, "proxybackend").unwrap();
    let p = Parameters::from_value(json!({ "InputObject": object })).unwrap();
    assert!(service.run(ops::reconnect(&service.client, &p)).unwrap().output.is_empty());
    let missing = with_context(json!({ "BackendId": "missing" }));
    assert_eq!(service.run(ops::reconnect(&service.client, &missing)).unwrap_err().http_status, Some(404));
}

#[test]
fn workspace_backends_stay_in_their_workspace() {
    let service = Service::start(None);
    let mut workspace = context();
    workspace["WorkspaceId"] = json!("wks1");
    let p = Parameters::from_value(json!({ "Context": workspace, "BackendId": "ws", "Url": "https://ws/", "Protocol": "http" })).unwrap();
    let created = service.run(ops::create_or_update(&service.client, &p)).unwrap().output.remove(0);
    assert!(created["Id"].as_str().unwrap().ends_with("/service/apimService1/workspaces/wks1/backends/ws"));
    assert_eq!(created["Context"]["WorkspaceId"], json!("wks1"), "a piped object stays in the workspace");
    assert!(get(&service, "ws").is_err(), "not a service-level backend");
    let p = Parameters::from_value(json!({ "InputObject": created })).unwrap();
    let error = service.run(ops::reconnect(&service.client, &p)).unwrap_err();
    assert!(error.message.contains("workspaceId"), "{}", error.message);
}
