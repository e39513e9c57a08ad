//! Runs the seed examples through the C ABI exactly as the PowerShell module does, on the
//! in-process emulator (no Azure account, no PowerShell needed):
//!
//!     cargo run --release --example seed_demo
//!
//! For each example: builder call (`apim_backend_*_new`) -> `apim_backend_create_or_update` ->
//! `apim_backend_get` -> `apim_backend_update` -> `apim_backend_list` -> `apim_backend_delete`.
//! The request bodies of seed 004 (the REST page `backend-create-or-update.md`) are read from
//! tests/fixtures/seeds. Secrets (authorization parameters, passwords) are masked when printed.

use apim_native::ffi::*;
use serde_json::{json, Value};
use std::ffi::{c_char, CStr, CString};
use std::ptr;

/// The subscription every example uses (the emulator accepts any well-formed id).
const SUBSCRIPTION: &str = "00000000-0000-0000-0000-000000000000";

fn main() {
    let emulator = Emulator::start();
    println!("ApimNative {} — in-process emulator at {}\n", version(), emulator.base_url);
    let client = Client::new(&json!({
        "armEndpoint": emulator.base_url,
        "graphEndpoint": emulator.base_url,
        "subscriptionId": SUBSCRIPTION,
    }));

    let mut failures = 0;
    failures += cmdlet_examples(&client);
    failures += rest_examples(&client);

    println!("== Get-AzApiManagementBackend (list) and Remove-AzApiManagementBackend for everything");
    let context = json!({"resourceGroupName": "Api-Default-WestUS", "serviceName": "contoso"});
    let listed = step("list Api-Default-WestUS/contoso", &mut failures, || client.call(apim_backend_list, &context));
    let rest = json!({"resourceGroupName": "rg1", "serviceName": "apimService1"});
    let listed_rest = step("list rg1/apimService1", &mut failures, || client.call(apim_backend_list, &rest));
    for (address, list) in [(&context, listed), (&rest, listed_rest)] {
        for backend in list.and_then(|l| l["value"].as_array().cloned()).unwrap_or_default() {
            let id = backend["name"].as_str().unwrap_or_default().to_string();
            let mut request = address.clone();
            request["backendId"] = json!(id);
            request["ifMatch"] = json!("*");
            step(&format!("delete {id}"), &mut failures, || client.call(apim_backend_delete, &request));
        }
    }
    let left = step("list after delete", &mut failures, || client.call(apim_backend_list, &context));
    println!("   backends left in contoso: {}\n", left.map(|l| l["value"].as_array().map_or(0, Vec::len)).unwrap_or(0));

    drop(client);
    drop(emulator);
    if failures > 0 {
        println!("{failures} step(s) failed");
        std::process::exit(1);
    }
    println!("all seed examples ran");
}

/// New-AzApiManagementBackendCredential example 1, New-AzApiManagementBackend example 1 and
/// Set-AzApiManagementBackend examples 1 and 2 (context: Api-Default-WestUS / contoso).
fn cmdlet_examples(client: &Client) -> usize {
    let mut failures = 0;
    println!("== New-AzApiManagementBackendCredential -AuthorizationHeaderScheme basic -AuthorizationHeaderParameter opensesame -Query @{{sv=@('xx','bb'); sr=@('cc')}} -Header @{{'x-my-1'=@('val1','val2')}}");
    let credential = step("apim_backend_credential_new", &mut failures, || {
        build(apim_backend_credential_new, &json!({
            "authorization": {"scheme": "basic", "parameter": "opensesame"},
            "query": {"sv": ["xx", "bb"], "sr": ["cc"]},
            "header": {"x-my-1": ["val1", "val2"]},
        }))
    })
    .map(|c| c["body"].clone())
    .unwrap_or(Value::Null);

    println!("== New-AzApiManagementBackend -BackendId 123 -Url 'https://contoso.com/awesomeapi' -Protocol http -Title 'first backend' -SkipCertificateChainValidation $true -Credential $credential -Description 'my backend'");
    let tls = step("apim_backend_tls_new", &mut failures, || {
        // The cmdlet always sends a complete tls object (the service refuses a partial one:
        // "Default backend property required"), so the other flag keeps its default.
        build(apim_backend_tls_new, &json!({"validateCertificateChain": false, "validateCertificateName": true}))
    })
    .map(|t| t["body"].clone())
    .unwrap_or(Value::Null);
    let address = json!({"resourceGroupName": "Api-Default-WestUS", "serviceName": "contoso", "backendId": "123"});
    let mut create = address.clone();
    create["body"] = json!({"properties": {
        "url": "https://contoso.com/awesomeapi", "protocol": "http", "title": "first backend",
        "description": "my backend", "tls": tls, "credentials": credential,
    }});
    step("apim_backend_create_or_update", &mut failures, || client.call(apim_backend_create_or_update, &create));
    step("apim_backend_get", &mut failures, || client.call(apim_backend_get, &address));

    println!("== Set-AzApiManagementBackend -Context $apimContext -BackendId 123 -Description 'updated description' -PassThru");
    let mut update = address.clone();
    update["ifMatch"] = json!("*");
    update["body"] = json!({"properties": {"description": "updated description"}});
    step("apim_backend_update", &mut failures, || client.call(apim_backend_update, &update));

    println!("== Set-AzApiManagementBackend -BackendId 123 -Context $apimContext -Credential $credential -Protocol http -ResourceId /subscriptions/subid/resourceGroups/Api-Default-West-US/providers/Microsoft.ApiManagement/service/contoso -Url 'https://contoso.com/awesomeapi'");
    update["body"] = json!({"properties": {
        "credentials": credential, "protocol": "http", "url": "https://contoso.com/awesomeapi",
        "resourceId": "/subscriptions/subid/resourceGroups/Api-Default-West-US/providers/Microsoft.ApiManagement/service/contoso",
    }});
    step("apim_backend_update", &mut failures, || client.call(apim_backend_update, &update));
    step("apim_backend_get", &mut failures, || client.call(apim_backend_get, &address));
    println!();
    failures
}

