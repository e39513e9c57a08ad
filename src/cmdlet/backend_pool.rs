//! `New-AzApiManagementBackendPool` and `New-AzApiManagementBackendPoolItem`, and their objects
//! `ApimNative.BackendPool` / `ApimNative.BackendPoolItem`, both ways: the cmdlets' parameters or a
//! pool object (given to `-Pool`) become the wire `pool`, and the wire `pool` becomes the object.

use super::{wire_value, CmdletOutput, ParameterNames, Parameters, PsObject};
use crate::model::circuit_breaker::BackendFailureResponse;
use crate::model::pool::{check_pool, check_pool_item, BackendPool, BackendPoolItem, BackendSessionAffinity, BackendSessionId};
use crate::model::ApimError;
use serde_json::{Map, Value};

pub const POOL_TYPE: &str = "ApimNative.BackendPool";
pub const POOL_ITEM_TYPE: &str = "ApimNative.BackendPoolItem";

/// Which wire field each parameter of `New-AzApiManagementBackendPool` fills; a member's problem is
/// named by its place in `-Service`: `-Service ([0].id)`.
pub const NEW_PARAMETER_NAMES: ParameterNames = ParameterNames(&[
    ("services", "-Service"),
    ("sessionAffinity", "-SessionIdSource"),
    ("sessionAffinity.sessionId.source", "-SessionIdSource"),
    ("sessionAffinity.sessionId.name", "-SessionIdName"),
    ("failureResponse", "-FailureResponseStatusCode"),
    ("failureResponse.statusCode", "-FailureResponseStatusCode"),
]);

/// Which wire field each parameter of `New-AzApiManagementBackendPoolItem` fills (`-Id` set).
pub const NEW_ITEM_PARAMETER_NAMES: ParameterNames = ParameterNames(&[
    ("id", "-Id"),
    ("priority", "-Priority"),
    ("weight", "-Weight"),
    ("preferredCarbonEmission", "-PreferredCarbonEmission"),
]);

/// The same for the `-Backend` set, where the id is the backend object's.
pub const NEW_ITEM_BY_BACKEND_PARAMETER_NAMES: ParameterNames = ParameterNames(&[
    ("id", "-Backend (Id)"),
    ("priority", "-Priority"),
    ("weight", "-Weight"),
    ("preferredCarbonEmission", "-PreferredCarbonEmission"),
]);

/// `New-AzApiManagementBackendPool`: the pool of the `-Service` items (the module collects piped
/// items into `Service` before the call), validated with the model's rules. No request is made.
pub fn new(parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    let wire = read_pool(parameters, "Service")?;
    let checked = check_pool(&wire_value(&wire)).map_err(|error| NEW_PARAMETER_NAMES.rename(error))?;
    Ok(CmdletOutput::objects(vec![to_object(&checked)]))
}

/// The wire `pool` of an `ApimNative.BackendPool` given to a cmdlet (ours, a deserialized copy, or a
/// hashtable with the same names), not yet validated.
pub fn from_object(object: &Parameters) -> Result<BackendPool, ApimError> {
    read_pool(object, "Services")
}

/// The `ApimNative.BackendPool` shown for a wire `pool`; `Services` is always a list.
pub fn to_object(pool: &BackendPool) -> Value {
    let services: Vec<Value> = pool.services.as_deref().unwrap_or_default().iter().map(item_to_object).collect();
    let session_id = pool.session_affinity.as_ref().and_then(|affinity| affinity.session_id.as_ref());
    PsObject::new(POOL_TYPE)
        .property("Services", services)
        .optional("SessionIdSource", session_id.and_then(|id| id.source.clone()))
        .optional("SessionIdName", session_id.and_then(|id| id.name.clone()))
        .optional("FailureResponseStatusCode", pool.failure_response.as_ref().and_then(|response| response.status_code))
        .into_value()
}

/// `New-AzApiManagementBackendPoolItem`: one member, by `-Id` or by the `-Backend` object's Id,
/// validated with the model's rules (an ARM id of a backend, weight and priority 0..100).
pub fn new_item(parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    let (id, names) = match parameters.object("Backend")? {
        Some(backend) => (backend.string("Id")?, NEW_ITEM_BY_BACKEND_PARAMETER_NAMES),
        None => (parameters.string("Id")?, NEW_ITEM_PARAMETER_NAMES),
    };
    let wire = BackendPoolItem {
        id: Some(id.unwrap_or_default()),
        weight: parameters.i64("Weight")?,
        priority: parameters.i64("Priority")?,
        preferred_carbon_emission: parameters.string("PreferredCarbonEmission")?,
        extra: Map::new(),
    };
    let checked = check_pool_item(&wire_value(&wire)).map_err(|error| names.rename(error))?;
    Ok(CmdletOutput::objects(vec![item_to_object(&checked)]))
}

/// The wire member of an `ApimNative.BackendPoolItem` (ours, a deserialized copy, or a hashtable
/// with the same names), not yet validated. An empty carbon category counts as not given.
pub fn item_from_object(object: &Parameters) -> Result<BackendPoolItem, ApimError> {
    Ok(BackendPoolItem {
        id: object.string("Id")?,
        weight: object.i64("Weight")?,
        priority: object.i64("Priority")?,
        preferred_carbon_emission: object.string("PreferredCarbonEmission")?.filter(|category| !category.is_empty()),
        extra: Map::new(),
    })
}

/// The `ApimNative.BackendPoolItem` shown for a wire pool member.
pub fn item_to_object(item: &BackendPoolItem) -> Value {
    PsObject::new(POOL_ITEM_TYPE)
        .property("Id", item.id.clone().unwrap_or_default())
        .optional("Priority", item.priority)
        .optional("Weight", item.weight)
        .optional("PreferredCarbonEmission", item.preferred_carbon_emission.clone())
        .into_value()
}

/// A pool from its members at `services` (`Service` for the cmdlet, `Services` for the object) and
/// the session and failure settings; session affinity is sent when a source or a name is given.
fn read_pool(p: &Parameters, services: &str) -> Result<BackendPool, ApimError> {
    let members = match p.object_list(services)? {
        None => None,
        Some(items) => Some(items.iter().map(item_from_object).collect::<Result<Vec<_>, _>>()?),
    };
    let source = p.string("SessionIdSource")?.filter(|source| !source.is_empty());
    let name = p.string("SessionIdName")?.filter(|name| !name.is_empty());
    let session_affinity = (source.is_some() || name.is_some()).then(|| BackendSessionAffinity {
        session_id: Some(BackendSessionId { source, name, extra: Map::new() }),
        extra: Map::new(),
    });
    Ok(BackendPool {
        services: members,
        failure_response: p
            .i64("FailureResponseStatusCode")?
            .map(|status_code| BackendFailureResponse { status_code: Some(status_code), extra: Map::new() }),
        session_affinity,
        extra: Map::new(),
    })
}
