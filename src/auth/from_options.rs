//! `AuthOptions` + environment -> the token source. Every missing or conflicting field is reported
//! at once, with its JSON path (`auth.tenantId`), before any request is sent.

use super::authority::{check_tenant_id, resolve_authority_host, token_endpoint, Cloud};
use super::azure_cli::AzureCliCredential;
use super::cache::CachingTokenSource;
use super::certificate::SigningCertificate;
use super::chain::{ChainLink, DefaultChain};
use super::client_certificate::client_certificate_credential;
use super::client_secret::ClientSecretCredential;
use super::env::Env;
use super::environment::{self, environment_credential};
use super::managed_identity::credential::ManagedIdentityCredential;
use super::managed_identity::{self, UserAssignedId};
use super::static_token::StaticToken;
use super::workload_identity::{self, workload_identity_credential};
use super::options::AuthOptions;
use super::token::TokenSource;
use super::{azure_cli, errors};
use crate::model::error::{ApimError, ErrorDetail};
use std::sync::Arc;
use url::Url;

const KINDS: &str = "token, clientSecret, clientCertificate, workloadIdentity, managedIdentity, azureCli, environment, default, none";

pub(super) fn token_source(options: &AuthOptions, env: &Env) -> Result<Option<Arc<dyn TokenSource>>, ApimError> {
    let kind = match options.kind.as_deref() {
        None | Some("none") => return Ok(None),
        Some(kind) => kind,
    };
    if kind == "token" {
        let token = options
            .token
            .as_ref()
            .map(|t| t.expose().to_string())
            .filter(|t| !t.is_empty())
            .ok_or_else(|| ApimError::invalid_argument("auth.token", "auth.token is required when auth.kind is 'token'"))?;
        return Ok(Some(Arc::new(StaticToken::new(token))));
    }
    let cloud = match options.environment.as_deref() {
        Some(name) => Cloud::parse(name, "auth.environment")?,
        None => Cloud::Public,
    };
    let source: Arc<dyn TokenSource> = match kind {
        "clientSecret" => client_secret(options, env, cloud)?,
        "clientCertificate" => client_certificate(options, env, cloud)?,
        "workloadIdentity" => workload(options, env, cloud).map_err(|missing| missing_error(kind, missing))??,
        "managedIdentity" => Arc::new(managed(options, env, None)?),
        "azureCli" => Arc::new(AzureCliCredential::new(env.clone(), options.tenant_id.clone())),
        "environment" => environment_credential(env, &resolve_authority_host(options.authority_host.as_deref(), env, cloud)?)?,
        "default" => Arc::new(default_chain(options, env, cloud)?),
        other => {
            return Err(ApimError::invalid_argument("auth.kind", format!("auth.kind '{other}' is not supported; use one of {KINDS}")))
        }
    };
    Ok(Some(Arc::new(CachingTokenSource::new(source))))
}

/// The fields every service-principal kind needs, all reported together when missing.
fn require<'a>(kind: &str, fields: &[(&'static str, Option<&'a str>)]) -> Result<Vec<&'a str>, ApimError> {
    let missing: Vec<&'static str> = fields.iter().filter(|(_, v)| v.map_or(true, str::is_empty)).map(|(t, _)| *t).collect();
    if !missing.is_empty() {
        return Err(missing_error(kind, missing));
    }
    Ok(fields.iter().map(|(_, v)| v.unwrap_or_default()).collect())
}

fn missing_error(kind: &str, missing: Vec<&'static str>) -> ApimError {
    ApimError::validation(
        missing
            .into_iter()
            .map(|target| ErrorDetail::new(target, "Required", format!("{target} is required when auth.kind is '{kind}'")))
            .collect(),
    )
}

fn entra_token_url(options: &AuthOptions, env: &Env, cloud: Cloud, tenant: &str, tenant_target: &str) -> Result<String, ApimError> {
    check_tenant_id(tenant, tenant_target)?;
    let authority: Url = resolve_authority_host(options.authority_host.as_deref(), env, cloud)?;
    Ok(token_endpoint(&authority, tenant))
}

