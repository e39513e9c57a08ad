//! What New-, Get-, Set-, Remove-AzApiManagementBackend and Invoke-AzApiManagementBackendReconnect
//! do, each as one library operation over the client: the compound ones (Set's read-merge-write,
//! the list's pages) run here, so the module only picks the client and asks ShouldProcess.
//!
//! Each changing cmdlet also has a `*_should_process` that answers, without any request, what
//! ShouldProcess shows (`Target`, `Action`) and the backend id the change will use (New's
//! generated one), after the checks that need no service (a blank id, a too short -After).

use super::backend::{self, properties_from_parameters, PARAMETER_NAMES};
use super::backend_address::ServiceScope;
use super::backend_credential::SecureValues;
use super::backend_list::BackendList;
use super::{duration, CmdletOutput, Parameters};
use crate::client::backend::BackendRequest;
use crate::client::{ApimClient, OperationResult};
use crate::model::ApimError;
use serde_json::{json, Map, Value};

/// The service's shortest reconnect delay, two minutes in .NET ticks (100 ns).
const MIN_RECONNECT_TICKS: i64 = 120 * 10_000_000;

/// `New-AzApiManagementBackend -WhatIf`: the PUT's target, and the id it will create (a generated
/// one when -BackendId is absent).
pub fn create_or_update_should_process(client: &ApimClient, p: &Parameters) -> Result<CmdletOutput, ApimError> {
    let id = new_backend_id(p)?;
    let scope = ServiceScope::from_parameter(p)?;
    Ok(plan(scope.should_process_target(client, &id, "PUT", ""), "Create a Backend Entity", &id))
}

/// `New-AzApiManagementBackend`: one PUT without If-Match (as Az: an existing backend with the same
/// id is replaced); answers the new backend with its ETag.
pub async fn create_or_update(client: &ApimClient, p: &Parameters) -> Result<CmdletOutput, ApimError> {
    let id = new_backend_id(p)?;
    let scope = ServiceScope::from_parameter(p)?;
    let body = properties_from_parameters(p, None, None).map_err(|e| PARAMETER_NAMES.show(e))?;
    let secure = body.secure.clone();
    let mut request = scope.request(Some(&id));
    request.body = Some(body.into_wire());
    let result = client.backend_create_or_update(&request).await.map_err(|e| PARAMETER_NAMES.show(e))?;
    let mut output = CmdletOutput::default();
    output.push_backend(result, &scope, &secure)?;
    Ok(output)
}

/// `Get-AzApiManagementBackend`: one backend (with its ETag), or the list, every page followed here
/// (`-Filter`, `-Top`, `-Skip` go to the service; with -Top paging stops once that many are read).
/// Each page's exchange is in the answer, for -Verbose. A list's backends share their Context,
/// written once (`CmdletOutput::with_shared_member`).
pub async fn get(client: &ApimClient, p: &Parameters) -> Result<CmdletOutput, ApimError> {
    let id = given_id(p, "list every backend")?;
    let scope = ServiceScope::from_parameter(p)?;
    if let Some(id) = id {
        let mut output = CmdletOutput::default();
        let result = client.backend_get(&scope.request(Some(&id))).await?;
        output.push_backend(result, &scope, &SecureValues::none())?;
        return Ok(output);
    }
    let top = p.i64("Top")?;
    let mut request = BackendRequest {
        filter: p.string("Filter")?,
        top,
        skip: p.i64("Skip")?,
        one_page: true,
        ..scope.request(None)
    };
    let mut list = BackendList::new(&scope, top);
    loop {
        let page = client.backend_list(&request).await?;
        list.add_page(&page.value, page.exchanges)?;
        match page.next_link.filter(|link| !link.is_empty()) {
            Some(link) if !list.is_full() => request = BackendRequest { next_link: Some(link), one_page: true, ..scope.request(None) },
            _ => return Ok(list.finish()),
        }
    }
}

/// `Set-AzApiManagementBackend -WhatIf`: the PATCH's target; nothing is read.
pub fn update_should_process(client: &ApimClient, p: &Parameters) -> Result<CmdletOutput, ApimError> {
    let target = UpdateTarget::of(p)?;
    Ok(plan(target.scope.should_process_target(client, &target.id, "PATCH", ""), "Set Backend", &target.id))
}

