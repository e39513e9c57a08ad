//! A cmdlet's bound parameters as the module sends them (`$PSBoundParameters` as JSON, see the
//! conventions in `mod.rs`), with getters whose errors name the parameter as the user typed it
//! (`-Url`) and the rule it broke. Names match case-insensitively, as PowerShell's do, because
//! nested hashtables are written by hand (`@{ scheme = ...; Parameter = ... }`).

use super::output::SECURE_STRING_TYPE;
use crate::model::redact::Redacted;
use crate::model::ApimError;
use indexmap::IndexMap;
use serde_json::{Map, Value};

/// The parameters of one call, or one nested object of them (a hashtable, a piped object).
#[derive(Debug, Clone, Default)]
pub struct Parameters {
    members: Map<String, Value>,
    /// How errors name this object: `-Credential` for a nested one, empty at the top level.
    owner: String,
}

/// One value of a string map (`-Header`, `-Query`): its text and whether it was a SecureString,
/// which the output object gives back as one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapValue {
    pub text: String,
    pub secure: bool,
}

impl Parameters {
    /// The parameters of a call: the JSON must be an object.
    pub fn from_value(value: Value) -> Result<Self, ApimError> {
        match value {
            Value::Object(members) => Ok(Parameters { members, owner: String::new() }),
            _ => Err(ApimError::invalid_argument("parameters_json", "the parameters must be a JSON object of the cmdlet's bound parameters")),
        }
    }

    /// The name errors use for a member: `-Url` at the top, `-Credential.Scheme` inside.
    pub fn display_name(&self, name: &str) -> String {
        if self.owner.is_empty() {
            format!("-{name}")
        } else {
            format!("{}.{name}", self.owner)
        }
    }

    fn invalid(&self, name: &str, rule: &str) -> ApimError {
        let shown = self.display_name(name);
        ApimError::invalid_argument(shown.clone(), format!("{shown} {rule}"))
    }

    /// The value bound to `name`, `None` when it was not bound or bound to `$null`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.members
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value)
            .filter(|value| !value.is_null())
    }

    /// Whether `name` was bound at all (`$null` included), as `$PSBoundParameters.ContainsKey`.
    pub fn contains(&self, name: &str) -> bool {
        self.members.keys().any(|key| key.eq_ignore_ascii_case(name))
    }

    /// The names bound, in the order they came.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.members.keys().map(String::as_str)
    }

    /// The type name an object arrived with (our output objects, `Deserialized.` copies of them).
    pub fn type_name(&self) -> Option<&str> {
        self.members.get("PSTypeName").and_then(Value::as_str)
    }

    /// Whether this object is of `type_name`, directly or as a deserialized copy (Import-Clixml,
    /// Receive-Job, a remote session).
    pub fn is_type(&self, type_name: &str) -> bool {
        self.type_name().is_some_and(|name| name == type_name || name.strip_prefix("Deserialized.") == Some(type_name))
    }

    pub fn string(&self, name: &str) -> Result<Option<String>, ApimError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(other) => Err(self.invalid(name, &format!("must be a string, not {}", describe(other)))),
        }
    }

    pub fn required_string(&self, name: &str) -> Result<String, ApimError> {
        self.string(name)?.ok_or_else(|| self.invalid(name, "is required"))
    }

    pub fn bool(&self, name: &str) -> Result<Option<bool>, ApimError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Bool(flag)) => Ok(Some(*flag)),
            Some(other) => Err(self.invalid(name, &format!("must be $true or $false, not {}", describe(other)))),
        }
    }

    pub fn i64(&self, name: &str) -> Result<Option<i64>, ApimError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Number(number)) if number.as_i64().is_some() => Ok(number.as_i64()),
            Some(other) => Err(self.invalid(name, &format!("must be a whole number, not {}", describe(other)))),
        }
    }

    /// A string or an array of strings (PowerShell binds one string to `[string[]]` as one item).
    pub fn string_list(&self, name: &str) -> Result<Option<Vec<String>>, ApimError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(vec![text.clone()])),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Value::String(text) => Ok(text.clone()),
                    other => Err(self.invalid(name, &format!("must hold strings, not {}", describe(other)))),
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Some),
            Some(other) => Err(self.invalid(name, &format!("must be a string array, not {}", describe(other)))),
        }
    }

    /// A nested object: a hashtable or a PowerShell object (ours, or a deserialized copy).
    pub fn object(&self, name: &str) -> Result<Option<Parameters>, ApimError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Object(members)) if !is_opaque(members) => {
                Ok(Some(Parameters { members: members.clone(), owner: self.display_name(name) }))
            }
            Some(other) => Err(self.invalid(name, &format!("must be an object or a hashtable, not {}", describe(other)))),
        }
    }

    /// A secret given as a string or a SecureString; never shown in errors or Debug.
    pub fn secret(&self, name: &str) -> Result<Option<Redacted<String>>, ApimError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(Redacted(text.clone()))),
            Some(value) => match secure_text(value) {
                Some(text) => Ok(Some(Redacted(text.to_string()))),
                None => Err(self.invalid(name, &format!("must be a string or a SecureString, not {}", describe(value)))),
            },
        }
    }

    /// A map of string lists (`-Header @{ 'x-key' = @('a', 'b') }`): each value a string, a
    /// SecureString or an array of them. Any other value is refused naming the key and its type,
    /// because its text (a type name, a culture-formatted date) would be sent silently otherwise.
    pub fn string_list_map(&self, name: &str) -> Result<Option<IndexMap<String, Vec<MapValue>>>, ApimError> {
        let members = match self.get(name) {
            None => return Ok(None),
            Some(Value::Object(members)) if !is_opaque(members) => members,
            Some(other) => return Err(self.invalid(name, &format!("must be a hashtable, not {}", describe(other)))),
        };
        let mut map = IndexMap::new();
        for (key, value) in members {
            let items: Vec<&Value> = match value {
                Value::Array(items) => items.iter().collect(),
                Value::Null => Vec::new(),
                single => vec![single],
            };
            let mut values = Vec::new();
            for item in items {
                match item {
                    Value::Null => {}
                    Value::String(text) => values.push(MapValue { text: text.clone(), secure: false }),
                    other => match secure_text(other) {
                        Some(text) => values.push(MapValue { text: text.to_string(), secure: true }),
                        None => {
                            let shown = self.display_name(name);
                            return Err(ApimError::invalid_argument(
                                shown.clone(),
                                format!(
                                    "{shown} '{key}': a value must be a string, a string array or a SecureString, not {}. Convert it to the text the backend expects first.",
                                    describe(other)
                                ),
                            ));
                        }
                    },
                }
            }
            map.insert(key.clone(), values);
        }
        Ok(Some(map))
    }
}

