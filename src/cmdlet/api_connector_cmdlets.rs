//! New-, Get-, Update-, Remove-MgIdentityApiConnector and
//! Invoke-MgUploadIdentityApiConnectorClientCertificate: each takes the cmdlet's bound parameters,
//! makes its one Graph request through [`ApimClient`] and answers the objects the cmdlet writes,
//! plus the variables it sets (`-ResponseHeadersVariable`, `-CountVariable`). [`should_process`]
//! gives the text of the cmdlets' ShouldProcess without any request, so -WhatIf sends nothing.

use super::api_connector::{connector_body, connector_id, to_object, upload_body, BodySource};
use super::parameters::{describe, is_opaque, secure_text};
use super::{CmdletOutput, ParameterNames, Parameters};
use crate::client::api_connector::ApiConnectorRequest;
use crate::client::{ApimClient, Exchange};
use crate::model::{ApimError, ErrorCategory, ErrorDetail};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Graph's largest `$top`: a `-Top` above it cannot be the page size too.
const MAX_PAGE: i64 = 999;

/// Which parameter each wire target of a request came from, when the flattened parameters were
/// used; with -BodyParameter the body's own paths are the names the user wrote.
const NEW_EXPANDED: ParameterNames = ParameterNames(&[
    ("displayName", "-DisplayName"),
    ("targetUrl", "-TargetUrl"),
    ("authenticationConfiguration", "-AuthenticationConfiguration"),
    ("id", "-Id"),
    ("headers", "-Headers"),
]);
const UPDATE_EXPANDED: ParameterNames = ParameterNames(&[
    ("displayName", "-DisplayName"),
    ("targetUrl", "-TargetUrl"),
    ("authenticationConfiguration", "-AuthenticationConfiguration"),
    ("headers", "-Headers"),
]);
const UPLOAD_EXPANDED: ParameterNames =
    ParameterNames(&[("pkcs12Value", "-Pkcs12Value"), ("password", "-Password"), ("headers", "-Headers")]);
/// A get, a list, a delete, or a body given whole.
const REQUEST_OPTIONS: ParameterNames = ParameterNames(&[
    ("headers", "-Headers"),
    ("ifMatch", "-IfMatch"),
    ("orderBy", "-Sort"),
    ("select", "-Property"),
    ("expand", "-ExpandProperty"),
]);
const BY_ID: ParameterNames = ParameterNames(&[("id", "-IdentityApiConnectorId")]);
const BY_INPUT: ParameterNames = ParameterNames(&[("id", "-InputObject")]);

/// New-MgIdentityApiConnector: POST the connector, write the created one.
pub async fn create(client: &ApimClient, p: &Parameters) -> Result<CmdletOutput, ApimError> {
    let (body, source) = connector_body(p)?;
    let names = if source == BodySource::Expanded { NEW_EXPANDED } else { REQUEST_OPTIONS };
    let request = request(p, [("body", Value::Object(body))])?;
    let result = client.api_connector_create(&request).await.map_err(|e| before_sending(e, names))?;
    let output = result.body.as_ref().map(to_object).into_iter().collect();
    Ok(with_response_headers(p, CmdletOutput::objects(output), &result.headers, &result.exchanges))
}

/// Get-MgIdentityApiConnector: one connector (Get, GetViaIdentity) or the list with its OData
/// options: without -All or -Top only the first page, as the Graph cmdlets do.
pub async fn get(client: &ApimClient, p: &Parameters) -> Result<CmdletOutput, ApimError> {
    let mut fields = Vec::new();
    if let Some(select) = non_empty_list(p, "Property")? {
        fields.push(("select", select));
    }
    if let Some(expand) = non_empty_list(p, "ExpandProperty")? {
        fields.push(("expand", expand));
    }
    if p.contains("IdentityApiConnectorId") || p.contains("InputObject") {
        fields.push(("id", Value::String(checked_id(p)?)));
        let request = request(p, fields)?;
        let result = client.api_connector_get(&request).await.map_err(|e| before_sending(e, REQUEST_OPTIONS))?;
        let output = result.body.as_ref().map(to_object).into_iter().collect();
        return Ok(with_response_headers(p, CmdletOutput::objects(output), &result.headers, &result.exchanges));
    }
    fields.extend(list_options(p)?);
    let request = request(p, fields)?;
    let result = client.api_connector_list(&request).await.map_err(|e| before_sending(e, REQUEST_OPTIONS))?;
    let mut output = CmdletOutput::objects(result.value.iter().map(to_object).collect());
    if is_set(p, "CountVariable")? {
        output = output.with_variable("CountVariable", result.count.map_or(Value::Null, Value::from));
    }
    Ok(with_response_headers(p, output, &result.headers, &result.exchanges))
}