fn client_secret(options: &AuthOptions, env: &Env, cloud: Cloud) -> Result<Arc<dyn TokenSource>, ApimError> {
    let secret = options.client_secret.as_ref().filter(|s| !s.expose().is_empty());
    let values = require(
        "clientSecret",
        &[
            ("auth.tenantId", options.tenant_id.as_deref()),
            ("auth.clientId", options.client_id.as_deref()),
            ("auth.clientSecret", secret.map(|_| "<set>")),
        ],
    )?;
    let token_url = entra_token_url(options, env, cloud, values[0], "auth.tenantId")?;
    let secret = secret.cloned().unwrap_or_else(|| super::secret::Secret::new(""));
    Ok(Arc::new(ClientSecretCredential::new(token_url, values[1].to_string(), secret)))
}

fn client_certificate(options: &AuthOptions, env: &Env, cloud: Cloud) -> Result<Arc<dyn TokenSource>, ApimError> {
    if let Some(data) = &options.certificate_data {
        return client_certificate_from_data(options, env, cloud, data);
    }
    let values = require(
        "clientCertificate",
        &[
            ("auth.tenantId", options.tenant_id.as_deref()),
            ("auth.clientId", options.client_id.as_deref()),
            ("auth.certificatePath", options.certificate_path.as_deref()),
        ],
    )?;
    let token_url = entra_token_url(options, env, cloud, values[0], "auth.tenantId")?;
    let certificate = SigningCertificate::load(values[2], options.certificate_password.as_ref(), "auth.certificatePath")?;
    let send_chain = options.send_certificate_chain.unwrap_or(false);
    Ok(Arc::new(client_certificate_credential(token_url, values[1].to_string(), certificate, send_chain)))
}

/// `certificateData` (a base64 PFX, from a certificate store) instead of `certificatePath`.
fn client_certificate_from_data(
    options: &AuthOptions,
    env: &Env,
    cloud: Cloud,
    data: &super::Secret,
) -> Result<Arc<dyn TokenSource>, ApimError> {
    let target = "auth.certificateData";
    if options.certificate_path.is_some() {
        return Err(ApimError::invalid_argument(target, format!("{target}: give certificateData or certificatePath, not both")));
    }
    let values = require("clientCertificate", &[("auth.tenantId", options.tenant_id.as_deref()), ("auth.clientId", options.client_id.as_deref())])?;
    let token_url = entra_token_url(options, env, cloud, values[0], "auth.tenantId")?;
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data.expose().trim())
        .map_err(|_| ApimError::invalid_argument(target, format!("{target}: must be the base64 encoding of a PFX (PKCS#12) file")))?;
    let certificate = SigningCertificate::from_pfx(&bytes, options.certificate_password.as_ref(), "certificateData", target)?;
    let send_chain = options.send_certificate_chain.unwrap_or(false);
    Ok(Arc::new(client_certificate_credential(token_url, values[1].to_string(), certificate, send_chain)))
}

/// Options first, then the variables AKS and other federation hosts inject. `Err(missing)` when
/// the source is not configured at all.
fn workload(options: &AuthOptions, env: &Env, cloud: Cloud) -> Result<Result<Arc<dyn TokenSource>, ApimError>, Vec<&'static str>> {
    let pick = |option: &Option<String>, var: &str| option.clone().filter(|v| !v.is_empty()).or_else(|| env.get(var));
    let tenant = pick(&options.tenant_id, "AZURE_TENANT_ID");
    let client = pick(&options.client_id, "AZURE_CLIENT_ID");
    let file = pick(&options.federated_token_file, "AZURE_FEDERATED_TOKEN_FILE");
    let mut missing = Vec::new();
    if tenant.is_none() {
        missing.push("auth.tenantId (or AZURE_TENANT_ID)");
    }
    if client.is_none() {
        missing.push("auth.clientId (or AZURE_CLIENT_ID)");
    }
    if file.is_none() {
        missing.push("auth.federatedTokenFile (or AZURE_FEDERATED_TOKEN_FILE)");
    }
    let (Some(tenant), Some(client), Some(file)) = (tenant, client, file) else {
        return Err(missing);
    };
    Ok(entra_token_url(options, env, cloud, &tenant, "auth.tenantId")
        .map(|url| Arc::new(workload_identity_credential(url, client, file)) as Arc<dyn TokenSource>))
}

