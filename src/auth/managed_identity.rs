//! Managed identity: which platform endpoint this process has (the Azure SDKs' source
//! selection), and the token source that asks it. The per-platform requests are in
//! `managed_identity_flows.rs`, IMDS with its retry policy in `imds.rs`.

use super::env::Env;
use super::imds::{imds_token, ImdsRetryPolicy};
use super::managed_identity_flows as flows;
use super::secret::Secret;
use super::{authority::scope_to_resource, errors, AccessToken, TokenSource};
use crate::model::error::ApimError;
use async_trait::async_trait;
use url::Url;

pub const SOURCE_NAME: &str = "managed identity";

/// Where IMDS lives on every Azure VM. Link-local, so it can never be pointed at a test server.
const IMDS_ORIGIN: &str = "http://169.254.169.254";
/// Why this variable exists: the IMDS address is fixed by Azure and cannot be reached or faked on
/// a build machine, so the tests (only) redirect it to a fake on 127.0.0.1. It is not a user
/// setting and is not documented as one; the App Service and MSI endpoints need no such hook
/// because the platform itself passes them in IDENTITY_ENDPOINT / MSI_ENDPOINT. Honoured only when
/// its host is a loopback address (`is_loopback_origin`); otherwise managed identity reports it.
pub const TEST_IMDS_ENDPOINT_VAR: &str = "APIM_NATIVE_TEST_IMDS_ENDPOINT";
pub const IMDS_TOKEN_PATH: &str = "/metadata/identity/oauth2/token";

/// A user-assigned identity; none means the system-assigned one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserAssignedId {
    ClientId(String),
    ObjectId(String),
    ResourceId(String),
}

/// The platform endpoint found in the environment, in the order the Azure SDKs check them.
#[derive(Debug)]
pub enum Platform {
    /// App Service, Functions, Container Apps: IDENTITY_ENDPOINT + IDENTITY_HEADER.
    AppService { endpoint: Url, header: Secret },
    /// Azure Automation cloud jobs: the same two variables; told apart by AZUREPS_HOST_ENVIRONMENT
    /// (`AzureAutomation/...`, set in every Automation sandbox) or by asking for the POST form.
    Automation { endpoint: Url, header: Secret, post_form: bool },
    /// MSI_ENDPOINT + MSI_SECRET: the 2017-09-01 App Service API, also Automation hybrid workers.
    LegacyAppService { endpoint: Url, secret: Secret },
    /// MSI_ENDPOINT alone: Azure Cloud Shell.
    CloudShell { endpoint: Url },
    /// Everything else: the VM's Instance Metadata Service.
    Imds { endpoint: Url },
    /// Recognised but not implemented here (Service Fabric, Azure Arc).
    Unsupported { reason: String },
}

