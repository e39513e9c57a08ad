//! The validation rule table: one row per rule of the 2025-03-01-preview backend contract (and the
//! path segments), shared by tests/model/validation.rs (the model alone), and
//! tests/model/rules.rs (the same rows through the client and through the emulator).
//! Each row is a body (or address) that breaks exactly one rule, and the target + rule code the
//! error must carry; a few rows break several on purpose (`also`), to prove that wrong types and
//! rule violations in one body are all reported together.

#![allow(dead_code)]

use apim_native::model::ApiVersion;
use serde_json::{json, Value};

/// Which operation a row exercises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// PUT body (`check_backend_contract`).
    Put,
    /// PATCH body (`check_backend_update`).
    Patch,
    /// POST .../reconnect body (`check_backend_reconnect`).
    Reconnect,
    /// A path segment (`ServiceAddress::validate`, `validate_backend_id`); body is a valid PUT.
    Path,
}

#[derive(Debug, Clone)]
pub struct Address {
    pub subscription_id: String,
    pub resource_group_name: String,
    pub service_name: String,
    /// A workspace of the service (`.../workspaces/{ws}/backends/{id}`), or the service itself.
    pub workspace_id: Option<String>,
    pub backend_id: String,
}

impl Default for Address {
    fn default() -> Self {
        Address {
            subscription_id: "00000000-0000-0000-0000-000000000000".into(),
            resource_group_name: "rg1".into(),
            service_name: "apimService1".into(),
            workspace_id: None,
            backend_id: "backend1".into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Case {
    pub name: &'static str,
    pub op: Op,
    pub version: ApiVersion,
    pub address: Address,
    pub body: Value,
    pub target: &'static str,
    pub code: &'static str,
    /// The rule code the client reports ("" = the row cannot be sent by the client).
    pub client_code: &'static str,
    /// The rule code the emulator answers ("" = the row cannot be put on a URL).
    pub emulator_code: &'static str,
    /// Further (target, code) problems this row must also report, everywhere it is checked.
    pub also: Vec<(&'static str, &'static str)>,
}

impl Case {
    fn new(name: &'static str, op: Op, version: ApiVersion, address: Address, body: Value, target: &'static str, code: &'static str) -> Case {
        Case { name, op, version, address, body, target, code, client_code: code, emulator_code: code, also: Vec::new() }
    }

    /// This row also breaks `target` with `code`.
    fn and(mut self, target: &'static str, code: &'static str) -> Case {
        self.also.push((target, code));
        self
    }

    /// Every (target, code) the row must report in the model: its own, then `also`.
    pub fn expected(&self) -> Vec<(&'static str, &'static str)> {
        let mut all = vec![(self.target, self.code)];
        all.extend(self.also.iter().copied());
        all
    }

    /// The client reports this row with another rule code (or "" when it cannot).
    fn on_client(mut self, code: &'static str) -> Case {
        self.client_code = code;
        self
    }

    /// The emulator answers this row with another rule code (or "" when it cannot be sent).
    fn on_emulator(mut self, code: &'static str) -> Case {
        self.emulator_code = code;
        self
    }
}

const V2021: ApiVersion = ApiVersion::V2021_08_01;
const V2022: ApiVersion = ApiVersion::V2022_08_01;
const V2024: ApiVersion = ApiVersion::V2024_05_01;
const LATEST: ApiVersion = ApiVersion::V2025_03_01Preview;

/// A valid Single backend PUT body.
pub fn valid_put() -> Value {
    json!({"properties": {"url": "https://backend.example.com/api", "protocol": "http"}})
}

/// The ARM id of backend `name` in the table's service.
pub fn member(name: &str) -> String {
    format!("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/{name}")
}

/// A valid Pool backend PUT body.
pub fn valid_pool_put() -> Value {
    json!({"properties": {"type": "Pool", "pool": {"services": [{"id": member("b1")}]}}})
}

/// A complete circuit breaker rule (every rule C1..C12 holds).
pub fn valid_cb_rule() -> Value {
    json!({"name": "r1", "tripDuration": "PT1M",
           "failureCondition": {"count": 5, "interval": "PT1M", "statusCodeRanges": [{"min": 500, "max": 599}]}})
}

/// A complete service fabric cluster (every rule E6 holds).
pub fn valid_service_fabric() -> Value {
    json!({"managementEndpoints": ["https://c"], "clientCertificateId": "c",
           "serverX509Names": [{"name": "CN=sf", "issuerCertificateThumbprint": "AB"}]})
}

/// `base` with `patch` merged in (objects merge recursively, everything else replaces).
pub fn merged(mut base: Value, patch: Value) -> Value {
    merge(&mut base, patch);
    base
}

fn merge(base: &mut Value, patch: Value) {
    match (base, patch) {
        (Value::Object(b), Value::Object(p)) => {
            for (k, v) in p {
                match b.get_mut(&k) {
                    Some(existing) if existing.is_object() && v.is_object() => merge(existing, v),
                    _ => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (b, p) => *b = p,
    }
}

fn s(n: usize) -> String {
    "x".repeat(n)
}

fn strings(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("item{i}")).collect()
}

fn put(name: &'static str, props: Value, target: &'static str, code: &'static str) -> Case {
    put_v(name, LATEST, props, target, code)
}

fn put_v(name: &'static str, version: ApiVersion, props: Value, target: &'static str, code: &'static str) -> Case {
    Case::new(name, Op::Put, version, Address::default(), merged(valid_put(), json!({ "properties": props })), target, code)
}

fn pool(name: &'static str, pool_patch: Value, target: &'static str, code: &'static str) -> Case {
    pool_v(name, LATEST, pool_patch, target, code)
}

fn pool_v(name: &'static str, version: ApiVersion, pool_patch: Value, target: &'static str, code: &'static str) -> Case {
    let body = merged(valid_pool_put(), json!({ "properties": { "pool": pool_patch } }));
    Case::new(name, Op::Put, version, Address::default(), body, target, code)
}

/// A circuit breaker with one rule built from `rule`.
fn cb_rule(name: &'static str, rule: Value, target: &'static str, code: &'static str) -> Case {
    put(name, json!({"circuitBreaker": {"rules": [merged(valid_cb_rule(), rule)]}}), target, code)
}

/// A circuit breaker whose rule has `edit` applied to a complete one (for removing members).
fn cb_rule_edit(name: &'static str, edit: fn(&mut Value), target: &'static str, code: &'static str) -> Case {
    let mut rule = valid_cb_rule();
    edit(&mut rule);
    put(name, json!({"circuitBreaker": {"rules": [rule]}}), target, code)
}

/// A service fabric cluster with `edit` applied to a complete one.
fn sf_edit(name: &'static str, edit: fn(&mut Value), target: &'static str, code: &'static str) -> Case {
    let mut sf = valid_service_fabric();
    edit(&mut sf);
    put(name, json!({"properties": {"serviceFabricCluster": sf}}), target, code)
}

/// A Pool body with `props` added to its properties.
fn pool_with(name: &'static str, props: Value, target: &'static str, code: &'static str) -> Case {
    Case::new(name, Op::Put, LATEST, Address::default(), merged(valid_pool_put(), json!({ "properties": props })), target, code)
}

fn body_case(name: &'static str, op: Op, version: ApiVersion, body: Value, target: &'static str, code: &'static str) -> Case {
    Case::new(name, op, version, Address::default(), body, target, code)
}

fn path(name: &'static str, edit: fn(&mut Address), target: &'static str, code: &'static str) -> Case {
    let mut address = Address::default();
    edit(&mut address);
    Case::new(name, Op::Path, LATEST, address, valid_put(), target, code)
}

/// Bodies that sit at the edge of a rule and must pass (model, client and emulator): one per
/// rule above that could be over-eager. Pool members named here are created by the emulator test.
pub fn passing() -> Vec<(&'static str, ApiVersion, Value)> {
    let single = |props: Value| merged(valid_put(), json!({ "properties": props }));
    vec![
        ("A2 type absent is Single", LATEST, valid_put()),
        ("A7 a Pool with title and description", LATEST, merged(valid_pool_put(), json!({"properties": {"title": "t", "description": "d"}}))),
        ("B1 exactly 30 members", LATEST, json!({"properties": {"type": "Pool", "pool": {"services": (0..30).map(|i| json!({"id": member(&format!("m{i}"))})).collect::<Vec<_>>()}}})),
        ("B3 a workspace backend id", LATEST, json!({"properties": {"type": "Pool", "pool": {"services": [{"id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/workspaces/ws1/backends/wb1"}]}}})),
        ("C1 one rule with percentage 100 and count-free", LATEST, single(json!({"circuitBreaker": {"rules": [{"name": "r-1", "tripDuration": "PT1H",
            "failureCondition": {"percentage": 100, "interval": "PT5M", "errorReasons": ["timeout"]}}]}}))),
        ("C4 an 80-character rule name, C8 count 10000", LATEST, single(json!({"circuitBreaker": {"rules": [merged(valid_cb_rule(), json!({"name": s(80), "failureCondition": {"count": 10000}}))]}}))),
        ("C8 count 1, C10 both ranges and reasons", LATEST, single(json!({"circuitBreaker": {"rules": [merged(valid_cb_rule(), json!({"failureCondition": {"count": 1, "errorReasons": ["Server errors"]}}))]}}))),
        ("D1 both tls flags", LATEST, single(json!({"tls": {"validateCertificateChain": false, "validateCertificateName": false}}))),
        ("D1 a partial tls at 2022-08-01 (the Az recordings)", V2022, single(json!({"tls": {"validateCertificateChain": false}}))),
        ("E1 credentials with only certificateIds", LATEST, single(json!({"credentials": {"certificateIds": ["c1"]}}))),
        ("E6 service fabric with a thumbprint and an empty names array", LATEST, single(json!({"properties": {"serviceFabricCluster": {
            "managementEndpoints": ["https://c"], "clientCertificatethumbprint": "AB", "serverCertificateThumbprints": ["CD"], "serverX509Names": []}}}))),
        ("E6 service fabric as the Az recording sends it", LATEST, single(json!({"properties": {"serviceFabricCluster": valid_service_fabric()}}))),
    ]
}

/// Every rule, one row each.
pub fn cases() -> Vec<Case> {
    let range = "Range";
    vec![
        // BackendContractProperties
        put("title too short", json!({"title": ""}), "properties.title", "MinLength"),
        put("title too long", json!({"title": s(301)}), "properties.title", "MaxLength"),
        put("description too short", json!({"description": ""}), "properties.description", "MinLength"),
        put("description too long", json!({"description": s(2001)}), "properties.description", "MaxLength"),
        put("resourceId too short", json!({"resourceId": ""}), "properties.resourceId", "MinLength"),
        put("resourceId too long", json!({"resourceId": s(2001)}), "properties.resourceId", "MaxLength"),
        put("url too short", json!({"url": ""}), "properties.url", "MinLength"),
        put("url too long", json!({"url": format!("https://{}", s(1993))}), "properties.url", "MaxLength"),
        body_case("url required when type absent", Op::Put, LATEST, json!({"properties": {"protocol": "http"}}), "properties.url", "Required"),
        body_case("url required when type Single", Op::Put, LATEST, json!({"properties": {"type": "Single", "protocol": "http"}}), "properties.url", "Required"),
        body_case("url null is missing", Op::Put, LATEST, json!({"properties": {"url": null, "protocol": "http"}}), "properties.url", "Required"),
        body_case("protocol required", Op::Put, LATEST, json!({"properties": {"url": "https://b/"}}), "properties.protocol", "Required"),
        put("protocol enum", json!({"protocol": "ftp"}), "properties.protocol", "Enum"),
        put("type enum", json!({"type": "Cluster"}), "properties.type", "Enum"),
        body_case("pool required when type Pool", Op::Put, LATEST, json!({"properties": {"type": "Pool"}}), "properties.pool", "Required"),
        // BackendPool
        pool("pool services empty", json!({"services": []}), "properties.pool.services", "MinItems"),
        body_case("pool services missing", Op::Put, LATEST, json!({"properties": {"type": "Pool", "pool": {}}}), "properties.pool.services", "MinItems"),
        pool("pool item id required", json!({"services": [{"weight": 1}]}), "properties.pool.services[0].id", "Required"),
        pool("pool item weight above 100", json!({"services": [{"id": member("b1"), "weight": 101}]}), "properties.pool.services[0].weight", range),
        pool("pool item weight below 0", json!({"services": [{"id": member("b1"), "weight": -1}]}), "properties.pool.services[0].weight", range),
        pool("pool item priority above 100", json!({"services": [{"id": member("b1"), "priority": 101}]}), "properties.pool.services[0].priority", range),
        pool("pool item carbon enum", json!({"services": [{"id": member("b1"), "preferredCarbonEmission": "Zero"}]}), "properties.pool.services[0].preferredCarbonEmission", "Enum"),
        pool("pool failureResponse below 100", json!({"failureResponse": {"statusCode": 99}}), "properties.pool.failureResponse.statusCode", range),
        pool("pool failureResponse above 599", json!({"failureResponse": {"statusCode": 600}}), "properties.pool.failureResponse.statusCode", range),
        pool("session id source enum", json!({"sessionAffinity": {"sessionId": {"source": "header", "name": "s"}}}), "properties.pool.sessionAffinity.sessionId.source", "Enum"),
        // BackendCredentialsContract
        put("certificateIds maxItems 32", json!({"credentials": {"certificateIds": strings(33)}}), "properties.credentials.certificateIds", "MaxItems"),
        put("certificate maxItems 32", json!({"credentials": {"certificate": strings(33)}}), "properties.credentials.certificate", "MaxItems"),
        put("authorization scheme required", json!({"credentials": {"authorization": {"parameter": "p"}}}), "properties.credentials.authorization.scheme", "Required"),
        put("authorization parameter required", json!({"credentials": {"authorization": {"scheme": "Basic"}}}), "properties.credentials.authorization.parameter", "Required"),
        put("authorization scheme too long", json!({"credentials": {"authorization": {"scheme": s(101), "parameter": "p"}}}), "properties.credentials.authorization.scheme", "MaxLength"),
        put("authorization scheme too short", json!({"credentials": {"authorization": {"scheme": "", "parameter": "p"}}}), "properties.credentials.authorization.scheme", "MinLength"),
        put("authorization parameter too long", json!({"credentials": {"authorization": {"scheme": "Basic", "parameter": s(301)}}}), "properties.credentials.authorization.parameter", "MaxLength"),
        put("authorization parameter too short", json!({"credentials": {"authorization": {"scheme": "Basic", "parameter": ""}}}), "properties.credentials.authorization.parameter", "MinLength"),
        put("header values must be string arrays", json!({"credentials": {"header": {"x-a": "v"}}}), "properties.credentials.header.x-a", "InvalidType"),
        // BackendProxyContract
        put("proxy url required", json!({"proxy": {"username": "u", "password": "p"}}), "properties.proxy.url", "Required"),
        put("proxy url too long", json!({"proxy": {"url": s(2001)}}), "properties.proxy.url", "MaxLength"),
        // BackendServiceFabricClusterProperties
        sf_edit("service fabric managementEndpoints required", |sf| { sf.as_object_mut().unwrap().remove("managementEndpoints"); }, "properties.properties.serviceFabricCluster.managementEndpoints", "Required"),
        sf_edit("service fabric retries int32", |sf| sf["maxPartitionResolutionRetries"] = json!("five"), "properties.properties.serviceFabricCluster.maxPartitionResolutionRetries", "InvalidType"),
        // BackendCircuitBreaker
        put("circuit breaker has at most one rule (C1)", json!({"circuitBreaker": {"rules": [valid_cb_rule(), merged(valid_cb_rule(), json!({"name": "r2"}))]}}), "properties.circuitBreaker.rules", "MaxItems"),
        cb_rule("tripDuration is a duration", json!({"tripDuration": "1 hour"}), "properties.circuitBreaker.rules[0].tripDuration", "Duration"),
        cb_rule("interval is a duration", json!({"failureCondition": {"interval": "60"}}), "properties.circuitBreaker.rules[0].failureCondition.interval", "Duration"),
        cb_rule("statusCodeRanges maxItems 10", json!({"failureCondition": {"statusCodeRanges": (0..11).map(|_| json!({"min": 500, "max": 599})).collect::<Vec<_>>()}}), "properties.circuitBreaker.rules[0].failureCondition.statusCodeRanges", "MaxItems"),
        cb_rule("statusCodeRange min below 200", json!({"failureCondition": {"statusCodeRanges": [{"min": 199, "max": 500}]}}), "properties.circuitBreaker.rules[0].failureCondition.statusCodeRanges[0].min", range),
        cb_rule("statusCodeRange max above 599", json!({"failureCondition": {"statusCodeRanges": [{"min": 500, "max": 600}]}}), "properties.circuitBreaker.rules[0].failureCondition.statusCodeRanges[0].max", range),
        cb_rule("statusCodeRange min above max", json!({"failureCondition": {"statusCodeRanges": [{"min": 503, "max": 500}]}}), "properties.circuitBreaker.rules[0].failureCondition.statusCodeRanges[0].min", range),
        cb_rule("errorReasons maxItems 10", json!({"failureCondition": {"errorReasons": strings(11)}}), "properties.circuitBreaker.rules[0].failureCondition.errorReasons", "MaxItems"),
        cb_rule("errorReason maxLength 200", json!({"failureCondition": {"errorReasons": ["timeout", s(201)]}}), "properties.circuitBreaker.rules[0].failureCondition.errorReasons[1]", "MaxLength"),
        cb_rule("rule failureResponse range", json!({"failureResponse": {"statusCode": 600}}), "properties.circuitBreaker.rules[0].failureResponse.statusCode", range),
        cb_rule("failure count is an integer", json!({"failureCondition": {"count": 1.5}}), "properties.circuitBreaker.rules[0].failureCondition.count", "InvalidType"),
        // Wrong JSON types
        put("title must be a string", json!({"title": 42}), "properties.title", "InvalidType"),
        pool("weight must be an integer", json!({"services": [{"id": member("b1"), "weight": "heavy"}]}), "properties.pool.services[0].weight", "InvalidType"),
        put("tls flag must be a boolean", json!({"tls": {"validateCertificateChain": "yes", "validateCertificateName": true}}), "properties.tls.validateCertificateChain", "InvalidType"),
        body_case("body must be an object", Op::Put, LATEST, json!([1, 2]), "body", "InvalidType")
            // The emulator's HTTP layer rejects a non-object body before the model sees it.
            .on_emulator("Type"),
        body_case("properties must be an object", Op::Put, LATEST, json!({"properties": "x"}), "properties", "InvalidType"),
        // Several problems in one body: every wrong type is reported, and the rules still run.
        put("two wrong types and a rule", json!({"title": 42, "tls": {"validateCertificateChain": "yes", "validateCertificateName": true}, "protocol": "ftp"}), "properties.title", "InvalidType")
            .and("properties.tls.validateCertificateChain", "InvalidType")
            .and("properties.protocol", "Enum"),
        body_case("patch: two wrong types and a rule", Op::Patch, LATEST,
            json!({"properties": {"description": ["d"], "credentials": {"certificateIds": [7]}, "title": s(301)}}),
            "properties.description", "InvalidType")
            .and("properties.credentials.certificateIds[0]", "InvalidType")
            .and("properties.title", "MaxLength"),
        pool("wrong types in two pool items keep their indices", json!({"services": [
                {"id": member("b1"), "weight": "heavy"}, {"id": member("b2"), "priority": true}, {"weight": 1}]}),
            "properties.pool.services[0].weight", "InvalidType")
            .and("properties.pool.services[1].priority", "InvalidType")
            .and("properties.pool.services[2].id", "Required"),
        // A wrong-typed item is reported once: no rule fires on the stand-in the parser used.
        pool("pool item must be an object", json!({"services": ["b1"]}), "properties.pool.services[0]", "InvalidType"),
        // Null items and map values are rejected (the spec's items are not nullable), each at its path.
        put("null certificateIds item", json!({"credentials": {"certificateIds": [null]}}), "properties.credentials.certificateIds[0]", "InvalidType"),
        put("null query value", json!({"credentials": {"query": {"a": null}}}), "properties.credentials.query.a", "InvalidType"),
        put("null header item", json!({"credentials": {"header": {"x": ["v", null, null]}}}), "properties.credentials.header.x[1]", "InvalidType")
            .and("properties.credentials.header.x[2]", "InvalidType"),
        // Api-version gating: fields the chosen version does not have
        put_v("circuitBreaker needs 2024-05-01", V2022, json!({"circuitBreaker": {"rules": [valid_cb_rule()]}}), "properties.circuitBreaker", "NotInApiVersion"),
        pool_v("pool needs 2024-05-01", V2022, json!({}), "properties.pool", "NotInApiVersion"),
        put_v("type needs 2024-05-01", V2021, json!({"type": "Single"}), "properties.type", "NotInApiVersion"),
        put_v("azureRegion needs 2025-03-01-preview", V2024, json!({"azureRegion": "northeurope"}), "properties.azureRegion", "NotInApiVersion"),
        put_v("rule failureResponse needs 2025-03-01-preview", V2024, json!({"circuitBreaker": {"rules": [merged(valid_cb_rule(), json!({"failureResponse": {"statusCode": 503}}))]}}), "properties.circuitBreaker.rules[0].failureResponse", "NotInApiVersion"),
        pool_v("pool failureResponse needs 2025-03-01-preview", V2024, json!({"failureResponse": {"statusCode": 503}}), "properties.pool.failureResponse", "NotInApiVersion"),
        pool_v("sessionAffinity needs 2025-03-01-preview", V2024, json!({"sessionAffinity": {"sessionId": {"source": "cookie", "name": "s"}}}), "properties.pool.sessionAffinity", "NotInApiVersion"),
        pool_v("preferredCarbonEmission needs 2025-03-01-preview", V2024, json!({"services": [{"id": member("b1"), "preferredCarbonEmission": "Low"}]}), "properties.pool.services[0].preferredCarbonEmission", "NotInApiVersion"),
        put_v("tls thumbprints need 2025-03-01-preview", V2024, json!({"tls": {"serverCertificateThumbprints": ["ab"], "validateCertificateChain": true, "validateCertificateName": true}}), "properties.tls.serverCertificateThumbprints", "NotInApiVersion"),
        put_v("tls X509 names need 2025-03-01-preview", V2024, json!({"tls": {"serverX509Names": [{"name": "*.contoso.com"}], "validateCertificateChain": true, "validateCertificateName": true}}), "properties.tls.serverX509Names", "NotInApiVersion"),
        // PATCH
        body_case("patch title too long", Op::Patch, LATEST, json!({"properties": {"title": s(301)}}), "properties.title", "MaxLength"),
        body_case("patch protocol enum", Op::Patch, LATEST, json!({"properties": {"protocol": "grpc"}}), "properties.protocol", "Enum"),
        body_case("patch azureRegion needs 2025-03-01-preview", Op::Patch, V2022, json!({"properties": {"azureRegion": "westeurope"}}), "properties.azureRegion", "NotInApiVersion"),
        body_case("patch authorization parameter required", Op::Patch, LATEST, json!({"properties": {"credentials": {"authorization": {"scheme": "Basic"}}}}), "properties.credentials.authorization.parameter", "Required"),
        // Reconnect
        body_case("reconnect after is a duration", Op::Reconnect, LATEST, json!({"properties": {"after": "2 minutes"}}), "properties.after", "Duration"),
        body_case("reconnect after is a string", Op::Reconnect, LATEST, json!({"properties": {"after": 120}}), "properties.after", "InvalidType"),
        // Azure's own rules beyond the schema (backend-semantic-rules.md; sources in src/model/*.rs)
        // A1: the service's words for a Single backend without url/protocol are in the Required rows above.
        pool_with("A3 url on a Pool", json!({"url": "https://b/"}), "properties.url", "NotSupported"),
        pool_with("A4 protocol on a Pool", json!({"protocol": "http"}), "properties.protocol", "NotSupported"),
        pool_with("A5 circuitBreaker on a Pool", json!({"circuitBreaker": {"rules": [valid_cb_rule()]}}), "properties.circuitBreaker", "NotSupported"),
        pool_with("A6 credentials on a Pool", json!({"credentials": {"query": {"a": ["b"]}}}), "properties.credentials", "NotSupported"),
        pool_with("A6 proxy on a Pool", json!({"proxy": {"url": "http://p"}}), "properties.proxy", "NotSupported"),
        pool_with("A6 tls on a Pool", json!({"tls": {"validateCertificateChain": true, "validateCertificateName": true}}), "properties.tls", "NotSupported"),
        pool_with("A6 resourceId on a Pool", json!({"resourceId": "https://management.azure.com/x"}), "properties.resourceId", "NotSupported"),
        pool_with("A6 serviceFabricCluster on a Pool", json!({"properties": {"serviceFabricCluster": valid_service_fabric()}}), "properties.properties.serviceFabricCluster", "NotSupported"),
        pool_with("A3-A5 all reported together", json!({"url": "https://b/", "protocol": "http", "circuitBreaker": {"rules": [valid_cb_rule()]}}), "properties.url", "NotSupported")
            .and("properties.protocol", "NotSupported")
            .and("properties.circuitBreaker", "NotSupported"),
        put("A8 pool on a backend without type (Single)", json!({"pool": {"services": [{"id": member("b1")}]}}), "properties.pool", "NotSupported"),
        put("A8 pool on a Single backend", json!({"type": "Single", "pool": {"services": [{"id": member("b1")}]}}), "properties.pool", "NotSupported"),
        body_case("A3 patch that makes a Pool with url", Op::Patch, LATEST, json!({"properties": {"type": "Pool", "url": "https://b/"}}), "properties.url", "NotSupported"),
        pool("B1 at most 30 pool members", json!({"services": (0..31).map(|i| json!({"id": member(&format!("b{i}"))})).collect::<Vec<_>>()}), "properties.pool.services", "MaxItems"),
        pool("B3 member id is a backend ARM id", json!({"services": [{"id": "backend-1"}]}), "properties.pool.services[0].id", "Pattern"),
        pool("B3 member id of another resource type", json!({"services": [{"id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/apis/echo"}]}), "properties.pool.services[0].id", "Pattern"),
        cb_rule_edit("C4 rule name required", |r| { r.as_object_mut().unwrap().remove("name"); }, "properties.circuitBreaker.rules[0].name", "Required"),
        cb_rule("C4 rule name at most 80", json!({"name": s(81)}), "properties.circuitBreaker.rules[0].name", "MaxLength"),
        cb_rule("C4 rule name pattern", json!({"name": "my rule"}), "properties.circuitBreaker.rules[0].name", "Pattern"),
        cb_rule("C4 rule name no trailing hyphen", json!({"name": "rule-"}), "properties.circuitBreaker.rules[0].name", "Pattern"),
        cb_rule_edit("C5 tripDuration required", |r| { r.as_object_mut().unwrap().remove("tripDuration"); }, "properties.circuitBreaker.rules[0].tripDuration", "Required"),
        cb_rule_edit("C6 failureCondition required", |r| { r.as_object_mut().unwrap().remove("failureCondition"); }, "properties.circuitBreaker.rules[0].failureCondition", "Required"),
        cb_rule_edit("C6 interval required", |r| { r["failureCondition"].as_object_mut().unwrap().remove("interval"); }, "properties.circuitBreaker.rules[0].failureCondition.interval", "Required"),
        cb_rule("C7 count and percentage together", json!({"failureCondition": {"percentage": 50}}), "properties.circuitBreaker.rules[0].failureCondition.count", "ExactlyOne"),
        cb_rule_edit("C7 neither count nor percentage", |r| { r["failureCondition"].as_object_mut().unwrap().remove("count"); }, "properties.circuitBreaker.rules[0].failureCondition.count", "ExactlyOne"),
        cb_rule("C8 count at least 1", json!({"failureCondition": {"count": 0}}), "properties.circuitBreaker.rules[0].failureCondition.count", range),
        cb_rule("C8 count at most 10000", json!({"failureCondition": {"count": 10001}}), "properties.circuitBreaker.rules[0].failureCondition.count", range),
        cb_rule_edit("C9 percentage at most 100", |r| { let fc = r["failureCondition"].as_object_mut().unwrap(); fc.remove("count"); fc.insert("percentage".into(), json!(150)); }, "properties.circuitBreaker.rules[0].failureCondition.percentage", range),
        cb_rule_edit("C9 percentage at least 1", |r| { let fc = r["failureCondition"].as_object_mut().unwrap(); fc.remove("count"); fc.insert("percentage".into(), json!(0)); }, "properties.circuitBreaker.rules[0].failureCondition.percentage", range),
        cb_rule_edit("C10 statusCodeRanges or errorReasons", |r| { r["failureCondition"].as_object_mut().unwrap().remove("statusCodeRanges"); }, "properties.circuitBreaker.rules[0].failureCondition.statusCodeRanges", "AtLeastOne"),
        cb_rule("C11 range min required", json!({"failureCondition": {"statusCodeRanges": [{"max": 599}]}}), "properties.circuitBreaker.rules[0].failureCondition.statusCodeRanges[0].min", "Required"),
        cb_rule("C11 range max required", json!({"failureCondition": {"statusCodeRanges": [{"min": 500}]}}), "properties.circuitBreaker.rules[0].failureCondition.statusCodeRanges[0].max", "Required"),
        cb_rule("C12 errorReason not empty", json!({"failureCondition": {"errorReasons": [""]}}), "properties.circuitBreaker.rules[0].failureCondition.errorReasons[0]", "MinLength"),
        put("D1 tls needs validateCertificateName", json!({"tls": {"validateCertificateChain": false}}), "properties.tls.validateCertificateName", "Required"),
        put("D1 tls needs validateCertificateChain", json!({"tls": {"validateCertificateName": true}}), "properties.tls.validateCertificateChain", "Required"),
        body_case("D1 patch tls needs both flags", Op::Patch, LATEST, json!({"properties": {"tls": {"validateCertificateChain": false}}}), "properties.tls.validateCertificateName", "Required"),
        put("E1 credentials not empty", json!({"credentials": {}}), "properties.credentials", "AtLeastOne"),
        sf_edit("E6 managementEndpoints not empty", |sf| sf["managementEndpoints"] = json!([]), "properties.properties.serviceFabricCluster.managementEndpoints", "MinItems"),
        sf_edit("E6 management endpoint not blank", |sf| sf["managementEndpoints"] = json!([""]), "properties.properties.serviceFabricCluster.managementEndpoints[0]", "MinLength"),
        sf_edit("E6 client certificate id or thumbprint", |sf| { sf.as_object_mut().unwrap().remove("clientCertificateId"); }, "properties.properties.serviceFabricCluster.clientCertificateId", "AtLeastOne"),
        sf_edit("E6 server thumbprints and names conflict", |sf| sf["serverCertificateThumbprints"] = json!(["AB"]), "properties.properties.serviceFabricCluster.serverCertificateThumbprints", "ExactlyOne"),
        sf_edit("E6 server thumbprints or names", |sf| { sf.as_object_mut().unwrap().remove("serverX509Names"); }, "properties.properties.serviceFabricCluster.serverCertificateThumbprints", "ExactlyOne"),
        sf_edit("E6 x509 name needs issuer thumbprint", |sf| sf["serverX509Names"] = json!([{"name": "CN=sf"}]), "properties.properties.serviceFabricCluster.serverX509Names[0].issuerCertificateThumbprint", "Required"),
        sf_edit("E6 x509 name needs name", |sf| sf["serverX509Names"] = json!([{"issuerCertificateThumbprint": "AB"}]), "properties.properties.serviceFabricCluster.serverX509Names[0].name", "Required"),
        path("G1 backendId ends with a letter or digit", |a| a.backend_id = "backend-".into(), "backendId", "Pattern"),
        path("G1 backendId word characters", |a| a.backend_id = "back end".into(), "backendId", "Pattern"),
        // Path segments
        path("subscriptionId is a GUID", |a| a.subscription_id = "not-a-guid".into(), "subscriptionId", "Pattern"),
        path("resourceGroupName too long", |a| a.resource_group_name = "r".repeat(91), "resourceGroupName", "MaxLength"),
        path("resourceGroupName pattern", |a| a.resource_group_name = "rg 1".into(), "resourceGroupName", "Pattern"),
        path("serviceName too long", |a| a.service_name = format!("a{}", "b".repeat(50)), "serviceName", "MaxLength"),
        path("serviceName starts with a letter", |a| a.service_name = "1apim".into(), "serviceName", "Pattern"),
        path("serviceName does not end with a hyphen", |a| a.service_name = "apim-".into(), "serviceName", "Pattern"),
        path("backendId too long", |a| a.backend_id = "b".repeat(81), "backendId", "MaxLength"),
        path("backendId too short", |a| a.backend_id = String::new(), "backendId", "MinLength")
            // The client says the id is missing; a URL cannot carry an empty segment.
            .on_client("InvalidArgument")
            .on_emulator(""),
        path("backendId has no slash", |a| a.backend_id = "a/b".into(), "backendId", "Pattern"),
        // G2: the workspace parameter of apimworkspacebackends.json
        path("workspaceId pattern", |a| a.workspace_id = Some("ws*1".into()), "workspaceId", "Pattern"),
        path("workspaceId no colon", |a| a.workspace_id = Some("a:b".into()), "workspaceId", "Pattern"),
        path("workspaceId too long", |a| a.workspace_id = Some("w".repeat(81)), "workspaceId", "MaxLength"),
    ]
}
