//! No module script names a wire field: the mapping between the cmdlets' objects and the REST
//! contracts lives in Rust (src/cmdlet), and the module only forwards bound parameters.
//!
//! The wire names are taken from the Rust model, not written here: every spec example body and
//! Graph fixture is parsed into the model's contracts and serialised back, and every object key
//! of what the model writes is a wire name. Each module script is then searched, case-sensitively
//! (the cmdlets' own names are PascalCase, the wire's camelCase), with comments (help text) left
//! out and string literals kept, since `$body['circuitBreaker']` is as much wire knowledge as
//! `$body.circuitBreaker` (messages, strings with spaces, are prose and left out). Variables (`$url`) and parameter names (`-Url`) are not field names.

use crate::support::{files_under, module_dir, parse, read, visit};
use apim_native::model::api_connector::IdentityApiConnector;
use apim_native::model::backend::{BackendCollection, BackendContract, BackendUpdateParameters};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// What the model writes for `body` read as `T`; None when `body` is not a `T`.
fn through_model<T: DeserializeOwned + Serialize>(body: &Value) -> Option<Value> {
    let parsed: T = serde_json::from_value(body.clone()).ok()?;
    serde_json::to_value(parsed).ok()
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// Every body of a spec example: the request's and each response's.
fn example_bodies(example: &Value) -> Vec<Value> {
    let mut bodies = Vec::new();
    if let Some(body) = example["parameters"].get("parameters") {
        bodies.push(body.clone());
    }
    for responses in [&example["responses"], &example["parameters"]["responses"]] {
        if let Some(map) = responses.as_object() {
            bodies.extend(map.values().filter_map(|response| response.get("body").cloned()));
        }
    }
    bodies
}

/// The JSON blocks of a seed page (each starts on a line that is a lone `{`).
fn seed_page_bodies(page: &Path) -> Vec<Value> {
    let text = read(page);
    let mut bodies = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == "{" {
            let mut stream = serde_json::Deserializer::from_str(&text[offset..]).into_iter::<Value>();
            if let Some(Ok(body)) = stream.next() {
                bodies.push(body);
            }
        }
        offset += line.len();
    }
    bodies
}

/// The keys of `value` at every depth, except the keys of the credentials' query and header
/// maps: those are the caller's parameter and header names (`sv`, `x-my-1`), data, not fields.
fn collect_field_keys(value: &Value, keys: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, member) in map {
                keys.insert(key.clone());
                if key == "credentials" {
                    if let Some(credentials) = member.as_object() {
                        for (field, inner) in credentials {
                            keys.insert(field.clone());
                            if !matches!(field.as_str(), "query" | "header") {
                                collect_field_keys(inner, keys);
                            }
                        }
                    }
                } else {
                    collect_field_keys(member, keys);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_field_keys(item, keys)),
        _ => {}
    }
}

/// The wire field names the model writes, from every backend example (service and workspace),
/// every body of the Create Or Update seed page, the two bodies with every field of the
/// 2025-03-01-preview definitions (tests/fixtures/wire-names, which the seeds and examples do not
/// all show: no example has a circuit breaker), and every Graph connector fixture.
fn wire_names() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for file in json_files(&fixtures().join("wire-names")) {
        let body: Value = serde_json::from_str(&read(&file)).unwrap();
        let written = through_model::<BackendContract>(&body).unwrap_or_else(|| panic!("{}: not a backend", file.display()));
        assert_eq!(written, body, "{}: the model does not write back what it read", file.display());
        collect_field_keys(&written, &mut names);
    }
    for body in seed_page_bodies(&fixtures().join("seeds/backend-create-or-update.md")) {
        if let Some(written) = through_model::<BackendContract>(&body) {
            collect_field_keys(&written, &mut names);
        }
    }
    for dir in ["examples", "workspace-examples"] {
        for file in json_files(&fixtures().join(dir)) {
            let example: Value = serde_json::from_str(&read(&file)).unwrap();
            for body in example_bodies(&example) {
                let written = through_model::<BackendCollection>(&body)
                    .filter(|page| page.get("value").is_some())
                    .or_else(|| through_model::<BackendContract>(&body))
                    .or_else(|| through_model::<BackendUpdateParameters>(&body));
                if let Some(written) = written {
                    collect_field_keys(&written, &mut names);
                }
            }
        }
    }
    for file in json_files(&fixtures().join("graph")) {
        let body: Value = serde_json::from_str(&read(&file)).unwrap();
        if let Some(written) = through_model::<IdentityApiConnector>(&body) {
            collect_field_keys(&written, &mut names);
        }
    }
    names
}

