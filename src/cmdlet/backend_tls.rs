//! TEMPORARY placeholder until wt/az-parts lands the real mapping (same interface); not for merge.

use super::Parameters;
use crate::model::tls::BackendTlsProperties;
use crate::model::ApimError;
use serde_json::Value;

pub fn from_object(_object: &Parameters) -> Result<BackendTlsProperties, ApimError> {
    Err(ApimError::invalid_argument("-tls", "placeholder: the tls mapping is not merged yet"))
}

pub fn to_object(_wire: &BackendTlsProperties) -> Value {
    Value::Null
}
