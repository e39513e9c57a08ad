//! Clouds and their endpoints: where to sign in (authority host), where ARM and Graph live and the
//! scopes that go with them. `AZURE_AUTHORITY_HOST` or `auth.authorityHost` override the host.

use super::env::Env;
use crate::model::error::ApimError;
use url::Url;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cloud {
    Public,
    China,
    UsGovernment,
}

impl Cloud {
    /// Every cloud, in the order Connect-ApimNative -Environment offers them (`apim_cloud_list`).
    pub const ALL: [Cloud; 3] = [Cloud::Public, Cloud::China, Cloud::UsGovernment];

    /// Accepts the names Az PowerShell (`-Environment`) and the Azure CLI (`az cloud`) use.
    pub fn parse(name: &str, target: &str) -> Result<Cloud, ApimError> {
        let wanted = name.trim();
        Cloud::ALL
            .into_iter()
            .find(|cloud| cloud.name().eq_ignore_ascii_case(wanted) || cloud.aliases().iter().any(|a| a.eq_ignore_ascii_case(wanted)))
            .ok_or_else(|| {
                let names: Vec<&str> = Cloud::ALL.iter().map(|c| c.name()).collect();
                ApimError::invalid_argument(target, format!("{target} '{name}' is not a known cloud; use {}", names.join(", ")))
            })
    }

    /// Other spellings accepted for the cloud: the Azure CLI's and short forms.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Cloud::Public => &["AzurePublicCloud", "public"],
            Cloud::China => &["china"],
            Cloud::UsGovernment => &["AzureUSGovernmentCloud", "usgovernment", "usgov"],
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Cloud::Public => "AzureCloud",
            Cloud::China => "AzureChinaCloud",
            Cloud::UsGovernment => "AzureUSGovernment",
        }
    }

    pub fn authority_host(self) -> &'static str {
        match self {
            Cloud::Public => "https://login.microsoftonline.com",
            Cloud::China => "https://login.chinacloudapi.cn",
            Cloud::UsGovernment => "https://login.microsoftonline.us",
        }
    }

    pub fn arm_endpoint(self) -> &'static str {
        match self {
            Cloud::Public => "https://management.azure.com",
            Cloud::China => "https://management.chinacloudapi.cn",
            Cloud::UsGovernment => "https://management.usgovcloudapi.net",
        }
    }

    pub fn graph_endpoint(self) -> &'static str {
        match self {
            Cloud::Public => "https://graph.microsoft.com",
            Cloud::China => "https://microsoftgraph.chinacloudapi.cn",
            Cloud::UsGovernment => "https://graph.microsoft.us",
        }
    }

    pub fn arm_scope(self) -> String {
        scope_for_endpoint(self.arm_endpoint())
    }

    pub fn graph_scope(self) -> String {
        scope_for_endpoint(self.graph_endpoint())
    }
}

/// The cloud table as the C ABI hands it out (`apim_cloud_list`): one object per cloud with its
/// name, aliases, sign-in authority and the ARM and Graph endpoints, so no caller keeps a copy.
pub fn cloud_table() -> serde_json::Value {
    let clouds: Vec<serde_json::Value> = Cloud::ALL
        .iter()
        .map(|cloud| {
            serde_json::json!({
                "name": cloud.name(),
                "aliases": cloud.aliases(),
                "authorityHost": cloud.authority_host(),
                "armEndpoint": cloud.arm_endpoint(),
                "graphEndpoint": cloud.graph_endpoint(),
            })
        })
        .collect();
    serde_json::json!({ "clouds": clouds })
}

/// The v2 scope of a resource endpoint: its origin plus `/.default`.
pub fn scope_for_endpoint(endpoint: &str) -> String {
    format!("{}/.default", endpoint.trim_end_matches('/'))
}

/// The v1 `resource` the managed-identity endpoints want: exactly one scope, `/.default` removed.
pub fn scope_to_resource(scope: &str) -> Result<String, ApimError> {
    let scope = scope.trim();
    if scope.is_empty() || scope.contains(char::is_whitespace) {
        return Err(ApimError::invalid_argument("scope", "exactly one scope is required to ask for a managed-identity token"));
    }
    Ok(scope.strip_suffix("/.default").unwrap_or(scope).to_string())
}

/// The authority host to sign in at: the explicit option, then `AZURE_AUTHORITY_HOST`, then the
/// cloud's own. HTTPS is required so a secret never travels in clear text; plain HTTP is allowed
/// only for a loopback address (a local fake or emulator).
pub fn resolve_authority_host(explicit: Option<&str>, env: &Env, cloud: Cloud) -> Result<Url, ApimError> {
    let (value, target) = match explicit {
        Some(v) if !v.trim().is_empty() => (v.trim().to_string(), "auth.authorityHost"),
        _ => match env.get("AZURE_AUTHORITY_HOST") {
            Some(v) => (v, "AZURE_AUTHORITY_HOST"),
            None => (cloud.authority_host().to_string(), "auth.environment"),
        },
    };
    let url = Url::parse(&value).map_err(|_| {
        ApimError::invalid_argument(target, format!("{target} '{value}' is not an absolute URL"))
    })?;
    check_secure(&url, target)?;
    Ok(url)
}

/// `https`, or `http` to a loopback host only.
pub fn check_secure(url: &Url, target: &str) -> Result<(), ApimError> {
    let loopback = matches!(url.host_str(), Some("127.0.0.1") | Some("localhost") | Some("[::1]"));
    match url.scheme() {
        "https" => Ok(()),
        "http" if loopback => Ok(()),
        _ => Err(ApimError::invalid_argument(
            target,
            format!("{target} must be an https URL (http is allowed only for 127.0.0.1 or localhost)"),
        )),
    }
}

/// `{authority}/{tenant}/oauth2/v2.0/token`.
pub fn token_endpoint(authority: &Url, tenant_id: &str) -> String {
    format!("{}/{}/oauth2/v2.0/token", authority.as_str().trim_end_matches('/'), tenant_id)
}

/// Tenant ids are GUIDs or domain names; anything else would change the URL's path.
pub fn check_tenant_id(tenant_id: &str, target: &str) -> Result<(), ApimError> {
    let ok = !tenant_id.is_empty()
        && tenant_id.len() <= 256
        && tenant_id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    if ok {
        Ok(())
    } else {
        Err(ApimError::invalid_argument(
            target,
            format!("{target} must be a tenant GUID or domain name (letters, digits, '-' and '.')"),
        ))
    }
}
