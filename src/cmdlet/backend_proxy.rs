//! `New-AzApiManagementBackendProxy` and the `PsApiManagementBackendProxy` object, both ways: the
//! cmdlet's `-Url`/`-ProxyCredential` or a proxy object (given to `-Proxy`) become the wire `proxy`,
//! and the wire `proxy` becomes the object Az shows, its credentials a PSCredential.
//!
//! A PSCredential crosses the JSON as `{"PSTypeName":"System.Management.Automation.PSCredential",
//! "UserName":"...","Password":<SecureString marker>}`; without a UserName it is
//! `PSCredential.Empty` on the PowerShell side, which is what Az shows for "no credentials".

use super::{secure_string, wire_value, CmdletOutput, ParameterNames, Parameters, PsObject};
use crate::model::proxy::{check_proxy, BackendProxyContract};
use crate::model::redact::Redacted;
use crate::model::ApimError;
use serde_json::{json, Value};

pub const PROXY_TYPE: &str = "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendProxy";
pub const CREDENTIAL_TYPE: &str = "System.Management.Automation.PSCredential";

/// Which wire field each parameter of `New-AzApiManagementBackendProxy` fills.
pub const NEW_PARAMETER_NAMES: ParameterNames =
    ParameterNames(&[("url", "-Url"), ("username", "-ProxyCredential"), ("password", "-ProxyCredential")]);

/// `New-AzApiManagementBackendProxy`: validates the proxy with the model's rules and answers with the
/// proxy object. No request is made.
pub fn new(parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    let wire = BackendProxyContract {
        url: Some(parameters.required_string("Url")?),
        ..credential_fields(parameters, "ProxyCredential")?
    };
    let checked = check(&wire).map_err(|error| NEW_PARAMETER_NAMES.rename(error))?;
    Ok(CmdletOutput::objects(vec![to_object(&checked)]))
}

/// The wire `proxy` of a `PsApiManagementBackendProxy` given to a cmdlet (ours, a deserialized copy,
/// or a hashtable with `Url` and `ProxyCredentials`), not yet validated.
pub fn from_object(object: &Parameters) -> Result<BackendProxyContract, ApimError> {
    Ok(BackendProxyContract { url: object.string("Url")?, ..credential_fields(object, "ProxyCredentials")? })
}

/// The `PsApiManagementBackendProxy` Az shows for a wire `proxy`: the password (which the service
/// returns in plain text) goes straight into the PSCredential's SecureString.
pub fn to_object(proxy: &BackendProxyContract) -> Value {
    let credential = match proxy.username.as_deref().filter(|name| !name.is_empty()) {
        Some(user) => json!({
            "PSTypeName": CREDENTIAL_TYPE,
            "UserName": user,
            "Password": secure_string(proxy.password.as_ref().map(|p| p.0.as_str()).unwrap_or_default()),
        }),
        None => json!({ "PSTypeName": CREDENTIAL_TYPE }),
    };
    PsObject::new(PROXY_TYPE)
        .property("Url", proxy.url.clone().unwrap_or_default())
        .property("ProxyCredentials", credential)
        .into_value()
}

/// Validates a proxy with the model's rules (the same the service applies).
fn check(wire: &BackendProxyContract) -> Result<BackendProxyContract, ApimError> {
    check_proxy(&wire_value(wire))
}

/// `username`/`password` from the PSCredential at `name`. As the module did before, credentials
/// count only with a UserName: PSCredential.Empty (or a credential without a name) sends neither,
/// and a name without a password sends an empty password.
fn credential_fields(parameters: &Parameters, name: &str) -> Result<BackendProxyContract, ApimError> {
    let Some(value) = parameters.get(name) else { return Ok(BackendProxyContract::default()) };
    // PSCredential.Empty read back from an object of ours is the bare marker.
    if value.as_object().is_some_and(|members| members.len() == 1 && members.contains_key("PSTypeName")) {
        return Ok(BackendProxyContract::default());
    }
    let Some(credential) = parameters.object(name)? else { return Ok(BackendProxyContract::default()) };
    let Some(user) = credential.string("UserName")?.filter(|user| !user.is_empty()) else {
        return Ok(BackendProxyContract::default());
    };
    let password = credential.secret("Password")?.unwrap_or_else(|| Redacted(String::new()));
    Ok(BackendProxyContract { username: Some(user), password: Some(password), ..Default::default() })
}
