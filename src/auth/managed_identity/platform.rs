//! Which managed-identity endpoint this process has, found in the environment in the order the
//! Azure SDKs check them (their source selection), and the test-only IMDS redirect to loopback.

use super::{Platform, SOURCE_NAME};
use crate::auth::env::Env;
use crate::auth::errors;
use crate::auth::secret::Secret;
use crate::model::error::ApimError;
use url::Url;


/// Where IMDS lives on every Azure VM. Link-local, so it can never be pointed at a test server.
const IMDS_ORIGIN: &str = "http://169.254.169.254";
/// Why this variable exists: the IMDS address is fixed by Azure and cannot be reached or faked on
/// a build machine, so the tests (only) redirect it to a fake on 127.0.0.1. It is not a user
/// setting and is not documented as one; the App Service and MSI endpoints need no such hook
/// because the platform itself passes them in IDENTITY_ENDPOINT / MSI_ENDPOINT. Honoured only when
/// its host is a loopback address (`is_loopback_origin`); otherwise managed identity reports it.
pub const TEST_IMDS_ENDPOINT_VAR: &str = "APIM_NATIVE_TEST_IMDS_ENDPOINT";
pub const IMDS_TOKEN_PATH: &str = "/metadata/identity/oauth2/token";

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
