//! How the emulator keeps an API connector, and how it shows one. Secrets are never stored: a
//! basic password is dropped once accepted (the service never returns it either) and a PFX is
//! reduced to its public facts. Responses put `******` where the password was and compute
//! `isActive` at read time, because a certificate's validity depends on the clock.

use super::pfx::CertificateFacts;
use crate::model::api_connector::{
    AuthenticationConfiguration, BasicAuthentication, ClientCertificateAuthentication, IdentityApiConnector,
    Pkcs12CertificateInformation, REDACTED,
};
use serde_json::{Map, Value};

/// The stored form of a new connector (`certificate` is the parsed PFX of a pkcs12 configuration).
pub fn new_connector(id: &str, body: &IdentityApiConnector, certificate: Option<CertificateFacts>) -> Value {
    let mut stored = IdentityApiConnector {
        id: Some(id.to_string()),
        display_name: body.display_name.clone(),
        target_url: body.target_url.clone(),
        authentication_configuration: None,
        additional_properties: without_annotations(&body.additional_properties),
    };
    stored.authentication_configuration = body.authentication_configuration.as_ref().map(|a| stored_auth(a, certificate));
    serde_json::to_value(&stored).unwrap_or(Value::Null)
}

/// `stored` with a PATCH applied: set properties replace, a new configuration replaces the old
/// one whole ("overwrites any previous authenticationConfiguration").
pub fn updated(stored: &Value, patch: &IdentityApiConnector, certificate: Option<CertificateFacts>) -> Value {
    let mut current: IdentityApiConnector = serde_json::from_value(stored.clone()).unwrap_or_default();
    if let Some(name) = &patch.display_name {
        current.display_name = Some(name.clone());
    }
    if let Some(url) = &patch.target_url {
        current.target_url = Some(url.clone());
    }
    if let Some(auth) = &patch.authentication_configuration {
        current.authentication_configuration = Some(stored_auth(auth, certificate));
    }
    for (k, v) in without_annotations(&patch.additional_properties) {
        current.additional_properties.insert(k, v);
    }
    serde_json::to_value(&current).unwrap_or(Value::Null)
}

/// `stored` with one more uploaded certificate, appended (the newest is last). A basic
/// configuration is replaced; re-uploading a certificate moves it to the end.
pub fn with_uploaded_certificate(stored: &Value, certificate: CertificateFacts) -> Value {
    let mut current: IdentityApiConnector = serde_json::from_value(stored.clone()).unwrap_or_default();
    let previous = match &current.authentication_configuration {
        Some(AuthenticationConfiguration::ClientCertificate(c)) => c.certificate_list.clone().unwrap_or_default(),
        _ => Vec::new(),
    };
    let mut list: Vec<Pkcs12CertificateInformation> =
        previous.into_iter().filter(|c| c.thumbprint.as_deref() != Some(certificate.thumbprint.as_str())).collect();
    list.push(information(certificate));
    current.authentication_configuration = Some(AuthenticationConfiguration::ClientCertificate(ClientCertificateAuthentication {
        certificate_list: Some(list),
        additional_properties: Map::new(),
    }));
    serde_json::to_value(&current).unwrap_or(Value::Null)
}

/// The connector as a response shows it at Unix time `now`, limited to `select` when given.
pub fn present(stored: &Value, now: i64, select: Option<&[&str]>) -> Value {
    let mut shown = stored.clone();
    if let Some(auth) = shown.get_mut("authenticationConfiguration").and_then(Value::as_object_mut) {
        if auth.contains_key("username") {
            auth.insert("password".into(), Value::String(REDACTED.into()));
        }
        if let Some(list) = auth.get_mut("certificateList").and_then(Value::as_array_mut) {
            mark_active(list, now);
        }
    }
    match (select, shown) {
        (Some(properties), Value::Object(all)) => {
            Value::Object(all.into_iter().filter(|(k, _)| properties.contains(&k.as_str())).collect())
        }
        (_, shown) => shown,
    }
}

/// "The most recently uploaded certificate that isn't yet expired but whose notBefore time is in
/// the past" is active; every other one is not.
fn mark_active(list: &mut [Value], now: i64) {
    let valid = |c: &Value| {
        let from = c.get("notBefore").and_then(Value::as_i64).unwrap_or(i64::MAX);
        let to = c.get("notAfter").and_then(Value::as_i64).unwrap_or(i64::MIN);
        from <= now && now < to
    };
    let active = list.iter().rposition(valid);
    for (i, c) in list.iter_mut().enumerate() {
        if let Some(o) = c.as_object_mut() {
            o.insert("isActive".into(), Value::Bool(Some(i) == active));
        }
    }
}

fn stored_auth(
    auth: &AuthenticationConfiguration,
    certificate: Option<CertificateFacts>,
) -> AuthenticationConfiguration {
    match (auth, certificate) {
        (AuthenticationConfiguration::Basic(b), _) => AuthenticationConfiguration::Basic(BasicAuthentication {
            username: b.username.clone(),
            password: None,
            additional_properties: b.additional_properties.clone(),
        }),
        (_, Some(facts)) => AuthenticationConfiguration::ClientCertificate(ClientCertificateAuthentication {
            certificate_list: Some(vec![information(facts)]),
            additional_properties: Map::new(),
        }),
        // Validation admits only basic and pkcs12 (which always comes with its facts) in requests.
        (other, None) => other.clone(),
    }
}

fn information(facts: CertificateFacts) -> Pkcs12CertificateInformation {
    Pkcs12CertificateInformation {
        thumbprint: Some(facts.thumbprint),
        not_after: Some(facts.not_after),
        not_before: Some(facts.not_before),
        is_active: None,
    }
}

/// Request annotations (`@odata.context`, `@odata.type`) describe the payload, not the entity.
fn without_annotations(properties: &Map<String, Value>) -> Map<String, Value> {
    properties.iter().filter(|(k, _)| !k.starts_with("@odata.")).map(|(k, v)| (k.clone(), v.clone())).collect()
}