/// Update-MgIdentityApiConnector: PATCH the properties given; writes nothing. The id addresses
/// the connector and is read-only, so a body's `id` is not sent.
pub async fn update(client: &ApimClient, p: &Parameters) -> Result<CmdletOutput, ApimError> {
    let id = checked_id(p)?;
    let (body, source) = update_body(p, &id)?;
    let names = if source == BodySource::Expanded { UPDATE_EXPANDED } else { REQUEST_OPTIONS };
    let request = request(p, [("id", Value::String(id)), ("body", Value::Object(body))])?;
    let result = client.api_connector_update(&request).await.map_err(|e| before_sending(e, names))?;
    Ok(with_response_headers(p, CmdletOutput::default(), &result.headers, &result.exchanges))
}

/// Remove-MgIdentityApiConnector: DELETE, conditional on -IfMatch; `$true` with -PassThru.
pub async fn delete(client: &ApimClient, p: &Parameters) -> Result<CmdletOutput, ApimError> {
    let mut fields = vec![("id", Value::String(checked_id(p)?))];
    if let Some(tag) = p.string("IfMatch")?.filter(|tag| !tag.is_empty()) {
        fields.push(("ifMatch", Value::String(tag)));
    }
    let request = request(p, fields)?;
    let result = client.api_connector_delete(&request).await.map_err(|e| before_sending(e, REQUEST_OPTIONS))?;
    let output = if p.bool("PassThru")?.unwrap_or(false) { vec![Value::Bool(true)] } else { Vec::new() };
    Ok(with_response_headers(p, CmdletOutput::objects(output), &result.headers, &result.exchanges))
}

/// Invoke-MgUploadIdentityApiConnectorClientCertificate: POST the PFX and its password, write the
/// connector with its certificate list.
pub async fn upload_client_certificate(client: &ApimClient, p: &Parameters) -> Result<CmdletOutput, ApimError> {
    let id = checked_id(p)?;
    let (body, source) = upload_body(p)?;
    let names = if source == BodySource::Expanded { UPLOAD_EXPANDED } else { REQUEST_OPTIONS };
    let request = request(p, [("id", Value::String(id)), ("body", Value::Object(body))])?;
    let result = client.api_connector_upload_client_certificate(&request).await.map_err(|e| before_sending(e, names))?;
    let output = result.body.as_ref().map(to_object).into_iter().collect();
    Ok(with_response_headers(p, CmdletOutput::objects(output), &result.headers, &result.exchanges))
}

