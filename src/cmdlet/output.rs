//! Building the objects a cmdlet writes: `{"PSTypeName": "...", "Property": value, ...}`, which the
//! module's converter turns into a PSCustomObject with that type name first in its TypeNames.

use serde_json::{json, Map, Value};

/// The type name that marks `{"PSTypeName":..., "Value":"text"}` as a SecureString, both ways.
pub const SECURE_STRING_TYPE: &str = "System.Security.SecureString";

/// One output object under construction; properties keep the order they are added in, which is
/// the order `Format-List` shows them in.
#[derive(Debug, Clone)]
pub struct PsObject {
    members: Map<String, Value>,
}

impl PsObject {
    pub fn new(type_name: &str) -> Self {
        Self::with_capacity(type_name, 0)
    }

    /// `new` with room for `members` members (PSTypeName included), for an object that is made
    /// many times over (each backend of a list).
    pub fn with_capacity(type_name: &str, members: usize) -> Self {
        let mut map = Map::with_capacity(members);
        map.insert("PSTypeName".to_string(), Value::String(type_name.to_string()));
        PsObject { members: map }
    }

    /// Sets a property; a later value for the same name replaces the earlier one.
    pub fn property(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.members.insert(name.to_string(), value.into());
        self
    }

    /// Sets a property only when there is a value; otherwise the property is `$null`, which is what
    /// Az's objects show for anything the service did not return.
    pub fn optional<T: Into<Value>>(self, name: &str, value: Option<T>) -> Self {
        let value = value.map(Into::into).unwrap_or(Value::Null);
        self.property(name, value)
    }

    pub fn into_value(self) -> Value {
        Value::Object(self.members)
    }
}

impl From<PsObject> for Value {
    fn from(object: PsObject) -> Value {
        object.into_value()
    }
}

/// A SecureString in the output (a value the caller gave as one stays one in the object).
pub fn secure_string(text: &str) -> Value {
    json!({ "PSTypeName": SECURE_STRING_TYPE, "Value": text })
}
