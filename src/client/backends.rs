//! The seven ARM backend operations.
//! SKELETON: signatures fixed; the client helper implements them.

use super::{ApimClient, ListResult, OperationResult};
use crate::model::ApimError;
use serde::Deserialize;
use serde_json::Value;

/// A backend request as the C ABI receives it:
/// `{"subscriptionId":"...","resourceGroupName":"rg1","serviceName":"apimService1","backendId":"b1",
///   "ifMatch":"*","body":{...}}`; list adds `filter`, `top`, `skip`, `onePage`, `nextLink`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BackendRequest {
    #[serde(default)]
    pub subscription_id: Option<String>,
    pub resource_group_name: String,
    pub service_name: String,
    #[serde(default)]
    pub backend_id: Option<String>,
    #[serde(default)]
    pub if_match: Option<String>,
    #[serde(default)]
    pub body: Option<Value>,
    #[serde(default)]
    pub filter: Option<String>,
    #[serde(default)]
    pub top: Option<i64>,
    #[serde(default)]
    pub skip: Option<i64>,
    /// Return one page and its nextLink instead of following nextLink to the end.
    #[serde(default)]
    pub one_page: bool,
    /// Continue a list from this link (as returned in a one-page result).
    #[serde(default)]
    pub next_link: Option<String>,
}

fn not_yet() -> ApimError {
    ApimError::new("NotImplemented", "not implemented yet", crate::model::ErrorCategory::NotSpecified)
}

impl ApimClient {
    pub async fn backend_create_or_update(&self, req: &BackendRequest) -> Result<OperationResult, ApimError> {
        let _ = req;
        Err(not_yet())
    }
    pub async fn backend_get(&self, req: &BackendRequest) -> Result<OperationResult, ApimError> {
        let _ = req;
        Err(not_yet())
    }
    pub async fn backend_get_entity_tag(&self, req: &BackendRequest) -> Result<OperationResult, ApimError> {
        let _ = req;
        Err(not_yet())
    }
    pub async fn backend_list(&self, req: &BackendRequest) -> Result<ListResult, ApimError> {
        let _ = req;
        Err(not_yet())
    }
    pub async fn backend_update(&self, req: &BackendRequest) -> Result<OperationResult, ApimError> {
        let _ = req;
        Err(not_yet())
    }
    pub async fn backend_delete(&self, req: &BackendRequest) -> Result<OperationResult, ApimError> {
        let _ = req;
        Err(not_yet())
    }
    pub async fn backend_reconnect(&self, req: &BackendRequest) -> Result<OperationResult, ApimError> {
        let _ = req;
        Err(not_yet())
    }
}
