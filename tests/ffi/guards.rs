//! Bad input at the C ABI comes back as a status plus an error JSON naming the argument, never
//! as a crash: NULL in every pointer argument, invalid UTF-8, malformed and wrong-typed JSON, and
//! a panic caught at the boundary.

use crate::ffi_support;

use apim_native::ffi::*;
use ffi_support::*;
use std::ffi::c_char;
use std::ptr;

const VALID_REQUEST: &str = r#"{"resourceGroupName":"rg1","serviceName":"apimService1","backendId":"b1"}"#;

fn assert_null_error(status: ApimStatus, json: &serde_json::Value, argument: &str) {
    assert_eq!(status, ApimStatus::NullArgument, "{json}");
    assert_eq!(json["code"], "NullArgument", "{json}");
    assert_eq!(json["target"], argument, "{json}");
    assert!(json["message"].as_str().unwrap().contains(argument), "{json}");
}

#[test]
fn null_out_json_is_reported_by_status_alone() {
    let client = Client::new(OFFLINE_OPTIONS);
    let request = c(VALID_REQUEST);
    for (name, f) in backend_ops() {
        // SAFETY: NULL out_json is part of the contract.
        let status = unsafe { f(client.ptr(), request.as_ptr(), ptr::null_mut()) };
        assert_eq!(status, ApimStatus::NullArgument, "{name}");
    }
    let options = c("{}");
    let mut handle = ptr::null_mut();
    // SAFETY: as above.
    unsafe {
        assert_eq!(apim_client_new(options.as_ptr(), &mut handle, ptr::null_mut()), ApimStatus::NullArgument);
        assert!(handle.is_null(), "nothing is created when nothing can be reported");
        let mut emulator = ptr::null_mut();
        assert_eq!(apim_emulator_start(options.as_ptr(), &mut emulator, ptr::null_mut()), ApimStatus::NullArgument);
        assert!(emulator.is_null());
        assert_eq!(apim_test_panic(ptr::null_mut()), ApimStatus::NullArgument);
    }
}

#[test]
fn null_client_and_null_request_in_every_backend_operation() {
    let client = Client::new(OFFLINE_OPTIONS);
    for (name, f) in backend_ops() {
        let (status, json) = op(f, ptr::null(), VALID_REQUEST);
        assert_null_error(status, &json, "client");

        let mut out = ptr::null_mut();
        // SAFETY: NULL request_json is part of the contract.
        let status = unsafe { f(client.ptr(), ptr::null(), &mut out) };
        let json = parse(&take(out));
        assert_null_error(status, &json, "request_json");
        let _ = name;
    }
}

#[test]
fn null_arguments_of_client_new_and_emulator_start() {
    let options = c("{}");
    // SAFETY: every NULL below is part of the contract.
    unsafe {
        let mut out = ptr::null_mut();
        let mut client = ptr::null_mut();
        let status = apim_client_new(ptr::null(), &mut client, &mut out);
        assert_null_error(status, &parse(&take(out)), "options_json");
        assert!(client.is_null());

        let status = apim_client_new(options.as_ptr(), ptr::null_mut(), &mut out);
        assert_null_error(status, &parse(&take(out)), "out_client");

        let mut emulator = ptr::null_mut();
        let status = apim_emulator_start(ptr::null(), &mut emulator, &mut out);
        assert_null_error(status, &parse(&take(out)), "options_json");
        assert!(emulator.is_null());

        let status = apim_emulator_start(options.as_ptr(), ptr::null_mut(), &mut out);
        assert_null_error(status, &parse(&take(out)), "out_emulator");
    }
}

#[test]
fn freeing_and_cancelling_null_is_a_no_op() {
    // SAFETY: NULL is documented as a no-op for each.
    unsafe {
        apim_client_free(ptr::null_mut());
        apim_client_cancel(ptr::null());
        apim_emulator_stop(ptr::null_mut());
        apim_string_free(ptr::null_mut());
    }
}

