//! The cmdlet surface the module declares equals the table derived from the seeds and the Az
//! reference (tests/surface/<Cmdlet>.json, one file per cmdlet; any helper adds its own file and
//! this harness picks it up). Names, types, Mandatory, parameter sets, pipeline binding, aliases,
//! Validate* attributes, SupportsShouldProcess, DefaultParameterSetName and OutputType are read
//! from the param blocks' syntax tree. A missing or extra parameter fails.
//! Also: every public cmdlet has full comment-based help carrying its seed's examples.

use crate::support;

/// The namespace of the module's declared output types (module/ApimNative/OutputTypes.cs).
const DECLARED_NAMESPACE: &str = "ApimNative.Models.";

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use support::surface::{cmdlet_surface, functions, help_comment, CmdletSurface};
use support::{files_under, parse, public_dir, public_files, read, repo_root};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Expectation {
    /// Where each fact comes from (seed file, reference section, issue).
    #[allow(dead_code)]
    derived_from: Vec<String>,
    /// Parameters of the original that are deliberately absent, with the reason.
    #[serde(default)]
    not_mirrored: BTreeMap<String, String>,
    /// Deliberate differences from the original, explained.
    #[serde(default)]
    #[allow(dead_code)]
    deviations: Vec<String>,
    surface: CmdletSurface,
}

fn surface_files() -> Vec<PathBuf> {
    files_under(&repo_root().join("tests").join("surface"), &["json"])
}

fn load(path: &PathBuf) -> Expectation {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What the module declares for `cmdlet` (from Public/<cmdlet>.ps1).
fn declared(cmdlet: &str) -> Result<CmdletSurface, String> {
    let path = public_dir().join(format!("{cmdlet}.ps1"));
    if !path.exists() {
        return Err(format!("{cmdlet}: {} does not exist", path.display()));
    }
    let source = read(&path);
    let tree = parse(&source);
    let all = functions(tree.root_node(), &source);
    let (_, node) = all
        .iter()
        .find(|(name, _)| name == cmdlet)
        .ok_or_else(|| format!("{cmdlet}: no function {cmdlet} in {}", path.display()))?;
    cmdlet_surface(*node, cmdlet, &source)
}

/// The Az or Graph type name each declared type stands for, so that a parameter typed
/// `[ApimNative.Models.PsApiManagementContext]` compares as Az's `PsApiManagementContext` and one
/// typed `[ApimNative.Models.IMicrosoftGraphIdentityApiConnector]` as Graph's interface, which the
/// tables mirror: the output classes name theirs with `[PowerShellTypeName("...")]` (OutputTypes.cs,
/// Emulator.cs), the parameter-only interfaces with `[StandsFor("...")]` (ParameterTypes.cs).
fn declared_type_names() -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for path in files_under(&repo_root().join("module").join("ApimNative"), &["cs"]) {
        let source = read(&path);
        let mut pending: Option<String> = None;
        for line in source.lines() {
            let line = line.trim();
            let named = line.strip_prefix("[PowerShellTypeName(\"").or_else(|| line.strip_prefix("[StandsFor(\""));
            if let Some(rest) = named {
                pending = rest.split('"').next().map(str::to_string);
            } else if let Some(name) = pending.as_ref() {
                let declared = line.strip_prefix("public sealed class ").or_else(|| line.strip_prefix("public interface "));
                if let Some(rest) = declared {
                    names.insert(format!("{DECLARED_NAMESPACE}{}", rest.split_whitespace().next().unwrap_or("")), name.clone());
                    pending = None;
                }
            }
        }
    }
    names
}

/// Whether a declared parameter type is the table's: a declared type is the one it stands for
/// (the parameter keeps its [PSTypeName()] too), and a `[bool]` (`[int]`, `[timespan]`) is Az's
/// `bool?` (Nullable`1[System.Boolean]): it is bound only when given, and help then shows `<bool>`
/// rather than ``<Nullable`1>`` (issue 16).
fn same_type(expected: &str, declared: &str) -> bool {
    let (declared_base, array) = match declared.strip_suffix("[]") {
        Some(base) => (base, "[]"),
        None => (declared, ""),
    };
    let standing_for = declared_type_names().get(declared_base).map(|name| format!("{name}{array}"));
    expected == declared
        || standing_for.as_deref() == Some(expected)
        || expected.strip_prefix("System.Nullable`1[").and_then(|inner| inner.strip_suffix(']')) == Some(declared)
}