/// `source` with its comments and its prose blanked (same length, so line numbers still match).
/// Prose is a string literal with a space in it ("the certificate {0} is not in the store"): a
/// message, not a field name, which is one word ('circuitBreaker', 'properties.url').
fn without_comments(path: &Path, source: &str) -> String {
    let tree = parse(source);
    let mut bytes = source.as_bytes().to_vec();
    visit(tree.root_node(), &mut |node| {
        let is_prose = node.kind() == "string_literal" && source[node.byte_range()].contains(' ');
        if node.kind() == "comment" || is_prose {
            for b in &mut bytes[node.byte_range()] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
    });
    String::from_utf8(bytes).unwrap_or_else(|_| panic!("{}: not UTF-8", path.display()))
}

/// The words of `code` that could name a field: runs of letters, digits and `_`, leaving out
/// variables (`$url`, `$script:url`, `${url}`), parameters or operators (`-Url`, `-eq`) and type
/// literals (`[type]`); a member (`$item.properties.url`) is a word of its own.
fn field_words(code: &str) -> Vec<(usize, &str)> {
    let bytes = code.as_bytes();
    let is_word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'@';
    let mut words = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !is_word_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_word_byte(bytes[i]) {
            i += 1;
        }
        let before = |back: usize| if start >= back { bytes[start - back] } else { b' ' };
        let is_variable = before(1) == b'$' || (before(1) == b'{' && before(2) == b'$');
        // `$script:url`: the word before the colon is a scope of a variable.
        let is_scoped_variable = before(1) == b':' && {
            let scope_end = start - 1;
            let scope_start = code[..scope_end].rfind(|c: char| !c.is_ascii_alphanumeric()).map_or(0, |p| p + 1);
            scope_start > 0 && bytes[scope_start - 1] == b'$'
        };
        // `-as [type]`: a type literal, not a field.
        let is_type_literal = before(1) == b'[' && bytes.get(i) == Some(&b']');
        if before(1) == b'-' || is_variable || is_scoped_variable || is_type_literal {
            continue;
        }
        let line = code[..start].matches('\n').count() + 1;
        words.push((line, &code[start..i]));
    }
    words
}

#[test]
fn the_model_yields_the_wire_names_this_test_searches_for() {
    let names = wire_names();
    for expected in ["circuitBreaker", "serviceFabricCluster", "validateCertificateChain", "targetUrl", "authenticationConfiguration", "url", "protocol", "credentials", "tripDuration", "sessionAffinity"] {
        assert!(names.contains(expected), "{expected} is not among the model's wire names: {names:?}");
    }
}

#[test]
fn no_module_script_names_a_wire_field_outside_help_text() {
    let names = wire_names();
    let mut found = Vec::new();
    for path in files_under(&module_dir(), &["ps1", "psm1"]) {
        let source = read(&path);
        let code = without_comments(&path, &source);
        for (line, word) in field_words(&code) {
            if names.contains(word) {
                let relative = path.strip_prefix(module_dir()).unwrap_or(&path).display().to_string();
                found.push(format!("{relative}:{line}: {word}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "module scripts name wire fields (their mapping belongs in src/cmdlet):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_word_search_sees_fields_and_skips_variables_and_parameters() {
    let code = "$body['circuitBreaker'] = $url; $item.properties.url; -Url $script:protocol ${title}; $t -as [type]";
    let words: Vec<&str> = field_words(code).into_iter().map(|(_, word)| word).collect();
    assert!(words.contains(&"circuitBreaker"));
    assert!(words.contains(&"properties") && words.contains(&"url"));
    assert!(!words.contains(&"Url") && !words.contains(&"protocol") && !words.contains(&"title"));
    assert!(!words.contains(&"type"), "a type literal is not a field: {words:?}");
}
