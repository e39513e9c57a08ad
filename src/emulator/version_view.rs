//! A stored backend as an older api-version shows it: the service stores one entity, and a GET
//! (or list, or a write's response) at an api-version answers only the fields that version's
//! contract has. The gates are the model's own (`p.since` in src/model/*.rs): what a version may
//! not send, it is not shown either.

use crate::model::ApiVersion;
use serde_json::Value;

/// Fields added in 2024-05-01 (below `properties`).
const SINCE_2024_05_01: &[&str] = &["/type", "/pool", "/circuitBreaker"];
/// Fields added in 2025-03-01-preview (below `properties`).
const SINCE_2025_03_01_PREVIEW: &[&str] = &[
    "/azureRegion",
    "/pool/failureResponse",
    "/pool/sessionAffinity",
    "/tls/serverCertificateThumbprints",
    "/tls/serverX509Names",
];

/// `entity` with the fields `version` does not know removed.
pub fn for_version(entity: &Value, version: ApiVersion) -> Value {
    let mut view = entity.clone();
    let Some(properties) = view.get_mut("properties") else { return view };
    if version < ApiVersion::V2024_05_01 {
        SINCE_2024_05_01.iter().for_each(|pointer| remove(properties, pointer));
        remove_in_each(properties, "/circuitBreaker/rules", "/acceptRetryAfter");
    }
    if version < ApiVersion::V2025_03_01Preview {
        SINCE_2025_03_01_PREVIEW.iter().for_each(|pointer| remove(properties, pointer));
        remove_in_each(properties, "/pool/services", "/preferredCarbonEmission");
        remove_in_each(properties, "/circuitBreaker/rules", "/failureResponse");
    }
    view
}

/// Removes `member` from every item of the array at `array`.
fn remove_in_each(value: &mut Value, array: &str, member: &str) {
    if let Some(items) = value.pointer_mut(array).and_then(Value::as_array_mut) {
        items.iter_mut().for_each(|item| remove(item, member));
    }
}

/// Removes the member a JSON pointer names, if it is there.
fn remove(value: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("pointers start with '/'");
    let parent = if parent.is_empty() { Some(value) } else { value.pointer_mut(parent) };
    if let Some(Value::Object(map)) = parent {
        map.shift_remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn older_versions_see_only_their_fields() {
        let stored = json!({"id": "x", "properties": {"url": "https://b/", "protocol": "http", "azureRegion": "westeurope",
            "tls": {"validateCertificateChain": true, "validateCertificateName": true, "serverX509Names": [{"name": "n"}]},
            "circuitBreaker": {"rules": [{"name": "r", "acceptRetryAfter": true, "failureResponse": {"statusCode": 503}}]}}});
        let v2022 = for_version(&stored, ApiVersion::V2022_08_01);
        assert_eq!(v2022["properties"], json!({"url": "https://b/", "protocol": "http",
            "tls": {"validateCertificateChain": true, "validateCertificateName": true}}));
        let v2024 = for_version(&stored, ApiVersion::V2024_05_01);
        assert_eq!(v2024["properties"]["circuitBreaker"], json!({"rules": [{"name": "r", "acceptRetryAfter": true}]}));
        assert!(v2024["properties"].get("azureRegion").is_none());
        assert_eq!(for_version(&stored, ApiVersion::V2025_03_01Preview), stored);
    }
}
