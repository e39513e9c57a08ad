//! Every public cmdlet forwards its caller's preference variables by dot-sourcing
//! Use-ApimCallerPreference: called without the dot, the function's assignments would land in its
//! own scope and vanish, and a runbook's $ErrorActionPreference = 'Stop' or $WhatIfPreference
//! would silently stop reaching the cmdlet (PowerShell accepts any arguments to a plain function,
//! so nothing would fail at run time). A builder cmdlet calls `[ApimNative.Interop]::RunBuilder($PSCmdlet, ...)`
//! instead, which needs no forwarding: a builder writes nothing a preference governs and its one
//! error is terminating (the doc comment of Interop.RunBuilder says why).

use crate::support::{code_only, parse, public_files, read};

const FORWARDER: &str = "Use-ApimCallerPreference";
const BUILDER_FORWARDER: &str = "[ApimNative.Interop]::RunBuilder($PSCmdlet,";

/// The places in `code` where the forwarder is called, each with whether it is dot-sourced.
fn calls(code: &str) -> Vec<(usize, bool)> {
    code.match_indices(FORWARDER)
        .filter(|(at, _)| !code[..*at].trim_end().ends_with("function"))
        .map(|(at, _)| {
            let line = code[..at].matches('\n').count() + 1;
            let before = code[..at].trim_end_matches([' ', '\t']);
            (line, before.ends_with('.') && !before.ends_with(".."))
        })
        .collect()
}

#[test]
fn every_public_cmdlet_dot_sources_the_preference_forwarder() {
    let files = public_files();
    assert!(files.len() >= 20, "expected the public cmdlets, found {files:?}");
    let mut problems = Vec::new();
    for file in files {
        let source = read(&file);
        let code = code_only(&parse(&source), &source);
        let found = calls(&code);
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        if found.is_empty() && !code.contains(BUILDER_FORWARDER) {
            problems.push(format!("{name}: never calls {FORWARDER} (nor {BUILDER_FORWARDER} ...)"));
        }
        for (line, dot_sourced) in found {
            if !dot_sourced {
                problems.push(format!("{name}:{line}: calls {FORWARDER} without the dot (write `. {FORWARDER}`)"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_tells_a_dot_sourced_call_from_a_plain_one() {
    assert_eq!(calls("    . Use-ApimCallerPreference\n"), vec![(1, true)]);
    assert_eq!(calls("\n    Use-ApimCallerPreference -Cmdlet $PSCmdlet\n"), vec![(2, false)]);
    assert!(calls("function Use-ApimCallerPreference {\n}").is_empty());
}
