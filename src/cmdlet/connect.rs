//! `Connect-ApimNative`: its bound parameters (names as the cmdlet has them) mapped to a session's
//! credential, subscription and endpoints, checked, and the `ApimNative.Connection` it writes.
//!
//! The module hands over what only PowerShell can know as data: `-CertificatePath` and
//! `-FederatedTokenFile` already resolved against PowerShell's location (the library runs in the
//! process's working directory), and for `-CertificateThumbprint` the certificate it exported from
//! the Windows store, as `StoreCertificate = @{ Data = <base64 PFX>; Password = <SecureString> }`.
//! `-Emulator` is the object Start-ApimNativeEmulator wrote (its `BaseUrl` is read).

use super::{ParameterNames, Parameters, PsObject};
use crate::auth::authority::Cloud;
use crate::auth::secret::Secret;
use crate::auth::AuthOptions;
use crate::client::session::{Session, SessionOptions};
use crate::model::ApimError;
use serde_json::{json, Map, Value};

/// The PowerShell type of the object Connect-ApimNative writes.
pub const CONNECTION_TYPE: &str = "ApimNative.Connection";

/// The session options' paths as the cmdlet's parameters, for the errors the session's checks raise.
const NAMES: ParameterNames = ParameterNames(&[
    ("auth.tenantId", "-TenantId"),
    ("auth.clientId", "-ApplicationId"),
    ("auth.clientSecret", "-Credential"),
    ("auth.certificatePath", "-CertificatePath"),
    ("auth.certificatePassword", "-CertificatePassword"),
    ("auth.certificateData", "-CertificateThumbprint"),
    ("auth.federatedTokenFile", "-FederatedTokenFile"),
    ("auth.token", "-AccessToken"),
    ("auth.identityClientId", "-AccountId"),
    ("auth.identityResourceId", "-AccountId"),
    ("auth.environment", "-Environment"),
    ("armEndpoint", "-ArmEndpoint"),
    ("graphEndpoint", "-GraphEndpoint"),
    ("subscription", "-Subscription"),
]);

/// The switches and parameters that each choose a way to sign in; at most one may be given.
const CREDENTIAL_CHOICES: [&str; 6] = ["Identity", "ServicePrincipal", "FederatedTokenFile", "UseAzureCli", "AccessToken", "Emulator"];

/// What a connection made: the session (it holds the secrets) and the answer for the host.
pub struct Connected {
    pub session: Session,
    /// `{"output":[<ApimNative.Connection>],"exchanges":[],"target":"...","connection":{...}}`:
    /// `target` is what ShouldProcess shows (never a secret); `connection` what the module keeps
    /// besides the session handle (`Auth` without secrets, `Kind`, `SubscriptionId`,
    /// `ArmEndpoint`, `GraphEndpoint`).
    pub answer: Value,
}

/// The credential the parameters choose, and how it is described to the user.
struct Credential {
    auth: AuthOptions,
    account: String,
}

