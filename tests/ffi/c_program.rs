//! The C consumers in tests/c/, each compiled with `gcc -std=c11 -Wall -Wextra -Wpedantic
//! -Werror -fsanitize=address,undefined` against include/apim_native.h and the cdylib cargo built
//! next to this test, run on the in-process emulator and free everything they receive: exit 0,
//! the expected lines, and no AddressSanitizer, UndefinedBehaviorSanitizer or LeakSanitizer report.
//! `lifecycle.c` is the backend lifecycle; `every_function.c` calls every exported function.

use crate::ffi_tools;
#[allow(dead_code)]
use crate::graph_support;

use std::path::PathBuf;
use std::process::Command;

/// Compiles `tests/c/{name}.c`, runs it with `env`, and returns its standard output after
/// checking that it exited 0 without a sanitizer report. `None` when gcc is missing (SKIPPED).
fn compile_and_run(name: &str, env: &[(&str, &str)]) -> Option<String> {
    if !ffi_tools::have_tool("gcc", "--version") {
        return None;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let lib_dir = ffi_tools::cdylib_dir();
    let work = tempfile::tempdir().expect("temp dir");
    let exe = work.path().join(name);

    let compile = Command::new("gcc")
        .args(["-std=c11", "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-g", "-fsanitize=address,undefined", "-fno-omit-frame-pointer"])
        .arg("-I")
        .arg(root.join("include"))
        .arg("-I")
        .arg(root.join("tests/c"))
        .arg(root.join(format!("tests/c/{name}.c")))
        .arg("-L")
        .arg(&lib_dir)
        .arg("-lapim_native")
        .arg("-o")
        .arg(&exe)
        .output()
        .expect("run gcc");
    assert!(
        compile.status.success(),
        "gcc failed on {name}.c:\n{}{}",
        String::from_utf8_lossy(&compile.stdout),
        String::from_utf8_lossy(&compile.stderr)
    );

    let run = Command::new(&exe)
        .env("LD_LIBRARY_PATH", &lib_dir)
        // LeakSanitizer works here (no ptrace); any string the program forgot to free, or any
        // allocation the library lost, fails the run.
        .env("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0:halt_on_error=1")
        .env("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
        .envs(env.iter().copied())
        .output()
        .expect("run the C program");
    let stdout = String::from_utf8_lossy(&run.stdout).to_string();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{name} failed ({:?}):\n{stdout}\n{stderr}", run.status);
    assert!(!stderr.contains("Sanitizer"), "sanitizer report from {name}:\n{stderr}");
    assert!(stdout.contains("done: 0 failures"), "{stdout}");
    Some(stdout)
}

fn assert_steps_ok(stdout: &str, steps: &[String]) {
    for step in steps {
        assert!(stdout.lines().any(|l| l.starts_with(&format!("{step}: ok"))), "step {step} not ok:\n{stdout}");
    }
}

#[test]
fn c_consumer_runs_clean_under_address_leak_and_undefined_sanitizers() {
    let Some(stdout) = compile_and_run("lifecycle", &[]) else { return };
    let steps = [
        "client_new", "create", "get", "list", "update", "delete", "get_after_delete", "null_client",
        "null_request", "malformed_json", "invalid_utf8", "null_out_json",
    ];
    assert_steps_ok(&stdout, &steps.map(String::from));
    assert!(stdout.contains(&format!("version: {}", env!("CARGO_PKG_VERSION"))), "{stdout}");
}

/// Every function in the header, found by reading it, is called by every_function.c with a
/// checked result; a function added to the header without a C test fails here.
#[test]
fn every_exported_function_is_called_from_c_under_the_sanitizers() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let header = std::fs::read_to_string(root.join("include/apim_native.h")).expect("header");
    let source = std::fs::read_to_string(root.join("tests/c/every_function.c")).expect("C source");
    let exported: Vec<&str> = header
        .lines()
        .filter(|l| !l.starts_with("//") && !l.starts_with(' '))
        .filter_map(|l| l.find("apim_").map(|at| &l[at..]))
        .filter_map(|l| l.split('(').next().filter(|name| l.contains('(') && !name.contains(' ')))
        .collect();
    assert!(exported.len() >= 34, "found only {exported:?} in the header");
    // Named as a whole word: called directly, or through one of the program's function tables.
    let named = |f: &str| {
        source.match_indices(f).any(|(at, _)| !source[at + f.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
    };
    let uncalled: Vec<&&str> = exported.iter().filter(|f| !named(f)).collect();
    assert!(uncalled.is_empty(), "exported but not called from tests/c/every_function.c: {uncalled:?}");

    let pfx = graph_support::make_pfx("c-test-password", graph_support::now() - graph_support::DAY, graph_support::now() + 30 * graph_support::DAY);
    let (backends, connectors) = (tempfile::tempdir().expect("temp dir"), tempfile::tempdir().expect("temp dir"));
    let env = [
        ("APIM_TEST_PFX_BASE64", pfx.base64.as_str()),
        ("APIM_TEST_PFX_PASSWORD", "c-test-password"),
        ("APIM_TEST_SYNC_BACKENDS", backends.path().to_str().expect("UTF-8 temp path")),
        ("APIM_TEST_SYNC_CONNECTORS", connectors.path().to_str().expect("UTF-8 temp path")),
    ];
    let Some(stdout) = compile_and_run("every_function", &env) else {
        return;
    };
    let mut steps: Vec<String> = [
        "version", "emulator_start_not_loopback", "emulator_start_null", "emulator_start", "client_new_invalid",
        "client_new_null", "client_new", "backend_create_or_update", "backend_get_entity_tag", "backend_get", "backend_list",
        "backend_update", "backend_reconnect", "backend_reconnect_invalid", "backend_delete",
        "backend_get_entity_tag_after_delete", "api_connector_create", "api_connector_get", "api_connector_list",
        "api_connector_update", "api_connector_upload_client_certificate", "api_connector_delete",
        "api_connector_get_after_delete", "call_after_cancel", "backend_export", "backend_plan", "backend_sync",
        "backend_mirror", "api_connector_export", "api_connector_plan", "api_connector_sync",
        "cloud_list", "cloud_list_null_out_json", "session_new_invalid", "session_new_null", "session_new_null_out_session",
        "session_new_null_out_json", "session_new", "session_client_new", "session_client_new_null_session",
        "session_client_new_null_options", "session_client_new_null_out_client", "session_client_new_null_out_json",
        "session_backend_list_by_subscription_name", "session_info", "session_info_null", "session_info_null_out_json",
        "session_client_after_session_free",
        "cmdlet_api_connector_should_process", "cmdlet_api_connector_should_process_invalid",
        "cmdlet_api_connector_should_process_null", "cmdlet_api_connector_create", "cmdlet_api_connector_get",
        "cmdlet_api_connector_get_list", "cmdlet_api_connector_update", "cmdlet_api_connector_upload_client_certificate",
        "cmdlet_api_connector_delete",
    ]
    .map(String::from)
    .to_vec();
    for builder in ["credential_new", "proxy_new", "service_fabric_new", "tls_new", "pool_item_new", "pool_new", "circuit_breaker_rule_new"] {
        steps.extend([builder.to_string(), format!("{builder}_invalid"), format!("{builder}_null")]);
    }
    for op in exported.iter().filter(|f| f.starts_with("apim_backend_") || f.starts_with("apim_api_connector_")).filter(|f| !f.ends_with("_new")) {
        let name = op.trim_start_matches("apim_");
        steps.extend([format!("{name}_null_client"), format!("{name}_null_request"), format!("{name}_null_out_json")]);
    }
    for cmdlet in [
        "cmdlet_backend_create_or_update_should_process", "cmdlet_backend_create_or_update", "cmdlet_backend_create_or_update_invalid",
        "cmdlet_backend_get", "cmdlet_backend_get_list", "cmdlet_backend_update_should_process", "cmdlet_backend_update",
        "cmdlet_backend_reconnect_should_process", "cmdlet_backend_reconnect", "cmdlet_backend_delete_should_process", "cmdlet_backend_delete",
    ] {
        steps.extend([cmdlet.to_string(), format!("{cmdlet}_null_client"), format!("{cmdlet}_null_parameters"), format!("{cmdlet}_null_out_json")]);
    }
    for cmdlet in exported.iter().filter(|f| f.starts_with("apim_cmdlet_api_connector_")).filter(|f| !f.ends_with("_should_process")) {
        let name = cmdlet.trim_start_matches("apim_");
        steps.extend([format!("{name}_null_client"), format!("{name}_null_parameters")]);
    }
    assert_steps_ok(&stdout, &steps);
}
