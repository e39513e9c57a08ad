//! The `PsApiManagementBackend` object, both ways: a wire backend becomes the object Az shows
//! (`to_object`), and a cmdlet's parameters, over a piped backend object's values, become the wire
//! `properties` of a PUT or PATCH (`properties_from_parameters`). The sub-objects are mapped by their
//! own files (`backend_credential`, `backend_proxy`, ...); this file knows the backend's own fields
//! and Az's quirks around them.

use super::backend_address::ServiceScope;
use super::backend_credential::{self, SecureValues};
use super::{backend_circuit_breaker, backend_pool, backend_proxy, backend_service_fabric, backend_tls};
use super::{ParameterNames, Parameters, PsObject};
use crate::model::backend::BackendContract;
use crate::model::pool::parse_backend_arm_id;
use crate::model::tls::BackendTlsProperties;
use crate::model::{ApimError, ErrorCategory};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub const BACKEND_TYPE: &str = "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementBackend";

/// Which wire field each parameter of New- and Set-AzApiManagementBackend fills; a field inside a
/// parameter's object is shown under it (`-Credential (authorization.parameter)`).
pub const PARAMETER_NAMES: ParameterNames = ParameterNames(&[
    ("backendId", "-BackendId"),
    ("properties.url", "-Url"),
    ("properties.protocol", "-Protocol"),
    ("properties.title", "-Title"),
    ("properties.description", "-Description"),
    ("properties.resourceId", "-ResourceId"),
    ("properties.credentials", "-Credential"),
    ("properties.proxy", "-Proxy"),
    ("properties.properties", "-ServiceFabricCluster"),
    ("properties.properties.serviceFabricCluster", "-ServiceFabricCluster"),
    ("properties.tls.validateCertificateChain", "-SkipCertificateChainValidation"),
    ("properties.tls.validateCertificateName", "-SkipCertificateNameValidation"),
    ("properties.tls", "-Tls"),
    ("properties.type", "-Type"),
    ("properties.pool", "-Pool"),
    ("properties.circuitBreaker", "-CircuitBreaker"),
    ("properties.azureRegion", "-AzureRegion"),
]);

/// The plain string fields: the parameter (and the piped object's property) and the wire name.
const PLAIN_FIELDS: [(&str, &str); 7] = [
    ("Url", "url"),
    ("Protocol", "protocol"),
    ("ResourceId", "resourceId"),
    ("Title", "title"),
    ("Description", "description"),
    ("AzureRegion", "azureRegion"),
    ("Type", "type"),
];

/// The wire `properties` of a backend and what the output needs to show the caller's values
/// as given (SecureStrings stay SecureStrings).
#[derive(Debug, Default)]
pub struct BackendBody {
    pub properties: Map<String, Value>,
    pub secure: SecureValues,
}

impl BackendBody {
    /// `{"properties":{...}}`, the body of a PUT or a PATCH.
    pub fn into_wire(self) -> Value {
        let mut body = Map::new();
        body.insert("properties".into(), Value::Object(self.properties));
        Value::Object(body)
    }
}

