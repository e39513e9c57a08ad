//! module/ApimNative/*.cs, compiled as C# 5 (`mcs -langversion:5`), the same sources build.ps1
//! compiles into bin/ApimNative.Interop.dll, runs tests/dotnet/InteropHarness.cs under mono
//! against the cdylib, whose absolute path it gets at run time (Interop.Load) as in the module.
//! The harness takes the module's path: the cmdlet functions through `Interop.Invoke` with bound
//! parameters as hashtables, answers read into the declared classes (the backend lifecycle on
//! the in-process emulator, a builder, errors), `Zürich 東京 🚀` round-tripped through a
//! description byte for byte, and the Ctrl+C path (a stop signal watched while the call blocks
//! the caller's thread) returning the cancelled answer.

use crate::ffi_tools;

use std::path::PathBuf;
use std::process::Command;

#[test]
fn native_cs_compiles_as_csharp5_and_drives_the_library_under_mono() {
    if !ffi_tools::have_tool("mcs", "--version") || !ffi_tools::have_tool("mono", "--version") {
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let library = ffi_tools::cdylib_dir().join(ffi_tools::cdylib_name());
    let work = tempfile::tempdir().expect("temp dir");

    // Every C# file of the module, as build.ps1 compiles them into the one interop assembly.
    let mut module_sources: Vec<_> = std::fs::read_dir(root.join("module/ApimNative"))
        .expect("module/ApimNative")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "cs"))
        .collect();
    module_sources.sort();
    assert!(module_sources.len() >= 4, "expected the module's C# files, found {module_sources:?}");
    let exe = work.path().join("harness.exe");

    let compile = Command::new("mcs")
        .arg("-langversion:5")
        .arg("-warnaserror+")
        .arg(format!("-out:{}", exe.display()))
        .arg("-r:System.Runtime.Serialization")
        .arg("-r:System.Xml")
        .args(&module_sources)
        .arg(root.join("tests/dotnet/InteropHarness.cs"))
        .output()
        .expect("run mcs");
    assert!(
        compile.status.success(),
        "mcs -langversion:5 failed:\n{}{}",
        String::from_utf8_lossy(&compile.stdout),
        String::from_utf8_lossy(&compile.stderr)
    );

    let run = Command::new("mono").arg(&exe).arg(&library).output().expect("run mono");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "harness failed ({:?}):\n{stdout}\n{stderr}", run.status);
    for step in [
        "load_is_idempotent", "load_refuses_another_path", "start_emulator", "new_client", "create", "create_exchange", "get",
        "unicode_round_trip", "list", "update", "delete", "get_after_delete", "build_credential", "build_refuses_bad_value",
        "unknown_function_refused", "api_connector_list", "call_after_cancel", "new_client_for_cancel", "call_reaches_server",
        "cancelled_call_returns", "cancel_status",
    ] {
        assert!(stdout.lines().any(|l| l == format!("ok {step}")), "step {step} missing:\n{stdout}\n{stderr}");
    }
    let expected: String = "Zürich 東京 🚀".bytes().map(|b| format!("{b:02x}")).collect();
    assert!(stdout.contains(&format!("description_utf8 {expected}")), "UTF-8 bytes differ:\n{stdout}");
    assert!(stdout.contains(&format!("version {}", env!("CARGO_PKG_VERSION"))), "{stdout}");
    assert!(stdout.trim_end().ends_with("done"), "{stdout}");
}
