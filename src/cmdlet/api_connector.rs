//! Graph's `identityApiConnector` as the Microsoft.Graph cmdlets take and give it, both ways:
//! `-BodyParameter` (a hashtable, an object such as a connector read before, or a JSON object
//! string) or the flattened parameters with `-AdditionalProperties` become the wire body, and a
//! wire connector becomes `MicrosoftGraphIdentityApiConnector` with its declared properties and
//! everything else in `AdditionalProperties`, as the Graph SDK's model keeps them.
//!
//! Nothing is validated here beyond the shape of what was given: the wire rules (required fields,
//! https, the password mask `******` that must never be sent back) are the model's, run by the
//! client before anything is sent. No message quotes a value: bodies hold passwords and PFX files.

use super::parameters::{describe, is_opaque, secure_text};
use super::{Parameters, PsObject, SECURE_STRING_TYPE};
use crate::model::{ApimError, ErrorDetail};
use serde_json::{Map, Value};

pub const CONNECTOR_TYPE: &str = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphIdentityApiConnector";
pub const AUTHENTICATION_TYPE: &str = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphApiAuthenticationConfigurationBase";

/// The properties identityApiConnector declares, as Graph spells them. A body's keys are matched
/// to them case-insensitively (Graph's cmdlets accept `DisplayName` as well as `displayName`).
const DECLARED: [&str; 4] = ["id", "displayName", "targetUrl", "authenticationConfiguration"];
const AUTHENTICATION: &str = "authenticationConfiguration";
/// Describes a response, not an entity to create: a connector read before carries it.
const RESPONSE_CONTEXT: &str = "@odata.context";
/// Where the SDK's model (and ours) keeps the members no property declares.
const ADDITIONAL: &str = "AdditionalProperties";
/// The flattened parameters of New- and Update-MgIdentityApiConnector, each a declared property.
const EXPANDED: [&str; 4] = ["AuthenticationConfiguration", "DisplayName", "Id", "TargetUrl"];

/// Which parameters a body came from; errors of the flattened ones are named as those parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodySource {
    BodyParameter,
    Expanded,
}

/// The wire connector of New- or Update-MgIdentityApiConnector: `-BodyParameter` when bound,
/// otherwise `-AdditionalProperties` overlaid with the flattened parameters that were bound.
pub fn connector_body(p: &Parameters) -> Result<(Map<String, Value>, BodySource), ApimError> {
    if let Some(given) = p.get("BodyParameter") {
        let source = match body_members(given)? {
            BodyMembers::Dictionary(members) => members,
            BodyMembers::Object(members) => object_source(members),
        };
        return Ok((to_wire_names(source)?, BodySource::BodyParameter));
    }
    let mut source = additional_properties(p)?;
    for name in EXPANDED {
        if p.contains(name) {
            source.insert(name.to_string(), p.get(name).cloned().unwrap_or(Value::Null));
        }
    }
    Ok((to_wire_names(source)?, BodySource::Expanded))
}

/// The `uploadClientCertificate` body (`pkcs12Value`, `password`): `-BodyParameter` when bound,
/// otherwise `-AdditionalProperties` with `-Pkcs12Value` and `-Password`.
pub fn upload_body(p: &Parameters) -> Result<(Map<String, Value>, BodySource), ApimError> {
    let mut body = Map::new();
    let source = match p.get("BodyParameter") {
        Some(given) => {
            match body_members(given)? {
                // A hashtable's two known keys in any case; other keys are sent as given.
                BodyMembers::Dictionary(members) => {
                    for (key, value) in members {
                        body.insert(upload_name(&key).unwrap_or(key), value);
                    }
                }
                // An object's properties in Graph's camelCase (Pkcs12Value -> pkcs12Value).
                BodyMembers::Object(members) => {
                    for (key, value) in members {
                        body.insert(lower_first(&key), value);
                    }
                }
            }
            BodySource::BodyParameter
        }
        None => {
            body = additional_properties(p)?;
            for (parameter, wire) in [("Pkcs12Value", "pkcs12Value"), ("Password", "password")] {
                if p.contains(parameter) {
                    body.insert(wire.to_string(), p.get(parameter).cloned().unwrap_or(Value::Null));
                }
            }
            BodySource::Expanded
        }
    };
    let body = body.into_iter().map(|(key, value)| plain_json(value, &key).map(|v| (key, v))).collect::<Result<_, _>>()?;
    Ok((body, source))
}

