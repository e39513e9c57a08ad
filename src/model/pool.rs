//! BackendPool, BackendPoolItem, BackendSessionAffinity, BackendSessionId.
//!
//! | field | rule | source (see backend.rs) |
//! |---|---|---|
//! | pool | from api-version 2024-05-01 (checked by the owner, backend.rs) | SPEC |
//! | services | 1..30 items ("You can include up to 30 backends in a pool.") | SPEC min, MS-DOC max (B1) |
//! | services[].id | required; the ARM id of a backend, service or workspace level (`format: arm-id`) | SPEC (B3) |
//! | services[].id | names an existing backend that is not a pool | SPEC text, OBS, MS-DOC (B2, B4): needs state, so the emulator checks it |
//! | services[].weight, services[].priority | 0..100 | SPEC (B5) |
//! | services[].preferredCarbonEmission | VeryLow, Low, Medium, High, VeryHigh; from 2025-03-01-preview | SPEC, MS-DOC (F2) |
//! | services[].preferredCarbonEmission | the member has azureRegion | SPEC text, MS-DOC (F1): the emulator checks it |
//! | failureResponse | from 2025-03-01-preview; statusCode 100..599 | SPEC (B7) |
//! | sessionAffinity | from 2025-03-01-preview; sessionId.source is `cookie` | SPEC (F5) |

use super::api_version::ApiVersion;
use super::circuit_breaker::BackendFailureResponse;
use super::error::ApimError;
use super::validate::{field, item, join, parse_all, rule, Problems};
use regex::Regex;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::sync::OnceLock;

/// "You can include up to 30 backends in a pool." (Learn, backends.md since 2024-05).
pub const MAX_POOL_SERVICES: usize = 30;

/// The parts of a pool member's ARM id that the emulator needs to find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackendIdParts {
    pub subscription_id: String,
    pub resource_group_name: String,
    pub service_name: String,
    pub workspace_id: Option<String>,
    pub backend_id: String,
}

/// `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.ApiManagement/service/{svc}[/workspaces/{ws}]/backends/{id}`,
/// compared case-insensitively as ARM does; `None` for anything else.
pub fn parse_backend_arm_id(id: &str) -> Option<BackendIdParts> {
    split_backend_arm_id(id).or_else(|| match_backend_arm_id(id))
}

/// The id's segments, the fixed ones compared ASCII-case-insensitively. Why before the regex:
/// a list maps every backend's id, and the regex was 7% of the mapping of a 1,000-backend list
/// (issue 17). What this accepts the regex accepts with the same parts (the segments cannot hold
/// a '/'); what it refuses goes to the regex, whose Unicode case folding also takes spellings
/// such as U+017F for 's', so the answer is the regex's either way.
fn split_backend_arm_id(id: &str) -> Option<BackendIdParts> {
    let mut segments = id.strip_prefix('/')?.split('/');
    let mut next = || segments.next().filter(|segment| !segment.is_empty());
    let fixed = |segment: Option<&str>, name: &str| segment.filter(|s| s.eq_ignore_ascii_case(name)).map(|_| ());
    fixed(next(), "subscriptions")?;
    let subscription_id = next()?;
    fixed(next(), "resourceGroups")?;
    let resource_group_name = next()?;
    fixed(next(), "providers")?;
    fixed(next(), "Microsoft.ApiManagement")?;
    fixed(next(), "service")?;
    let service_name = next()?;
    let mut kind = next()?;
    let mut workspace_id = None;
    if kind.eq_ignore_ascii_case("workspaces") {
        workspace_id = Some(next()?);
        kind = next()?;
    }
    fixed(Some(kind), "backends")?;
    let backend_id = next()?;
    if segments.next().is_some() {
        return None;
    }
    Some(BackendIdParts {
        subscription_id: subscription_id.to_string(),
        resource_group_name: resource_group_name.to_string(),
        service_name: service_name.to_string(),
        workspace_id: workspace_id.map(str::to_string),
        backend_id: backend_id.to_string(),
    })
}

fn match_backend_arm_id(id: &str) -> Option<BackendIdParts> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?i)^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\.ApiManagement/service/([^/]+)(?:/workspaces/([^/]+))?/backends/([^/]+)$",
        )
        .expect("backend id regex is valid")
    });
    let c = re.captures(id)?;
    Some(BackendIdParts {
        subscription_id: c[1].to_string(),
        resource_group_name: c[2].to_string(),
        service_name: c[3].to_string(),
        workspace_id: c.get(4).map(|m| m.as_str().to_string()),
        backend_id: c[5].to_string(),
    })
}