/// `fallback_client_id`: in the default chain AZURE_CLIENT_ID also selects a user-assigned identity.
fn managed(options: &AuthOptions, env: &Env, fallback_client_id: Option<String>) -> Result<ManagedIdentityCredential, ApimError> {
    let post_form = match options.identity_request_method.as_deref().map(str::to_ascii_uppercase).as_deref() {
        None | Some("GET") => false,
        Some("POST") => true,
        Some(_) => {
            return Err(ApimError::invalid_argument("auth.identityRequestMethod", "auth.identityRequestMethod must be GET or POST"))
        }
    };
    ManagedIdentityCredential::new(env, user_assigned(options, fallback_client_id)?, post_form)
}

fn user_assigned(options: &AuthOptions, fallback_client_id: Option<String>) -> Result<Option<UserAssignedId>, ApimError> {
    let set = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
    let chosen: Vec<(&'static str, UserAssignedId)> = [
        set(&options.identity_client_id).map(|v| ("auth.identityClientId", UserAssignedId::ClientId(v))),
        set(&options.identity_object_id).map(|v| ("auth.identityObjectId", UserAssignedId::ObjectId(v))),
        set(&options.identity_resource_id).map(|v| ("auth.identityResourceId", UserAssignedId::ResourceId(v))),
    ]
    .into_iter()
    .flatten()
    .collect();
    if chosen.len() > 1 {
        return Err(ApimError::validation(
            chosen
                .iter()
                .map(|(target, _)| {
                    ErrorDetail::new(
                        *target,
                        "MutuallyExclusive",
                        format!("{target}: give only one of auth.identityClientId, auth.identityObjectId and auth.identityResourceId"),
                    )
                })
                .collect(),
        ));
    }
    if let Some((target, UserAssignedId::ResourceId(id))) = chosen.first() {
        if !id.to_ascii_lowercase().starts_with("/subscriptions/") {
            return Err(ApimError::invalid_argument(
                *target,
                format!("{target} must be an ARM resource id starting with /subscriptions/"),
            ));
        }
    }
    Ok(chosen.into_iter().next().map(|(_, id)| id).or(fallback_client_id.map(UserAssignedId::ClientId)))
}

fn default_chain(options: &AuthOptions, env: &Env, cloud: Cloud) -> Result<DefaultChain, ApimError> {
    let authority = resolve_authority_host(options.authority_host.as_deref(), env, cloud)?;
    let environment_link = environment_credential(env, &authority);
    let workload_link = match workload(options, env, cloud) {
        Ok(source) => source.map_err(|e| errors::failed(workload_identity::SOURCE_NAME, e.message)),
        Err(missing) => Err(errors::unavailable(workload_identity::SOURCE_NAME, format!("not configured ({} not set)", missing.join(", ")))),
    };
    let managed_link = managed(options, env, env.get("AZURE_CLIENT_ID"))
        .map(|m| Arc::new(m) as Arc<dyn TokenSource>)
        .map_err(|e| errors::failed(managed_identity::SOURCE_NAME, e.message));
    let cli_link: Arc<dyn TokenSource> = Arc::new(AzureCliCredential::new(env.clone(), options.tenant_id.clone()));
    Ok(DefaultChain::new(vec![
        ChainLink { label: environment::SOURCE_NAME, source: environment_link },
        ChainLink { label: workload_identity::SOURCE_NAME, source: workload_link },
        ChainLink { label: managed_identity::SOURCE_NAME, source: managed_link },
        ChainLink { label: azure_cli::SOURCE_NAME, source: Ok(cli_link) },
    ]))
}

/// Builds the token source the options ask for from the process environment; `Ok(None)` means
/// send no Authorization header. Every source except a static token is wrapped in the cache.
pub fn token_source_from_options(options: &AuthOptions) -> Result<Option<Arc<dyn TokenSource>>, ApimError> {
    token_source(options, &Env::process())
}

/// The same with an explicit environment (tests, hosts that manage their own variables).
pub fn token_source_from_options_with_env(
    options: &AuthOptions,
    env: &Env,
) -> Result<Option<Arc<dyn TokenSource>>, ApimError> {
    token_source(options, env)
}
