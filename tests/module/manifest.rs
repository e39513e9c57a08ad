//! The manifest and root module: FunctionsToExport is exactly the Public/*.ps1 functions (no
//! wildcards), the psm1 loads the prebuilt interop assembly before dot-sourcing the function
//! bundle build.ps1 writes (or, when it is stale, Private/ and then Public/), every output
//! PSTypeName has a view, and no module script uses a
//! construct the brief forbids (5.1 compatibility, PSScriptAnalyzer defaults, Native.cs C# 5).

use crate::support;

use support::rules::{error_ids, violations};
use support::{
    children, code_only, files_under, find_all, module_dir, node_text, parse, public_files, read, repo_root,
};

/// The string values of one `Key = ...` entry of the manifest hashtable.
fn manifest_strings(key: &str) -> Vec<String> {
    let source = read(&module_dir().join("ApimNative.psd1"));
    let tree = parse(&source);
    for entry in find_all(tree.root_node(), "hash_entry") {
        let Some(key_node) = children(entry).into_iter().find(|c| c.kind() == "key_expression") else { continue };
        if !node_text(key_node, &source).trim().eq_ignore_ascii_case(key) {
            continue;
        }
        let value = children(entry).into_iter().find(|c| c.kind() == "pipeline").expect("entry has a value");
        return find_all(value, "string_literal")
            .into_iter()
            .map(|s| node_text(s, &source).trim_matches(|c| c == '\'' || c == '"').to_string())
            .collect();
    }
    panic!("ApimNative.psd1 has no {key}");
}

#[test]
fn functions_to_export_is_exactly_the_public_functions() {
    let exported = manifest_strings("FunctionsToExport");
    assert!(exported.iter().all(|f| !f.contains('*')), "wildcard in FunctionsToExport: {exported:?}");
    let mut exported_sorted = exported.clone();
    exported_sorted.sort();
    let mut public: Vec<String> = Vec::new();
    for file in public_files() {
        let source = read(&file);
        let tree = parse(&source);
        let names: Vec<String> =
            find_all(tree.root_node(), "function_name").into_iter().map(|n| node_text(n, &source).to_string()).collect();
        let stem = file.file_stem().unwrap().to_string_lossy().to_string();
        assert_eq!(names, vec![stem.clone()], "{} must define exactly the function {stem}", file.display());
        public.push(stem);
    }
    public.sort();
    assert_eq!(exported_sorted, public, "FunctionsToExport differs from Public/*.ps1");
    for key in ["CmdletsToExport", "VariablesToExport", "AliasesToExport"] {
        assert!(manifest_strings(key).is_empty(), "{key} must be @()");
    }
}

#[test]
fn manifest_targets_windows_powershell_and_powershell_7() {
    let mut editions = manifest_strings("CompatiblePSEditions");
    editions.sort();
    assert_eq!(editions, ["Core", "Desktop"]);
    assert_eq!(manifest_strings("PowerShellVersion"), ["5.1"]);
    assert_eq!(manifest_strings("RootModule"), ["ApimNative.psm1"]);
    // The views load on a cmdlet's first call, not at import (100-150 ms of a session's first format file).
    let manifest = read(&module_dir().join("ApimNative.psd1"));
    assert!(!manifest.lines().any(|l| l.trim_start().starts_with("FormatsToProcess")), "FormatsToProcess would load the views at import");
    assert!(module_dir().join("ApimNative.Format.ps1xml").exists());
    let loader = read(&module_dir().join("Private").join("Import-ApimFormatData.ps1"));
    assert!(loader.contains("Update-FormatData -AppendPath") && loader.contains("'ApimNative.Format.ps1xml'"), "{loader}");
}