/// Connect-ApimNative: checks the parameters, creates the session (nothing is sent) and describes it.
pub fn connect(parameters: &Parameters) -> Result<Connected, ApimError> {
    let cloud = match parameters.string("Environment")? {
        None => None,
        Some(name) => Some(Cloud::parse(&name, "-Environment")?),
    };
    let emulator_url = emulator_base_url(parameters)?;
    let mut credential = credential(parameters)?;
    if let (Some(cloud), None) = (cloud, &emulator_url) {
        credential.auth.environment = Some(cloud.name().to_string());
    }

    // Explicit endpoints win over the emulator's, which win over the cloud's.
    let mut arm_endpoint = emulator_url.clone().or_else(|| cloud.map(|c| c.arm_endpoint().to_string()));
    let mut graph_endpoint = emulator_url.clone().or_else(|| cloud.map(|c| c.graph_endpoint().to_string()));
    if let Some(endpoint) = parameters.string("ArmEndpoint")? {
        arm_endpoint = Some(endpoint.trim_end_matches('/').to_string());
    }
    if let Some(endpoint) = parameters.string("GraphEndpoint")? {
        graph_endpoint = Some(endpoint.trim_end_matches('/').to_string());
    }

    let kind = credential.auth.kind.clone().unwrap_or_default();
    // Without a credential parameter the session has no auth: each client then gets the default
    // chain, or none for an endpoint on this machine. -Environment keeps the default chain's auth:
    // it carries the cloud's sign-in authority.
    let session_auth = match kind.as_str() {
        "none" => None,
        "default" if cloud.is_none() => None,
        _ => Some(credential.auth),
    };
    let options = SessionOptions {
        auth: session_auth,
        subscription: parameters.string("Subscription")?.or_else(|| emulator_url.as_ref().map(|_| EMULATOR_SUBSCRIPTION.to_string())),
        arm_endpoint: arm_endpoint.clone(),
        graph_endpoint: graph_endpoint.clone(),
        environment: None,
    };
    let session = Session::new(options).map_err(|e| NAMES.rename(e))?;
    let info = session.info();

    let tenant_id = parameters.string("TenantId")?;
    let target = match &tenant_id {
        Some(tenant) => format!("{} in tenant {tenant}", credential.account),
        None => credential.account.clone(),
    };
    let subscription_id = info.get("subscriptionId").cloned().filter(|v| !v.is_null());
    let connection = PsObject::new(CONNECTION_TYPE)
        .property("Kind", kind.clone())
        .property("Account", credential.account.clone())
        .optional("TenantId", tenant_id)
        .property("Environment", cloud.unwrap_or(Cloud::Public).name())
        .optional("ArmEndpoint", arm_endpoint.clone())
        .optional("GraphEndpoint", graph_endpoint.clone())
        .optional("SubscriptionId", subscription_id.clone())
        .into_value();
    let mut state = Map::new();
    state.insert("Auth".into(), info.get("auth").cloned().unwrap_or(Value::Null));
    state.insert("Kind".into(), Value::String(kind));
    for (name, value) in [("SubscriptionId", subscription_id), ("ArmEndpoint", arm_endpoint.map(Value::String)), ("GraphEndpoint", graph_endpoint.map(Value::String))] {
        if let Some(value) = value {
            state.insert(name.into(), value);
        }
    }
    let answer = json!({ "output": [connection], "exchanges": [], "target": target, "connection": state });
    Ok(Connected { session, answer })
}

/// The subscription of a session connected with `-Emulator` and no `-Subscription`. The emulator
/// keeps resources under any subscription id, so without this the ARM cmdlets would fail for want
/// of one (or ask the Azure CLI for the signed-in user's real subscription, for a local emulator).
pub const EMULATOR_SUBSCRIPTION: &str = "00000000-0000-0000-0000-000000000000";

/// `-Emulator`'s `BaseUrl`, when an emulator object was given.
fn emulator_base_url(parameters: &Parameters) -> Result<Option<String>, ApimError> {
    let Some(emulator) = parameters.object("Emulator")? else { return Ok(None) };
    let base_url = emulator.string("BaseUrl")?.filter(|url| !url.trim().is_empty());
    match base_url {
        Some(url) => Ok(Some(url.trim_end_matches('/').to_string())),
        None => Err(ApimError::invalid_argument("-Emulator", "-Emulator has no BaseUrl; give the object Start-ApimNativeEmulator returned")),
    }
}

/// Whether a switch was given as present.
fn switch(parameters: &Parameters, name: &str) -> Result<bool, ApimError> {
    Ok(parameters.bool(name)?.unwrap_or(false))
}

/// Whether the way of signing in `name` was chosen (a present switch, or a bound value).
fn chosen(parameters: &Parameters, name: &str) -> Result<bool, ApimError> {
    match parameters.get(name) {
        None => Ok(false),
        Some(Value::Bool(_)) => switch(parameters, name),
        Some(_) => Ok(true),
    }
}

