//! Resource addresses (path segments) and their rules:
//!
//! | segment | rule |
//! |---|---|
//! | subscriptionId | a GUID (`format: uuid`, 8-4-4-4-12 hex) |
//! | resourceGroupName | 1..90, `^[-\w\._\(\)]+$`, not `.`/`..`, no trailing period |
//! | serviceName | 1..50, `^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$` |
//! | backendId | 1..80, and no character that would change the URL path (`/ ? # %` or control), not `.`/`..` |
//! | backendId | letters, digits, `_` and `-`, a hyphen not first or last (terraform-provider-azurerm's check, rule G1 in backend.rs's sources) |
//! | workspaceId | 1..80, `^[^*#&+:<>?]+$` (the 2025-03-01-preview workspace parameter), not `.`/`..` |

use super::error::ApimError;
use super::path_segment::{dot_segment_problem, trailing_period_problem};
use super::validate::{rule, Problems};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The APIM service a call is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceAddress {
    pub subscription_id: String,
    pub resource_group_name: String,
    pub service_name: String,
}

fn resource_group_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^[-\w\._\(\)]+$").expect("resource group regex is valid"))
}

fn service_name_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$").expect("service name regex is valid"))
}

/// Whether `rg` matches [`resource_group_pattern`]. An ASCII name is checked byte by byte:
/// within ASCII, Unicode `\w` is exactly `[0-9A-Za-z_]`. Why: compiling the Unicode pattern
/// was most of the ~1 ms the patterns cost `apim_client_new` (issue 11); only a non-ASCII name
/// compiles and runs it.
fn is_resource_group_name(rg: &str) -> bool {
    if !rg.is_ascii() {
        return resource_group_pattern().is_match(rg);
    }
    !rg.is_empty() && rg.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'(' | b')'))
}

/// 8-4-4-4-12 hexadecimal digits; uuid's parser also takes braces, urn: and the 32-digit form,
/// which ARM paths do not use.
pub fn is_guid(s: &str) -> bool {
    s.len() == 36 && uuid::Uuid::try_parse(s).is_ok()
}

impl ServiceAddress {
    /// `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.ApiManagement/service/{name}`
    pub fn path(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.ApiManagement/service/{}",
            self.subscription_id, self.resource_group_name, self.service_name
        )
    }

    /// Every path-segment rule, all problems reported.
    pub fn validate(&self) -> Result<(), ApimError> {
        let mut p = Problems::new();
        self.collect(&mut p);
        p.finish(())
    }

    /// Adds this address's problems to `p` (so a request's address and body report together).
    pub fn collect(&self, p: &mut Problems) {
        if !is_guid(&self.subscription_id) {
            p.push(
                "subscriptionId",
                rule::PATTERN,
                format!(
                    "subscriptionId must be a GUID such as 00000000-0000-0000-0000-000000000000 (it is '{}')",
                    self.subscription_id
                ),
            );
        }
        let rg = &self.resource_group_name;
        p.length("resourceGroupName", rg, 1, 90);
        if !rg.is_empty() && !is_resource_group_name(rg) {
            p.push(
                "resourceGroupName",
                rule::PATTERN,
                format!("resourceGroupName '{rg}' may only hold letters, digits, '-', '_', '.', '(' and ')'"),
            );
        }
        for why in [dot_segment_problem(rg), trailing_period_problem(rg)].into_iter().flatten() {
            p.push("resourceGroupName", rule::PATTERN, format!("resourceGroupName {why}"));
        }
        let name = &self.service_name;
        p.length("serviceName", name, 1, 50);
        if !name.is_empty() && !service_name_pattern().is_match(name) {
            p.push(
                "serviceName",
                rule::PATTERN,
                format!(
                    "serviceName '{name}' must start with a letter, end with a letter or digit and hold only letters, digits and '-'"
                ),
            );
        }
    }
}

/// Validates a backend id (1-80 characters) and reports it under `target`.
pub fn validate_backend_id(backend_id: &str, target: &str) -> Result<(), ApimError> {
    let mut p = Problems::new();
    collect_backend_id(backend_id, target, &mut p);
    p.finish(())
}

/// Adds a backend id's problems to `p`.
pub fn collect_backend_id(backend_id: &str, target: &str, p: &mut Problems) {
    p.length(target, backend_id, 1, 80);
    // The swagger has no pattern, but these characters would address another URL.
    if backend_id.chars().any(|c| matches!(c, '/' | '?' | '#' | '%' | '\\') || c.is_control()) {
        p.push(
            target,
            rule::PATTERN,
            format!("{target} must not contain '/', '?', '#', '%', '\\' or control characters"),
        );
    } else if let Some(why) = dot_segment_problem(backend_id) {
        // `.` and `..` would be normalised away by the URL (another route answers).
        p.push(target, rule::PATTERN, format!("{target} {why}"));
    } else if !backend_id.is_empty() && !is_backend_id_word(backend_id) {
        p.push(
            target,
            rule::PATTERN,
            format!("{target} may hold only letters, digits, '_' and '-', and must not start or end with '-'"),
        );
    }
}

/// Whether `backend_id` matches [`backend_id_pattern`]. An ASCII id (every id in practice) is
/// checked byte by byte: within ASCII, Unicode `\w` is exactly `[0-9A-Za-z_]`. Why: compiling
/// the Unicode pattern costs more than a whole call, and the first call of a process paid it
/// (issue 11); only a non-ASCII id compiles and runs it.
fn is_backend_id_word(backend_id: &str) -> bool {
    if !backend_id.is_ascii() {
        return backend_id_pattern().is_match(backend_id);
    }
    let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    let bytes = backend_id.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => word(first) && word(last) && bytes.iter().all(|b| word(b) || *b == b'-'),
        _ => false,
    }
}

/// terraform-provider-azurerm's backend name check (`validate/api_management.go`): word
/// characters, hyphens only inside.
fn backend_id_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^\w(?:[\w-]*\w)?$").expect("backend id regex is valid"))
}

/// The workspace a backend lives in (2025-03-01-preview `WorkspaceIdParameter`).
pub fn collect_workspace_id(workspace_id: &str, target: &str, p: &mut Problems) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"^[^*#&+:<>?]+$").expect("workspace id regex is valid"));
    p.length(target, workspace_id, 1, 80);
    if !workspace_id.is_empty() && (!re.is_match(workspace_id) || workspace_id.chars().any(|c| matches!(c, '/' | '%' | '\\') || c.is_control())) {
        p.push(
            target,
            rule::PATTERN,
            format!("{target} must not contain '*', '#', '&', '+', ':', '<', '>', '?', '/', '%', '\\' or control characters"),
        );
    }
    if let Some(why) = dot_segment_problem(workspace_id) {
        p.push(target, rule::PATTERN, format!("{target} {why}"));
    }
}