/// Every difference between the expected and the declared surface, one line each.
fn differences(expected: &CmdletSurface, actual: &CmdletSurface) -> Vec<String> {
    let mut out = Vec::new();
    let c = &expected.cmdlet;
    if expected.supports_should_process != actual.supports_should_process {
        out.push(format!(
            "{c}: SupportsShouldProcess expected {} declared {}",
            expected.supports_should_process, actual.supports_should_process
        ));
    }
    if expected.default_parameter_set_name != actual.default_parameter_set_name {
        out.push(format!(
            "{c}: DefaultParameterSetName expected {:?} declared {:?}",
            expected.default_parameter_set_name, actual.default_parameter_set_name
        ));
    }
    // Beside the Az/Graph type name the tables mirror, a cmdlet also names the declared .NET type
    // of its objects (ApimNative.Models, for completion and help); the tables do not list those.
    let mirrored: Vec<String> = actual.output_type.iter().filter(|name| !name.starts_with(DECLARED_NAMESPACE)).cloned().collect();
    if expected.output_type != mirrored {
        out.push(format!("{c}: OutputType expected {:?} declared {:?}", expected.output_type, mirrored));
    }
    let declared = actual.output_type.iter().filter(|name| name.starts_with(DECLARED_NAMESPACE)).count();
    if declared > 0 && declared != mirrored.len() {
        out.push(format!("{c}: OutputType names {declared} declared types for {} type names: {:?}", mirrored.len(), actual.output_type));
    }
    for (name, want) in &expected.parameters {
        match actual.parameters.get(name) {
            None => out.push(format!("{c}: parameter -{name} is missing")),
            Some(have) => {
                if !same_type(&want.type_name, &have.type_name) {
                    out.push(format!("{c} -{name}: type expected {} declared {}", want.type_name, have.type_name));
                }
                if want.sets != have.sets {
                    out.push(format!("{c} -{name}: parameter sets expected {:?} declared {:?}", want.sets, have.sets));
                }
                if want.validate != have.validate {
                    out.push(format!("{c} -{name}: validation expected {:?} declared {:?}", want.validate, have.validate));
                }
                if want.aliases != have.aliases {
                    out.push(format!("{c} -{name}: aliases expected {:?} declared {:?}", want.aliases, have.aliases));
                }
            }
        }
    }
    for name in actual.parameters.keys() {
        if !expected.parameters.contains_key(name) {
            out.push(format!("{c}: parameter -{name} is declared but not expected"));
        }
    }
    out
}