/// The ShouldProcess target and action of a connector cmdlet, from `{"Cmdlet": "<its name>",
/// "Parameters": {<its bound parameters>}}`, with no request. The target names the connector,
/// never its configuration (which holds secrets). What cannot be a body or an id at all (a string
/// that is not JSON, an -InputObject without an id) is refused here, before ShouldProcess; the
/// rules of the body's content are checked by the call itself.
pub fn should_process(p: &Parameters) -> Result<CmdletOutput, ApimError> {
    let cmdlet = p.required_string("Cmdlet")?;
    let bound = Parameters::from_value(p.get("Parameters").cloned().unwrap_or_else(|| json!({})))?;
    let (target, action) = match cmdlet.to_ascii_lowercase().as_str() {
        "new-mgidentityapiconnector" => {
            let (body, _) = connector_body(&bound)?;
            let name = match body.get("displayName") {
                Some(Value::String(name)) => name.clone(),
                None | Some(Value::Null) => String::new(),
                Some(other) => other.to_string(),
            };
            (name, "Create API connector (POST /v1.0/identity/apiConnectors)".to_string())
        }
        "update-mgidentityapiconnector" => {
            let id = connector_id(&bound)?;
            let (mut body, _) = connector_body(&bound)?;
            body.remove("id");
            let mut changed: Vec<&String> = body.keys().collect();
            changed.sort_by_key(|name| name.to_lowercase());
            // Nothing to change is the call's error (written, not thrown); -WhatIf just says so.
            let changed = if changed.is_empty() { "none given".to_string() } else { changed.iter().map(|name| name.as_str()).collect::<Vec<_>>().join(", ") };
            (id, format!("Update API connector properties: {changed} (PATCH)"))
        }
        "remove-mgidentityapiconnector" => {
            (connector_id(&bound)?, "Remove API connector (DELETE /v1.0/identity/apiConnectors)".to_string())
        }
        "invoke-mguploadidentityapiconnectorclientcertificate" => {
            let id = connector_id(&bound)?;
            upload_body(&bound)?;
            (id, "Upload client certificate (POST .../uploadClientCertificate)".to_string())
        }
        _ => {
            return Err(ApimError::validation(vec![ErrorDetail::new(
                "Cmdlet",
                "UnknownCmdlet",
                format!("'{cmdlet}' is not an identity API connector cmdlet that changes anything."),
            )]))
        }
    };
    let intent = json!({ "Target": format!("identityApiConnector '{target}'"), "Action": action, "TargetObject": target });
    Ok(CmdletOutput::objects(vec![intent]))
}

/// The PATCH body; an empty one changes nothing and looks like success, so it is refused: almost
/// always a mistake (a hashtable that bound elsewhere, a -BodyParameter with only an id).
fn update_body(p: &Parameters, id: &str) -> Result<(Map<String, Value>, BodySource), ApimError> {
    let (mut body, source) = connector_body(p)?;
    body.remove("id");
    if body.is_empty() {
        let message = format!(
            "Nothing to update for identityApiConnector '{id}': give -BodyParameter with at least one property, or -DisplayName, -TargetUrl, -AuthenticationConfiguration or -AdditionalProperties."
        );
        return Err(ApimError::new("NothingToUpdate", message, ErrorCategory::InvalidArgument));
    }
    Ok((body, source))
}

/// The connector id, checked as a URL path segment, its errors naming the parameter it came from.
fn checked_id(p: &Parameters) -> Result<String, ApimError> {
    let id = connector_id(p)?;
    let names = if p.contains("InputObject") { BY_INPUT } else { BY_ID };
    crate::model::api_connector::check_api_connector_id(&id, "id").map_err(|e| names.rename(e))?;
    Ok(id)
}

/// The list's OData options. -PageSize is the page the service returns; -Top caps what is
/// written, following pages as needed, and is the page size too when it can be and none is given.
fn list_options(p: &Parameters) -> Result<Vec<(&'static str, Value)>, ApimError> {
    let mut fields = Vec::new();
    if let Some(filter) = p.string("Filter")?.filter(|f| !f.is_empty()) {
        fields.push(("filter", Value::String(filter)));
    }
    if let Some(search) = p.string("Search")?.filter(|s| !s.is_empty()) {
        fields.push(("search", Value::String(search)));
    }
    if let Some(sort) = non_empty_list(p, "Sort")? {
        fields.push(("orderBy", sort));
    }
    if let Some(skip) = p.i64("Skip")?.filter(|skip| *skip > 0) {
        fields.push(("skip", Value::from(skip)));
    }
    if is_set(p, "CountVariable")? {
        fields.push(("count", Value::Bool(true)));
    }
    let page_size = p.i64("PageSize")?.filter(|size| *size > 0);
    if let Some(size) = page_size {
        fields.push(("top", Value::from(size)));
    }
    match p.i64("Top")?.filter(|top| *top > 0) {
        Some(top) => {
            fields.push(("maxItems", Value::from(top)));
            if page_size.is_none() && top <= MAX_PAGE {
                fields.push(("top", Value::from(top)));
            }
        }
        None if !p.bool("All")?.unwrap_or(false) => fields.push(("onePage", Value::Bool(true))),
        None => {}
    }
    Ok(fields)
}