/// `Set-AzApiManagementBackend`: the PATCH of the given fields over a piped object's values, with
/// If-Match from -IfMatch, else the piped object's ETag, else `*` (as Az). Given only one Skip flag
/// (and no -Tls, no piped object), the backend's TLS is read first so the other flag is kept,
/// and the PATCH is conditional on that read. With -PassThru the answer is the updated backend,
/// read once more when the service answered 204 without a body (older api-versions).
pub async fn update(client: &ApimClient, p: &Parameters) -> Result<CmdletOutput, ApimError> {
    let target = UpdateTarget::of(p)?;
    let mut output = CmdletOutput::default();
    let mut if_match = target.if_match.clone();
    let one_flag = p.contains("SkipCertificateChainValidation") != p.contains("SkipCertificateNameValidation");
    let mut current_tls = None;
    if target.base.is_none() && one_flag && !p.contains("Tls") {
        let read = client.backend_get(&target.scope.request(Some(&target.id))).await?;
        output.exchanges.extend(read.exchanges.iter().cloned());
        let wire = backend::read_wire(read.body.as_ref().unwrap_or(&Value::Null))?;
        current_tls = wire.properties.and_then(|properties| properties.tls);
        if !p.contains("IfMatch") {
            if_match = read.etag.clone().unwrap_or_else(|| "*".to_string());
        }
    }
    let body = properties_from_parameters(p, target.base.as_ref(), current_tls).map_err(|e| PARAMETER_NAMES.show(e))?;
    let secure = body.secure.clone();
    let mut request = target.scope.request(Some(&target.id));
    request.if_match = Some(if_match);
    request.body = Some(body.into_wire());
    let result = client.backend_update(&request).await.map_err(|e| PARAMETER_NAMES.show(e))?;
    if !p.bool("PassThru")?.unwrap_or(false) {
        output.exchanges.extend(result.exchanges);
        return Ok(output);
    }
    if result.body.as_ref().is_some_and(|body| !body.is_null()) {
        output.push_backend(result, &target.scope, &secure)?;
        return Ok(output);
    }
    output.exchanges.extend(result.exchanges);
    let read = client.backend_get(&target.scope.request(Some(&target.id))).await?;
    output.push_backend(read, &target.scope, &secure)?;
    Ok(output)
}

/// `Remove-AzApiManagementBackend -WhatIf`.
pub fn delete_should_process(client: &ApimClient, p: &Parameters) -> Result<CmdletOutput, ApimError> {
    let scope = ServiceScope::from_parameter(p)?;
    let id = p.required_string("BackendId")?;
    Ok(plan(scope.should_process_target(client, &id, "DELETE", ""), "Remove Backend", &id))
}

/// `Remove-AzApiManagementBackend`: DELETE with If-Match -IfMatch (a piped object's ETag binds to
/// it), else `*` as Az; -PassThru answers `$true`.
pub async fn delete(client: &ApimClient, p: &Parameters) -> Result<CmdletOutput, ApimError> {
    let scope = ServiceScope::from_parameter(p)?;
    let id = p.required_string("BackendId")?;
    let mut request = scope.request(Some(&id));
    request.if_match = Some(p.string("IfMatch")?.filter(|tag| !tag.is_empty()).unwrap_or_else(|| "*".to_string()));
    let result = client.backend_delete(&request).await?;
    pass_through(p, result)
}

/// `Invoke-AzApiManagementBackendReconnect -WhatIf`: -After is checked first, as without -WhatIf.
pub fn reconnect_should_process(client: &ApimClient, p: &Parameters) -> Result<CmdletOutput, ApimError> {
    let (scope, id) = scope_and_id(p)?;
    reconnect_after(p)?;
    Ok(plan(scope.should_process_target(client, &id, "POST", "/reconnect"), "Reconnect Backend", &id))
}

/// `Invoke-AzApiManagementBackendReconnect`: POST `.../reconnect`, with `after` when -After is given
/// (at least two minutes, the service's minimum, refused before sending).
pub async fn reconnect(client: &ApimClient, p: &Parameters) -> Result<CmdletOutput, ApimError> {
    let (scope, id) = scope_and_id(p)?;
    let after = reconnect_after(p)?;
    let mut request = scope.request(Some(&id));
    request.body = after.map(|after| json!({ "properties": { "after": after } }));
    let result = client.backend_reconnect(&request).await?;
    pass_through(p, result)
}

/// What Set acts on: the backend, its scope, the If-Match it starts from and the piped object.
struct UpdateTarget {
    scope: ServiceScope,
    id: String,
    if_match: String,
    base: Option<Parameters>,
}

impl UpdateTarget {
    fn of(p: &Parameters) -> Result<Self, ApimError> {
        let (scope, id) = scope_and_id(p)?;
        let base = p.object("InputObject")?;
        let piped_tag = base.as_ref().map(|b| b.string("ETag")).transpose()?.flatten().filter(|tag| !tag.is_empty());
        let if_match = p.string("IfMatch")?.or(piped_tag).unwrap_or_else(|| "*".to_string());
        Ok(UpdateTarget { scope, id, if_match, base })
    }
}

/// The scope and id of `-InputObject` (a backend object: its Context and BackendId), else of
/// `-Context` and `-BackendId`.
fn scope_and_id(p: &Parameters) -> Result<(ServiceScope, String), ApimError> {
    match p.object("InputObject")? {
        Some(object) => {
            let id = object.required_string("BackendId")?;
            Ok((ServiceScope::from_backend_object(&object)?, id))
        }
        None => Ok((ServiceScope::from_parameter(p)?, p.required_string("BackendId")?)),
    }
}

/// New's backend id: -BackendId, else a generated one (32 lower-case hex characters, as Az's
/// `Guid.NewGuid().ToString("N")`). The module passes the id the ShouldProcess answer showed back
/// as -BackendId, so the backend created is the one -Confirm named.
fn new_backend_id(p: &Parameters) -> Result<String, ApimError> {
    Ok(given_id(p, "have an id generated")?.unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string()))
}