/// Every sample request of seed 004 (Backend - Create Or Update, 2025-03-01-preview), in order,
/// so that pools find the backends they reference.
fn rest_examples(client: &Client) -> usize {
    let mut failures = 0;
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds/backend-create-or-update.md"))
        .expect("read tests/fixtures/seeds/backend-create-or-update.md");
    let samples = sample_requests(&page);
    println!("== Backend - Create Or Update: {} sample requests from seed 004", samples.len());
    // Pool members must exist first ("Backend Entity '<name>' not found."): create plain backends
    // before pools, and the members the page's pools name but never creates itself (with an
    // azureRegion where a member asks for a carbon preference, which needs one).
    let mut ordered = samples.clone();
    ordered.sort_by_key(|(_, body)| body["properties"].get("pool").is_some());
    let sample_ids: Vec<String> = samples.iter().map(|(id, _)| id.clone()).collect();
    let mut members: Vec<(String, bool)> = Vec::new();
    for (_, body) in &samples {
        for service in body["properties"]["pool"]["services"].as_array().into_iter().flatten() {
            let name = service["id"].as_str().unwrap_or_default().rsplit('/').next().unwrap_or_default().to_string();
            let carbon = service.get("preferredCarbonEmission").is_some();
            if !sample_ids.contains(&name) && !members.iter().any(|(m, _)| *m == name) {
                members.push((name, carbon));
            }
        }
    }
    for (name, carbon) in members {
        println!("-- {name} (a pool member the page does not create)");
        let mut create = json!({"resourceGroupName": "rg1", "serviceName": "apimService1", "backendId": name});
        create["body"] = json!({"properties": {"url": format!("https://{name}.example/"), "protocol": "http"}});
        if carbon {
            create["body"]["properties"]["azureRegion"] = json!("northeurope");
        }
        step("apim_backend_create_or_update", &mut failures, || client.call(apim_backend_create_or_update, &create));
    }
    for (id, body) in ordered {
        println!("-- {id}");
        let address = json!({"resourceGroupName": "rg1", "serviceName": "apimService1", "backendId": id});
        let mut create = address.clone();
        create["body"] = body;
        step("apim_backend_create_or_update", &mut failures, || client.call(apim_backend_create_or_update, &create));
        step("apim_backend_get", &mut failures, || client.call(apim_backend_get, &address));
    }
    println!();
    failures
}

/// (backendId, body) for each "Sample request" of a REST reference page: the PUT line names the
/// backend, the JSON object after it is the body.
fn sample_requests(page: &str) -> Vec<(String, Value)> {
    let mut samples = Vec::new();
    let mut rest = page;
    while let Some(at) = rest.find("Sample request") {
        rest = &rest[at + "Sample request".len()..];
        let Some(put) = rest.find("PUT https://") else { break };
        let line_end = rest[put..].find('\n').map_or(rest.len(), |e| put + e);
        let url = &rest[put..line_end];
        let id = url.split("/backends/").nth(1).and_then(|s| s.split('?').next()).unwrap_or("").to_string();
        let after = &rest[line_end..];
        let Some(start) = after.find('{') else { break };
        let mut stream = serde_json::Deserializer::from_str(&after[start..]).into_iter::<Value>();
        if let Some(Ok(body)) = stream.next() {
            samples.push((id, body));
        }
        rest = after;
    }
    samples
}

