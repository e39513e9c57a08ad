//! Where a backend cmdlet acts: the service (and workspace) named by `-Context`, or by the
//! `Context` of a piped backend object, and the backend id; the request address sent to the
//! client, the context the output objects carry, and the `-WhatIf`/`-Confirm` text, which names
//! only the address (never a body, so no credential can reach it).

use super::{Parameters, PsObject};
use crate::client::backend::BackendRequest;
use crate::client::ApimClient;
use crate::model::ApimError;
use serde_json::Value;

pub const CONTEXT_TYPE: &str = "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext";

/// The service a backend lives in, and the context object the output gives back (so that a
/// piped object reaches the same endpoint and workspace).
#[derive(Debug, Clone)]
pub struct ServiceScope {
    pub subscription_id: Option<String>,
    pub resource_group_name: String,
    pub service_name: String,
    pub workspace_id: Option<String>,
    pub context: Value,
}

impl ServiceScope {
    /// The scope of a `PsApiManagementContext` (ours, a deserialized copy or a hashtable).
    pub fn from_context(context: &Parameters, raw: Value) -> Result<Self, ApimError> {
        Ok(ServiceScope {
            subscription_id: non_empty(context.string("SubscriptionId")?),
            resource_group_name: context.string("ResourceGroupName")?.unwrap_or_default(),
            service_name: context.string("ServiceName")?.unwrap_or_default(),
            workspace_id: non_empty(context.string("WorkspaceId")?),
            context: raw,
        })
    }

    /// The scope of a piped backend object: its `Context`, or (an object made elsewhere, e.g. by
    /// Az) its ResourceGroupName, ServiceName and SubscriptionId in a new context.
    pub fn from_backend_object(object: &Parameters) -> Result<Self, ApimError> {
        if let (Some(context), Some(raw)) = (object.object("Context")?, object.get("Context")) {
            return Self::from_context(&context, raw.clone());
        }
        let subscription_id = non_empty(object.string("SubscriptionId")?);
        let resource_group_name = object.string("ResourceGroupName")?.unwrap_or_default();
        let service_name = object.string("ServiceName")?.unwrap_or_default();
        let context = PsObject::new(CONTEXT_TYPE)
            .property("ResourceGroupName", resource_group_name.clone())
            .optional("SubscriptionId", subscription_id.clone())
            .property("ServiceName", service_name.clone())
            .property("Endpoint", Value::Null)
            .property("ApiVersion", Value::Null)
            .property("WorkspaceId", Value::Null)
            .into_value();
        Ok(ServiceScope { subscription_id, resource_group_name, service_name, workspace_id: None, context })
    }

    /// The scope of a cmdlet's `-Context` parameter.
    pub fn from_parameter(parameters: &Parameters) -> Result<Self, ApimError> {
        let context = parameters
            .object("Context")?
            .ok_or_else(|| ApimError::invalid_argument("-Context", "-Context is required: give a context from New-AzApiManagementContext"))?;
        let raw = parameters.get("Context").cloned().unwrap_or(Value::Null);
        Self::from_context(&context, raw)
    }

    /// The client request for this scope and `backend_id`; the rest of the fields stay empty.
    pub fn request(&self, backend_id: Option<&str>) -> BackendRequest {
        BackendRequest {
            subscription_id: self.subscription_id.clone(),
            resource_group_name: self.resource_group_name.clone(),
            service_name: self.service_name.clone(),
            workspace_id: self.workspace_id.clone(),
            backend_id: backend_id.map(str::to_string),
            ..BackendRequest::default()
        }
    }

    /// `backend 'id' (PUT https://.../backends/id?api-version=...)`, computed from the client's
    /// options without a request: the subscription the client would fall back to is shown as
    /// `{subscriptionId}` when it is not known without asking (the Azure CLI is slow).
    pub fn should_process_target(&self, client: &ApimClient, backend_id: &str, method: &str, suffix: &str) -> String {
        let options = client.options();
        let subscription = self
            .subscription_id
            .clone()
            .or_else(|| options.subscription_id.clone().filter(|s| !s.trim().is_empty()))
            .unwrap_or_else(|| "{subscriptionId}".to_string());
        let scope = match &self.workspace_id {
            Some(workspace) => format!("/workspaces/{}", escape(workspace)),
            None => String::new(),
        };
        let url = format!(
            "{}/subscriptions/{}/resourceGroups/{}/providers/Microsoft.ApiManagement/service/{}{}/backends/{}{}?api-version={}",
            options.arm_endpoint.trim_end_matches('/'),
            subscription,
            self.resource_group_name,
            self.service_name,
            scope,
            escape(backend_id),
            suffix,
            client.api_version().as_str()
        );
        format!("backend '{backend_id}' ({method} {url})")
    }
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|text| !text.trim().is_empty())
}

/// As .NET's `Uri.EscapeDataString`: RFC 3986's unreserved characters stay, the rest is encoded.
fn escape(text: &str) -> String {
    const DATA: &percent_encoding::AsciiSet =
        &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');
    percent_encoding::utf8_percent_encode(text, DATA).to_string()
}
