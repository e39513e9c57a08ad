//! `New-AzApiManagementBackendTls` and the `ApimNative.BackendTls` object, both ways, plus the X509
//! name map (`-ServerX509Name @{ 'CN=x' = 'issuer thumbprint' }`) that the Service Fabric cluster
//! shares with it.
//!
//! The object is always complete: both validate flags are present (true unless skipped), because
//! the service rejects a partial tls object ("Default backend property required", Az issue #29209).

use super::{wire_value, CmdletOutput, ParameterNames, Parameters, PsObject};
use crate::model::tls::{check_tls, BackendTlsProperties, X509CertificateName};
use crate::model::ApimError;
use serde_json::{Map, Value};

pub const TLS_TYPE: &str = "ApimNative.BackendTls";

/// Which wire field each parameter of `New-AzApiManagementBackendTls` fills.
pub const NEW_PARAMETER_NAMES: ParameterNames = ParameterNames(&[
    ("validateCertificateChain", "-SkipCertificateChainValidation"),
    ("validateCertificateName", "-SkipCertificateNameValidation"),
    ("serverCertificateThumbprints", "-ServerCertificateThumbprint"),
    ("serverX509Names", "-ServerX509Name"),
]);

/// `New-AzApiManagementBackendTls`: the complete tls object, validated with the model's rules. No
/// request is made.
pub fn new(parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    let given = BackendTlsProperties {
        server_certificate_thumbprints: parameters.string_list("ServerCertificateThumbprint")?,
        server_x509_names: x509_names_from_map(parameters, "ServerX509Name")?,
        ..Default::default()
    };
    let skip_chain = parameters.bool("SkipCertificateChainValidation")?;
    let skip_name = parameters.bool("SkipCertificateNameValidation")?;
    let wire = complete(Some(given), skip_chain, skip_name);
    let checked = check_tls(&wire_value(&wire)).map_err(|error| NEW_PARAMETER_NAMES.rename(error))?;
    Ok(CmdletOutput::objects(vec![to_object(&checked)]))
}

/// A tls object with both validate flags: an explicit `-Skip*` value wins (inverted), then the
/// flag of the given tls object, then the service default (true). What New-/Set-AzApiManagementBackend
/// send too, with their own `-Skip*` parameters.
pub fn complete(tls: Option<BackendTlsProperties>, skip_chain: Option<bool>, skip_name: Option<bool>) -> BackendTlsProperties {
    let mut tls = tls.unwrap_or_default();
    tls.validate_certificate_chain = Some(skip_chain.map(|skip| !skip).or(tls.validate_certificate_chain).unwrap_or(true));
    tls.validate_certificate_name = Some(skip_name.map(|skip| !skip).or(tls.validate_certificate_name).unwrap_or(true));
    tls
}

/// The wire `tls` of an `ApimNative.BackendTls` given to a cmdlet (ours, a deserialized copy, or a
/// hashtable with the same names), not yet validated nor completed.
pub fn from_object(object: &Parameters) -> Result<BackendTlsProperties, ApimError> {
    Ok(BackendTlsProperties {
        validate_certificate_chain: object.bool("ValidateCertificateChain")?,
        validate_certificate_name: object.bool("ValidateCertificateName")?,
        server_certificate_thumbprints: object.string_list("ServerCertificateThumbprints")?,
        server_x509_names: x509_names_from_map(object, "ServerX509Names")?,
        extra: Map::new(),
    })
}

/// The `ApimNative.BackendTls` shown for a wire `tls`.
pub fn to_object(tls: &BackendTlsProperties) -> Value {
    PsObject::new(TLS_TYPE)
        .optional("ValidateCertificateChain", tls.validate_certificate_chain)
        .optional("ValidateCertificateName", tls.validate_certificate_name)
        .optional("ServerCertificateThumbprints", tls.server_certificate_thumbprints.clone())
        .property("ServerX509Names", x509_names_to_map(tls.server_x509_names.as_deref().unwrap_or_default()))
        .into_value()
}

/// The hashtable at `name` (X509 name -> issuer thumbprint) as wire `serverX509Names`. Az's help
/// shows array values but its code sent "System.Object[]": here each element of an array becomes
/// its own entry with the same name, and `$null` or an empty array means any issuer.
pub fn x509_names_from_map(parameters: &Parameters, name: &str) -> Result<Option<Vec<X509CertificateName>>, ApimError> {
    let shown = parameters.display_name(name);
    let members = match parameters.get(name) {
        None => return Ok(None),
        Some(Value::Object(members)) if !members.contains_key("PSTypeName") => members,
        Some(other) => {
            return Err(ApimError::invalid_argument(
                shown.clone(),
                format!("{shown} must be a hashtable of X509 name -> issuer certificate thumbprint, not {}", Parameters::describe_value(other)),
            ))
        }
    };
    let mut names = Vec::new();
    for (key, value) in members {
        let issuers: Vec<&Value> = match value {
            Value::Array(items) if items.is_empty() => vec![&Value::Null],
            Value::Array(items) => items.iter().collect(),
            single => vec![single],
        };
        for issuer in issuers {
            let issuer = match issuer {
                Value::Null => None,
                Value::String(thumbprint) => Some(thumbprint.clone()),
                other => {
                    return Err(ApimError::invalid_argument(
                        shown.clone(),
                        format!(
                            "{shown} '{key}': an issuer certificate thumbprint must be a string, a string array or $null, not {}",
                            Parameters::describe_value(other)
                        ),
                    ))
                }
            };
            names.push(X509CertificateName { name: Some(key.clone()), issuer_certificate_thumbprint: issuer, extra: Map::new() });
        }
    }
    Ok(Some(names))
}

/// Wire `serverX509Names` as the hashtable Az shows (name -> issuer thumbprint, an array when a name
/// repeats); `$null` when there are none, as Az's helper returned.
pub fn x509_names_to_map(names: &[X509CertificateName]) -> Value {
    if names.is_empty() {
        return Value::Null;
    }
    let mut map = Map::new();
    for entry in names {
        let issuer = entry.issuer_certificate_thumbprint.clone().map(Value::String).unwrap_or(Value::Null);
        let key = entry.name.clone().unwrap_or_default();
        match map.get_mut(&key) {
            None => {
                map.insert(key, issuer);
            }
            Some(Value::Array(issuers)) => issuers.push(issuer),
            Some(first) => *first = Value::Array(vec![first.take(), issuer]),
        }
    }
    Value::Object(map)
}