/// The id given as -BackendId; `None` when it was not given. Given but empty or blank (an unset
/// variable, a blank CSV column) it is an error, not "absent": New would create another backend
/// on every run, Get would list (and feed Remove) every backend.
fn given_id(p: &Parameters, absent_means: &str) -> Result<Option<String>, ApimError> {
    if !p.contains("BackendId") {
        return Ok(None);
    }
    match p.string("BackendId")? {
        Some(id) if !id.trim().is_empty() => Ok(Some(id)),
        _ => Err(ApimError::invalid_argument(
            "-BackendId",
            format!("-BackendId is empty or blank. Give an id, or leave -BackendId out to {absent_means}."),
        )),
    }
}

/// -After as its wire ISO 8601 duration, refused below the service's two minutes (a negative one
/// too) and when it is no duration at all.
fn reconnect_after(p: &Parameters) -> Result<Option<String>, ApimError> {
    let Some(text) = duration::from_parameter(p, "After")? else { return Ok(None) };
    let ticks = duration::parse_iso(&text).ok_or_else(|| {
        ApimError::invalid_argument("-After", "-After must be a TimeSpan (New-TimeSpan -Minutes 2) or an ISO 8601 duration such as PT2M")
    })?;
    if ticks < MIN_RECONNECT_TICKS {
        return Err(ApimError::invalid_argument(
            "-After",
            format!("-After must be at least two minutes (the service's minimum for a reconnect); {} was given.", time_span_text(ticks)),
        ));
    }
    Ok(Some(duration::to_iso(ticks)))
}

/// As .NET's `TimeSpan.ToString()`, which Az's messages show: `[-][d.]hh:mm:ss[.fffffff]`.
fn time_span_text(ticks: i64) -> String {
    let sign = if ticks < 0 { "-" } else { "" };
    let ticks = ticks.unsigned_abs();
    let (seconds, fraction) = (ticks / 10_000_000, ticks % 10_000_000);
    let days = if seconds >= 86_400 { format!("{}.", seconds / 86_400) } else { String::new() };
    let fraction = if fraction > 0 { format!(".{fraction:07}") } else { String::new() };
    format!("{sign}{days}{:02}:{:02}:{:02}{fraction}", seconds / 3600 % 24, seconds / 60 % 60, seconds % 60)
}

/// What ShouldProcess shows and the id the change will use, as the `*_should_process` answer.
fn plan(target: String, action: &str, backend_id: &str) -> CmdletOutput {
    let mut answer = Map::new();
    answer.insert("Target".into(), target.into());
    answer.insert("Action".into(), action.into());
    answer.insert("BackendId".into(), backend_id.into());
    CmdletOutput::objects(vec![Value::Object(answer)])
}

/// `$true` with -PassThru, nothing without; the exchanges either way.
fn pass_through(p: &Parameters, result: OperationResult) -> Result<CmdletOutput, ApimError> {
    let output = if p.bool("PassThru")?.unwrap_or(false) { vec![Value::Bool(true)] } else { Vec::new() };
    Ok(CmdletOutput::objects(output).with_exchanges(result.exchanges))
}

impl CmdletOutput {
    /// Adds the backend a single-entity result carries (with its ETag) and the result's exchanges.
    fn push_backend(&mut self, result: OperationResult, scope: &ServiceScope, secure: &SecureValues) -> Result<(), ApimError> {
        self.exchanges.extend(result.exchanges);
        let wire = backend::read_wire(result.body.as_ref().unwrap_or(&Value::Null))?;
        self.output.push(backend::to_object(&wire, result.etag.as_deref(), scope, secure));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_spans_are_shown_as_dotnet_shows_them() {
        for (ticks, shown) in [
            (30_000_000, "00:00:03"),
            (1_200_000_000, "00:02:00"),
            (918_000_000_000, "1.01:30:00"),
            (15_000_000, "00:00:01.5000000"),
            (-3_000_000_000, "-00:05:00"),
        ] {
            assert_eq!(time_span_text(ticks), shown);
        }
    }

    #[test]
    fn after_is_sent_as_iso_8601_and_refused_below_two_minutes() {
        let after = |value: Value| reconnect_after(&Parameters::from_value(json!({ "After": value })).unwrap());
        assert_eq!(after(json!({ "PSTypeName": "System.TimeSpan", "Value": "PT2M" })).unwrap().as_deref(), Some("PT2M"));
        assert_eq!(after(json!("00:05:00")).unwrap().as_deref(), Some("PT5M"));
        for short in [json!({ "PSTypeName": "System.TimeSpan", "Value": "PT3S" }), json!("-00:05:00"), json!("PT1M59S")] {
            let error = after(short.clone()).unwrap_err();
            assert!(error.message.contains("at least two minutes"), "{short}: {}", error.message);
        }
        assert!(after(json!("soon")).unwrap_err().message.contains("ISO 8601"));
        assert_eq!(reconnect_after(&Parameters::from_value(json!({})).unwrap()).unwrap(), None);
    }
}