pub const CARBON_EMISSION_CATEGORIES: [&str; 5] = ["VeryLow", "Low", "Medium", "High", "VeryHigh"];
pub const SESSION_ID_SOURCES: [&str; 1] = ["cookie"];

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendPool {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<BackendPoolItem>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_response: Option<BackendFailureResponse>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_affinity: Option<BackendSessionAffinity>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One member of a pool. weight/priority are i64 so an out-of-range number is a Range problem.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendPoolItem {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_carbon_emission: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendSessionAffinity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<BackendSessionId>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendSessionId {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl BackendPool {
    pub fn validate(&self, path: &str, version: ApiVersion, p: &mut Problems) {
        let services_path = join(path, "services");
        let services = self.services.as_deref().unwrap_or_default();
        p.min_items(&services_path, services.len(), 1);
        p.max_items(&services_path, services.len(), MAX_POOL_SERVICES);
        for (i, s) in services.iter().enumerate() {
            s.validate(&item(&services_path, i), version, p);
        }
        let newest = ApiVersion::V2025_03_01Preview;
        let fr_path = join(path, "failureResponse");
        p.since(&fr_path, self.failure_response.is_some(), version, newest);
        if let Some(fr) = &self.failure_response {
            fr.validate(&fr_path, p);
        }
        let sa_path = join(path, "sessionAffinity");
        p.since(&sa_path, self.session_affinity.is_some(), version, newest);
        if let Some(sa) = &self.session_affinity {
            sa.validate(&sa_path, p);
        }
    }
}

impl BackendPoolItem {
    pub fn validate(&self, path: &str, version: ApiVersion, p: &mut Problems) {
        let id = field(path, "id");
        if p.required(id, &self.id) {
            p.opt_length(id, &self.id, 1, usize::MAX);
            if self.id.as_deref().is_some_and(|v| !v.is_empty() && parse_backend_arm_id(v).is_none()) {
                let id = join(path, "id");
                p.push(
                    &id,
                    rule::PATTERN,
                    format!("{id} must be the ARM id of a backend: /subscriptions/{{subscriptionId}}/resourceGroups/{{resourceGroupName}}/providers/Microsoft.ApiManagement/service/{{serviceName}}/backends/{{backendId}}"),
                );
            }
        }
        p.opt_range(field(path, "weight"), self.weight, 0, 100);
        p.opt_range(field(path, "priority"), self.priority, 0, 100);
        let carbon = field(path, "preferredCarbonEmission");
        p.since(carbon, self.preferred_carbon_emission.is_some(), version, ApiVersion::V2025_03_01Preview);
        p.one_of(carbon, &self.preferred_carbon_emission, &CARBON_EMISSION_CATEGORIES);
    }
}

impl BackendSessionAffinity {
    pub fn validate(&self, path: &str, p: &mut Problems) {
        if let Some(sid) = &self.session_id {
            p.one_of(&join(&join(path, "sessionId"), "source"), &sid.source, &SESSION_ID_SOURCES);
        }
    }
}

/// Builder check (`apim_backend_pool_item_new`); targets are relative to the item.
pub fn check_pool_item(value: &Value) -> Result<BackendPoolItem, ApimError> {
    let mut p = Problems::new();
    let parsed: Option<BackendPoolItem> = parse_all(value, "", &mut p);
    if let Some(parsed) = &parsed {
        parsed.validate("", ApiVersion::DEFAULT, &mut p);
    }
    p.finish_parsed(parsed)
}

/// Builder check (`apim_backend_pool_new`); targets are relative to the pool (`services[0].id`).
pub fn check_pool(value: &Value) -> Result<BackendPool, ApimError> {
    let mut p = Problems::new();
    let parsed: Option<BackendPool> = parse_all(value, "", &mut p);
    if let Some(parsed) = &parsed {
        parsed.validate("", ApiVersion::DEFAULT, &mut p);
    }
    p.finish_parsed(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backend_id_is_split_as_the_regex_splits_it() {
        let service = "/subscriptions/sub-1/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apim1";
        let ids = [
            format!("{service}/backends/b1"),
            format!("{service}/workspaces/ws1/backends/b1"),
            format!("{service}/BACKENDS/b1").to_lowercase(),
            format!("{service}/backends/b1/"),
            format!("{service}/backends/b1//x"),
            format!("{service}/backends/"),
            format!("{service}/backends/b1/extra"),
            format!("{service}/workspaces/backends/b1"),
            format!("{service}/workspaces//backends/b1"),
            format!("{service}/apis/a1"),
            format!("{service}/backends/b\n1"),
            "/subscriptions/sub-1/resourceGroups//providers/Microsoft.ApiManagement/service/apim1/backends/b1".to_string(),
            "subscriptions/sub-1/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apim1/backends/b1".to_string(),
            // Unicode case folding: U+017F (long s) is an 's' to the regex, not to an ASCII comparison.
            "/\u{17f}ubscriptions/sub-1/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apim1/backends/b1".to_string(),
            String::new(),
        ];
        for id in &ids {
            assert_eq!(parse_backend_arm_id(id), match_backend_arm_id(id), "{id}");
        }
        let parts = parse_backend_arm_id(&ids[1]).unwrap();
        assert_eq!((parts.service_name.as_str(), parts.workspace_id.as_deref(), parts.backend_id.as_str()), ("apim1", Some("ws1"), "b1"));
        assert!(split_backend_arm_id(&ids[0]).is_some() && split_backend_arm_id(&ids[13]).is_none());
        assert!(parse_backend_arm_id(&ids[13]).is_some(), "the regex still takes what the ASCII comparison refuses");
    }
}
