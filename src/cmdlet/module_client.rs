//! The client a module cmdlet calls through: endpoints and api-version as the cmdlet resolved them
//! (`Endpoint`, `GraphEndpoint`, `ApiVersion`, `ForGraph`, and `EnvironmentVariables`, the
//! environment as PowerShell sees it), and which credential it signs in with:
//! - the session's, when Connect-ApimNative chose one (the session fills in auth and subscription,
//!   so no secret passes through the host);
//! - none, when the endpoint it signs in for is on this machine (127.0.0.0/8, ::1, localhost: the
//!   emulator needs none unless started with a token, and the default chain must not probe
//!   anything for it); that endpoint is the Graph endpoint for a Graph client (`ForGraph`), which
//!   never calls ARM, and the ARM endpoint otherwise;
//! - otherwise the default chain of the Azure SDKs (environment, workload identity, managed
//!   identity, Azure CLI), so a runbook that never connected signs in as Az users expect.

use super::{ParameterNames, Parameters};
use crate::auth::managed_identity::platform::is_loopback_origin;
use crate::client::session::Session;
use crate::client::{ApimClient, ClientOptions};
use crate::model::redact::Redacted;
use crate::model::ApimError;
use std::collections::HashMap;

const NAMES: ParameterNames = ParameterNames(&[("armEndpoint", "-Endpoint"), ("graphEndpoint", "-GraphEndpoint"), ("apiVersion", "-ApiVersion")]);

/// How a module client signs in, as its summary reports it (`credential`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientCredential {
    Session,
    DefaultChain,
    None,
}

impl ClientCredential {
    pub fn as_str(self) -> &'static str {
        match self {
            ClientCredential::Session => "session",
            ClientCredential::DefaultChain => "defaultChain",
            ClientCredential::None => "none",
        }
    }
}

/// The client for these parameters, made by `session` when there is one, and how it signs in.
pub fn client(session: Option<&Session>, parameters: &Parameters) -> Result<(ApimClient, ClientCredential), ApimError> {
    let defaults = ClientOptions::default();
    let endpoint = parameters.required_string("Endpoint")?.trim_end_matches('/').to_string();
    let graph_endpoint = parameters.string("GraphEndpoint")?.filter(|e| !e.is_empty()).map(|e| e.trim_end_matches('/').to_string());
    let for_graph = parameters.bool("ForGraph")?.unwrap_or(false);
    let credential_endpoint = match (for_graph, &graph_endpoint) {
        (true, Some(graph)) => graph.clone(),
        (true, None) => defaults.graph_endpoint.clone(),
        (false, _) => endpoint.clone(),
    };
    let mut options = ClientOptions { arm_endpoint: endpoint, environment: environment_variables(parameters)?, ..defaults };
    if let Some(graph) = graph_endpoint {
        options.graph_endpoint = graph;
    }
    if let Some(version) = parameters.string("ApiVersion")?.filter(|v| !v.is_empty()) {
        options.api_version = version;
    }
    let credential = match session {
        Some(session) if session.signs_in() => ClientCredential::Session,
        _ if is_loopback_origin(&credential_endpoint) => ClientCredential::None,
        _ => ClientCredential::DefaultChain,
    };
    if credential == ClientCredential::DefaultChain {
        options.auth.kind = Some("default".to_string());
    }
    let made = match session {
        Some(session) => session.client(options),
        None => ApimClient::new(options),
    };
    Ok((made.map_err(|e| NAMES.rename(e))?, credential))
}

/// `EnvironmentVariables` (name -> value); values that are not strings are left out.
fn environment_variables(parameters: &Parameters) -> Result<Option<Redacted<HashMap<String, String>>>, ApimError> {
    let Some(variables) = parameters.object("EnvironmentVariables")? else { return Ok(None) };
    let mut map = HashMap::new();
    for name in variables.names() {
        if let Ok(Some(value)) = variables.string(name) {
            map.insert(name.to_string(), value);
        }
    }
    Ok(Some(Redacted(map)))
}