/// Refuses a parameter that belongs to another way of signing in than the one chosen.
fn refuse_unless(parameters: &Parameters, names: &[&str], allowed: bool, with: &str) -> Result<(), ApimError> {
    if allowed {
        return Ok(());
    }
    match names.iter().find(|name| parameters.get(name).is_some()) {
        Some(name) => Err(ApimError::invalid_argument(format!("-{name}"), format!("-{name} is only used with {with}"))),
        None => Ok(()),
    }
}

/// A required string parameter of the chosen way of signing in, named with the rule in the error.
fn required(parameters: &Parameters, name: &str, with: &str) -> Result<String, ApimError> {
    match parameters.string(name)?.filter(|value| !value.trim().is_empty()) {
        Some(value) => Ok(value),
        None => Err(ApimError::invalid_argument(format!("-{name}"), format!("-{name} is required with {with}"))),
    }
}

fn credential(parameters: &Parameters) -> Result<Credential, ApimError> {
    let mut choices = Vec::new();
    for name in CREDENTIAL_CHOICES {
        if chosen(parameters, name)? {
            choices.push(name);
        }
    }
    if let [first, second, ..] = choices.as_slice() {
        return Err(ApimError::invalid_argument(
            format!("-{second}"),
            format!("-{first} and -{second} choose two ways to sign in; give one of them"),
        ));
    }
    let choice = choices.first().copied().unwrap_or("");
    let principal = choice == "ServicePrincipal";
    refuse_unless(parameters, &["AccountId"], choice == "Identity", "-Identity")?;
    refuse_unless(parameters, &["Credential", "CertificatePath", "CertificatePassword", "CertificateThumbprint"], principal, "-ServicePrincipal")?;
    refuse_unless(parameters, &["ApplicationId"], principal || choice == "FederatedTokenFile", "-ServicePrincipal or -FederatedTokenFile")?;
    refuse_unless(parameters, &["TenantId"], principal || choice == "FederatedTokenFile" || choice == "UseAzureCli", "-ServicePrincipal, -FederatedTokenFile or -UseAzureCli")?;

    let tenant_id = parameters.string("TenantId")?;
    let with_kind = |kind: &str| AuthOptions { kind: Some(kind.to_string()), ..AuthOptions::default() };
    Ok(match choice {
        "Identity" => {
            let mut auth = with_kind("managedIdentity");
            let account = match parameters.string("AccountId")? {
                None => "system-assigned managed identity".to_string(),
                Some(id) => {
                    // An ARM resource id names the identity by its path; anything else is its client id.
                    if id.get(..15).is_some_and(|start| start.eq_ignore_ascii_case("/subscriptions/")) {
                        auth.identity_resource_id = Some(id.clone());
                    } else {
                        auth.identity_client_id = Some(id.clone());
                    }
                    format!("managed identity {id}")
                }
            };
            Credential { auth, account }
        }
        "ServicePrincipal" => service_principal(parameters, required(parameters, "TenantId", "-ServicePrincipal")?)?,
        "FederatedTokenFile" => {
            let mut auth = with_kind("workloadIdentity");
            auth.federated_token_file = parameters.string("FederatedTokenFile")?;
            auth.tenant_id = tenant_id;
            auth.client_id = parameters.string("ApplicationId")?;
            let account = match &auth.client_id {
                Some(id) => format!("workload identity {id}"),
                None => "workload identity".to_string(),
            };
            Credential { auth, account }
        }
        "UseAzureCli" => {
            let mut auth = with_kind("azureCli");
            auth.tenant_id = tenant_id;
            Credential { auth, account: "Azure CLI account".to_string() }
        }
        "AccessToken" => {
            let mut auth = with_kind("token");
            let token = parameters.secret("AccessToken")?.filter(|t| !t.0.trim().is_empty());
            let token = token.ok_or_else(|| ApimError::invalid_argument("-AccessToken", "-AccessToken is empty; give a bearer token"))?;
            auth.token = Some(Secret::new(token.0));
            Credential { auth, account: "access token".to_string() }
        }
        "Emulator" => {
            let url = emulator_base_url(parameters)?.unwrap_or_default();
            Credential { auth: with_kind("none"), account: format!("no credential (emulator {url})") }
        }
        _ => Credential { auth: with_kind("default"), account: "default credential chain".to_string() },
    })
}

