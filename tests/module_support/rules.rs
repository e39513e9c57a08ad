//! The module code rules of the team brief and STYLE.md that a syntax tree can check: code that
//! runs on Windows PowerShell 5.1 and PowerShell 7 alike, PSScriptAnalyzer's defaults (approved
//! verbs, no Write-Host, no aliases, no positional arguments) and no bare `throw "text"`.

use super::{children, code_only, find_all, node_text, visit};
use tree_sitter::Tree;

/// `Get-Verb` on PowerShell 7.
pub const APPROVED_VERBS: &[&str] = &[
    "Add", "Approve", "Assert", "Backup", "Block", "Build", "Checkpoint", "Clear", "Close", "Compare", "Complete",
    "Compress", "Confirm", "Connect", "Convert", "ConvertFrom", "ConvertTo", "Copy", "Debug", "Deny", "Deploy",
    "Disable", "Disconnect", "Dismount", "Edit", "Enable", "Enter", "Exit", "Expand", "Export", "Find", "Format",
    "Get", "Grant", "Group", "Hide", "Import", "Initialize", "Install", "Invoke", "Join", "Limit", "Lock",
    "Measure", "Merge", "Mount", "Move", "New", "Open", "Optimize", "Out", "Ping", "Pop", "Protect", "Publish",
    "Push", "Read", "Receive", "Redo", "Register", "Remove", "Rename", "Repair", "Request", "Reset", "Resize",
    "Resolve", "Restart", "Restore", "Resume", "Revoke", "Save", "Search", "Select", "Send", "Set", "Show", "Skip",
    "Split", "Start", "Step", "Stop", "Submit", "Suspend", "Switch", "Sync", "Test", "Trace", "Unblock", "Undo",
    "Uninstall", "Unlock", "Unprotect", "Unpublish", "Unregister", "Update", "Use", "Wait", "Watch", "Write",
];

/// Built-in aliases PSScriptAnalyzer's AvoidUsingCmdletAliases reports.
pub const ALIASES: &[&str] = &[
    "%", "?", "ac", "cat", "cd", "chdir", "clc", "clear", "clhy", "cli", "clp", "cls", "clv", "cnsn", "compare", "copy",
    "cp", "cpi", "cpp", "curl", "cvpa", "dbp", "del", "diff", "dir", "dnsn", "ebp", "echo", "epal", "epcsv", "epsn",
    "erase", "etsn", "exsn", "fc", "fhx", "fl", "foreach", "ft", "fw", "gal", "gbp", "gc", "gci", "gcm", "gcs", "gdr",
    "ghy", "gi", "gin", "gjb", "gl", "gm", "gmo", "gp", "gps", "gpv", "group", "gsn", "gsv", "gu", "gv", "h",
    "history", "icm", "iex", "ihy", "ii", "ipal", "ipcsv", "ipmo", "irm", "ise", "iwmi", "iwr", "kill", "lp", "ls",
    "man", "md", "measure", "mi", "mount", "move", "mp", "mv", "nal", "ndr", "ni", "nmo", "npssc", "nsn", "nv",
    "ogv", "oh", "popd", "ps", "pushd", "pwd", "r", "rbp", "rcjb", "rcsn", "rd", "rdr", "ren", "ri", "rjb", "rm",
    "rmdir", "rmo", "rni", "rnp", "rp", "rsn", "rv", "rvpa", "rwmi", "sajb", "sal", "saps", "sasv", "sbp", "sc",
    "select", "set", "shcm", "si", "sl", "sleep", "sls", "sort", "sp", "spjb", "spps", "spsv", "start", "sv",
    "swmi", "tee", "trcm", "type", "wget", "where", "wjb", "write",
];