/// The text of a SecureString marker, `None` for anything else.
pub(super) fn secure_text(value: &Value) -> Option<&str> {
    let members = value.as_object()?;
    if members.get("PSTypeName").and_then(Value::as_str) != Some(SECURE_STRING_TYPE) {
        return None;
    }
    members.get("Value").and_then(Value::as_str)
}

/// An object that stands for a .NET value JSON cannot carry (`{"PSTypeName":"System.DateTime"}`)
/// or a SecureString: not a hashtable of members.
pub(super) fn is_opaque(members: &Map<String, Value>) -> bool {
    let Some(type_name) = members.get("PSTypeName").and_then(Value::as_str) else { return false };
    type_name == SECURE_STRING_TYPE || (members.len() == 1 && type_name.starts_with("System."))
}

/// How a wrong value is named in an error: its kind or its .NET type, never its content (it may
/// be a secret).
pub(super) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "$null".to_string(),
        Value::Bool(_) => "System.Boolean".to_string(),
        Value::Number(number) if number.is_i64() || number.is_u64() => "System.Int32".to_string(),
        Value::Number(_) => "System.Double".to_string(),
        Value::String(_) => "System.String".to_string(),
        Value::Array(_) => "System.Object[]".to_string(),
        Value::Object(members) => match members.get("PSTypeName").and_then(Value::as_str) {
            Some(type_name) if is_opaque(members) => type_name.to_string(),
            Some(type_name) => format!("an object of type {type_name}"),
            None => "System.Collections.Hashtable".to_string(),
        },
    }
}

impl Parameters {
    /// A list of nested objects (`-Service` pool items, `-FailureStatusCodeRange` hashtables,
    /// `-CircuitBreaker` rules): one object or an array of them, each named `-Service[0]` in errors.
    pub fn object_list(&self, name: &str) -> Result<Option<Vec<Parameters>>, ApimError> {
        let items: Vec<&Value> = match self.get(name) {
            None => return Ok(None),
            Some(Value::Array(items)) => items.iter().collect(),
            Some(single) => vec![single],
        };
        let shown = self.display_name(name);
        items
            .into_iter()
            .enumerate()
            .map(|(index, item)| match item {
                Value::Object(members) if !is_opaque(members) => {
                    Ok(Parameters { members: members.clone(), owner: format!("{shown}[{index}]") })
                }
                other => Err(ApimError::invalid_argument(
                    shown.clone(),
                    format!("{shown}[{index}] must be an object or a hashtable, not {}", describe(other)),
                )),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    }

    /// How errors name a value that is not what `name` needs: its kind or .NET type, never its text.
    pub fn describe_value(value: &Value) -> String {
        describe(value)
    }
}