/// The connector a call addresses: `-IdentityApiConnectorId`, or the id an `-InputObject` carries
/// (Graph's identity objects name it IdentityApiConnectorId, the connector objects Id; a plain
/// string is the id itself).
pub fn connector_id(p: &Parameters) -> Result<String, ApimError> {
    let Some(input) = p.get("InputObject") else {
        return p.required_string("IdentityApiConnectorId");
    };
    if let Value::String(id) = input {
        return Ok(id.clone());
    }
    if let Value::Object(members) = input {
        for name in ["IdentityApiConnectorId", "Id"] {
            let value = members.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)).map(|(_, value)| value);
            match value {
                Some(Value::String(id)) if !id.is_empty() => return Ok(id.clone()),
                Some(Value::Number(number)) => return Ok(number.to_string()),
                _ => {}
            }
        }
    }
    Err(ApimError::validation(vec![ErrorDetail::new(
        "InputObject",
        "NoConnectorId",
        "-InputObject has no IdentityApiConnectorId or Id property naming the API connector.",
    )]))
}

/// The `MicrosoftGraphIdentityApiConnector` for a wire connector. Missing strings are `""`, as the
/// SDK's model shows them; `AuthenticationConfiguration` keeps its members (`@odata.type`
/// included) in its AdditionalProperties, because apiAuthenticationConfigurationBase declares none.
/// The service never returns a basic password (it sends `******`) nor any PFX content.
pub fn to_object(wire: &Value) -> Value {
    let empty = Map::new();
    let members = wire.as_object().unwrap_or(&empty);
    let text = |name: &str| match members.get(name) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    };
    let authentication = match members.get(AUTHENTICATION) {
        None | Some(Value::Null) => Value::Null,
        Some(configuration) => PsObject::new(AUTHENTICATION_TYPE).property(ADDITIONAL, configuration.clone()).into_value(),
    };
    let additional: Map<String, Value> =
        members.iter().filter(|(key, _)| !DECLARED.contains(&key.as_str())).map(|(key, value)| (key.clone(), value.clone())).collect();
    PsObject::new(CONNECTOR_TYPE)
        .property("Id", text("id"))
        .property("DisplayName", text("displayName"))
        .property("TargetUrl", text("targetUrl"))
        .property("AuthenticationConfiguration", authentication)
        .property(ADDITIONAL, additional)
        .into_value()
}

/// The members of a `-BodyParameter`, and whether they came as a hashtable (a JSON string is read
/// as one) or as an object's properties.
enum BodyMembers {
    Dictionary(Map<String, Value>),
    Object(Map<String, Value>),
}

fn body_members(given: &Value) -> Result<BodyMembers, ApimError> {
    match given {
        Value::String(text) => parse_json_object(text).map(BodyMembers::Dictionary),
        Value::Object(members) if !is_opaque(members) => match members.get("PSTypeName") {
            None => Ok(BodyMembers::Dictionary(members.clone())),
            Some(_) => Ok(BodyMembers::Object(members.iter().filter(|(key, _)| *key != "PSTypeName").map(|(k, v)| (k.clone(), v.clone())).collect())),
        },
        other => Err(body_error(
            "BodyParameter",
            "InvalidType",
            format!("-BodyParameter must be a hashtable, an object or a JSON object string, not {}.", describe(other)),
        )),
    }
}

