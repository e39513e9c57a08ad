//! Secrets in files are named placeholders, `{{secret:NAME}}`, never values. Export writes one
//! per secret slot (unless the caller asks for the values); plan and sync replace each with the
//! value from the caller's secrets map, else from the environment variable
//! `APIM_NATIVE_SECRET_<NAME>` (upper case, every character other than A-Z and 0-9 as `_`).
//! A placeholder nobody can resolve is an error before anything is sent, and the error names
//! the placeholder, never a value.
//!
//! A placeholder may stand anywhere a string does (one secret shared by many backends, say);
//! wherever one was resolved the plan treats that value as a secret too.

use crate::auth::Env;
use crate::model::{ApimError, ErrorDetail};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
pub use super::pointer::escape;
use super::pointer::dotted;

const OPEN: &str = "{{secret:";
const CLOSE: &str = "}}";
pub const ENV_PREFIX: &str = "APIM_NATIVE_SECRET_";

/// Where `APIM_NATIVE_SECRET_*` are looked up: the variables the caller handed over, or else this
/// process's environment.
pub fn environment(given: Option<&BTreeMap<String, String>>) -> Env {
    match given {
        Some(vars) => Env::from_pairs(vars.iter().map(|(k, v)| (k.clone(), v.clone()))),
        None => Env::process(),
    }
}

/// The text of the placeholder for `name`.
pub fn placeholder(name: &str) -> String {
    format!("{OPEN}{name}{CLOSE}")
}

/// The name in `text` when the whole string is one placeholder.
pub fn placeholder_name(text: &str) -> Option<&str> {
    let name = text.strip_prefix(OPEN)?.strip_suffix(CLOSE)?;
    (!name.is_empty() && name.chars().all(is_name_char)).then_some(name)
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "._-".contains(c)
}

/// A placeholder name made from free text (a header name, a display name): characters outside
/// `A-Za-z0-9._-` become `_`.
pub fn name_part(text: &str) -> String {
    text.chars().map(|c| if is_name_char(c) { c } else { '_' }).collect()
}

/// The environment variable that holds the secret `name`.
pub fn env_var_for(name: &str) -> String {
    let tail: String = name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_uppercase() } else { '_' }).collect();
    format!("{ENV_PREFIX}{tail}")
}

/// Where secret values come from. Debug shows names only.
#[derive(Clone, Default)]
pub struct SecretSource {
    pub values: BTreeMap<String, String>,
    /// `None`: the environment is not consulted.
    pub env: Option<Env>,
}

impl std::fmt::Debug for SecretSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretSource").field("names", &self.values.keys().collect::<Vec<_>>()).field("env", &self.env.is_some()).finish()
    }
}

impl SecretSource {
    /// The value of secret `name`: the map first (exact name), then the environment.
    pub fn lookup(&self, name: &str) -> Option<String> {
        if let Some(v) = self.values.get(name) {
            return Some(v.clone());
        }
        self.env.as_ref().and_then(|env| env.get(&env_var_for(name)))
    }

    /// Every value this source holds that is in use, for scrubbing error messages.
    pub fn values(&self) -> impl Iterator<Item = &String> {
        self.values.values()
    }
}

/// `value` with every placeholder replaced, and the JSON pointers (relative to `value`) where
/// that happened. Unresolved names are collected into `missing` as `(pointer, name)`.
pub fn resolve(value: &Value, source: &SecretSource, missing: &mut Vec<(String, String)>) -> (Value, BTreeSet<String>) {
    let mut resolved_at = BTreeSet::new();
    let out = resolve_at(value, "", source, missing, &mut resolved_at);
    (out, resolved_at)
}

