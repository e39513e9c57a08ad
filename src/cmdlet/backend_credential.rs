//! `New-AzApiManagementBackendCredential` and the `PsApiManagementBackendCredential` object it
//! makes, both ways: the cmdlet's parameters or a credential object (given to `-Credential`) become
//! the wire `credentials`, and the wire `credentials` become the object Az shows.

use super::parameters::MapValue;
use super::{secure_string, CmdletOutput, ParameterNames, Parameters, PsObject};
use crate::model::credentials::{check_credentials, BackendAuthorizationHeaderCredentials, BackendCredentialsContract};
use crate::model::ApimError;
use indexmap::IndexMap;
use serde_json::Value;

pub const CREDENTIAL_TYPE: &str = "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackendCredential";
pub const AUTHORIZATION_TYPE: &str =
    "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementAuthorizationHeaderCredential";

/// Which wire field each parameter of `New-AzApiManagementBackendCredential` fills.
pub const NEW_PARAMETER_NAMES: ParameterNames = ParameterNames(&[
    ("authorization.parameter", "-AuthorizationHeaderParameter"),
    ("authorization.scheme", "-AuthorizationHeaderScheme"),
    ("authorization", "-AuthorizationHeaderScheme"),
    ("certificateIds", "-CertificateId"),
    ("certificate", "-CertificateThumbprint"),
    ("query", "-Query"),
    ("header", "-Header"),
    ("credentials", "New-AzApiManagementBackendCredential"),
]);

/// The map values that were SecureStrings, by map (`query`/`header`) and key, so the object gives
/// them back as SecureStrings; their text is sent, never shown.
#[derive(Debug, Clone, Default)]
pub struct SecureValues {
    query: IndexMap<String, Vec<MapValue>>,
    header: IndexMap<String, Vec<MapValue>>,
}

/// `New-AzApiManagementBackendCredential`: validates the credentials with the model's rules and
/// answers with the credential object. No request is made.
pub fn new(parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    let (wire, secure) = from_new_parameters(parameters)?;
    let checked = check_credentials(&wire).map_err(|error| NEW_PARAMETER_NAMES.rename(error))?;
    Ok(CmdletOutput::objects(vec![to_object(&checked, &secure)]))
}

/// The wire form of the cmdlet's parameters, before validation: as Az, an empty `-Query`,
/// `-Header` or certificate list is left out, while `-AuthorizationHeaderScheme` or
/// `-AuthorizationHeaderParameter` alone still makes an (incomplete, so refused) authorization.
fn from_new_parameters(p: &Parameters) -> Result<(Value, SecureValues), ApimError> {
    let mut wire = serde_json::Map::new();
    if let Some(thumbprints) = p.string_list("CertificateThumbprint")?.filter(|list| !list.is_empty()) {
        wire.insert("certificate".into(), thumbprints.into());
    }
    if let Some(ids) = p.string_list("CertificateId")?.filter(|list| !list.is_empty()) {
        wire.insert("certificateIds".into(), ids.into());
    }
    let mut secure = SecureValues::default();
    if let Some(query) = p.string_list_map("Query")?.filter(|map| !map.is_empty()) {
        wire.insert("query".into(), map_to_wire(&query));
        secure.query = query;
    }
    if let Some(header) = p.string_list_map("Header")?.filter(|map| !map.is_empty()) {
        wire.insert("header".into(), map_to_wire(&header));
        secure.header = header;
    }
    if p.contains("AuthorizationHeaderScheme") || p.contains("AuthorizationHeaderParameter") {
        let mut authorization = serde_json::Map::new();
        if let Some(scheme) = p.string("AuthorizationHeaderScheme")? {
            authorization.insert("scheme".into(), scheme.into());
        }
        if let Some(parameter) = p.secret("AuthorizationHeaderParameter")? {
            authorization.insert("parameter".into(), parameter.0.into());
        }
        wire.insert("authorization".into(), authorization.into());
    }
    Ok((Value::Object(wire), secure))
}

/// The wire `credentials` of a `PsApiManagementBackendCredential` given to a cmdlet (ours, a
/// deserialized copy, or a hashtable with the same names), not yet validated.
pub fn from_object(object: &Parameters) -> Result<(BackendCredentialsContract, SecureValues), ApimError> {
    let query = object.string_list_map("Query")?;
    let header = object.string_list_map("Header")?;
    let authorization = match object.object("Authorization")? {
        None => None,
        Some(auth) => Some(BackendAuthorizationHeaderCredentials {
            scheme: auth.string("Scheme")?.filter(|s| !s.is_empty()),
            parameter: auth.secret("Parameter")?.filter(|s| !s.0.is_empty()),
            extra: Default::default(),
        }),
    };
    let contract = BackendCredentialsContract {
        certificate_ids: object.string_list("CertificateIds")?,
        certificate: object.string_list("Certificate")?,
        query: query.as_ref().map(texts),
        header: header.as_ref().map(texts),
        authorization,
        extra: Default::default(),
    };
    Ok((contract, SecureValues { query: query.unwrap_or_default(), header: header.unwrap_or_default() }))
}

/// The `PsApiManagementBackendCredential` Az shows for wire `credentials`; values the caller gave
/// as SecureStrings (and the service sent back unchanged) stay SecureStrings.
pub fn to_object(credentials: &BackendCredentialsContract, secure: &SecureValues) -> Value {
    let authorization = credentials.authorization.as_ref().map(|auth| {
        PsObject::new(AUTHORIZATION_TYPE)
            .property("Scheme", auth.scheme.clone().unwrap_or_default())
            .property("Parameter", auth.parameter.as_ref().map(|p| p.0.clone()).unwrap_or_default())
            .into_value()
    });
    PsObject::new(CREDENTIAL_TYPE)
        .optional("Certificate", credentials.certificate.clone())
        .optional("CertificateIds", credentials.certificate_ids.clone())
        .optional("Query", credentials.query.as_ref().map(|map| map_to_object(map, &secure.query)))
        .optional("Header", credentials.header.as_ref().map(|map| map_to_object(map, &secure.header)))
        .optional("Authorization", authorization)
        .into_value()
}

fn texts(map: &IndexMap<String, Vec<MapValue>>) -> IndexMap<String, Vec<String>> {
    map.iter().map(|(key, values)| (key.clone(), values.iter().map(|v| v.text.clone()).collect())).collect()
}

fn map_to_wire(map: &IndexMap<String, Vec<MapValue>>) -> Value {
    Value::Object(map.iter().map(|(key, values)| (key.clone(), values.iter().map(|v| Value::from(v.text.clone())).collect())).collect())
}

/// A string map as the object's hashtable: each value an array, a SecureString where the caller's
/// value at that place was one with the same text.
fn map_to_object(map: &IndexMap<String, Vec<String>>, given: &IndexMap<String, Vec<MapValue>>) -> Value {
    let object = map.iter().map(|(key, values)| {
        let given_values = given.get(key);
        let items = values
            .iter()
            .enumerate()
            .map(|(index, text)| match given_values.and_then(|g| g.get(index)) {
                Some(MapValue { text: given_text, secure: true }) if given_text == text => secure_string(text),
                _ => Value::from(text.clone()),
            })
            .collect::<Vec<_>>();
        (key.clone(), Value::Array(items))
    });
    Value::Object(object.collect())
}

impl SecureValues {
    /// No SecureStrings: what a credential read from the service has.
    pub fn none() -> Self {
        SecureValues::default()
    }
}