/// The wire `properties` of the cmdlet's parameters over `base` (Set's `-InputObject`: its values
/// are the starting point, which Az ignored). A parameter given with an empty value is sent, so the
/// rules name the field (`-Title must be at least 1 character`); a piped object's empty property
/// means "not given". `current_tls` is the backend's TLS as the service has it (Set reads it when
/// only one Skip flag is given, so that the other flag is not reset).
///
/// TLS: whenever any TLS parameter is given (or the base has TLS), the tls object is complete,
/// both flags present, true unless skipped: Az sent only the given flag, which the service now
/// refuses (Az issue #29209).
pub fn properties_from_parameters(
    p: &Parameters,
    base: Option<&Parameters>,
    current_tls: Option<BackendTlsProperties>,
) -> Result<BackendBody, ApimError> {
    let mut wire = Map::new();
    for (name, field) in PLAIN_FIELDS {
        if let Some(value) = p.string(name)? {
            wire.insert(field.into(), value.into());
        } else if let Some(value) = base.map(|b| b.string(name)).transpose()?.flatten().filter(|v| !v.is_empty()) {
            wire.insert(field.into(), value.into());
        }
    }

    let mut secure = SecureValues::none();
    if let Some(credential) = given_object(p, "Credential", base, "Credentials")? {
        let (contract, given) = backend_credential::from_object(&credential)?;
        wire.insert("credentials".into(), to_wire(&contract)?);
        secure = given;
    }
    if let Some(proxy) = given_object(p, "Proxy", base, "Proxy")? {
        wire.insert("proxy".into(), to_wire(&backend_proxy::from_object(&proxy)?)?);
    }
    if let Some(fabric) = given_object(p, "ServiceFabricCluster", base, "ServiceFabricCluster")? {
        let mut properties = Map::new();
        properties.insert("serviceFabricCluster".into(), to_wire(&backend_service_fabric::from_object(&fabric)?)?);
        wire.insert("properties".into(), Value::Object(properties));
    }
    if let Some(pool) = given_object(p, "Pool", base, "Pool")? {
        wire.insert("pool".into(), to_wire(&backend_pool::from_object(&pool)?)?);
        // A pool is only meaningful on a Pool backend: saying -Pool is saying -Type Pool, also
        // over the type of an -InputObject that was a Single backend.
        let pool_parameter = p.get("Pool").is_some() && !p.contains("Type");
        if pool_parameter || !wire.contains_key("type") {
            wire.insert("type".into(), "Pool".into());
        }
    }
    let rules = match p.object_list("CircuitBreaker")? {
        Some(rules) => Some(rules),
        None => base.map(|b| b.object_list("CircuitBreaker")).transpose()?.flatten(),
    };
    if let Some(rules) = rules {
        let wire_rules = rules
            .iter()
            .map(|rule| backend_circuit_breaker::from_object(rule).and_then(|r| to_wire(&r)))
            .collect::<Result<Vec<_>, _>>()?;
        let mut breaker = Map::new();
        breaker.insert("rules".into(), Value::Array(wire_rules));
        wire.insert("circuitBreaker".into(), Value::Object(breaker));
    }

    let tls_given = ["Tls", "SkipCertificateChainValidation", "SkipCertificateNameValidation"].iter().any(|name| p.contains(name));
    let base_tls = match (&current_tls, base) {
        (Some(_), _) | (None, None) => None,
        (None, Some(b)) => b.object("Tls")?.map(|tls| backend_tls::from_object(&tls)).transpose()?,
    };
    let current_tls = current_tls.or(base_tls);
    if tls_given || (base.is_some() && current_tls.is_some()) {
        let tls = match p.object("Tls")? {
            Some(tls) => Some(backend_tls::from_object(&tls)?),
            None if p.contains("Tls") => None,
            None => current_tls,
        };
        let skip_chain = p.bool("SkipCertificateChainValidation")?;
        let skip_name = p.bool("SkipCertificateNameValidation")?;
        wire.insert("tls".into(), to_wire(&backend_tls::complete(tls, skip_chain, skip_name))?);
    }
    Ok(BackendBody { properties: wire, secure })
}

/// The object of parameter `name`, else the piped object's property `base_name`.
fn given_object(p: &Parameters, name: &str, base: Option<&Parameters>, base_name: &str) -> Result<Option<Parameters>, ApimError> {
    match p.object(name)? {
        Some(object) => Ok(Some(object)),
        None => base.map(|b| b.object(base_name)).transpose().map(Option::flatten),
    }
}

/// The wire backend as the service answered it, read into the model (unknown fields are kept).
pub fn read_wire(body: &Value) -> Result<BackendContract, ApimError> {
    // Read through the reference: a copy of the tree first was a tenth of a list's mapping.
    BackendContract::deserialize(body).map_err(|error| {
        ApimError::new("InvalidResponse", format!("the service answered a backend this cmdlet cannot read: {error}"), ErrorCategory::InvalidData)
    })
}

