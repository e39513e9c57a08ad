//! BackendContract (PUT body and GET result), BackendUpdateParameters (PATCH body),
//! BackendCollection (list page) and BackendReconnectContract (reconnect body), with the rules
//! of BackendContractProperties. The source column names where a rule comes from (the numbers
//! are those of docs/backend-semantic-rules in the reference set: [SPEC] the OpenAPI document,
//! [MS-DOC] Microsoft Learn, [OBS] an error the service was seen to answer, [MS-AVM] Azure
//! Verified Modules, [TF] terraform-provider-azurerm):
//!
//! | field | rule | source |
//! |---|---|---|
//! | title | 1..300 | SPEC |
//! | description | 1..2000 | SPEC |
//! | resourceId | 1..2000 | SPEC |
//! | url | 1..2000; required (PUT) when type is Single or absent: "'url' should not be empty." | SPEC, OBS, MS-AVM, TF (A1, A2) |
//! | protocol | http, soap; required (PUT) when type is Single or absent: "'protocol' should not be empty." | SPEC, OBS (A1, A9) |
//! | type | Single, Pool; from api-version 2024-05-01 | SPEC |
//! | pool | required (PUT) when type is Pool; from api-version 2024-05-01 | SPEC, MS-AVM (A8) |
//! | pool on a Single backend | "pool is not supported for a Single backend" | MS-AVM (A8) |
//! | url on a Pool | "Url is not supported for backend pool." | OBS, MS-AVM (A3) |
//! | protocol on a Pool | "Protocol is not supported for backend pool." | OBS, MS-AVM (A4) |
//! | circuitBreaker on a Pool | "CircuitBreaker is not supported for backend pool." | OBS, MS-AVM (A5) |
//! | credentials, proxy, tls, resourceId, properties.serviceFabricCluster on a Pool | not supported | MS-AVM (A6) |
//! | circuitBreaker | from api-version 2024-05-01 | SPEC |
//! | tls | both flags when sent (tls.rs) | OBS (D1) |
//! | azureRegion | from api-version 2025-03-01-preview | SPEC |
//! | reconnect properties.after | ISO-8601 duration (the 2-minute minimum is the service's) | SPEC |
//!
//! A PATCH body is checked against the type it states itself; the emulator also checks the
//! merged result as a whole backend, because a PATCH may add url to a stored Pool.

pub use super::arm_resource::ArmResource;
use super::api_version::ApiVersion;
use super::circuit_breaker::BackendCircuitBreaker;
use super::credentials::BackendCredentialsContract;
use super::error::ApimError;
use super::pool::BackendPool;
use super::proxy::BackendProxyContract;
use super::tls::BackendTlsProperties;
use super::validate::{field, join, json_kind, parse_all, rule, Problems};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `properties.properties` lives with the service fabric rules it carries; re-exported here so
/// every type of the backend body is reachable from this module.
pub use super::service_fabric::BackendProperties;

pub const BACKEND_PROTOCOLS: [&str; 2] = ["http", "soap"];
pub const BACKEND_TYPES: [&str; 2] = ["Single", "Pool"];

/// A backend resource: the ARM envelope (read-only id, name, type
/// `Microsoft.ApiManagement/service/backends`) and its properties.
pub type BackendContract = ArmResource<BackendContractProperties>;

/// The backend's settings. Also used for PATCH (`BackendUpdateParameterProperties`): the spec
/// gives both the same fields and differs only in what is required, which `validate` knows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendContractProperties {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<BackendProperties>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credentials: Option<BackendCredentialsContract>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy: Option<BackendProxyContract>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls: Option<BackendTlsProperties>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub circuit_breaker: Option<BackendCircuitBreaker>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azure_region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pool: Option<BackendPool>,
    /// `Single` or `Pool` (a string, so a future value parses; validation checks the set).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub backend_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `http` or `soap`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// PATCH properties: the same fields as PUT, none of them required.
pub type BackendUpdateParameterProperties = BackendContractProperties;

