//! Finding external tools (gcc, mcs, mono) and the cdylib for the tests that spawn them.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// True when `tool` runs. When it does not: a loud message and false, unless `CI=true`, where a
/// missing tool is a failure (CI installs gcc and mono-devel).
pub fn have_tool(tool: &str, version_arg: &str) -> bool {
    let found = Command::new(tool)
        .arg(version_arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !found {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("`{tool}` is required when CI=true but was not found on PATH");
        }
        // Written to the stderr handle directly: libtest captures eprintln! of passing tests,
        // and this message must be seen.
        let _ = writeln!(
            std::io::stderr(),
            "\n!!!!!!!! SKIPPED: `{tool}` is not installed; this test did NOT run (CI=true makes it fail). !!!!!!!!\n"
        );
    }
    found
}

/// The directory holding the `libapim_native.so` of this very build: `cargo test` compiles the
/// library (crate-type cdylib + rlib) into `target/<profile>/deps/`, next to this test
/// executable, in the same rustc run as the rlib the test links. (It is only copied up to
/// `target/<profile>/` by `cargo build`, so that copy may be stale and is not used.)
pub fn cdylib_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let dir = exe.parent().expect("target/<profile>/deps").to_path_buf();
    let lib = dir.join(cdylib_name());
    assert!(
        lib.exists(),
        "{} was not built; the library's crate-type must include cdylib",
        lib.display()
    );
    dir
}

pub fn cdylib_name() -> &'static str {
    if cfg!(target_os = "macos") {
        "libapim_native.dylib"
    } else if cfg!(windows) {
        "apim_native.dll"
    } else {
        "libapim_native.so"
    }
}