/// The client request: the cmdlet's fields and -Headers.
fn request(p: &Parameters, fields: impl IntoIterator<Item = (&'static str, Value)>) -> Result<ApiConnectorRequest, ApimError> {
    let mut members: Map<String, Value> = fields.into_iter().map(|(name, value)| (name.to_string(), value)).collect();
    if let Some(headers) = extra_headers(p)? {
        members.insert("headers".to_string(), headers);
    }
    // The fields are ours, so this cannot fail on the caller's input; its message is not shown
    // because serde's would quote a value.
    serde_json::from_value(Value::Object(members))
        .map_err(|_| ApimError::new("InternalError", "the API connector request could not be built", ErrorCategory::NotSpecified))
}

/// -Headers as the text of each value (a SecureString's text; a number or a switch as PowerShell
/// writes it); a list or a hashtable as a value is refused naming the header, not its value.
fn extra_headers(p: &Parameters) -> Result<Option<Value>, ApimError> {
    let members = match p.get("Headers") {
        None => return Ok(None),
        Some(Value::Object(members)) if !is_opaque(members) => members,
        Some(other) => return Err(ApimError::invalid_argument("headers", format!("-Headers must be a dictionary, not {}.", describe(other)))),
    };
    let mut headers = Map::new();
    for (name, value) in members {
        let text = match value {
            Value::Null => String::new(),
            Value::String(text) => text.clone(),
            Value::Bool(flag) => if *flag { "True" } else { "False" }.to_string(),
            Value::Number(number) => number.to_string(),
            other => match secure_text(other) {
                Some(text) => text.to_string(),
                None => {
                    return Err(ApimError::invalid_argument(
                        format!("headers.{name}"),
                        format!("-Headers '{name}': a value must be a string, not {}.", describe(other)),
                    ))
                }
            },
        };
        headers.insert(name.clone(), Value::String(text));
    }
    Ok(Some(Value::Object(headers)))
}

/// Errors of the request's own checks (nothing was sent) name the cmdlet's parameters; the
/// service's errors are left as it wrote them.
fn before_sending(error: ApimError, names: ParameterNames) -> ApimError {
    if error.http_status.is_some() {
        return error;
    }
    names.rename(error)
}

/// The answer with the call's exchanges and, for -ResponseHeadersVariable, every header of the
/// final response (each a string array, as Graph's cmdlets give them; set-cookie left out) and
/// the HTTP status as StatusCode.
fn with_response_headers(p: &Parameters, output: CmdletOutput, headers: &BTreeMap<String, Vec<String>>, exchanges: &[Exchange]) -> CmdletOutput {
    let output = output.with_exchanges(exchanges.iter().cloned());
    if !matches!(p.string("ResponseHeadersVariable"), Ok(Some(name)) if !name.is_empty()) {
        return output;
    }
    let mut variable: Map<String, Value> = headers.iter().map(|(name, values)| (name.clone(), json!(values))).collect();
    if let Some(last) = exchanges.last() {
        variable.insert("StatusCode".to_string(), last.status.map_or(Value::Null, Value::from));
    }
    output.with_variable("ResponseHeadersVariable", Value::Object(variable))
}

/// A string list parameter with at least one item, as JSON.
fn non_empty_list(p: &Parameters, name: &str) -> Result<Option<Value>, ApimError> {
    Ok(p.string_list(name)?.filter(|list| !list.is_empty()).map(Value::from))
}

/// Whether a variable-name parameter names a variable.
fn is_set(p: &Parameters, name: &str) -> Result<bool, ApimError> {
    Ok(p.string(name)?.is_some_and(|text| !text.is_empty()))
}
