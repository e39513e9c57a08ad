//! Helpers for the `tests/ffi_*.rs` files: call the extern functions exactly as C would (raw
//! pointers, NUL-terminated UTF-8, `apim_string_free` on every string received).
#![allow(dead_code)]

use apim_native::ffi::*;
use serde_json::Value;
use std::ffi::{c_char, CStr, CString};
use std::ptr;

pub fn c(text: &str) -> CString {
    CString::new(text).expect("no NUL in test text")
}

/// Copies a string handed out by the library and frees it with apim_string_free.
pub fn take(s: *mut c_char) -> String {
    assert!(!s.is_null(), "the library must set out_json");
    // SAFETY: `s` came from the library and is freed exactly once, here.
    let text = unsafe { CStr::from_ptr(s) }.to_str().expect("out_json is UTF-8").to_string();
    unsafe { apim_string_free(s) };
    text
}

pub fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("out_json is not JSON ({e}): {text}"))
}

/// A function of the shape `(const char *request_json, char **out_json)`.
pub type BuilderFn = unsafe extern "C" fn(*const c_char, *mut *mut c_char) -> ApimStatus;
/// A function of the shape `(const ApimClient *, const char *request_json, char **out_json)`.
pub type ClientOpFn = unsafe extern "C" fn(*const apim_native::ffi::ApimClientHandle, *const c_char, *mut *mut c_char) -> ApimStatus;

/// Every client operation with its C name.
pub fn backend_ops() -> Vec<(&'static str, ClientOpFn)> {
    vec![
        ("apim_backend_create_or_update", apim_backend_create_or_update as ClientOpFn),
        ("apim_backend_get", apim_backend_get),
        ("apim_backend_get_entity_tag", apim_backend_get_entity_tag),
        ("apim_backend_list", apim_backend_list),
        ("apim_backend_update", apim_backend_update),
        ("apim_backend_delete", apim_backend_delete),
        ("apim_backend_reconnect", apim_backend_reconnect),
    ]
}

/// Calls a client operation and returns (status, parsed out_json).
pub fn op(f: ClientOpFn, client: *const apim_native::ffi::ApimClientHandle, request: &str) -> (ApimStatus, Value) {
    let request = c(request);
    let mut out = ptr::null_mut();
    // SAFETY: valid client (or a deliberate NULL), NUL-terminated request, writable out.
    let status = unsafe { f(client, request.as_ptr(), &mut out) };
    (status, parse(&take(out)))
}

pub fn build(f: BuilderFn, request: &str) -> (ApimStatus, Value) {
    let request = c(request);
    let mut out = ptr::null_mut();
    // SAFETY: NUL-terminated request, writable out.
    let status = unsafe { f(request.as_ptr(), &mut out) };
    (status, parse(&take(out)))
}

/// A client created through apim_client_new; freed with apim_client_free on drop.
pub struct Client(pub *mut apim_native::ffi::ApimClientHandle);

// SAFETY: the C ABI promises one client may be used from many threads (ApimClient is Sync).
unsafe impl Send for Client {}
unsafe impl Sync for Client {}

/// Options for clients whose tests must never reach a network: loopback endpoints on the discard
/// port (nothing listens; a connection is refused at once), no credential, an explicit
/// subscription (so neither the environment nor the Azure CLI is consulted) and no retries.
/// A regression in a guard under test then fails locally instead of calling Azure.
pub const OFFLINE_OPTIONS: &str = r#"{"armEndpoint":"http://127.0.0.1:9","graphEndpoint":"http://127.0.0.1:9","auth":{"kind":"none"},"subscriptionId":"00000000-0000-0000-0000-000000000000","retry":{"maxAttempts":1},"timeoutSeconds":5,"connectTimeoutSeconds":2}"#;

impl Client {
    pub fn new(options: &str) -> Client {
        let options = c(options);
        let mut client = ptr::null_mut();
        let mut out = ptr::null_mut();
        // SAFETY: valid pointers.
        let status = unsafe { apim_client_new(options.as_ptr(), &mut client, &mut out) };
        let json = take(out);
        assert_eq!(status, ApimStatus::Ok, "apim_client_new failed: {json}");
        assert!(!client.is_null());
        Client(client)
    }

    pub fn ptr(&self) -> *const apim_native::ffi::ApimClientHandle {
        self.0
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // SAFETY: created by apim_client_new, freed once.
        unsafe { apim_client_free(self.0) };
    }
}

/// The in-process emulator started through apim_emulator_start; stopped on drop.
pub struct Emulator {
    pub handle: *mut ApimEmulator,
    pub base_url: String,
}

// SAFETY: the handle is only used by apim_emulator_stop, once.
unsafe impl Send for Emulator {}
unsafe impl Sync for Emulator {}

impl Emulator {
    pub fn start() -> Emulator {
        Emulator::start_with("{}")
    }

    /// Started with these `apim_emulator_start` options.
    pub fn start_with(options: &str) -> Emulator {
        let options = c(options);
        let mut handle = ptr::null_mut();
        let mut out = ptr::null_mut();
        // SAFETY: valid pointers.
        let status = unsafe { apim_emulator_start(options.as_ptr(), &mut handle, &mut out) };
        let json = parse(&take(out));
        assert_eq!(status, ApimStatus::Ok, "apim_emulator_start failed: {json}");
        let base_url = json["baseUrl"].as_str().expect("baseUrl").to_string();
        assert!(base_url.starts_with("http://127.0.0.1:"), "{base_url}");
        Emulator { handle, base_url }
    }

    /// A client whose ARM and Graph endpoints are this emulator.
    pub fn client(&self) -> Client {
        Client::new(&serde_json::json!({
            "armEndpoint": self.base_url,
            "graphEndpoint": self.base_url,
            "retry": {"maxAttempts": 1},
        }).to_string())
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        // SAFETY: started by apim_emulator_start, stopped once.
        unsafe { apim_emulator_stop(self.handle) };
    }
}

pub const SUB: &str = "00000000-0000-0000-0000-000000000001";

/// A backend request for the emulator, as the module sends it.
pub fn request(backend_id: &str, extra: Value) -> String {
    let mut r = serde_json::json!({
        "subscriptionId": SUB,
        "resourceGroupName": "rg1",
        "serviceName": "apimService1",
        "backendId": backend_id,
    });
    if let (Some(obj), Value::Object(more)) = (r.as_object_mut(), extra) {
        obj.extend(more);
    }
    r.to_string()
}