/// Every rule violation in one script: "line N: what".
pub fn violations(tree: &Tree, source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let line_of = |byte: usize| source[..byte].matches('\n').count() + 1;

    // Operators Windows PowerShell 5.1 lacks (??, ?., ?:, ?[]) and the ? alias all need a '?' in
    // code; comments and strings are blanked first, and $? (last exit status) is fine.
    let code = code_only(tree, source);
    for (i, ch) in code.char_indices() {
        if ch == '?' && !code[..i].ends_with('$') {
            found.push(format!("line {}: '?' operator (??, ?., ?:) or alias", line_of(i)));
        }
    }
    for (i, _) in code.match_indices("&&").chain(code.match_indices("||")) {
        found.push(format!("line {}: pipeline chain operator (&& / ||)", line_of(i)));
    }

    visit(tree.root_node(), &mut |node| match node.kind() {
        "command_parameter" if node_text(node, source).eq_ignore_ascii_case("-Parallel") => {
            found.push(format!("line {}: -Parallel", line_of(node.start_byte())));
        }
        "command" => {
            if let Some(name_node) = children(node).into_iter().find(|c| c.kind() == "command_name") {
                let name = node_text(name_node, source);
                if name.eq_ignore_ascii_case("Write-Host") {
                    found.push(format!("line {}: Write-Host", line_of(node.start_byte())));
                }
                if ALIASES.iter().any(|a| a.eq_ignore_ascii_case(name)) {
                    found.push(format!("line {}: alias '{name}'", line_of(node.start_byte())));
                }
                // Positional arguments matter for cmdlets/functions (Verb-Noun); native programs such
                // as cargo take their own argument syntax (and the module only splats arrays to them).
                let is_cmdlet = name.contains('-') && name.starts_with(|c: char| c.is_ascii_alphabetic());
                let elements = children(node).into_iter().find(|c| c.kind() == "command_elements");
                if let Some(elements) = elements.filter(|_| is_cmdlet) {
                    let mut after_parameter = false;
                    for element in children(elements) {
                        match element.kind() {
                            "command_argument_sep" | "comment" => {}
                            "command_parameter" => after_parameter = !node_text(element, source).ends_with(':'),
                            _ => {
                                let text = node_text(element, source);
                                // A splatted hashtable (@arguments) names its parameters.
                                let splat = text.starts_with('@')
                                    && text[1..].starts_with(|c: char| c.is_alphanumeric() || c == '_');
                                if !after_parameter && !splat {
                                    found.push(format!(
                                        "line {}: positional argument {:?} to {name}",
                                        line_of(element.start_byte()),
                                        text.chars().take(40).collect::<String>()
                                    ));
                                }
                                after_parameter = false;
                            }
                        }
                    }
                }
            }
        }
        "flow_control_statement" => {
            let text = node_text(node, source).trim_start();
            if text.len() > 5 && text[..5].eq_ignore_ascii_case("throw") {
                let rest = text[5..].trim_start();
                if rest.starts_with('"') || rest.starts_with('\'') {
                    found.push(format!("line {}: throw of a bare string (use an ErrorRecord)", line_of(node.start_byte())));
                }
            }
        }
        _ => {}
    });

    for function in find_all(tree.root_node(), "function_name") {
        let name = node_text(function, source);
        let verb = name.split('-').next().unwrap_or("");
        if !name.contains('-') || !APPROVED_VERBS.contains(&verb) {
            found.push(format!("line {}: function {name} does not use an approved verb", line_of(function.start_byte())));
        }
    }
    found
}

/// The ErrorIds a script gives its ErrorRecords: the value after `-ErrorId`, and the first string
/// of `New-Object ...ErrorRecord -ArgumentList @(...)`. Returns (line, id).
pub fn error_ids(tree: &Tree, source: &str) -> Vec<(usize, String)> {
    let line_of = |byte: usize| source[..byte].matches('\n').count() + 1;
    let unquote = |s: &str| s.trim().trim_matches(|c| c == '\'' || c == '"').to_string();
    let mut ids = Vec::new();
    for command in find_all(tree.root_node(), "command") {
        let Some(elements) = children(command).into_iter().find(|c| c.kind() == "command_elements") else { continue };
        let parts: Vec<_> =
            children(elements).into_iter().filter(|c| c.kind() != "command_argument_sep").collect();
        let name = children(command)
            .into_iter()
            .find(|c| c.kind() == "command_name")
            .map(|n| node_text(n, source))
            .unwrap_or("");
        for (i, part) in parts.iter().enumerate() {
            if part.kind() != "command_parameter" {
                continue;
            }
            let parameter = node_text(*part, source);
            let Some(value) = parts.get(i + 1) else { continue };
            if parameter.eq_ignore_ascii_case("-ErrorId") {
                // A computed id ('ApimNative.{0}Failed' -f $Operation) is judged by its format string.
                let literal = find_all(*value, "string_literal").first().copied().unwrap_or(*value);
                ids.push((line_of(value.start_byte()), unquote(node_text(literal, source))));
            }
            let builds_record = name.eq_ignore_ascii_case("New-Object")
                && parts.iter().any(|p| node_text(*p, source).ends_with("ErrorRecord"));
            if builds_record && parameter.eq_ignore_ascii_case("-ArgumentList") {
                if let Some(first) = find_all(*value, "string_literal").first() {
                    ids.push((line_of(first.start_byte()), unquote(node_text(*first, source))));
                }
            }
        }
    }
    ids
}
