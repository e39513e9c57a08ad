//! TEMPORARY placeholder until wt/az-parts lands the real mapping (same interface); not for merge.

use super::Parameters;
use crate::model::pool::BackendPool;
use crate::model::ApimError;
use serde_json::Value;

pub fn from_object(_object: &Parameters) -> Result<BackendPool, ApimError> {
    Err(ApimError::invalid_argument("-pool", "placeholder: the pool mapping is not merged yet"))
}

pub fn to_object(_wire: &BackendPool) -> Value {
    Value::Null
}
