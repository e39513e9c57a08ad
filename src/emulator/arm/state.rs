//! The state the ARM backend routes share (their two collections, pending async PUTs) and the
//! addresses they serve: path parameters, scope checks with the model's rules, store keys.

use super::async_put::PendingPuts;
use crate::emulator::context::EmulatorContext;
use crate::emulator::errors::ArmError;
use crate::emulator::store::JsonCollection;
use crate::model::address::{collect_workspace_id, validate_backend_id, ServiceAddress};
use crate::model::validate::Problems;
use crate::model::{ApiVersion, ErrorDetail};
use axum::http::StatusCode;
use std::sync::Arc;

pub const RESOURCE_TYPE: &str = "Microsoft.ApiManagement/service/backends";
pub const WORKSPACE_RESOURCE_TYPE: &str = "Microsoft.ApiManagement/service/workspaces/backends";
/// State of the backend routes.
#[derive(Clone)]
pub struct ArmState {
    pub ctx: EmulatorContext,
    pub backends: Arc<JsonCollection>,
    /// Workspace backends, keyed `{sub}/{rg}/{svc}/{ws}/{id}`.
    pub workspace_backends: Arc<JsonCollection>,
    pub pending: Arc<PendingPuts>,
}

impl ArmState {
    /// The collection of a service's (`None`) or a workspace's backends.
    pub fn collection(&self, workspace: Option<&str>) -> &Arc<JsonCollection> {
        match workspace {
            None => &self.backends,
            Some(_) => &self.workspace_backends,
        }
    }
}

/// The path parameters of an entity route (`ws` only on workspace routes).
#[derive(serde::Deserialize)]
pub struct EntityPath {
    pub sub: String,
    pub rg: String,
    pub svc: String,
    #[serde(default)]
    pub ws: Option<String>,
    pub id: String,
}

/// Workspace backends exist from api-version 2025-03-01-preview on; an older version is refused
/// the way ARM refuses an api-version a resource type does not have.
pub fn check_workspace_version(workspace: Option<&str>, version: ApiVersion) -> Result<(), ArmError> {
    if workspace.is_some() && version < ApiVersion::V2025_03_01Preview {
        return Err(ArmError::new(
            StatusCode::BAD_REQUEST,
            "InvalidApiVersionParameter",
            format!(
                "The api-version '{version}' is invalid for workspace backends. The supported versions are '{}'.",
                ApiVersion::V2025_03_01Preview
            ),
        )
        .with_target("api-version"));
    }
    Ok(())
}

/// Validates the address of a service or workspace backend with the model's rules and returns
/// the ARM path of the collection's parent (`.../service/{svc}` or `.../workspaces/{ws}`).
pub fn check_scope(sub: &str, rg: &str, svc: &str, workspace: Option<&str>, id: Option<&str>) -> Result<String, ArmError> {
    let service_path = check_address(sub, rg, svc, id)?;
    let Some(ws) = workspace else { return Ok(service_path) };
    let mut p = Problems::new();
    collect_workspace_id(ws, "workspaceId", &mut p);
    if !p.is_empty() {
        return Err(ArmError::validation(p.into_details()));
    }
    Ok(format!("{service_path}/workspaces/{ws}"))
}

/// Validates the service address (and the backend id when given) with the model's rules.
pub fn check_address(sub: &str, rg: &str, svc: &str, id: Option<&str>) -> Result<String, ArmError> {
    let address = ServiceAddress {
        subscription_id: sub.to_string(),
        resource_group_name: rg.to_string(),
        service_name: svc.to_string(),
    };
    let mut details: Vec<ErrorDetail> = Vec::new();
    if let Err(e) = address.validate() {
        details.extend(ArmError::from_apim(StatusCode::BAD_REQUEST, e).error.details);
    }
    if let Some(id) = id {
        if let Err(e) = validate_backend_id(id, "backendId") {
            details.extend(ArmError::from_apim(StatusCode::BAD_REQUEST, e).error.details);
        }
    }
    if details.is_empty() {
        Ok(address.path())
    } else {
        Err(ArmError::validation(details))
    }
}

/// Store key prefix of a service's or a workspace's backends (compared case-insensitively).
pub fn scope_key(sub: &str, rg: &str, svc: &str, workspace: Option<&str>) -> String {
    match workspace {
        None => format!("{sub}/{rg}/{svc}/"),
        Some(ws) => format!("{sub}/{rg}/{svc}/{ws}/"),
    }
}

pub fn entity_key(p: &EntityPath) -> String {
    format!("{}{}", scope_key(&p.sub, &p.rg, &p.svc, p.ws.as_deref()), p.id)
}

pub fn resource_type(workspace: Option<&str>) -> &'static str {
    if workspace.is_some() {
        WORKSPACE_RESOURCE_TYPE
    } else {
        RESOURCE_TYPE
    }
}
