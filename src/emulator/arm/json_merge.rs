//! PATCH semantics for backend properties: the supplied properties are merged into the stored
//! ones; nested objects are merged member by member, arrays and scalars are replaced, and a JSON
//! `null` leaves the stored value as it is (the model treats `null` as "not set" everywhere, and
//! the Az module sends only the fields a user set).

use serde_json::Value;

pub fn merge_properties(stored: &mut Value, patch: &Value) {
    let Value::Object(patch) = patch else { return };
    if !stored.is_object() {
        *stored = Value::Object(serde_json::Map::new());
    }
    let Value::Object(target) = stored else { return };
    for (key, value) in patch {
        match value {
            Value::Null => {}
            Value::Object(_) => {
                let slot = target.entry(key.clone()).or_insert(Value::Null);
                merge_properties(slot, value);
            }
            other => {
                target.insert(key.clone(), other.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn objects_merge_arrays_replace_nulls_keep() {
        let mut stored = json!({"title": "t", "tls": {"validateCertificateChain": true, "validateCertificateName": true},
                                "credentials": {"certificate": ["a", "b"]}, "url": "u"});
        merge_properties(&mut stored, &json!({"tls": {"validateCertificateChain": false},
                                              "credentials": {"certificate": ["c"]}, "url": null, "description": "d"}));
        assert_eq!(stored, json!({"title": "t", "tls": {"validateCertificateChain": false, "validateCertificateName": true},
                                  "credentials": {"certificate": ["c"]}, "url": "u", "description": "d"}));
    }
}
