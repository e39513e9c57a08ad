//! The one hand-written Microsoft Entra call: the client-credentials grant at
//! `{authority}/{tenant}/oauth2/v2.0/token`, with a secret or a signed/federated client assertion.

use super::http::{describe_transport_error, entra_client, read_token_response};
use super::secret::Secret;
use super::{errors, AccessToken};
use crate::model::error::ApimError;
use crate::model::redact::redact_error;

pub const CLIENT_ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// What proves the application's identity.
pub enum ClientCredential<'a> {
    Secret(&'a Secret),
    /// A JWT: signed with a certificate, or a federated token (workload identity).
    Assertion(&'a str),
}

pub async fn client_credentials_token(
    source: &str,
    token_url: &str,
    client_id: &str,
    credential: ClientCredential<'_>,
    scope: &str,
) -> Result<AccessToken, ApimError> {
    let mut form: Vec<(&str, &str)> = vec![("client_id", client_id)];
    match &credential {
        ClientCredential::Secret(secret) => {
            form.push(("client_secret", secret.expose()));
            form.push(("grant_type", "client_credentials"));
            form.push(("scope", scope));
        }
        ClientCredential::Assertion(assertion) => {
            form.push(("scope", scope));
            form.push(("client_assertion_type", CLIENT_ASSERTION_TYPE));
            form.push(("client_assertion", assertion));
            form.push(("grant_type", "client_credentials"));
        }
    }
    let response = entra_client()
        .post(token_url)
        .header("Accept", "application/json")
        .form(&form)
        .send()
        .await
        .map_err(|e| errors::failed(source, format!("could not reach {token_url}: {}", describe_transport_error(&e))))?;
    let status = response.status().as_u16();
    let body = response
        .bytes()
        .await
        .map_err(|e| errors::failed(source, format!("reading the answer of {token_url}: {}", describe_transport_error(&e))))?;
    // A token endpoint that echoes the form (some proxies and test servers do) would put the
    // credential into error_description.
    let credential_text = match &credential {
        ClientCredential::Secret(secret) => secret.expose(),
        ClientCredential::Assertion(assertion) => assertion,
    };
    read_token_response(source, status, &body).map_err(|e| redact_error(e, &[credential_text]))
}
