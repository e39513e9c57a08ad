//! The objects the "backends in git" cmdlets write: plan items (`ApimNative.BackendPlan`,
//! `ApimNative.ApiConnectorPlan`), sync results (`ApimNative.BackendSyncResult`,
//! `ApimNative.ApiConnectorSyncResult`), exported files (`ApimNative.ExportedBackend`,
//! `ApimNative.ExportedApiConnector`), each change an `ApimNative.PropertyChange`.
//!
//! A plan item that would write also carries what `Sync-*` asks ShouldProcess
//! (`ShouldProcessTarget`, `ShouldProcessAction`) and the opaque `ApprovalKey` it sends back
//! when the user agrees, so the module's loop knows nothing of the plan's fields.

use super::sync_request::{api_connector_approval_key, backend_approval_key};
use super::PsObject;
use crate::model::ApimError;
use crate::sync::api_connector::{ConnectorPlanItem, ConnectorSyncResult, ExportedConnector};
use crate::sync::backend::{BackendPlanItem, BackendSyncResult, ExportedFile};
use crate::sync::diff::{Change, SecretStatus};
use crate::sync::Action;
use serde::Serialize;
use serde_json::Value;

pub const BACKEND_PLAN_TYPE: &str = "ApimNative.BackendPlan";
pub const BACKEND_RESULT_TYPE: &str = "ApimNative.BackendSyncResult";
pub const EXPORTED_BACKEND_TYPE: &str = "ApimNative.ExportedBackend";
pub const API_CONNECTOR_PLAN_TYPE: &str = "ApimNative.ApiConnectorPlan";
pub const API_CONNECTOR_RESULT_TYPE: &str = "ApimNative.ApiConnectorSyncResult";
pub const EXPORTED_API_CONNECTOR_TYPE: &str = "ApimNative.ExportedApiConnector";
pub const CHANGE_TYPE: &str = "ApimNative.PropertyChange";
pub const SECRET_STATUS_TYPE: &str = "ApimNative.SecretStatus";

/// An enum of the core (`Create`, `Succeeded`, `Changed`) as the word it serialises to.
fn word(value: impl Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// A secret's change carries no Old or New (the core leaves them out), so none is shown.
fn change(change: &Change) -> Value {
    PsObject::new(CHANGE_TYPE)
        .property("Path", change.path.clone())
        .property("Kind", word(change.kind))
        .property("Secret", change.secret)
        .optional("Old", change.old.clone())
        .optional("New", change.new.clone())
        .into_value()
}

fn changes(list: &[Change]) -> Value {
    Value::Array(list.iter().map(change).collect())
}

fn secrets(list: &[SecretStatus]) -> Value {
    Value::Array(
        list.iter()
            .map(|status| PsObject::new(SECRET_STATUS_TYPE).property("Path", status.path.clone()).property("State", word(status.state)).into_value())
            .collect(),
    )
}

fn error(error: &Option<ApimError>) -> Value {
    error.as_ref().map(word).unwrap_or(Value::Null)
}

/// What ShouldProcess shows for a write: "backend 'orders' (url, credentials.header.x-key)".
fn should_process_target(noun: &str, key: &str, list: &[Change]) -> String {
    let paths: Vec<&str> = list.iter().map(|change| change.path.as_str()).collect();
    format!("{noun} '{key}' ({})", paths.join(", "))
}

/// The three approval properties: set for a write, `$null` for an item that changes nothing.
fn with_approval(object: PsObject, action: Action, target: String, key: String) -> PsObject {
    let writes = action.writes();
    object
        .optional("ShouldProcessTarget", writes.then_some(target))
        .optional("ShouldProcessAction", writes.then(|| word(action)))
        .optional("ApprovalKey", writes.then_some(key))
}

pub fn backend_plan_item(item: &BackendPlanItem) -> Value {
    let object = PsObject::new(BACKEND_PLAN_TYPE)
        .property("BackendId", item.backend_id.clone())
        .property("Action", word(item.action))
        .optional("ETag", item.etag.clone())
        .property("Changes", changes(&item.changes))
        .property("Secrets", secrets(&item.secrets))
        .property("Phase", item.phase)
        .property("DependsOn", item.depends_on.clone());
    let target = should_process_target("backend", &item.backend_id, &item.changes);
    let key = backend_approval_key(&item.backend_id, item.action, item.etag.as_deref());
    with_approval(object, item.action, target, key).into_value()
}

pub fn backend_sync_result(result: &BackendSyncResult) -> Value {
    PsObject::new(BACKEND_RESULT_TYPE)
        .property("BackendId", result.backend_id.clone())
        .property("Action", word(result.action))
        .property("Outcome", word(result.outcome))
        .optional("HttpStatus", result.http_status)
        .optional("ETag", result.etag.clone())
        .property("Changes", changes(&result.changes))
        .property("Error", error(&result.error))
        .into_value()
}

pub fn exported_backend(file: &ExportedFile) -> Value {
    PsObject::new(EXPORTED_BACKEND_TYPE).property("BackendId", file.backend_id.clone()).property("Path", file.path.clone()).into_value()
}

pub fn api_connector_plan_item(item: &ConnectorPlanItem) -> Value {
    let object = PsObject::new(API_CONNECTOR_PLAN_TYPE)
        .property("DisplayName", item.display_name.clone())
        .optional("Id", item.id.clone())
        .property("Action", word(item.action))
        .optional("ETag", item.etag.clone())
        .property("Changes", changes(&item.changes))
        .property("Secrets", secrets(&item.secrets));
    let target = should_process_target("API connector", &item.display_name, &item.changes);
    let key = api_connector_approval_key(&item.display_name, item.action, item.etag.as_deref());
    with_approval(object, item.action, target, key).into_value()
}

pub fn api_connector_sync_result(result: &ConnectorSyncResult) -> Value {
    PsObject::new(API_CONNECTOR_RESULT_TYPE)
        .property("DisplayName", result.display_name.clone())
        .optional("Id", result.id.clone())
        .property("Action", word(result.action))
        .property("Outcome", word(result.outcome))
        .optional("HttpStatus", result.http_status)
        .property("Changes", changes(&result.changes))
        .property("Error", error(&result.error))
        .into_value()
}

pub fn exported_api_connector(file: &ExportedConnector) -> Value {
    PsObject::new(EXPORTED_API_CONNECTOR_TYPE)
        .property("DisplayName", file.display_name.clone())
        .optional("Id", file.id.clone())
        .property("Path", file.path.clone())
        .into_value()
}