/// Runs one C ABI call, prints its outcome in one or two readable lines, counts failures.
fn step(label: &str, failures: &mut usize, call: impl FnOnce() -> (ApimStatus, Value)) -> Option<Value> {
    let (status, out) = call();
    if status == ApimStatus::Ok {
        println!("   ok   {label}: {}", summary(&out));
        Some(out)
    } else {
        *failures += 1;
        println!("   FAIL {label}: {status:?} {}", mask(out));
        None
    }
}

/// The interesting part of a result: HTTP status, name, ETag and the (masked) properties.
fn summary(out: &Value) -> String {
    if let Some(list) = out.get("value").and_then(Value::as_array) {
        let names: Vec<&str> = list.iter().filter_map(|b| b["name"].as_str()).collect();
        return format!("{} backend(s) [{}]", names.len(), names.join(", "));
    }
    let mut parts = Vec::new();
    if let Some(status) = out.get("status").and_then(Value::as_u64) {
        parts.push(format!("HTTP {status}"));
    }
    if let Some(etag) = out.get("etag").and_then(Value::as_str) {
        parts.push(format!("ETag {etag}"));
    }
    if let Some(Value::Object(body)) = out.get("body") {
        let shown = body.get("properties").cloned().unwrap_or_else(|| Value::Object(body.clone()));
        parts.push(mask(shown).to_string());
    }
    parts.join("  ")
}

/// Replaces secret values (authorization parameters, passwords) with "***".
fn mask(mut value: Value) -> Value {
    fn walk(v: &mut Value, parent_is_authorization: bool) {
        match v {
            Value::Object(map) => {
                for (key, child) in map.iter_mut() {
                    let secret = key == "password" || (parent_is_authorization && key == "parameter");
                    if secret && child.is_string() {
                        *child = json!("***");
                    } else {
                        walk(child, key == "authorization");
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| walk(i, false)),
            _ => {}
        }
    }
    walk(&mut value, false);
    value
}

fn version() -> String {
    // SAFETY: apim_version returns a static NUL-terminated string.
    unsafe { CStr::from_ptr(apim_version()) }.to_string_lossy().into_owned()
}

/// Takes a string the library handed out and frees it with apim_string_free.
fn take(s: *mut c_char) -> Value {
    if s.is_null() {
        return Value::Null;
    }
    // SAFETY: from the library, freed once here.
    let text = unsafe { CStr::from_ptr(s) }.to_string_lossy().into_owned();
    unsafe { apim_string_free(s) };
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}

fn build(f: unsafe extern "C" fn(*const c_char, *mut *mut c_char) -> ApimStatus, request: &Value) -> (ApimStatus, Value) {
    let request = CString::new(request.to_string()).expect("JSON has no NUL");
    let mut out = ptr::null_mut();
    // SAFETY: valid NUL-terminated input and a writable out pointer.
    let status = unsafe { f(request.as_ptr(), &mut out) };
    (status, take(out))
}

type Operation = unsafe extern "C" fn(*const apim_native::ffi::ApimClientHandle, *const c_char, *mut *mut c_char) -> ApimStatus;

struct Client(*mut apim_native::ffi::ApimClientHandle);

impl Client {
    fn new(options: &Value) -> Client {
        let options = CString::new(options.to_string()).expect("JSON has no NUL");
        let mut client = ptr::null_mut();
        let mut out = ptr::null_mut();
        // SAFETY: valid pointers.
        let status = unsafe { apim_client_new(options.as_ptr(), &mut client, &mut out) };
        let json = take(out);
        assert_eq!(status, ApimStatus::Ok, "apim_client_new: {json}");
        Client(client)
    }

    fn call(&self, f: Operation, request: &Value) -> (ApimStatus, Value) {
        let request = CString::new(request.to_string()).expect("JSON has no NUL");
        let mut out = ptr::null_mut();
        // SAFETY: a live client, NUL-terminated input, writable out.
        let status = unsafe { f(self.0, request.as_ptr(), &mut out) };
        (status, take(out))
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // SAFETY: created by apim_client_new, freed once.
        unsafe { apim_client_free(self.0) };
    }
}

struct Emulator {
    handle: *mut ApimEmulator,
    base_url: String,
}

impl Emulator {
    fn start() -> Emulator {
        let options = CString::new("{}").expect("no NUL");
        let mut handle = ptr::null_mut();
        let mut out = ptr::null_mut();
        // SAFETY: valid pointers.
        let status = unsafe { apim_emulator_start(options.as_ptr(), &mut handle, &mut out) };
        let json = take(out);
        assert_eq!(status, ApimStatus::Ok, "apim_emulator_start: {json}");
        Emulator { handle, base_url: json["baseUrl"].as_str().unwrap_or_default().to_string() }
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        // SAFETY: started by apim_emulator_start, stopped once.
        unsafe { apim_emulator_stop(self.handle) };
    }
}
