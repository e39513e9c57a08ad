//! The in-process emulator (apim_emulator_start) cannot take its host down: the requests that
//! aborted the process before (a `$filter` of thousands of nested parentheses or `not`, in both
//! dialects) are answered 400 through the C ABI, and the host process (this test) carries on.

use crate::ffi_support;

use apim_native::ffi::*;
use ffi_support::*;
use serde_json::json;

#[test]
fn deep_filters_through_the_c_abi_are_refused_and_the_host_lives_on() {
    let emulator = Emulator::start();
    let client = emulator.client();
    let nested = format!("{}name eq 'x'{}", "(".repeat(3000), ")".repeat(3000));
    let nots = format!("{}name eq 'x'", "not ".repeat(10_000));
    for filter in [nested, nots] {
        let (status, error) = op(apim_backend_list, client.ptr(), &request("", json!({"backendId": null, "filter": filter})));
        // The emulator (the service) refused it: a service-side 400 is APIM_STATUS_ERROR with its
        // httpStatus; INVALID_ARGUMENT is kept for what the library refuses before sending.
        assert_eq!(status, ApimStatus::Error, "{}", error.to_string().chars().take(300).collect::<String>());
        assert_eq!(error["httpStatus"], 400);
        let targets: Vec<_> = error["details"].as_array().into_iter().flatten().filter_map(|d| d["target"].as_str()).collect();
        assert!(targets.contains(&"$filter"), "{}", error.to_string().chars().take(300).collect::<String>());
    }
    let graph_filter = format!("{}displayName eq 'x'{}", "(".repeat(5000), ")".repeat(5000));
    let request = c(&json!({"filter": graph_filter}).to_string());
    let mut out = std::ptr::null_mut();
    // SAFETY: valid pointers; out is freed by take.
    let status = unsafe { apim_api_connector_list(client.ptr(), request.as_ptr(), &mut out) };
    let error = parse(&take(out));
    assert_ne!(status, ApimStatus::Ok);
    assert_eq!(error["httpStatus"], 400);
    // Still serving.
    let (status, list) = op(apim_backend_list, client.ptr(), &request_for_list());
    assert_eq!(status, ApimStatus::Ok, "{list}");
}

fn request_for_list() -> String {
    request("", json!({"backendId": null}))
}
