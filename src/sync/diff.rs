//! Property-level differences between what the service has and what the files want. Objects
//! are compared key by key (an absent key and `null` are the same); arrays and scalars are
//! compared whole, so a changed pool member list is one change, as a reader of the file sees it.
//! A leaf that holds a secret is reported as changed without its old or new value.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;
pub use super::pointer::dotted;
use super::pointer::escape;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeKind {
    Added,
    Removed,
    Modified,
}

/// One changed property. `old`/`new` are left out for a secret (`secret: true`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// Dotted path below the resource's properties, e.g. `credentials.header.x-key`;
    /// a key that is not a plain name is written `['a.b']`.
    pub path: String,
    pub kind: ChangeKind,
    pub secret: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
}

/// Whether a secret differs, for the plan's `secrets` list (values never shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SecretState {
    Changed,
    Unchanged,
    /// The service never returns this secret (Graph), so it cannot be compared.
    NotComparable,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecretStatus {
    pub path: String,
    pub state: SecretState,
}

/// The changes from `old` to `new`. `secret_pointers` are JSON pointers of secret values; a
/// leaf is secret when it is one of them, lies below one, or contains one.
pub fn diff(old: &Value, new: &Value, secret_pointers: &BTreeSet<String>) -> Vec<Change> {
    let mut changes = Vec::new();
    walk(old, new, "", secret_pointers, &mut changes);
    changes
}

fn is_absent(v: Option<&Value>) -> bool {
    v.is_none_or(Value::is_null)
}

fn walk(old: &Value, new: &Value, pointer: &str, secrets: &BTreeSet<String>, out: &mut Vec<Change>) {
    let empty = serde_json::Map::new();
    let as_map = |v: &Value| -> Option<serde_json::Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m.clone()),
            Value::Null => Some(empty.clone()),
            _ => None,
        }
    };
    // Recurse while both sides are objects (or absent), so each leaf is its own change.
    if (old.is_object() || new.is_object()) && as_map(old).is_some() && as_map(new).is_some() {
        let (o, n) = (as_map(old).expect("checked"), as_map(new).expect("checked"));
        let mut keys: Vec<&String> = o.keys().chain(n.keys()).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            let child = format!("{pointer}/{}", escape(key));
            let (ov, nv) = (o.get(key), n.get(key));
            if is_absent(ov) && is_absent(nv) {
                continue;
            }
            walk(ov.unwrap_or(&Value::Null), nv.unwrap_or(&Value::Null), &child, secrets, out);
        }
        return;
    }
    if old == new {
        return;
    }
    let kind = match (old.is_null(), new.is_null()) {
        (true, _) => ChangeKind::Added,
        (_, true) => ChangeKind::Removed,
        _ => ChangeKind::Modified,
    };
    let secret = is_secret(pointer, secrets);
    let shown = |v: &Value| (!secret && !v.is_null()).then(|| v.clone());
    out.push(Change { path: dotted(pointer), kind, secret, old: shown(old), new: shown(new) });
}

/// Whether the leaf at `pointer` is, lies below, or contains a secret.
pub fn is_secret(pointer: &str, secrets: &BTreeSet<String>) -> bool {
    secrets.iter().any(|s| s == pointer || s.starts_with(&format!("{pointer}/")) || pointer.starts_with(&format!("{s}/")))
}


#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn leaves_are_reported_with_old_and_new_and_secrets_without() {
        let old = json!({"url": "https://a/", "title": null, "credentials": {"authorization": {"scheme": "Basic", "parameter": "old"}},
            "pool": {"services": [{"id": "x"}]}});
        let new = json!({"url": "https://b/", "description": "d", "credentials": {"authorization": {"scheme": "Basic", "parameter": "new"}},
            "pool": {"services": [{"id": "y"}]}, "tls": {"a.b": true}});
        let secrets = BTreeSet::from(["/credentials/authorization/parameter".to_string()]);
        let changes = diff(&old, &new, &secrets);
        let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(paths, ["credentials.authorization.parameter", "description", "pool.services", "tls['a.b']", "url"]);
        assert!(changes[0].secret && changes[0].old.is_none() && changes[0].new.is_none());
        assert_eq!(changes[1].kind, ChangeKind::Added);
        assert_eq!(changes[4].old, Some(json!("https://a/")));
        assert!(diff(&json!({"a": null}), &json!({}), &secrets).is_empty());
    }
}
