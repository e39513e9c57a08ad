//! Backend request bodies: JSON parsing with ARM's 400 shape, the model's validation for the
//! requested api-version, and what the service fills in itself before it stores a backend.

use crate::emulator::errors::ArmError;
use crate::model::backend::check_backend_contract;
use crate::model::{ApiVersion, ApimError};
use axum::body::Bytes;
use axum::http::StatusCode;
use serde_json::{json, Map, Value};

/// Parses a JSON request body; `required` says whether an empty body is an error.
pub fn json_body(bytes: &Bytes, required: bool) -> Result<Option<Value>, ArmError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return if required {
            Err(ArmError::bad_parameter("body", "Required", "The request body is required."))
        } else {
            Ok(None)
        };
    }
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| ArmError::bad_parameter("body", "InvalidJson", format!("The request body is not valid JSON: {e}.")))?;
    if !value.is_object() {
        return Err(ArmError::bad_parameter("body", "Type", "The request body must be a JSON object."));
    }
    Ok(Some(value))
}

pub fn validation_error(e: ApimError) -> ArmError {
    ArmError::from_apim(StatusCode::BAD_REQUEST, e)
}

/// The properties to store for a PUT: the model's normalised form (so alternative spellings are
/// stored canonically and only set fields kept), plus what the service fills in itself.
pub fn stored_properties(body: &Value, version: ApiVersion) -> Result<Value, ArmError> {
    let contract = check_backend_contract(body, version).map_err(validation_error)?;
    let normalised = serde_json::to_value(&contract).unwrap_or(Value::Null);
    let mut properties = normalised
        .get("properties")
        .or_else(|| body.get("properties"))
        .cloned()
        .unwrap_or_else(|| Value::Object(Map::new()));
    service_fills_in(&mut properties);
    Ok(properties)
}

/// What the service itself does to stored backend properties (BackendServiceFabricCrudTest
/// recording): it defaults `maxPartitionResolutionRetries` to 3 and answers the thumbprint as
/// `clientCertificateThumbprint` although requests spell it `clientCertificatethumbprint`.
pub fn service_fills_in(properties: &mut Value) {
    let Some(sf) = properties.pointer_mut("/properties/serviceFabricCluster").and_then(Value::as_object_mut) else {
        return;
    };
    if sf.get("maxPartitionResolutionRetries").map_or(true, Value::is_null) {
        sf.insert("maxPartitionResolutionRetries".into(), json!(3));
    }
    if let Some(thumbprint) = sf.remove("clientCertificatethumbprint") {
        sf.insert("clientCertificateThumbprint".into(), thumbprint);
    }
}
