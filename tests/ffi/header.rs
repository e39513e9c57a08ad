//! The committed C header is exactly what the pinned cbindgen generates from src/ffi/, and its
//! version macros agree with Cargo.toml and apim_version().
//!
//! Regenerate after changing the C ABI:  UPDATE_HEADER=1 cargo test --test ffi header::

use std::ffi::CStr;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn generate() -> String {
    let config = cbindgen::Config::from_file(root().join("cbindgen.toml")).expect("cbindgen.toml parses");
    // Only src/ffi/ (and the modules it declares) is parsed: the header depends on the C ABI files
    // alone, so a type or constant added elsewhere in the crate cannot change it.
    let bindings = cbindgen::Builder::new()
        .with_src(root().join("src").join("ffi").join("mod.rs"))
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header");
    let mut out = Vec::new();
    bindings.write(&mut out);
    String::from_utf8(out).expect("header is UTF-8")
}

fn header_path() -> PathBuf {
    root().join("include").join("apim_native.h")
}

#[test]
fn committed_header_matches_the_generated_one() {
    let generated = generate();
    let path = header_path();
    if std::env::var("UPDATE_HEADER").as_deref() == Ok("1") {
        std::fs::write(&path, &generated).expect("write include/apim_native.h");
        eprintln!("ffi_header: rewrote {}", path.display());
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let first_diff = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .map(|i| i + 1)
            .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()) + 1);
        panic!(
            "include/apim_native.h is out of date with src/ffi/ (first difference at line {first_diff}).\n\
             Regenerate it with the pinned cbindgen:\n    UPDATE_HEADER=1 cargo test --test ffi header::\n\
             and commit the result."
        );
    }
}

fn macro_value(header: &str, name: &str) -> String {
    let prefix = format!("#define {name} ");
    header
        .lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("include/apim_native.h has no {name}"))
        .trim()
        .to_string()
}

fn cargo_toml_version() -> String {
    let text = std::fs::read_to_string(root().join("Cargo.toml")).expect("read Cargo.toml");
    // The first `version = "..."` is the [package] version (it precedes every dependency table).
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("version") && l.contains('='))
        .expect("Cargo.toml has a package version");
    line.split('"').nth(1).expect("quoted version").to_string()
}

#[test]
fn header_version_macros_match_cargo_toml_and_apim_version() {
    let header = std::fs::read_to_string(header_path()).expect("read include/apim_native.h");
    let cargo = cargo_toml_version();
    let parts: Vec<&str> = cargo.split(['.', '-', '+']).collect();
    assert_eq!(macro_value(&header, "APIM_NATIVE_VERSION"), format!("\"{cargo}\""));
    assert_eq!(macro_value(&header, "APIM_NATIVE_VERSION_MAJOR"), parts[0]);
    assert_eq!(macro_value(&header, "APIM_NATIVE_VERSION_MINOR"), parts[1]);
    assert_eq!(macro_value(&header, "APIM_NATIVE_VERSION_PATCH"), parts[2]);
    // SAFETY: apim_version returns a static NUL-terminated string.
    let runtime = unsafe { CStr::from_ptr(apim_native::ffi::apim_version()) }.to_str().unwrap();
    assert_eq!(runtime, cargo);
}

#[test]
fn header_declares_the_whole_c_abi_and_no_test_probe() {
    let header = std::fs::read_to_string(header_path()).expect("read include/apim_native.h");
    for name in [
        "apim_version",
        "apim_string_free",
        "apim_client_new",
        "apim_client_free",
        "apim_client_cancel",
        "apim_backend_create_or_update",
        "apim_backend_get",
        "apim_backend_get_entity_tag",
        "apim_backend_list",
        "apim_backend_update",
        "apim_backend_delete",
        "apim_backend_reconnect",
        "apim_emulator_start",
        "apim_emulator_stop",
        "apim_backend_credential_new",
        "apim_backend_proxy_new",
        "apim_backend_service_fabric_new",
        "apim_backend_tls_new",
        "apim_backend_pool_item_new",
        "apim_backend_pool_new",
        "apim_backend_circuit_breaker_rule_new",
        "apim_api_connector_create",
        "apim_api_connector_get",
        "apim_api_connector_list",
        "apim_api_connector_update",
        "apim_api_connector_delete",
        "apim_api_connector_upload_client_certificate",
        "apim_backend_export",
        "apim_backend_plan",
        "apim_backend_sync",
        "apim_backend_mirror",
        "apim_api_connector_export",
        "apim_api_connector_plan",
        "apim_api_connector_sync",
    ] {
        assert!(header.contains(&format!("{name}(")), "header lacks {name}");
    }
    for status in ["APIM_STATUS_OK = 0", "APIM_STATUS_ERROR = 1", "APIM_STATUS_INVALID_ARGUMENT = 2",
                   "APIM_STATUS_NULL_ARGUMENT = 3", "APIM_STATUS_PANIC = 4", "APIM_STATUS_CANCELLED = 5"] {
        assert!(header.contains(status), "header lacks {status}");
    }
    assert!(!header.contains("apim_test_panic"), "the panic probe must stay out of the header");
    assert!(Path::new(&header_path()).exists());
}