#[test]
fn root_module_loads_the_prebuilt_interop_then_private_then_public() {
    let source = read(&module_dir().join("ApimNative.psm1"));
    let tree = parse(&source);
    // Comments blanked, strings kept: the order of the statements is what matters.
    let mut code = source.clone().into_bytes();
    support::visit(tree.root_node(), &mut |n| {
        if n.kind() == "comment" {
            for b in &mut code[n.byte_range()] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
    });
    let code = String::from_utf8(code).unwrap();
    let position = |needle: &str| code.find(needle).unwrap_or_else(|| panic!("psm1 has no {needle:?}"));
    // No C# is compiled at import: the manifest loads the assembly build.ps1 made, and the psm1
    // makes no .NET call (each costs PowerShell a compiled call site; README, PowerShell): the
    // whole import is one typed assignment, converted by ModuleImport's constructor, whose checks
    // throw a refusal that the refusal script turns into an ErrorRecord; then the script it names.
    assert!(!code.contains("-TypeDefinition"), "the psm1 must not compile C# at import (Add-Type -TypeDefinition)");
    assert!(!code.contains("'Native.cs'"), "the psm1 must load bin/ApimNative.Interop.dll, not read Native.cs");
    assert_eq!(manifest_strings("RequiredAssemblies"), ["bin/ApimNative.Interop.dll"], "the manifest loads the interop assembly");
    assert!(!code.contains("]::"), "the psm1 makes no .NET call at import");
    let state = position("$script:ApimNativeConnection = $null");
    let import = position("[ApimNative.ModuleImport]$moduleImport = $PSScriptRoot");
    let refusal = position("& \"$PSScriptRoot/ApimNative.ImportRefusal.ps1\" $_");
    let dot_source = position(". $moduleImport\n");
    assert!(state < import && import < refusal && refusal < dot_source, "state, then the import's checks (a refusal stops it), then the functions");
    let refusal_script = read(&module_dir().join("ApimNative.ImportRefusal.ps1"));
    assert!(refusal_script.contains("throw $record") && refusal_script.contains("$refusal.Refusal.ErrorId"), "a refusal stops the import under its own ErrorId");
    let import_class = read(&module_dir().join("ModuleLoader.cs"));
    for needle in ["RefuseHost()", "RefuseOtherBuild(moduleRoot)", "ModuleLoader.LoadStagedLibrary(moduleRoot)", "DeserializedBinding.DefineAttribute()", "ModuleScripts.CurrentBundle(moduleRoot) ?? Path.Combine(moduleRoot, \"ApimNative.Sources.ps1\")"] {
        assert!(import_class.contains(needle), "ModuleImport lacks {needle}");
    }
    assert!(import_class.contains("\"ApimNative.LoadNativeLibraryFailed\"") && import_class.contains("\"ApimNative.ImportFailed\""), "the refusals keep their ErrorIds");
    // Without a current bundle Private/ then Public/ are dot-sourced, then exported.
    let sources = read(&module_dir().join("ApimNative.Sources.ps1"));
    let private = sources.find("@('Private', 'Public')").expect("ApimNative.Sources.ps1 names the folders");
    let each = sources.find(". $file\n").expect("ApimNative.Sources.ps1 dot-sources each file");
    let export = sources.find("Export-ModuleMember").expect("ApimNative.Sources.ps1 exports the public functions");
    assert!(private < each && each < export, "without a current bundle Private/ then Public/ are dot-sourced, then exported");
    // The rid and file name are worked out at import (one module folder, several platforms), in C#.
    let loader = read(&module_dir().join("ModuleLoader.cs"));
    for (lib, rid) in [
        ("apim_native.dll", "win-x64"),
        ("apim_native.dll", "win-arm64"),
        ("libapim_native.so", "linux-"),
        ("libapim_native.dylib", "osx-"),
    ] {
        assert!(loader.contains(lib) && loader.contains(rid), "ModuleLoader.cs does not locate {rid} {lib}");
    }
    assert!(loader.contains("Interop.Load(path)") && loader.contains("Interop.LibraryPath"), "the loader refuses another copy's library, then hands the path over");
}

#[test]
fn every_output_type_name_has_a_view() {
    let format = read(&module_dir().join("ApimNative.Format.ps1xml"));
    let mut missing = Vec::new();
    let mut count = 0;
    for file in files_under(&module_dir(), &["ps1"]) {
        let source = read(&file);
        let tree = parse(&source);
        for entry in find_all(tree.root_node(), "hash_entry") {
            let Some(key) = children(entry).into_iter().find(|c| c.kind() == "key_expression") else { continue };
            if node_text(key, &source).trim() != "PSTypeName" {
                continue;
            }
            for literal in find_all(entry, "string_literal") {
                let name = node_text(literal, &source).trim_matches('\'').to_string();
                count += 1;
                if !format.contains(&format!("<TypeName>{name}</TypeName>")) {
                    missing.push(format!("{name} ({})", file.display()));
                }
            }
        }
    }
    // The objects the library makes are declared in C# (OutputTypes.cs, Emulator.cs), each with its
    // PSTypeName: every declared one needs its view too.
    for (file, name) in declared_output_type_names() {
        count += 1;
        if !format.contains(&format!("<TypeName>{name}</TypeName>")) {
            missing.push(format!("{name} ({file})"));
        }
    }
    assert!(count >= 8, "expected the module's output objects, found {count} PSTypeNames");
    assert!(missing.is_empty(), "no view in ApimNative.Format.ps1xml for {missing:?}");
}

/// The PowerShell type names of the declared output types ([PowerShellTypeName("...")] in any of the
/// module's .cs files), each with the file that declares it.
fn declared_output_type_names() -> Vec<(String, String)> {
    files_under(&module_dir(), &["cs"])
        .into_iter()
        .flat_map(|file| {
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            attribute_strings(&read(&file), "[PowerShellTypeName(\"").into_iter().map(move |type_name| (name.clone(), type_name))
        })
        .collect()
}

/// The string each `opening` (an attribute up to its quote) is followed by, up to the next quote.
fn attribute_strings(source: &str, opening: &str) -> Vec<String> {
    let quote = opening.chars().last().unwrap_or('\'');
    source
        .match_indices(opening)
        .filter_map(|(at, _)| source[at + opening.len()..].split(quote).next().map(str::to_string))
        .collect()
}

#[test]
fn module_code_has_no_forbidden_constructs() {
    let mut files = files_under(&module_dir(), &["ps1", "psm1"]);
    files.push(repo_root().join("build.ps1"));
    let mut problems = Vec::new();
    for file in &files {
        let source = read(file);
        let tree = parse(&source);
        for v in violations(&tree, &source) {
            problems.push(format!("{}: {v}", file.strip_prefix(repo_root()).unwrap_or(file).display()));
        }
    }
    assert!(problems.is_empty(), "forbidden constructs:\n{}", problems.join("\n"));
}

#[test]
fn the_rules_catch_each_forbidden_construct() {
    let cases = [
        ("$a = $b ?? 'x'\n", "'?'"),
        ("$n = $o?.Name\n", "'?'"),
        ("cargo build && cargo test\n", "&&"),
        ("Write-Host -Object 'hi'\n", "Write-Host"),
        ("Get-ChildItem -Path . | % { $_ }\n", "alias"),
        ("1..3 | ForEach-Object -Parallel { $_ }\n", "-Parallel"),
        ("Get-ChildItem C:\\\n", "positional"),
        ("function Do-Thing {\n    param()\n}\n", "approved verb"),
        ("throw 'failed'\n", "bare string"),
    ];
    for (script, expected) in cases {
        let tree = parse(script);
        let found = violations(&tree, script);
        assert!(found.iter().any(|v| v.contains(expected)), "{script:?} should report {expected}: {found:?}");
    }
    let clean = "Get-ChildItem -LiteralPath $path -Filter '*.ps1' | ForEach-Object -Process { $_.Name }\n$x = 'a ?? b && c'\n";
    assert!(violations(&parse(clean), clean).is_empty(), "{:?}", violations(&parse(clean), clean));
    // Blanking keeps offsets, so line numbers in reports stay right.
    assert_eq!(code_only(&parse(clean), clean).len(), clean.len());
}

#[test]
fn native_cs_is_csharp_5_and_finds_the_library_at_run_time() {
    let sources = files_under(&module_dir(), &["cs"]);
    assert!(sources.len() >= 4, "expected the module's C# files, found {sources:?}");
    for path in sources {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let code = csharp_without_comments(&read(&path));
        for forbidden in ["$\"", "$@\"", "NativeLibrary.", "PtrToStringUTF8", "Span<", "nameof(", "?.", "=> "] {
            assert!(!code.contains(forbidden), "{file} uses {forbidden}, which Windows PowerShell 5.1's C# 5 compiler lacks");
        }
        // Only netstandard.dll is referenced, so PowerShell's own types are bound at run time.
        assert!(!code.contains("using System.Management.Automation"), "{file} must not reference System.Management.Automation at build time");
    }
    let path = module_dir().join("Native.cs");
    let source = read(&path);
    let code = csharp_without_comments(&source);
    // A prebuilt assembly cannot carry the library's path: it is handed over by Load at run time.
    assert!(!code.contains("__APIM_NATIVE_LIBRARY__"), "Native.cs must not expect a path substituted into its source");
    assert!(!code.contains("apim_native\""), "Native.cs must not DllImport the library by name");
    for api in ["Load", "Invoke", "Cancel", "NewClient", "StartEmulator", "LibraryPath"] {
        assert!(source.contains(api), "Native.cs lacks {api}, which the module calls");
    }
}

#[test]
fn build_compiles_the_interop_against_the_vendored_netstandard() {
    let build = read(&repo_root().join("build.ps1"));
    for needle in ["'vendor', 'netstandard2.0', 'netstandard.dll'", "'ApimNative.Interop.dll'", "LanguageVersion]::CSharp5", "CSharpCompilation]::Create"] {
        assert!(build.contains(needle), "build.ps1 lacks {needle}");
    }
    let vendor = repo_root().join("vendor").join("netstandard2.0");
    for file in ["netstandard.dll", "LICENSE.TXT", "README.md"] {
        assert!(vendor.join(file).exists(), "vendor/netstandard2.0/{file} is missing");
    }
}

#[test]
fn error_ids_follow_the_apimnative_operation_failed_scheme() {
    // Scripts match on FullyQualifiedErrorId, so the ids are part of the interface.
    let mut files = files_under(&module_dir(), &["ps1", "psm1"]);
    files.push(repo_root().join("build.ps1"));
    files.push(repo_root().join("tests").join("pester").join("SeedDemo.ps1"));
    let mut found = 0;
    let mut problems = Vec::new();
    for file in &files {
        let source = read(file);
        let tree = parse(&source);
        for (line, id) in error_ids(&tree, &source) {
            found += 1;
            let name = id.strip_prefix("ApimNative.").and_then(|rest| rest.strip_suffix("Failed"));
            let well_formed = name.is_some_and(|n| {
                n == "{0}" || (n.starts_with(|c: char| c.is_ascii_uppercase()) && n.chars().all(|c| c.is_ascii_alphanumeric()))
            });
            if !well_formed {
                problems.push(format!("{}:{line}: ErrorId {id:?} is not ApimNative.<Operation>Failed", file.display()));
            }
        }
    }
    assert!(found >= 8, "expected the module's error ids, found {found}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let bad = "$r = New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @($e, 'Oops', 'NotSpecified', $null)\n";
    assert_eq!(error_ids(&parse(bad), bad), vec![(1, "Oops".to_string())]);
}

/// C# source with // and /* */ comments removed (string and char literals are kept as they are),
/// so that a comment naming a forbidden API is not mistaken for a use of it.
fn csharp_without_comments(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == '"' || c == '\'' {
            // A literal: copy it through its closing quote, honouring backslash escapes
            // (verbatim @"" strings double their quotes, which this also passes through).
            out.push(c);
            i += 1;
            while i < chars.len() && chars[i] != c {
                if chars[i] == '\\' && i + 1 < chars.len() {
                    out.push(chars[i]);
                    i += 1;
                }
                out.push(chars[i]);
                i += 1;
            }
            if i < chars.len() {
                out.push(chars[i]);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

#[test]
fn csharp_comment_stripping_keeps_code_and_strings() {
    let sample = "// no NativeLibrary here\nint a = 1; /* PtrToStringUTF8 */ string s = \"http://x\"; var t = $\"{a}\";\n";
    let code = csharp_without_comments(sample);
    assert!(!code.contains("NativeLibrary") && !code.contains("PtrToStringUTF8"));
    assert!(code.contains("\"http://x\"") && code.contains("$\""), "{code}");
}

/// The string values of a `Key = ...` entry at any depth (PrivateData.PSData entries are nested,
/// which `manifest_strings` does not descend into).
fn nested_manifest_strings(key: &str) -> Vec<String> {
    let source = read(&module_dir().join("ApimNative.psd1"));
    let tree = parse(&source);
    let mut entries = Vec::new();
    support::visit(tree.root_node(), &mut |n| {
        if n.kind() == "hash_entry" {
            entries.push(n);
        }
    });
    for entry in entries {
        let Some(key_node) = children(entry).into_iter().find(|c| c.kind() == "key_expression") else { continue };
        if !node_text(key_node, &source).trim().eq_ignore_ascii_case(key) {
            continue;
        }
        let value = children(entry).into_iter().find(|c| c.kind() == "pipeline").expect("entry has a value");
        return find_all(value, "string_literal")
            .into_iter()
            .map(|s| node_text(s, &source).trim_matches(|c| c == '\'' || c == '"').to_string())
            .collect();
    }
    panic!("ApimNative.psd1 has no {key}");
}

#[test]
fn manifest_is_ready_for_the_gallery() {
    // One version everywhere: the Gallery package, the module and the native library.
    assert_eq!(manifest_strings("ModuleVersion"), [env!("CARGO_PKG_VERSION")], "ModuleVersion must equal Cargo.toml's version");
    let tags = nested_manifest_strings("Tags");
    assert!(tags.iter().any(|t| t == "PSEdition_Desktop") && tags.iter().any(|t| t == "PSEdition_Core"), "edition tags: {tags:?}");
    for platform in ["Windows", "Linux", "MacOS"] {
        assert!(tags.iter().any(|t| t == platform), "platform tag {platform}: {tags:?}");
    }
    assert!(tags.iter().all(|t| !t.contains(' ')), "Gallery tags have no spaces: {tags:?}");
    let project = nested_manifest_strings("ProjectUri");
    assert_eq!(project.len(), 1);
    assert!(project[0].starts_with("https://"), "ProjectUri: {project:?}");
    let license = nested_manifest_strings("LicenseUri");
    assert_eq!(license, [format!("{}/blob/main/LICENSE", project[0])], "LicenseUri points at the LICENSE of the project");
    assert!(repo_root().join("LICENSE").exists(), "the LICENSE the manifest points at");
    let notes = nested_manifest_strings("ReleaseNotes");
    assert!(notes.len() == 1 && notes[0].len() > 20, "ReleaseNotes: {notes:?}");
}

#[test]
fn a_32_bit_host_is_refused_before_anything_is_loaded() {
    // A 32-bit process cannot be started on the build machines; the release workflow runs the
    // real check (SysWOW64 Windows PowerShell). Here: the guard is there, says why, and comes
    // before the native library is touched (the interop assembly is AnyCPU: loading it is harmless).
    let source = read(&module_dir().join("ModuleLoader.cs"));
    let guard = source.find("if (IntPtr.Size == 8)").expect("ModuleImport checks the pointer size");
    let order = source.find("RefuseHost() ?? RefuseOtherBuild(moduleRoot) ?? ModuleLoader.LoadStagedLibrary(moduleRoot)").expect("the host is checked first");
    assert!(order < guard, "the 32-bit check must come before the library is named");
    let refusal = &source[guard..guard + 900];
    assert!(refusal.contains("\"ApimNative.ImportFailed\""), "it refuses with a stable ErrorId");
    assert!(refusal.contains("64-bit"), "the message says why");
}

#[test]
fn the_function_bundle_build_writes_is_the_one_the_import_checks() {
    // build.ps1 records a hash of the sources on the bundle's first line and ModuleScripts.cs
    // recomputes it at import: both must name the same file, line prefix, folders and order, or
    // every import would silently fall back to the ~80 files (slow) or trust a stale bundle.
    let build = read(&repo_root().join("build.ps1"));
    let checker = read(&module_dir().join("ModuleScripts.cs"));
    for (needle, what) in [
        ("'# sources-sha256: '", "the digest line's prefix"),
        ("'# sources-stamp: '", "the stamp line's prefix"),
        ("'ApimNative.Functions.ps1'", "the bundle's file name"),
        ("@('Private', 'Public')", "the folders, Private first"),
        ("[System.StringComparer]::OrdinalIgnoreCase", "the order inside a folder"),
    ] {
        assert!(build.contains(needle), "build.ps1 lacks {what} ({needle})");
    }
    for (needle, what) in [
        ("\"# sources-sha256: \"", "the digest line's prefix"),
        ("\"# sources-stamp: \"", "the stamp line's prefix"),
        ("\"ApimNative.Functions.ps1\"", "the bundle's file name"),
        ("FolderFiles(moduleRoot, \"Private\");\n            string[] publicFiles = FolderFiles(moduleRoot, \"Public\")", "the folders, Private first"),
        ("StringComparer.OrdinalIgnoreCase", "the order inside a folder"),
    ] {
        assert!(checker.contains(needle), "ModuleScripts.cs lacks {what} ({needle})");
    }
}