#[test]
fn declared_surfaces_match_the_expectation_tables() {
    let files = surface_files();
    assert!(files.len() >= 8, "expected at least the 8 Az cmdlets' tables, found {files:?}");
    let mut problems = Vec::new();
    for file in &files {
        let expectation = load(file);
        let stem = file.file_stem().unwrap().to_string_lossy().to_string();
        assert_eq!(stem, expectation.surface.cmdlet, "{} names another cmdlet", file.display());
        match declared(&expectation.surface.cmdlet) {
            Err(e) => problems.push(e),
            Ok(actual) => {
                problems.extend(differences(&expectation.surface, &actual));
                for name in expectation.not_mirrored.keys() {
                    if actual.parameters.contains_key(name) {
                        problems.push(format!("{}: -{name} is listed as not mirrored but declared", actual.cmdlet));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "surface differences:\n{}", problems.join("\n"));
}

#[test]
fn every_public_cmdlet_has_an_expectation_table() {
    let tables: Vec<String> =
        surface_files().iter().map(|f| f.file_stem().unwrap().to_string_lossy().to_string()).collect();
    let missing: Vec<String> = public_files()
        .iter()
        .map(|f| f.file_stem().unwrap().to_string_lossy().to_string())
        .filter(|name| !tables.contains(name))
        .collect();
    assert!(missing.is_empty(), "no tests/surface/<Cmdlet>.json for {missing:?}");
}

/// Az and Graph show a named type for every parameter (no seed syntax has `<PSObject>` or
/// `<Object>`), so no parameter may be typed so in a table, nor, by the comparison above, in a
/// param block: help would show `<PSObject>` (issue 16). TypedHelp.Tests.ps1 checks what
/// Get-Help renders against the same tables.
#[test]
fn no_parameter_is_typed_psobject_or_object() {
    let untyped = ["System.Management.Automation.PSObject", "System.Object"];
    let mut found = Vec::new();
    for path in surface_files() {
        let expectation = load(&path);
        for (name, parameter) in &expectation.surface.parameters {
            if untyped.contains(&parameter.type_name.trim_end_matches("[]")) {
                found.push(format!("{} -{name}: {}", expectation.surface.cmdlet, parameter.type_name));
            }
        }
    }
    assert!(found.is_empty(), "parameters typed PSObject/Object (help shows no Az/Graph type): {found:?}");
}

#[test]
fn the_comparison_catches_missing_extra_and_changed_parameters() {
    let expected = load(&repo_root().join("tests/surface/New-AzApiManagementBackend.json")).surface;
    let actual = declared("New-AzApiManagementBackend").expect("declared");
    assert!(differences(&expected, &actual).is_empty());

    let mut missing = actual.clone();
    missing.parameters.remove("Url");
    assert!(differences(&expected, &missing).iter().any(|d| d.contains("-Url is missing")));

    let mut extra = actual.clone();
    let proxy = extra.parameters["Proxy"].clone();
    extra.parameters.insert("Force".into(), proxy);
    assert!(differences(&expected, &extra).iter().any(|d| d.contains("-Force is declared but not expected")));

    let mut changed = actual.clone();
    changed.parameters.get_mut("Protocol").unwrap().sets.values_mut().for_each(|s| s.mandatory = false);
    changed.parameters.get_mut("Url").unwrap().validate.clear();
    changed.supports_should_process = false;
    let found = differences(&expected, &changed);
    assert!(found.iter().any(|d| d.contains("-Protocol: parameter sets")), "{found:?}");
    assert!(found.iter().any(|d| d.contains("-Url: validation")), "{found:?}");
    assert!(found.iter().any(|d| d.contains("SupportsShouldProcess")), "{found:?}");
}

#[test]
fn every_public_cmdlet_has_full_comment_based_help() {
    let mut problems = Vec::new();
    for file in public_files() {
        let cmdlet = file.file_stem().unwrap().to_string_lossy().to_string();
        let source = read(&file);
        let tree = parse(&source);
        let all = functions(tree.root_node(), &source);
        if all.len() != 1 || all[0].0 != cmdlet {
            problems.push(format!("{cmdlet}: the file must define exactly the function {cmdlet}"));
            continue;
        }
        let Some(help) = help_comment(all[0].1, &source) else {
            problems.push(format!("{cmdlet}: no comment-based help"));
            continue;
        };
        for section in [".SYNOPSIS", ".DESCRIPTION", ".EXAMPLE", ".OUTPUTS"] {
            if !help.contains(section) {
                problems.push(format!("{cmdlet}: help has no {section}"));
            }
        }
        let Ok(surface) = cmdlet_surface(all[0].1, &cmdlet, &source) else { continue };
        let documented: Vec<String> = help
            .lines()
            .filter_map(|l| l.trim().strip_prefix(".PARAMETER "))
            .map(|p| p.trim().to_string())
            .collect();
        for name in surface.parameters.keys() {
            if !documented.iter().any(|d| d.eq_ignore_ascii_case(name)) {
                problems.push(format!("{cmdlet}: help has no .PARAMETER {name}"));
            }
        }
        // -WhatIf and -Confirm come with SupportsShouldProcess; their help is written in each file.
        for name in ["WhatIf", "Confirm"] {
            let has = documented.iter().any(|d| d == name);
            if surface.supports_should_process && !has {
                problems.push(format!("{cmdlet}: help has no .PARAMETER {name}"));
            }
        }
        for name in &documented {
            let common = surface.supports_should_process && (name == "WhatIf" || name == "Confirm");
            if !common && !surface.parameters.keys().any(|p| p.eq_ignore_ascii_case(name)) {
                problems.push(format!("{cmdlet}: help documents .PARAMETER {name}, which does not exist"));
            }
        }
    }
    assert!(problems.is_empty(), "help problems:\n{}", problems.join("\n"));
}

/// `PS C:\>` lines of the seed's ```powershell blocks, whitespace-normalised. Graph's pages
/// write their examples without prompts: then every non-empty line of those blocks counts.
fn seed_example_lines(seed: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut all_code = Vec::new();
    let mut in_code = false;
    for line in seed.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_code = trimmed.starts_with("```powershell");
            continue;
        }
        if in_code && trimmed.starts_with("PS C:\\>") {
            lines.push(normalise(trimmed));
        }
        if in_code && !trimmed.is_empty() {
            all_code.push(normalise(trimmed));
        }
    }
    if lines.is_empty() {
        return all_code;
    }
    lines
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn help_carries_the_seed_examples() {
    let seeds = repo_root().join("tests").join("fixtures").join("seeds");
    let mut checked = 0;
    let mut problems = Vec::new();
    for file in public_files() {
        let cmdlet = file.file_stem().unwrap().to_string_lossy().to_string();
        let seed = seeds.join(format!("{cmdlet}.md"));
        if !seed.exists() {
            continue;
        }
        let examples = seed_example_lines(&read(&seed));
        assert!(!examples.is_empty(), "{}: no PS C:\\> example lines found", seed.display());
        let help: Vec<String> = read(&file).lines().map(normalise).collect();
        for example in examples {
            // Issue 16: Graph's examples start with Import-Module Microsoft.Graph.Identity.SignIns,
            // which fails without Graph and, with Graph, runs Microsoft's cmdlet instead of ours.
            if example.starts_with("Import-Module Microsoft.Graph") {
                if help.iter().any(|l| l.starts_with("Import-Module Microsoft.Graph")) {
                    problems.push(format!("{cmdlet}: help imports Microsoft.Graph in an example"));
                }
                continue;
            }
            checked += 1;
            if !help.iter().any(|l| l == &example) {
                problems.push(format!("{cmdlet}: seed example line missing from help: {example}"));
            }
        }
    }
    assert!(checked >= 5, "expected the seeds' example lines to be checked, checked {checked}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}


#[test]
fn help_carries_every_seed_004_example() {
    // Issue 7: the REST reference's create-or-update examples, each shown as cmdlets somewhere.
    let seed = read(&repo_root().join("tests/fixtures/seeds/backend-create-or-update.md"));
    let mut examples: Vec<&str> =
        seed.lines().map(str::trim).filter(|l| l.starts_with("ApiManagementCreateBackend") && !l.contains(' ')).collect();
    examples.sort();
    examples.dedup();
    assert!(examples.len() >= 9, "seed 004 lists its examples: {examples:?}");
    let help: String = public_files().iter().map(|f| read(f)).collect();
    let missing: Vec<&&str> = examples.iter().filter(|e| !help.contains(**e)).collect();
    assert!(missing.is_empty(), "no cmdlet help shows these seed 004 examples: {missing:?}");
}

#[test]
fn every_public_cmdlet_binds_parameters_by_name_only() {
    // Issue 16: Az and Microsoft.Graph document every parameter as Position: Named; an advanced
    // function binds positionally unless its CmdletBinding says PositionalBinding = $false.
    let mut problems = Vec::new();
    for file in public_files() {
        let cmdlet = file.file_stem().unwrap().to_string_lossy().to_string();
        let source = read(&file);
        let binding = source.lines().map(str::trim).find(|l| l.starts_with("[CmdletBinding("));
        match binding {
            Some(line) if line.replace(' ', "").to_ascii_lowercase().contains("positionalbinding=$false") => {}
            Some(line) => problems.push(format!("{cmdlet}: {line} lacks PositionalBinding = $false")),
            None => problems.push(format!("{cmdlet}: no [CmdletBinding(...)]")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
