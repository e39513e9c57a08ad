//! The Azure SDKs' EnvironmentCredential: a service principal described by AZURE_TENANT_ID and
//! AZURE_CLIENT_ID plus AZURE_CLIENT_SECRET (checked first) or AZURE_CLIENT_CERTIFICATE_PATH
//! (PEM or PFX, optional AZURE_CLIENT_CERTIFICATE_PASSWORD).

use super::authority::{check_tenant_id, token_endpoint};
use super::certificate::SigningCertificate;
use super::client_certificate::client_certificate_credential;
use super::client_secret::ClientSecretCredential;
use super::env::Env;
use super::secret::Secret;
use super::{errors, TokenSource};
use crate::model::error::ApimError;
use std::sync::Arc;
use url::Url;

pub const SOURCE_NAME: &str = "environment";

/// The source the variables describe, `CredentialUnavailable` when they describe none, or
/// `AuthenticationFailed` when they are set but unusable (bad tenant id, unreadable certificate).
pub fn environment_credential(env: &Env, authority: &Url) -> Result<Arc<dyn TokenSource>, ApimError> {
    let tenant = env.get("AZURE_TENANT_ID");
    let client = env.get("AZURE_CLIENT_ID");
    let secret = env.get("AZURE_CLIENT_SECRET");
    let certificate = env.get("AZURE_CLIENT_CERTIFICATE_PATH");
    let mut missing = Vec::new();
    if tenant.is_none() {
        missing.push("AZURE_TENANT_ID");
    }
    if client.is_none() {
        missing.push("AZURE_CLIENT_ID");
    }
    if secret.is_none() && certificate.is_none() {
        missing.push("AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH");
    }
    let (Some(tenant), Some(client), true) = (tenant, client, missing.is_empty()) else {
        return Err(errors::unavailable(SOURCE_NAME, format!("not configured ({} not set)", missing.join(", "))));
    };
    check_tenant_id(&tenant, "AZURE_TENANT_ID").map_err(|e| errors::failed(SOURCE_NAME, e.message))?;
    let token_url = token_endpoint(authority, &tenant);
    if let Some(secret) = secret {
        return Ok(Arc::new(ClientSecretCredential::new(token_url, client, Secret::new(secret))));
    }
    let path = certificate.unwrap_or_default();
    let password = env.get("AZURE_CLIENT_CERTIFICATE_PASSWORD").map(Secret::new);
    let certificate = SigningCertificate::load(&path, password.as_ref(), "AZURE_CLIENT_CERTIFICATE_PATH")
        .map_err(|e| errors::failed(SOURCE_NAME, e.message))?;
    let send_chain = matches!(
        env.get("AZURE_CLIENT_SEND_CERTIFICATE_CHAIN").as_deref().map(str::to_ascii_lowercase).as_deref(),
        Some("1") | Some("true")
    );
    Ok(Arc::new(client_certificate_credential(token_url, client, certificate, send_chain)))
}
