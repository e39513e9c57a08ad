//! The files of a synced directory: one `<name>.json` per resource, written as canonical text
//! (object keys sorted at every level, two-space indent, LF, one trailing newline) so that the
//! same state always gives the same bytes and a git diff shows exactly what changed.

use crate::model::{ApimError, ErrorCategory, ErrorDetail};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// `value` as canonical text.
pub fn canonical_text(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(&sorted(value)).expect("a JSON value always serialises");
    text.push('\n');
    text
}

/// A copy of `value` whose objects list their keys in sorted order (serde_json keeps insertion
/// order here, so sorting once at write time is what makes the text stable).
pub fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let mut out = Map::with_capacity(map.len());
            for key in keys {
                out.insert(key.clone(), sorted(&map[key]));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

/// One file read from a directory: its name without `.json`, its path and its JSON.
pub struct ResourceFile {
    pub name: String,
    pub path: PathBuf,
    pub value: Value,
}

fn io_error(path: &Path, what: &str, e: std::io::Error) -> ApimError {
    ApimError::new("FileError", format!("cannot {what} {}: {e}", path.display()), ErrorCategory::ResourceUnavailable)
        .with_target(path.display().to_string())
}

/// Every `*.json` file directly in `dir`, sorted by name. A file that is not a JSON object is a
/// `ValidationError` naming the file; every such problem is reported at once.
pub fn read_dir(dir: &Path) -> Result<Vec<ResourceFile>, ApimError> {
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, "read the directory", e))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| io_error(dir, "read the directory", e))?.path();
        if path.is_file() && path.extension().is_some_and(|x| x == "json") {
            paths.push(path);
        }
    }
    paths.sort();
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let text = std::fs::read_to_string(&path).map_err(|e| io_error(&path, "read", e))?;
        match serde_json::from_str::<Value>(&text) {
            Ok(value @ Value::Object(_)) => files.push(ResourceFile { name, path, value }),
            Ok(_) => problems.push(ErrorDetail::new(
                path.display().to_string(),
                "InvalidType",
                format!("{}: the file must hold one JSON object", path.display()),
            )),
            Err(e) => problems.push(ErrorDetail::new(
                path.display().to_string(),
                "InvalidJson",
                format!("{}: not valid JSON: line {} column {}", path.display(), e.line(), e.column()),
            )),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(ApimError::validation(problems))
    }
}

/// Writes `text` to `dir/<name>.json` through a temporary file and a rename, so a reader never
/// sees half a file. Returns the path written.
pub fn write_file(dir: &Path, name: &str, text: &str) -> Result<PathBuf, ApimError> {
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, "create", e))?;
    let path = dir.join(format!("{name}.json"));
    let temp = dir.join(format!(".{name}.json.tmp"));
    std::fs::write(&temp, text).map_err(|e| io_error(&temp, "write", e))?;
    std::fs::rename(&temp, &path).map_err(|e| io_error(&path, "replace", e))?;
    Ok(path)
}

/// A resource name as a file name: characters that are unsafe in file names on Windows or
/// Unix (and `%` itself) are percent-encoded, so distinct names stay distinct files.
pub fn file_stem_for(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_control() || "<>:\"/\\|?*%".contains(c) {
            for b in c.to_string().bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The inverse of [`file_stem_for`]; a stem that is not valid percent-encoding is kept as is.
pub fn name_for_file_stem(stem: &str) -> String {
    percent_encoding::percent_decode_str(stem).decode_utf8().map(|s| s.into_owned()).unwrap_or_else(|_| stem.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn canonical_text_sorts_keys_at_every_level_and_ends_with_one_newline() {
        let text = canonical_text(&json!({"url": "u", "credentials": {"query": {"b": ["1"], "a": ["2"]}}, "description": "d"}));
        assert_eq!(
            text,
            "{\n  \"credentials\": {\n    \"query\": {\n      \"a\": [\n        \"2\"\n      ],\n      \"b\": [\n        \"1\"\n      ]\n    }\n  },\n  \"description\": \"d\",\n  \"url\": \"u\"\n}\n"
        );
        assert!(!text.contains('\r'));
    }

    #[test]
    fn file_stems_round_trip() {
        for name in ["b1", "Connector: one/two", "100%"] {
            assert_eq!(name_for_file_stem(&file_stem_for(name)), name);
        }
        assert_eq!(file_stem_for("a/b"), "a%2Fb");
    }
}
