//! Resource addresses (path segments) and their rules: subscription id, resource group,
//! service name, backend id.

use super::error::{ApimError, ErrorDetail};
use serde::{Deserialize, Serialize};

/// The APIM service a call is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceAddress {
    pub subscription_id: String,
    pub resource_group_name: String,
    pub service_name: String,
}

impl ServiceAddress {
    /// `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.ApiManagement/service/{name}`
    pub fn path(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.ApiManagement/service/{}",
            self.subscription_id, self.resource_group_name, self.service_name
        )
    }

    /// Every path-segment rule, all problems reported.
    pub fn validate(&self) -> Result<(), ApimError> {
        let mut details: Vec<ErrorDetail> = Vec::new();
        // TODO(model): subscription uuid, resource group 1-90 `^[-\w\._\(\)]+$`, service name pattern.
        if details.is_empty() {
            Ok(())
        } else {
            Err(ApimError::validation(std::mem::take(&mut details)))
        }
    }
}

/// Validates a backend id (1-80 characters) and reports it under `target`.
pub fn validate_backend_id(backend_id: &str, target: &str) -> Result<(), ApimError> {
    let _ = (backend_id, target); // TODO(model)
    Ok(())
}
