//! The dry run of a script: the service's backends are mirrored (read only) into a local
//! emulator with every secret replaced by its placeholder, the script runs against the
//! emulator, and the emulator's state is then planned against the service as if it were a
//! directory of files. A secret the script did not touch is still its placeholder in the
//! emulator and stands for the service's own value (unchanged); one the script set is compared
//! (changed or not, never shown). Nothing is written to the service.

use super::backend_service::{is_pool, read_service, secret_slots, BackendSyncRequest};
use super::secrets;
use crate::client::{ApimClient, ClientOptions};
use crate::model::{ApimError, ErrorDetail};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// A client for the dry run's emulator: loopback only (so neither a copy nor a read can reach
/// a real service by mistake), no credential, the service client's api-version.
fn emulator_client(service: &ApimClient, endpoint: &str, target: &str) -> Result<ApimClient, ApimError> {
    let url = url::Url::parse(endpoint).map_err(|e| ApimError::invalid_argument(target, format!("{target} is not a URL: {e}")))?;
    let loopback = match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    if !loopback {
        return Err(ApimError::invalid_argument(target, format!("{target} must be a loopback address (the dry run's local emulator)")));
    }
    let mut options = ClientOptions::default();
    options.arm_endpoint = endpoint.to_string();
    options.graph_endpoint = endpoint.to_string();
    options.api_version = service.api_version().as_str().to_string();
    options.subscription_id = service.options().subscription_id.clone();
    let mut local = ApimClient::new(options)?;
    // The session's subscription too, with its resolved id shared: a name is not looked up again
    // in the local emulator, which knows no subscriptions.
    local.session_subscription = service.session_subscription.clone();
    Ok(local)
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MirrorResult {
    pub backend_ids: Vec<String>,
}

/// Copies the service's backends (reads only) to the emulator at `req.to_endpoint`, at the same
/// address, secrets as placeholders; single backends first so the pools find their members.
pub async fn mirror(service: &ApimClient, req: &BackendSyncRequest) -> Result<MirrorResult, ApimError> {
    let endpoint = req.to_endpoint.as_deref().ok_or_else(|| ApimError::invalid_argument("toEndpoint", "toEndpoint is required: the emulator to copy the backends to"))?;
    let emulator = emulator_client(service, endpoint, "toEndpoint")?;
    let current = read_service(service, req).await?;
    let mut copied = Vec::new();
    for pools in [false, true] {
        for (id, props) in current.iter().filter(|(_, p)| is_pool(p) == pools) {
            let mut masked = props.clone();
            for (pointer, name) in secret_slots(id, props) {
                secrets::mask(&mut masked, &pointer, &name);
            }
            let mut put = req.address(Some(id));
            put.body = Some(json!({"properties": masked}));
            emulator.backend_create_or_update(&put).await?;
            copied.push(id.clone());
        }
    }
    Ok(MirrorResult { backend_ids: copied })
}

/// The desired state of a dry-run plan: the emulator's backends, with every value that is still
/// a placeholder replaced by the service's value at that place.
pub(crate) async fn desired_from_endpoint(
    service: &ApimClient,
    req: &BackendSyncRequest,
    endpoint: &str,
    current: &BTreeMap<String, Value>,
) -> Result<BTreeMap<String, (Value, BTreeSet<String>)>, ApimError> {
    let emulator = emulator_client(service, endpoint, "fromEndpoint")?;
    let wanted = read_service(&emulator, req).await?;
    let mut desired = BTreeMap::new();
    let mut problems = Vec::new();
    for (id, props) in wanted {
        let mut resolved = props.clone();
        let mut at = BTreeSet::new();
        for (pointer, _) in secret_slots(&id, &props) {
            at.insert(pointer.clone());
            let Some(text) = props.pointer(&pointer).and_then(Value::as_str) else { continue };
            if secrets::placeholder_name(text).is_none() {
                continue;
            }
            match current.get(&id).and_then(|c| c.pointer(&pointer)) {
                Some(value) => {
                    if let Some(slot) = resolved.pointer_mut(&pointer) {
                        *slot = value.clone();
                    }
                }
                None => problems.push(ErrorDetail::new(
                    format!("{id}:{}", super::diff::dotted(&pointer)),
                    "UnresolvedSecret",
                    format!("{id}: the script left a placeholder where the service has no secret ({})", super::diff::dotted(&pointer)),
                )),
            }
        }
        desired.insert(id, (resolved, at));
    }
    if problems.is_empty() {
        Ok(desired)
    } else {
        Err(ApimError::validation(problems))
    }
}