pub fn detect_platform(env: &Env, automation_post_form: bool) -> Result<Platform, ApimError> {
    if let Some(endpoint) = env.get("IDENTITY_ENDPOINT") {
        if let Some(header) = env.get("IDENTITY_HEADER") {
            if env.is_set("IDENTITY_SERVER_THUMBPRINT") {
                return Ok(Platform::Unsupported {
                    reason: "Service Fabric managed identity (IDENTITY_SERVER_THUMBPRINT is set) is not supported".into(),
                });
            }
            let endpoint = parse_endpoint(&endpoint, "IDENTITY_ENDPOINT")?;
            let header = Secret::new(header);
            let in_automation = env
                .get("AZUREPS_HOST_ENVIRONMENT")
                .is_some_and(|v| v.to_ascii_lowercase().starts_with("azureautomation"));
            return Ok(if in_automation || automation_post_form {
                Platform::Automation { endpoint, header, post_form: automation_post_form }
            } else {
                Platform::AppService { endpoint, header }
            });
        }
        if env.is_set("IMDS_ENDPOINT") {
            return Ok(Platform::Unsupported {
                reason: "Azure Arc managed identity (IDENTITY_ENDPOINT + IMDS_ENDPOINT) is not supported".into(),
            });
        }
    }
    if let Some(endpoint) = env.get("MSI_ENDPOINT") {
        let endpoint = parse_endpoint(&endpoint, "MSI_ENDPOINT")?;
        return Ok(match env.get("MSI_SECRET") {
            Some(secret) => Platform::LegacyAppService { endpoint, secret: Secret::new(secret) },
            None => Platform::CloudShell { endpoint },
        });
    }
    let origin = match env.get(TEST_IMDS_ENDPOINT_VAR) {
        None => IMDS_ORIGIN.to_string(),
        Some(test_origin) => {
            // The hook is compiled into every build, so a non-loopback value could send the
            // managed-identity request (and take the token answer) anywhere. Only a fake on this
            // machine is honoured; anything else is ignored and the source reports why instead of
            // silently asking the real IMDS while the caller believes the override is in force.
            if !is_loopback_origin(&test_origin) {
                return Ok(Platform::Unsupported {
                    reason: format!(
                        "{TEST_IMDS_ENDPOINT_VAR} was ignored: it is a test-only setting and is honoured only for a loopback \
                         host (127.0.0.1, ::1, localhost); unset it to use this machine's managed identity"
                    ),
                });
            }
            test_origin
        }
    };
    let endpoint = parse_endpoint(&format!("{}{}", origin.trim_end_matches('/'), IMDS_TOKEN_PATH), TEST_IMDS_ENDPOINT_VAR)?;
    Ok(Platform::Imds { endpoint })
}

/// True when `origin` is an absolute URL whose host is a loopback address (any of 127.0.0.0/8,
/// ::1) or `localhost`.
pub fn is_loopback_origin(origin: &str) -> bool {
    match Url::parse(origin).ok().as_ref().and_then(Url::host) {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

fn parse_endpoint(value: &str, variable: &str) -> Result<Url, ApimError> {
    Url::parse(value).map_err(|_| errors::failed(SOURCE_NAME, format!("{variable} is not an absolute URL")))
}

pub struct ManagedIdentityCredential {
    platform: Platform,
    identity: Option<UserAssignedId>,
    imds_retry: ImdsRetryPolicy,
}

impl ManagedIdentityCredential {
    /// Finds the platform endpoint and checks that it can select `identity` the way it was given.
    pub fn new(env: &Env, identity: Option<UserAssignedId>, automation_post_form: bool) -> Result<Self, ApimError> {
        let platform = detect_platform(env, automation_post_form)?;
        flows::check_identity_supported(&platform, identity.as_ref())?;
        Ok(ManagedIdentityCredential { platform, identity, imds_retry: ImdsRetryPolicy::default() })
    }

    /// Replaces the IMDS retry policy (tests use millisecond delays).
    pub fn with_imds_retry(mut self, policy: ImdsRetryPolicy) -> Self {
        self.imds_retry = policy;
        self
    }

    pub fn platform(&self) -> &Platform {
        &self.platform
    }
}

#[async_trait]
impl TokenSource for ManagedIdentityCredential {
    async fn token(&self, scope: &str) -> Result<AccessToken, ApimError> {
        let resource = scope_to_resource(scope)?;
        let identity = self.identity.as_ref();
        match &self.platform {
            Platform::Imds { endpoint } => imds_token(endpoint, &resource, identity, &self.imds_retry).await,
            Platform::AppService { endpoint, header } => flows::app_service(endpoint, header, &resource, identity).await,
            Platform::Automation { endpoint, header, post_form } => {
                flows::automation(endpoint, header, &resource, identity, *post_form).await
            }
            Platform::LegacyAppService { endpoint, secret } => flows::legacy_app_service(endpoint, secret, &resource, identity).await,
            Platform::CloudShell { endpoint } => flows::cloud_shell(endpoint, &resource).await,
            Platform::Unsupported { reason } => Err(errors::unavailable(SOURCE_NAME, reason.clone())),
        }
    }
    fn name(&self) -> &str {
        SOURCE_NAME
    }
}