/// Bytes that are not UTF-8 (a lone continuation byte and an overlong form), NUL-terminated.
const NOT_UTF8: &[u8] = b"{\"resourceGroupName\":\"r\x80g\xc0\xaf\"}\0";

#[test]
fn invalid_utf8_in_every_string_argument() {
    let bad = NOT_UTF8.as_ptr() as *const c_char;
    let client = Client::new(OFFLINE_OPTIONS);
    for (name, f) in backend_ops() {
        let mut out = ptr::null_mut();
        // SAFETY: NUL-terminated bytes; invalid UTF-8 is part of the contract.
        let status = unsafe { f(client.ptr(), bad, &mut out) };
        let json = parse(&take(out));
        assert_eq!(status, ApimStatus::InvalidArgument, "{name}: {json}");
        assert_eq!(json["target"], "request_json", "{name}: {json}");
        assert!(json["message"].as_str().unwrap().contains("not valid UTF-8"), "{json}");
        assert_eq!(json["category"], "InvalidArgument");
    }
    // SAFETY: as above.
    unsafe {
        let mut out = ptr::null_mut();
        let mut handle = ptr::null_mut();
        let status = apim_client_new(bad, &mut handle, &mut out);
        let json = parse(&take(out));
        assert_eq!(status, ApimStatus::InvalidArgument);
        assert_eq!(json["target"], "options_json");
        assert!(handle.is_null());

        let mut emulator = ptr::null_mut();
        let status = apim_emulator_start(bad, &mut emulator, &mut out);
        let json = parse(&take(out));
        assert_eq!(status, ApimStatus::InvalidArgument);
        assert_eq!(json["target"], "options_json");
        assert!(emulator.is_null());
    }
}

#[test]
fn malformed_json_names_the_argument_and_the_position() {
    let client = Client::new(OFFLINE_OPTIONS);
    for text in ["", "{", "{\"resourceGroupName\":}", "not json", "{} trailing", "{\"resourceGroupName\":\"rg\",}"] {
        for (name, f) in backend_ops() {
            let (status, json) = op(f, client.ptr(), text);
            assert_eq!(status, ApimStatus::InvalidArgument, "{name} {text:?}: {json}");
            assert_eq!(json["code"], "InvalidArgument", "{text:?}: {json}");
            assert_eq!(json["target"], "request_json", "{json}");
            let message = json["message"].as_str().unwrap();
            assert!(message.starts_with("request_json is not valid JSON"), "{message}");
            assert!(message.contains("line 1 column"), "{message}");
        }
    }
}