/// The `PsApiManagementBackend` Az shows for a wire backend, with Az's properties filled as Az fills
/// them (Properties is the TLS-only dictionary with Az's inverted skip keys, `$null` without tls;
/// the address parts come from the backend's id) and what Az never showed: SubscriptionId, Type,
/// AzureRegion, Tls, Pool, CircuitBreaker, ETag (for -IfMatch) and the Context it was read with,
/// so Set and Remove reach the same endpoint and workspace when it is piped to them.
pub fn to_object(wire: &BackendContract, etag: Option<&str>, scope: &ServiceScope, secure: &SecureValues) -> Value {
    without_context(wire, etag, scope, secure).property("Context", scope.context.clone()).into_value()
}

/// The object of `to_object` up to its last property, Context, which the caller adds: a list
/// adds a reference to the one Context its backends share (`backend_list`).
pub fn without_context(wire: &BackendContract, etag: Option<&str>, scope: &ServiceScope, secure: &SecureValues) -> PsObject {
    let default_properties = Default::default();
    let properties = wire.properties.as_ref().unwrap_or(&default_properties);
    let id = wire.id.clone().unwrap_or_default();
    let (subscription_id, resource_group_name, service_name) = match parse_backend_arm_id(&id) {
        Some(parts) => (Some(parts.subscription_id), parts.resource_group_name, parts.service_name),
        None => (scope.subscription_id.clone(), scope.resource_group_name.clone(), scope.service_name.clone()),
    };
    let az_properties = properties.tls.as_ref().map(|tls| {
        let mut flags = Map::new();
        if let Some(chain) = tls.validate_certificate_chain {
            flags.insert("skipCertificateChainValidation".into(), (!chain).into());
        }
        if let Some(name) = tls.validate_certificate_name {
            flags.insert("skipCertificateNameValidation".into(), (!name).into());
        }
        Value::Object(flags)
    });
    let fabric = properties.properties.as_ref().and_then(|p| p.service_fabric_cluster.as_ref());
    let rules = properties
        .circuit_breaker
        .as_ref()
        .and_then(|breaker| breaker.rules.as_ref())
        .map(|rules| Value::Array(rules.iter().map(backend_circuit_breaker::to_object).collect()));
    PsObject::with_capacity(BACKEND_TYPE, BACKEND_MEMBERS)
        .property("Id", id)
        .property("ResourceGroupName", resource_group_name)
        .property("ServiceName", service_name)
        .optional("SubscriptionId", subscription_id)
        .property("BackendId", wire.name.clone().unwrap_or_default())
        .optional("Type", properties.backend_type.clone())
        .optional("Protocol", properties.protocol.clone())
        .optional("Url", properties.url.clone())
        .optional("ResourceId", properties.resource_id.clone())
        .optional("Title", properties.title.clone())
        .optional("Description", properties.description.clone())
        .optional("AzureRegion", properties.azure_region.clone())
        .optional("Properties", az_properties)
        .optional("Tls", properties.tls.as_ref().map(backend_tls::to_object))
        .optional("Proxy", properties.proxy.as_ref().map(backend_proxy::to_object))
        .optional("Credentials", properties.credentials.as_ref().map(|c| backend_credential::to_object(c, secure)))
        .optional("ServiceFabricCluster", fabric.map(backend_service_fabric::to_object))
        .optional("Pool", properties.pool.as_ref().map(backend_pool::to_object))
        .optional("CircuitBreaker", rules)
        .optional("ETag", etag.filter(|tag| !tag.is_empty()).map(str::to_string))
}

/// The members of a backend object: PSTypeName, the 21 properties and Context (room made once,
/// not grown four times per object).
const BACKEND_MEMBERS: usize = 23;

fn to_wire<T: Serialize>(value: &T) -> Result<Value, ApimError> {
    serde_json::to_value(value).map_err(|error| {
        ApimError::new("InternalError", format!("a backend part could not be written as JSON: {error}"), ErrorCategory::NotSpecified)
    })
}
