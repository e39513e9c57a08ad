//! The managed-identity requests of the platforms that announce an endpoint in the environment
//! (App Service & co., Azure Automation, the 2017 MSI API, Cloud Shell). Each sends exactly the
//! parameters and headers its platform documents; IMDS is in `imds.rs`.

use crate::auth::http::{describe_transport_error, local_client, read_token_response};
use super::{Platform, UserAssignedId, SOURCE_NAME};
use crate::auth::secret::Secret;
use crate::auth::{errors, AccessToken};
use crate::model::error::ApimError;
use url::Url;

const APP_SERVICE_API_VERSION: &str = "2019-08-01";
const LEGACY_API_VERSION: &str = "2017-09-01";

/// Each platform names the user-assigned selectors differently and some accept only a client id;
/// say so before anything is sent.
pub fn check_identity_supported(platform: &Platform, identity: Option<&UserAssignedId>) -> Result<(), ApimError> {
    let (platform_name, client_id_only) = match platform {
        Platform::Automation { .. } => ("Azure Automation", true),
        Platform::LegacyAppService { .. } => ("the MSI_ENDPOINT (2017-09-01) endpoint", true),
        Platform::CloudShell { .. } => {
            return match identity {
                None => Ok(()),
                Some(_) => Err(ApimError::invalid_argument(
                    "auth.identityClientId",
                    "Azure Cloud Shell offers only the signed-in user's identity; remove the user-assigned identity",
                )),
            };
        }
        _ => return Ok(()),
    };
    match identity {
        Some(UserAssignedId::ObjectId(_)) if client_id_only => Err(ApimError::invalid_argument(
            "auth.identityObjectId",
            format!("{platform_name} selects a user-assigned identity only by client id (auth.identityClientId)"),
        )),
        Some(UserAssignedId::ResourceId(_)) if client_id_only => Err(ApimError::invalid_argument(
            "auth.identityResourceId",
            format!("{platform_name} selects a user-assigned identity only by client id (auth.identityClientId)"),
        )),
        _ => Ok(()),
    }
}

/// `GET $IDENTITY_ENDPOINT?api-version=2019-08-01&resource=…` with `X-IDENTITY-HEADER`;
/// user-assigned: `client_id`, `principal_id` (object id) or `mi_res_id`.
pub async fn app_service(endpoint: &Url, header: &Secret, resource: &str, identity: Option<&UserAssignedId>) -> Result<AccessToken, ApimError> {
    let mut url = endpoint.clone();
    {
        let mut query = url.query_pairs_mut();
        query.append_pair("api-version", APP_SERVICE_API_VERSION).append_pair("resource", resource);
        match identity {
            Some(UserAssignedId::ClientId(id)) => query.append_pair("client_id", id),
            Some(UserAssignedId::ObjectId(id)) => query.append_pair("principal_id", id),
            Some(UserAssignedId::ResourceId(id)) => query.append_pair("mi_res_id", id),
            None => &mut query,
        };
    }
    let request = local_client().get(url).header("X-IDENTITY-HEADER", header.expose());
    send(request, "IDENTITY_ENDPOINT").await
}

/// Azure Automation: `GET $IDENTITY_ENDPOINT?resource=…[&client_id=…]` with `X-IDENTITY-HEADER`
/// and `Metadata: True`, or the documented POST form with the same fields in a form body.
pub async fn automation(
    endpoint: &Url,
    header: &Secret,
    resource: &str,
    identity: Option<&UserAssignedId>,
    post_form: bool,
) -> Result<AccessToken, ApimError> {
    let mut fields: Vec<(&str, &str)> = vec![("resource", resource)];
    if let Some(UserAssignedId::ClientId(id)) = identity {
        fields.push(("client_id", id));
    }
    let request = if post_form {
        local_client().post(endpoint.clone()).form(&fields)
    } else {
        let mut url = endpoint.clone();
        url.query_pairs_mut().extend_pairs(fields.iter());
        local_client().get(url)
    };
    let request = request.header("X-IDENTITY-HEADER", header.expose()).header("Metadata", "True");
    send(request, "IDENTITY_ENDPOINT").await
}

/// `GET $MSI_ENDPOINT?api-version=2017-09-01&resource=…[&clientid=…]` with `Secret: $MSI_SECRET`.
pub async fn legacy_app_service(endpoint: &Url, secret: &Secret, resource: &str, identity: Option<&UserAssignedId>) -> Result<AccessToken, ApimError> {
    let mut url = endpoint.clone();
    {
        let mut query = url.query_pairs_mut();
        query.append_pair("api-version", LEGACY_API_VERSION).append_pair("resource", resource);
        if let Some(UserAssignedId::ClientId(id)) = identity {
            query.append_pair("clientid", id);
        }
    }
    let request = local_client().get(url).header("Secret", secret.expose());
    send(request, "MSI_ENDPOINT").await
}

/// Cloud Shell: `POST $MSI_ENDPOINT` with `Metadata: true` and the form body `resource=…`.
pub async fn cloud_shell(endpoint: &Url, resource: &str) -> Result<AccessToken, ApimError> {
    let request = local_client().post(endpoint.clone()).header("Metadata", "true").form(&[("resource", resource)]);
    send(request, "MSI_ENDPOINT").await
}

async fn send(request: reqwest::RequestBuilder, variable: &str) -> Result<AccessToken, ApimError> {
    let response = request.send().await.map_err(|e| {
        errors::failed(SOURCE_NAME, format!("the endpoint in {variable} did not answer: {}", describe_transport_error(&e)))
    })?;
    let status = response.status().as_u16();
    let body = response.bytes().await.map_err(|e| {
        errors::failed(SOURCE_NAME, format!("reading the answer of the endpoint in {variable}: {}", describe_transport_error(&e)))
    })?;
    read_token_response(SOURCE_NAME, status, &body)
}
