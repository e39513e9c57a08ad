//! Every call of a module-private function names only parameters that function declares. A
//! plain function takes an unknown `-Name` silently into `$args` and an advanced one fails only at
//! run time, on the path that passes it: a parameter removed from a helper and left at one call
//! site (seen: -CommandName, removed from ConvertTo-ApimErrorRecord and still passed on an error
//! path of Connect-ApimNative) is found here instead.

use crate::support::{children, files_under, find_all, module_dir, node_text, parse, read};
use std::collections::BTreeMap;

/// What an advanced function binds besides its own parameters.
const COMMON: &[&str] = &[
    "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
    "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
];

/// Each private function's declared parameter names (and whether it is advanced).
fn private_functions() -> BTreeMap<String, (Vec<String>, bool)> {
    let mut functions = BTreeMap::new();
    for file in files_under(&module_dir().join("Private"), &["ps1"]) {
        let source = read(&file);
        let tree = parse(&source);
        for definition in find_all(tree.root_node(), "function_statement") {
            let Some(name) = children(definition).into_iter().find(|c| c.kind() == "function_name") else { continue };
            let name = node_text(name, &source).to_string();
            let advanced = node_text(definition, &source).contains("[CmdletBinding(");
            let parameters = find_all(definition, "script_parameter")
                .into_iter()
                .filter_map(|parameter| children(parameter).into_iter().find(|c| c.kind() == "variable"))
                .map(|variable| node_text(variable, &source).trim_start_matches('$').to_string())
                .collect();
            functions.insert(name, (parameters, advanced));
        }
    }
    functions
}

#[test]
fn every_call_of_a_private_function_names_only_its_parameters() {
    let functions = private_functions();
    assert!(functions.len() >= 8, "expected the private helpers, found {functions:?}");
    let mut problems = Vec::new();
    let mut calls = 0;
    for file in files_under(&module_dir(), &["ps1", "psm1"]) {
        let source = read(&file);
        let tree = parse(&source);
        for command in find_all(tree.root_node(), "command") {
            let Some(name) = children(command).into_iter().find(|c| c.kind() == "command_name") else { continue };
            let Some((parameters, advanced)) = functions.get(node_text(name, &source)) else { continue };
            calls += 1;
            for given in find_all(command, "command_parameter") {
                let given = node_text(given, &source).trim_start_matches('-').trim_end_matches(':');
                // PowerShell takes any unambiguous prefix of a parameter name.
                let known = parameters.iter().any(|p| p.len() >= given.len() && p[..given.len()].eq_ignore_ascii_case(given))
                    || (*advanced && COMMON.iter().any(|p| p.eq_ignore_ascii_case(given)));
                if !known {
                    let line = source[..command.start_byte()].matches('\n').count() + 1;
                    let relative = file.strip_prefix(module_dir()).unwrap_or(&file).display().to_string();
                    problems.push(format!("{relative}:{line}: {} has no -{given}", node_text(name, &source)));
                }
            }
        }
    }
    assert!(calls >= 30, "expected calls of the private helpers, found {calls}");
    assert!(problems.is_empty(), "calls name parameters their function lacks:\n{}", problems.join("\n"));
}