/// The PATCH body (not a resource: no id, name or type).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BackendUpdateParameters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<BackendUpdateParameterProperties>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of a list. `nextLink` absent or empty ends the paging.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendCollection {
    #[serde(default)]
    pub value: Vec<BackendContract>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The reconnect body: `{"properties":{"after":"PT2M"}}`, all optional (the spec gives it the
/// resource envelope too).
pub type BackendReconnectContract = ArmResource<BackendReconnectProperties>;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BackendReconnectProperties {
    /// ISO-8601 duration after which the gateway reconnects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Which body a properties object came in: PUT requires members that PATCH does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    CreateOrUpdate,
    Update,
}

impl BackendContractProperties {
    pub fn is_pool(&self) -> bool {
        self.backend_type.as_deref().is_some_and(|t| t.eq_ignore_ascii_case("Pool"))
    }

    /// Single is the default when `type` is absent.
    pub fn is_single(&self) -> bool {
        self.backend_type.as_deref().is_none_or(|t| t.eq_ignore_ascii_case("Single"))
    }

    pub fn validate(&self, path: &str, version: ApiVersion, kind: BodyKind, p: &mut Problems) {
        let at = |name: &'static str| field(path, name);
        p.opt_length(at("title"), &self.title, 1, 300);
        p.opt_length(at("description"), &self.description, 1, 2000);
        p.opt_length(at("resourceId"), &self.resource_id, 1, 2000);
        p.opt_length(at("url"), &self.url, 1, 2000);
        p.one_of(at("protocol"), &self.protocol, &BACKEND_PROTOCOLS);

        let pooled = ApiVersion::V2024_05_01;
        p.since(at("type"), self.backend_type.is_some(), version, pooled);
        if version >= pooled {
            p.one_of(at("type"), &self.backend_type, &BACKEND_TYPES);
        }
        p.since(at("azureRegion"), self.azure_region.is_some(), version, ApiVersion::V2025_03_01Preview);

        if kind == BodyKind::CreateOrUpdate {
            if self.is_single() {
                // The service's words when a Single backend lacks them (azure-powershell #26837).
                if self.url.is_none() {
                    let target = join(path, "url");
                    p.push(&target, rule::REQUIRED, format!("{target}: 'url' should not be empty. A Single backend needs a url."));
                }
                if self.protocol.is_none() {
                    let target = join(path, "protocol");
                    p.push(&target, rule::REQUIRED, format!("{target}: 'protocol' should not be empty. A Single backend needs a protocol."));
                }
            }
            if self.is_pool() && version >= pooled {
                p.required(at("pool"), &self.pool);
            }
        }
        // The type restrictions apply only when the body says (or, for PUT, implies) the type:
        // a PATCH without `type` is checked against the stored type by the emulator.
        let states_type = kind == BodyKind::CreateOrUpdate || self.backend_type.is_some();
        if states_type && version >= pooled {
            if self.is_pool() {
                self.pool_forbids(path, p);
            } else if self.is_single() {
                p.not_supported(at("pool"), self.pool.is_some(), "pool is not supported for a Single backend; set type to Pool for a load-balanced pool.");
            }
        }

        if let Some(props) = &self.properties {
            props.validate(&join(path, "properties"), version, p);
        }
        if let Some(credentials) = &self.credentials {
            credentials.validate(&join(path, "credentials"), version, p);
        }
        if let Some(proxy) = &self.proxy {
            proxy.validate(&join(path, "proxy"), version, p);
        }
        if let Some(tls) = &self.tls {
            let tls_path = join(path, "tls");
            tls.validate(&tls_path, version, p);
            tls.require_both_flags(&tls_path, version, p);
        }
        // A field the version lacks is reported once, at the field; its insides are not checked
        // against a version that does not know them.
        p.since(at("circuitBreaker"), self.circuit_breaker.is_some(), version, pooled);
        if let (Some(cb), true) = (&self.circuit_breaker, version >= pooled) {
            cb.validate(&join(path, "circuitBreaker"), version, p);
        }
        p.since(at("pool"), self.pool.is_some(), version, pooled);
        if let (Some(pool), true) = (&self.pool, version >= pooled) {
            pool.validate(&join(path, "pool"), version, p);
        }
    }
}

impl BackendContractProperties {
    /// A Pool carries only title, description, type and pool (rules A3-A6): the service's words
    /// where it was seen answering them, AVM's "Not supported for Backend Pools" for the rest.
    fn pool_forbids(&self, path: &str, p: &mut Problems) {
        let at = |name: &'static str| field(path, name);
        p.not_supported(at("url"), self.url.is_some(), "Url is not supported for backend pool.");
        p.not_supported(at("protocol"), self.protocol.is_some(), "Protocol is not supported for backend pool.");
        p.not_supported(at("circuitBreaker"), self.circuit_breaker.is_some(), "CircuitBreaker is not supported for backend pool.");
        let only = "is not supported for backend pool; a pool carries only title, description, type and pool, its members carry the rest.";
        p.not_supported(at("credentials"), self.credentials.is_some(), format_args!("Credentials {only}"));
        p.not_supported(at("proxy"), self.proxy.is_some(), format_args!("Proxy {only}"));
        p.not_supported(at("tls"), self.tls.is_some(), format_args!("Tls {only}"));
        p.not_supported(at("resourceId"), self.resource_id.is_some(), format_args!("ResourceId {only}"));
        let sf = self.properties.as_ref().is_some_and(|props| props.service_fabric_cluster.is_some());
        p.not_supported(field(&join(path, "properties"), "serviceFabricCluster"), sf, format_args!("ServiceFabricCluster {only}"));
    }
}

/// Parses a whole body, collecting every wrong JSON type into `p` (see `validate::parse_all`).
/// `None` means nothing usable was parsed and `p` says why.
fn parse_body<T: serde::de::DeserializeOwned>(body: &Value, p: &mut Problems) -> Option<T> {
    if !body.is_object() {
        p.push("body", rule::INVALID_TYPE, format!("body must be a JSON object (it is {})", json_kind(body)));
        return None;
    }
    parse_all(body, "", p)
}

/// Parses and validates a PUT body for `version`; every problem is reported with its JSON path:
/// wrong types and rule violations together.
pub fn check_backend_contract(body: &Value, version: ApiVersion) -> Result<BackendContract, ApimError> {
    let mut p = Problems::new();
    let contract: Option<BackendContract> = parse_body(body, &mut p);
    if let Some(contract) = &contract {
        contract_rules(contract, version, &mut p);
    }
    p.finish_parsed(contract)
}

/// [`check_backend_contract`] for a body given as JSON text (the C ABI's request): the same
/// result, parsed straight from the text when it is a well-typed object (see [`from_text`]).
pub fn check_backend_contract_text(text: &str, version: ApiVersion) -> Result<BackendContract, ApimError> {
    check_text(text, |contract, p| contract_rules(contract, version, p), |value| check_backend_contract(value, version))
}

fn contract_rules(contract: &BackendContract, version: ApiVersion, p: &mut Problems) {
    // A PUT without properties is checked as empty properties, so url/protocol are reported.
    let empty = BackendContractProperties::default();
    let props = contract.properties.as_ref().unwrap_or(&empty);
    props.validate("properties", version, BodyKind::CreateOrUpdate, p);
}

/// Parses and validates a PATCH body for `version`.
pub fn check_backend_update(body: &Value, version: ApiVersion) -> Result<BackendUpdateParameters, ApimError> {
    let mut p = Problems::new();
    let update: Option<BackendUpdateParameters> = parse_body(body, &mut p);
    if let Some(update) = &update {
        update_rules(update, version, &mut p);
    }
    p.finish_parsed(update)
}

/// [`check_backend_update`] for a body given as JSON text (see [`check_backend_contract_text`]).
pub fn check_backend_update_text(text: &str, version: ApiVersion) -> Result<BackendUpdateParameters, ApimError> {
    check_text(text, |update, p| update_rules(update, version, p), |value| check_backend_update(value, version))
}

fn update_rules(update: &BackendUpdateParameters, version: ApiVersion, p: &mut Problems) {
    if let Some(props) = &update.properties {
        props.validate("properties", version, BodyKind::Update, p);
    }
}

/// A body given as text: parsed straight into `T` and checked by `rules` when it is a well-typed
/// object (see [`from_text`]), else parsed into a `Value` and checked the long way, `by_value`.
fn check_text<T: serde::de::DeserializeOwned>(
    text: &str,
    rules: impl FnOnce(&T, &mut Problems),
    by_value: impl FnOnce(&Value) -> Result<T, ApimError>,
) -> Result<T, ApimError> {
    match from_text::<T>(text) {
        Some(parsed) => {
            let mut p = Problems::new();
            rules(&parsed, &mut p);
            p.finish(parsed)
        }
        None => by_value(&value_of_text(text)?),
    }
}

/// A body's text parsed straight into `T`, when it is an object that parses without a single
/// type error; `None` sends the caller the long way (text -> `Value` -> `parse_all`), which
/// owns every type error's message. Why: building the `Value` tree first (a map entry and a
/// `String` per member) and dropping it again was a sixth of a PUT's instructions (issue 11).
/// Both ways give the same `T`: a text with a duplicate member, which a `Value` would reduce to
/// its last, fails here and so goes the long way.
fn from_text<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    if !text.trim_start().starts_with('{') {
        return None;
    }
    serde_json::from_str(text).ok()
}

/// The long way's `Value`; the C ABI has already checked the text's syntax, so an error here
/// means a caller passed text that is not JSON at all.
fn value_of_text(text: &str) -> Result<Value, ApimError> {
    serde_json::from_str(text).map_err(|e| ApimError::invalid_argument("body", format!("body is not valid JSON: {e}")))
}

/// Parses and validates a reconnect body (`properties.after`, an ISO-8601 duration). The spec's
/// "minimum PT2M" is not enforced here: the spec's own example sends PT3S and gets 202.
pub fn check_backend_reconnect(body: &Value) -> Result<BackendReconnectContract, ApimError> {
    // The body is optional for reconnect: no body (null) means "the service's default delay".
    if body.is_null() {
        return Ok(BackendReconnectContract::default());
    }
    let mut p = Problems::new();
    let reconnect: Option<BackendReconnectContract> = parse_body(body, &mut p);
    if let Some(props) = reconnect.as_ref().and_then(|r| r.properties.as_ref()) {
        p.duration("properties.after", &props.after);
    }
    p.finish_parsed(reconnect)
}
