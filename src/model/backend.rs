//! BackendContract, BackendUpdateParameters, BackendCollection, BackendReconnectContract.
//! SKELETON: the model helper replaces the stub types with the full 2025-03-01-preview surface.

use super::api_version::ApiVersion;
use super::error::ApimError;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BackendContract {
    /// Fields this model does not know survive a GET -> modify -> PUT round trip.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BackendUpdateParameters {
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BackendReconnectContract {
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Parses and validates a PUT body for `version`; every problem is reported with its JSON path.
pub fn check_backend_contract(body: &Value, version: ApiVersion) -> Result<BackendContract, ApimError> {
    let _ = version;
    serde_json::from_value(body.clone()).map_err(|e| ApimError::invalid_argument("body", e.to_string()))
}

/// Parses and validates a PATCH body for `version`.
pub fn check_backend_update(body: &Value, version: ApiVersion) -> Result<BackendUpdateParameters, ApimError> {
    let _ = version;
    serde_json::from_value(body.clone()).map_err(|e| ApimError::invalid_argument("body", e.to_string()))
}

/// Parses and validates a reconnect body (`properties.after`, an ISO-8601 duration).
pub fn check_backend_reconnect(body: &Value) -> Result<BackendReconnectContract, ApimError> {
    serde_json::from_value(body.clone()).map_err(|e| ApimError::invalid_argument("body", e.to_string()))
}
