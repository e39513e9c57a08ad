//! tests/c/lifecycle.c, compiled with `gcc -std=c11 -Wall -Wextra -Werror -pedantic
//! -fsanitize=address,undefined` against include/apim_native.h and the cdylib cargo built next to
//! this test, runs the backend lifecycle on the in-process emulator and frees everything it
//! receives: exit 0, the expected lines, and no sanitizer or LeakSanitizer report.

mod ffi_tools;

use std::path::PathBuf;
use std::process::Command;

#[test]
fn c_consumer_runs_clean_under_address_leak_and_undefined_sanitizers() {
    if !ffi_tools::have_tool("gcc", "--version") {
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let lib_dir = ffi_tools::cdylib_dir();
    let work = tempfile::tempdir().expect("temp dir");
    let exe = work.path().join("lifecycle");

    let compile = Command::new("gcc")
        .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic", "-g", "-fsanitize=address,undefined", "-fno-omit-frame-pointer"])
        .arg("-I")
        .arg(root.join("include"))
        .arg(root.join("tests/c/lifecycle.c"))
        .arg("-L")
        .arg(&lib_dir)
        .arg("-lapim_native")
        .arg("-o")
        .arg(&exe)
        .output()
        .expect("run gcc");
    assert!(
        compile.status.success(),
        "gcc failed:\n{}{}",
        String::from_utf8_lossy(&compile.stdout),
        String::from_utf8_lossy(&compile.stderr)
    );

    let run = Command::new(&exe)
        .env("LD_LIBRARY_PATH", &lib_dir)
        // LeakSanitizer works here (no ptrace); any string the program forgot to free, or any
        // allocation the library lost, fails the run.
        .env("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0:halt_on_error=1")
        .env("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
        .output()
        .expect("run the C program");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "C program failed ({:?}):\n{stdout}\n{stderr}", run.status);
    assert!(!stderr.contains("Sanitizer"), "sanitizer report:\n{stderr}");
    for step in [
        "client_new", "create", "get", "list", "update", "delete", "get_after_delete", "null_client",
        "null_request", "malformed_json", "invalid_utf8", "null_out_json",
    ] {
        assert!(stdout.lines().any(|l| l.starts_with(&format!("{step}: ok"))), "step {step} not ok:\n{stdout}");
    }
    assert!(stdout.contains(&format!("version: {}", env!("CARGO_PKG_VERSION"))), "{stdout}");
    assert!(stdout.contains("done: 0 failures"), "{stdout}");
}
