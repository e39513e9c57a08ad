//! Every PowerShell file we ship or run (module/, build.ps1, tests/pester/, benches/pwsh/) parses without a
//! single ERROR or MISSING node under tree-sitter-powershell. pwsh does not exist on the build
//! machines, so this is the check that a script is at least well-formed.

use crate::support;

use support::{files_under, parse, read, repo_root, syntax_problems};

fn scripts() -> Vec<std::path::PathBuf> {
    let root = repo_root();
    let mut files = files_under(&root.join("module"), &["ps1", "psm1", "psd1"]);
    files.extend(files_under(&root.join("tests").join("pester"), &["ps1"]));
    files.extend(files_under(&root.join("benches").join("pwsh"), &["ps1"]));
    files.push(root.join("build.ps1"));
    files
}

#[test]
fn every_script_parses_without_error_or_missing_nodes() {
    let files = scripts();
    // The module has a root module, a manifest, private helpers and at least the 8 Az cmdlets.
    assert!(files.len() >= 12, "expected the module's scripts, found only {files:?}");
    let mut failures = Vec::new();
    for file in &files {
        assert!(file.exists(), "{} is missing", file.display());
        let source = read(file);
        let tree = parse(&source);
        for problem in syntax_problems(&tree, &source) {
            failures.push(format!("{}: {problem}", file.strip_prefix(repo_root()).unwrap_or(file).display()));
        }
    }
    assert!(failures.is_empty(), "syntax problems:\n{}", failures.join("\n"));
}

#[test]
fn the_check_notices_broken_scripts() {
    // The same check must reject what PowerShell rejects, or the test above proves nothing.
    for broken in [
        "function Get-X { param( [Parameter(Mandatory = $true] [string]$Name ) }",
        "if ($a -eq 1) { 'one' ",
        "$x = @{ A = 1 ",
        "$a = $b ?? $c",
    ] {
        let tree = parse(broken);
        assert!(!syntax_problems(&tree, broken).is_empty(), "not reported as broken: {broken}");
    }
    let fine = "function Get-X {\n    [CmdletBinding()]\n    param([string]$Name)\n    process { $Name }\n}\n";
    assert!(syntax_problems(&parse(fine), fine).is_empty());
}

#[test]
fn pester_tests_exist_for_every_public_cmdlet() {
    let pester = repo_root().join("tests").join("pester");
    let mut missing = Vec::new();
    for cmdlet in support::public_files() {
        let name = cmdlet.file_stem().unwrap().to_string_lossy().to_string();
        if !pester.join(format!("{name}.Tests.ps1")).exists() {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "no tests/pester/<Cmdlet>.Tests.ps1 for: {missing:?}");
}