/// -ServicePrincipal with exactly one of -Credential (secret), -CertificatePath, -CertificateThumbprint.
fn service_principal(parameters: &Parameters, tenant_id: String) -> Result<Credential, ApimError> {
    let ways: Vec<&str> = ["Credential", "CertificatePath", "CertificateThumbprint"].into_iter().filter(|n| parameters.get(n).is_some()).collect();
    let mut auth = AuthOptions { tenant_id: Some(tenant_id), ..AuthOptions::default() };
    match ways.as_slice() {
        ["Credential"] => {
            // PSCredential.Empty arrives as its type name alone: no user name, no secret.
            let empty = parameters.get("Credential").and_then(Value::as_object).is_some_and(|m| m.len() == 1 && m.contains_key("PSTypeName"));
            let credential = if empty { Parameters::default() } else { parameters.object("Credential")?.unwrap_or_default() };
            let client_id = credential.string("UserName")?.filter(|u| !u.trim().is_empty());
            let client_id = client_id.ok_or_else(|| {
                ApimError::invalid_argument("-Credential", "-Credential needs the application (client) id as its user name")
            })?;
            let secret = credential.secret("Password")?.filter(|s| !s.0.is_empty());
            let secret = secret.ok_or_else(|| ApimError::invalid_argument("-Credential", "-Credential needs the client secret as its password"))?;
            auth.kind = Some("clientSecret".into());
            auth.client_secret = Some(Secret::new(secret.0));
            let account = format!("application {client_id}");
            auth.client_id = Some(client_id);
            Ok(Credential { auth, account })
        }
        ["CertificatePath"] => {
            let application = required(parameters, "ApplicationId", "-CertificatePath")?;
            auth.kind = Some("clientCertificate".into());
            auth.certificate_path = parameters.string("CertificatePath")?;
            auth.certificate_password = parameters.secret("CertificatePassword")?.map(|p| Secret::new(p.0));
            let account = format!("application {application} (certificate)");
            auth.client_id = Some(application);
            Ok(Credential { auth, account })
        }
        [_] => {
            // The one left: -CertificateThumbprint.
            let application = required(parameters, "ApplicationId", "-CertificateThumbprint")?;
            let thumbprint = required(parameters, "CertificateThumbprint", "-ServicePrincipal")?;
            let exported = parameters.object("StoreCertificate")?.ok_or_else(|| {
                ApimError::invalid_argument(
                    "-CertificateThumbprint",
                    "-CertificateThumbprint needs the certificate read from the personal store (StoreCertificate: Data and Password), which Connect-ApimNative supplies",
                )
            })?;
            auth.kind = Some("clientCertificate".into());
            auth.certificate_data = exported.secret("Data")?.map(|d| Secret::new(d.0));
            auth.certificate_password = exported.secret("Password")?.map(|p| Secret::new(p.0));
            let account = format!("application {application} (certificate {})", thumbprint.to_uppercase());
            auth.client_id = Some(application);
            Ok(Credential { auth, account })
        }
        [] => Err(ApimError::invalid_argument(
            "-ServicePrincipal",
            "-ServicePrincipal needs -Credential (client secret), -CertificatePath or -CertificateThumbprint",
        )),
        [first, second, ..] => Err(ApimError::invalid_argument(format!("-{second}"), format!("-{first} and -{second} cannot be used together"))),
    }
}