#[test]
fn wrong_typed_missing_and_unknown_fields_name_their_json_path() {
    let client = Client::new(OFFLINE_OPTIONS);
    let cases = [
        (r#"{"resourceGroupName":5,"serviceName":"s"}"#, "resourceGroupName", "InvalidType"),
        (r#"{"resourceGroupName":"rg","serviceName":"s","top":"ten"}"#, "top", "InvalidType"),
        (r#"{"resourceGroupName":"rg","serviceName":"s","onePage":"yes"}"#, "onePage", "InvalidType"),
        (r#"{"serviceName":"s"}"#, "resourceGroupName", "Required"),
        (r#"{"resourceGroupName":"rg","serviceName":"s","backendID":"b"}"#, "backendID", "UnknownField"),
        ("[1,2]", "request_json", "InvalidType"),
        ("null", "request_json", "InvalidType"),
    ];
    for (text, target, rule) in cases {
        let (status, json) = op(apim_backend_get, client.ptr(), text);
        assert_eq!(status, ApimStatus::InvalidArgument, "{text}: {json}");
        assert_eq!(json["code"], "ValidationError", "{json}");
        assert_eq!(json["target"], target, "{text}: {json}");
        assert_eq!(json["details"][0]["target"], target, "{json}");
        assert_eq!(json["details"][0]["code"], rule, "{text}: {json}");
        assert!(json["message"].as_str().unwrap().contains(target), "{json}");
    }
}

#[test]
fn client_options_errors_name_the_nested_path_and_never_echo_a_secret() {
    let cases = [
        (r#"{"retry":{"maxAttempts":"four"}}"#, "retry.maxAttempts"),
        (r#"{"timeoutSeconds":-1}"#, "timeoutSeconds"),
        (r#"{"apiVersion":"1999-01-01"}"#, "apiVersion"),
        (r#"{"armEndpoint":"x","colour":"blue"}"#, "colour"),
        (r#"{"auth":"s3cr3t-token-value"}"#, "auth"),
    ];
    for (text, target) in cases {
        let options = c(text);
        let mut client = ptr::null_mut();
        let mut out = ptr::null_mut();
        // SAFETY: valid pointers.
        let status = unsafe { apim_client_new(options.as_ptr(), &mut client, &mut out) };
        let raw = take(out);
        let json = parse(&raw);
        assert_eq!(status, ApimStatus::InvalidArgument, "{text}: {json}");
        assert_eq!(json["target"], target, "{text}: {json}");
        assert!(client.is_null(), "no client on failure");
        assert!(!raw.contains("s3cr3t"), "a secret leaked into the error: {raw}");
    }
}

#[test]
fn client_new_reports_its_effective_options_without_the_token() {
    let options = c(r#"{"armEndpoint":"http://127.0.0.1:9","apiVersion":"2024-05-01","auth":{"kind":"token","token":"s3cr3t"}}"#);
    let mut client = ptr::null_mut();
    let mut out = ptr::null_mut();
    // SAFETY: valid pointers.
    let status = unsafe { apim_client_new(options.as_ptr(), &mut client, &mut out) };
    let raw = take(out);
    assert_eq!(status, ApimStatus::Ok, "{raw}");
    let json = parse(&raw);
    assert_eq!(json["apiVersion"], "2024-05-01");
    assert_eq!(json["armEndpoint"], "http://127.0.0.1:9");
    assert!(!raw.contains("s3cr3t"));
    // SAFETY: created above, freed once.
    unsafe { apim_client_free(client) };
}

#[test]
fn emulator_refuses_a_non_loopback_listen_address() {
    let options = c(r#"{"listen":"0.0.0.0:0"}"#);
    let mut emulator = ptr::null_mut();
    let mut out = ptr::null_mut();
    // SAFETY: valid pointers.
    let status = unsafe { apim_emulator_start(options.as_ptr(), &mut emulator, &mut out) };
    let json = parse(&take(out));
    assert_eq!(status, ApimStatus::InvalidArgument, "{json}");
    assert_eq!(json["target"], "listen");
    assert!(emulator.is_null());
}

#[test]
fn a_panic_becomes_apim_status_panic_and_the_library_stays_usable() {
    for _ in 0..3 {
        let mut out = ptr::null_mut();
        // SAFETY: writable out.
        let status = unsafe { apim_test_panic(&mut out) };
        let json = parse(&take(out));
        assert_eq!(status, ApimStatus::Panic, "{json}");
        assert_eq!(json["code"], "InternalPanic");
        assert!(json["message"].as_str().unwrap().contains("apim_test_panic"), "{json}");
        assert!(json["message"].as_str().unwrap().contains("deliberate panic"), "{json}");
    }
    // Still usable: a normal call after the panics.
    let client = Client::new(OFFLINE_OPTIONS);
    let (status, json) = op(apim_backend_get, client.ptr(), "{");
    assert_eq!(status, ApimStatus::InvalidArgument, "{json}");
}

#[test]
fn status_values_are_the_documented_abi() {
    assert_eq!(ApimStatus::Ok as i32, 0);
    assert_eq!(ApimStatus::Error as i32, 1);
    assert_eq!(ApimStatus::InvalidArgument as i32, 2);
    assert_eq!(ApimStatus::NullArgument as i32, 3);
    assert_eq!(ApimStatus::Panic as i32, 4);
    assert_eq!(ApimStatus::Cancelled as i32, 5);
}