/// Graph's cmdlets take the body as JSON text too. The parser's message is left out because the
/// text may hold a password.
fn parse_json_object(text: &str) -> Result<Map<String, Value>, ApimError> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(members)) => Ok(members),
        _ => Err(body_error(
            "BodyParameter",
            "NotAJsonObject",
            "-BodyParameter is a string but not a JSON object. Give a hashtable, an object, or a JSON object such as '{\"displayName\":\"Test API\"}'.".to_string(),
        )),
    }
}

/// An object's properties as body members: its AdditionalProperties spread out, and only the
/// properties that have a value (a read connector with `AuthenticationConfiguration = $null` is a
/// PATCH that keeps the configuration).
fn object_source(members: Map<String, Value>) -> Map<String, Value> {
    let mut source = Map::new();
    for (name, value) in members {
        match value {
            Value::Object(additional) if name.eq_ignore_ascii_case(ADDITIONAL) && !additional.contains_key("PSTypeName") => {
                source.extend(additional);
            }
            Value::Null => {}
            value => {
                source.insert(name, value);
            }
        }
    }
    source
}

/// `-AdditionalProperties`, a hashtable of further members sent as given.
fn additional_properties(p: &Parameters) -> Result<Map<String, Value>, ApimError> {
    match p.get(ADDITIONAL) {
        None => Ok(Map::new()),
        Some(Value::Object(members)) if !is_opaque(members) => Ok(members.clone()),
        Some(other) => Err(body_error(ADDITIONAL, "InvalidType", format!("-AdditionalProperties must be a hashtable, not {}.", describe(other)))),
    }
}

/// The members with the declared properties in Graph's spelling, an authentication object given
/// as the SDK's model (or ours) reduced to its members, `@odata.context` left out, and every value
/// plain JSON.
fn to_wire_names(source: Map<String, Value>) -> Result<Map<String, Value>, ApimError> {
    let mut body = Map::new();
    for (key, value) in source {
        let name = DECLARED.iter().find(|declared| declared.eq_ignore_ascii_case(&key)).map_or(key, |declared| declared.to_string());
        if name == RESPONSE_CONTEXT {
            continue;
        }
        let value = match value {
            Value::Object(members) if name == AUTHENTICATION && members.contains_key("PSTypeName") && !is_opaque(&members) => {
                match members.iter().find(|(key, _)| key.eq_ignore_ascii_case(ADDITIONAL)) {
                    Some((_, inner)) => inner.clone(),
                    None => Value::Object(members),
                }
            }
            value => value,
        };
        let value = plain_json(value, &name)?;
        body.insert(name, value);
    }
    Ok(body)
}

/// A value as the wire takes it: a SecureString is its text, an object's type name is dropped
/// (its properties are its JSON), and a .NET value JSON cannot carry (a DateTime, a ScriptBlock)
/// is refused by path, since its culture-formatted text would be sent silently otherwise.
fn plain_json(value: Value, path: &str) -> Result<Value, ApimError> {
    match value {
        Value::Object(members) => {
            if let Some(text) = secure_text(&Value::Object(members.clone())) {
                return Ok(Value::String(text.to_string()));
            }
            if is_opaque(&members) {
                let type_name = members.get("PSTypeName").and_then(Value::as_str).unwrap_or(SECURE_STRING_TYPE).to_string();
                return Err(body_error(
                    path,
                    "InvalidType",
                    format!("'{path}' is a {type_name}, which has no JSON form; give the text the service expects instead."),
                ));
            }
            let mut plain = Map::new();
            for (key, inner) in members {
                if key == "PSTypeName" {
                    continue;
                }
                let inner_path = format!("{path}.{key}");
                plain.insert(key, plain_json(inner, &inner_path)?);
            }
            Ok(Value::Object(plain))
        }
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(index, item)| plain_json(item, &format!("{path}[{index}]")))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        scalar => Ok(scalar),
    }
}

fn upload_name(key: &str) -> Option<String> {
    ["pkcs12Value", "password"].iter().find(|name| name.eq_ignore_ascii_case(key)).map(|name| name.to_string())
}

fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn body_error(target: &str, code: &str, message: String) -> ApimError {
    ApimError::validation(vec![ErrorDetail::new(target, code, message)])
}