fn resolve_at(value: &Value, pointer: &str, source: &SecretSource, missing: &mut Vec<(String, String)>, at: &mut BTreeSet<String>) -> Value {
    match value {
        Value::String(text) => match placeholder_name(text) {
            Some(name) => {
                at.insert(pointer.to_string());
                match source.lookup(name) {
                    Some(secret) => Value::String(secret),
                    None => {
                        missing.push((pointer.to_string(), name.to_string()));
                        value.clone()
                    }
                }
            }
            None => value.clone(),
        },
        Value::Array(items) => Value::Array(
            items.iter().enumerate().map(|(i, v)| resolve_at(v, &format!("{pointer}/{i}"), source, missing, at)).collect(),
        ),
        Value::Object(map) => Value::Object(
            map.iter().map(|(k, v)| (k.clone(), resolve_at(v, &format!("{pointer}/{}", escape(k)), source, missing, at))).collect(),
        ),
        other => other.clone(),
    }
}

/// The error for placeholders nobody could resolve: one detail per placeholder, naming the file
/// (or resource), the field and where its value may come from.
pub fn unresolved_error(missing: &[(String, String, String)]) -> ApimError {
    let details = missing
        .iter()
        .map(|(resource, pointer, name)| {
            let target = format!("{resource}{}", dotted(pointer));
            ErrorDetail::new(
                target.clone(),
                "UnresolvedSecret",
                format!(
                    "{target}: the placeholder {{{{secret:{name}}}}} has no value: pass it in the secrets (-Secret @{{'{name}' = ...}}) or set the environment variable {}",
                    env_var_for(name)
                ),
            )
        })
        .collect();
    let mut e = ApimError::validation(details);
    e.message = format!("{} secret placeholder(s) could not be resolved; nothing was sent. {}", missing.len(), e.message);
    e
}

/// Replaces the string at `pointer` in `value` (when there is one) with the placeholder `name`.
pub fn mask(value: &mut Value, pointer: &str, name: &str) {
    if let Some(slot @ Value::String(_)) = value.pointer_mut(pointer) {
        *slot = Value::String(placeholder(name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_environment_handed_over_replaces_the_process_environment() {
        let given = BTreeMap::from([("APIM_NATIVE_SECRET_B1_PROXYPASSWORD".to_string(), "from-powershell".to_string())]);
        let env = environment(Some(&given));
        assert_eq!(env.get("APIM_NATIVE_SECRET_B1_PROXYPASSWORD").as_deref(), Some("from-powershell"));
        // Only what was handed over: PATH is in this process's environment, not in the map.
        assert!(environment(Some(&given)).get("PATH").is_none());
        assert!(environment(None).get("PATH").is_some());
    }

    #[test]
    fn placeholders_resolve_from_the_map_then_the_environment() {
        let source = SecretSource {
            values: BTreeMap::from([("b1.authorizationParameter".to_string(), "s3cret".to_string())]),
            env: Some(Env::from_pairs([("APIM_NATIVE_SECRET_B1_PROXYPASSWORD", "pw")])),
        };
        let value = json!({"credentials": {"authorization": {"scheme": "Basic", "parameter": "{{secret:b1.authorizationParameter}}"}},
            "proxy": {"password": "{{secret:b1.proxyPassword}}"}, "url": "{{secret:missing}}", "title": "{{not a placeholder}}"});
        let mut missing = Vec::new();
        let (out, at) = resolve(&value, &source, &mut missing);
        assert_eq!(out["credentials"]["authorization"]["parameter"], "s3cret");
        assert_eq!(out["proxy"]["password"], "pw");
        assert_eq!(out["title"], "{{not a placeholder}}");
        assert_eq!(missing, vec![("/url".to_string(), "missing".to_string())]);
        assert!(at.contains("/proxy/password") && at.contains("/url"));
        let e = unresolved_error(&[("b1".into(), "/url".into(), "missing".into())]);
        assert!(e.to_json().contains("APIM_NATIVE_SECRET_MISSING"), "{}", e.to_json());
        assert!(format!("{source:?}").contains("b1.authorizationParameter") && !format!("{source:?}").contains("s3cret"));
    }
}
