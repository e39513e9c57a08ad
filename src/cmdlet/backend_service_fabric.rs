//! TEMPORARY placeholder until wt/az-parts lands the real mapping (same interface); not for merge.

use super::Parameters;
use crate::model::service_fabric::BackendServiceFabricClusterProperties;
use crate::model::ApimError;
use serde_json::Value;

pub fn from_object(_object: &Parameters) -> Result<BackendServiceFabricClusterProperties, ApimError> {
    Err(ApimError::invalid_argument("-service_fabric", "placeholder: the service_fabric mapping is not merged yet"))
}

pub fn to_object(_wire: &BackendServiceFabricClusterProperties) -> Value {
    Value::Null
}
