//! The pool rules that need the service's state, so only the emulator can check them (the
//! model checks the shape of every member id; see src/model/pool.rs):
//!
//! | rule | answer | source |
//! |---|---|---|
//! | every member names an existing backend | 400, target `pool`: "Backend Entity '<name>' not found." | SPEC text ("should refer to an already existing backend entity"), OBS (Azure/apiops #797) |
//! | no pool inside a pool | 400, target `pool` | MS-DOC ("You can't add a backend of type `pool` to another backend pool.") |
//! | a member with preferredCarbonEmission points to a backend with azureRegion | 400, target the member's preferredCarbonEmission | SPEC text ("This requires the backend to be attributed with 'azureRegion' information."), MS-DOC |
//!
//! The carbon rule is an error, not a warning: both Microsoft sources say the preference
//! *requires* the region, ARM has no channel for a warning on a 200/201 (a header nobody reads
//! would leave the dry run green), and a pool whose carbon preference can never apply is a
//! mistake the user wants to hear about before deploying. No service error text was found, so
//! the message is ours.
//!
//! A member id names its backend by the last segment, which is what the service's message
//! quotes. A member of another service, or of a workspace that has no such backend, is "not
//! found" like any other.

use super::arm_backends::{scope_key, ArmState, EntityPath};
use crate::model::pool::parse_backend_arm_id;
use crate::model::validate::{item, rule};
use crate::model::ErrorDetail;
use serde_json::Value;

/// Every problem with the members of `properties` (a stored-form backend's properties) when it
/// is a pool being written at `at`; empty for a Single backend.
pub fn check_pool_members(state: &ArmState, at: &EntityPath, properties: &Value) -> Vec<ErrorDetail> {
    let is_pool = properties["type"].as_str().is_some_and(|t| t.eq_ignore_ascii_case("Pool"));
    let Some(services) = properties.pointer("/pool/services").and_then(Value::as_array).filter(|_| is_pool) else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    for (i, service) in services.iter().enumerate() {
        let Some(id) = service["id"].as_str() else { continue };
        let Some(parts) = parse_backend_arm_id(id) else { continue };
        let same_service = parts.subscription_id.eq_ignore_ascii_case(&at.sub)
            && parts.resource_group_name.eq_ignore_ascii_case(&at.rg)
            && parts.service_name.eq_ignore_ascii_case(&at.svc);
        let workspace = parts.workspace_id.as_deref();
        let key = format!("{}{}", scope_key(&at.sub, &at.rg, &at.svc, workspace), parts.backend_id);
        let member = if same_service { state.collection(workspace).get(&key) } else { None };
        let name = &parts.backend_id;
        let Some(member) = member else {
            problems.push(ErrorDetail::new("pool", rule::NOT_FOUND, format!("Backend Entity '{name}' not found.")));
            continue;
        };
        let member_props = &member.value["properties"];
        if member_props["type"].as_str().is_some_and(|t| t.eq_ignore_ascii_case("Pool")) {
            problems.push(ErrorDetail::new(
                "pool",
                rule::NESTED_POOL,
                format!("Backend Entity '{name}' is a pool; you can only include single backends in a backend pool."),
            ));
            continue;
        }
        let wants_carbon = service.get("preferredCarbonEmission").is_some_and(|v| !v.is_null());
        let has_region = member_props.get("azureRegion").is_some_and(|v| !v.is_null());
        if wants_carbon && !has_region {
            let target = format!("{}.preferredCarbonEmission", item("properties.pool.services", i));
            problems.push(ErrorDetail::new(
                &target,
                rule::REQUIRES_AZURE_REGION,
                format!("{target}: backend '{name}' has no azureRegion; preferredCarbonEmission requires the backend to be attributed with 'azureRegion' information."),
            ));
        }
    }
    problems
}
