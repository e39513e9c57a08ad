//! The HTTP side shared by every token source: the two reqwest clients and reading a token
//! response (success or error) into an [`AccessToken`] or an error without secrets.

use super::errors;
use super::expires_on::expiry_from_response;
use super::AccessToken;
use crate::model::error::ApimError;
use serde_json::{Map, Value};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

/// For Microsoft Entra ID (the authority host): honours the proxy variables of the environment
/// (never for loopback) and trusts the OS certificate store unless `APIM_NATIVE_TLS_ROOTS=bundled`.
pub fn entra_client() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        // Why fall back to the bare builder: a malformed proxy variable must not make sign-in
        // panic; the request then goes direct, and the chain's error explains any failure.
        // The roots are read here (once per process, shared with the API clients): the authority
        // is https, and an unreadable store falls back as a malformed proxy variable does.
        let roots = crate::net::TlsRoots::from_env();
        let builder = crate::net::configure(reqwest::Client::builder(), roots)
            .and_then(|builder| crate::net::load_roots(roots).map(|()| builder))
            .unwrap_or_else(|_| reqwest::Client::builder().no_proxy());
        build(builder, Duration::from_secs(5))
    })
}

/// For the managed-identity endpoints: they are link-local or on the same host, and a proxy
/// must never see the request (the SDKs disable proxies for IMDS for the same reason).
pub fn local_client() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    // Why 2 s to connect: these endpoints are on this host or link-local and answer at once when
    // they exist; on a machine without IMDS the default chain should move on quickly.
    CLIENT.get_or_init(|| build(reqwest::Client::builder().no_proxy(), Duration::from_secs(2)))
}

fn build(builder: reqwest::ClientBuilder, connect_timeout: Duration) -> reqwest::Client {
    builder
        .connect_timeout(connect_timeout)
        .timeout(Duration::from_secs(60))
        // Why no redirects: a token request that is redirected would re-send a secret elsewhere.
        .redirect(reqwest::redirect::Policy::none())
        .build()
        // Why expect: the builder only fails when the TLS backend cannot start, a broken build.
        .expect("the HTTP client for token requests can be built")
}

/// Reads a token endpoint's answer. Errors quote the service's own error code and description
/// (which never echo the credential) and never the body of a success.
pub fn read_token_response(source: &str, status: u16, body: &[u8]) -> Result<AccessToken, ApimError> {
    let parsed: Option<Map<String, Value>> = serde_json::from_slice::<Value>(body).ok().and_then(|v| match v {
        Value::Object(map) => Some(map),
        _ => None,
    });
    if !(200..300).contains(&status) {
        let reason = parsed.as_ref().map(describe_error).unwrap_or_default();
        let message = if reason.is_empty() {
            format!("the token endpoint answered HTTP {status}")
        } else {
            format!("the token endpoint answered HTTP {status}: {reason}")
        };
        return Err(errors::failed(source, message).with_http_status(status));
    }
    let map = parsed.ok_or_else(|| errors::failed(source, "the token endpoint's answer is not a JSON object"))?;
    let token = match map.get("access_token") {
        Some(Value::String(t)) if !t.is_empty() => t.clone(),
        _ => return Err(errors::failed(source, "the token endpoint's answer has no access_token")),
    };
    let expires_on = expiry_from_response(&map, SystemTime::now()).ok_or_else(|| {
        errors::failed(source, "the token endpoint's answer has no expires_on or expires_in in a known format")
    })?;
    Ok(AccessToken { token, expires_on })
}

/// `{"error":"invalid_client","error_description":"AADSTS…"}` (Entra),
/// `{"Message":"…"}` (Automation), `{"error":{"code":"…","message":"…"}}` (App Service).
fn describe_error(map: &Map<String, Value>) -> String {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
    let (code, description) = match map.get("error") {
        Some(Value::Object(inner)) => (text(inner.get("code")), text(inner.get("message"))),
        other => (
            text(other),
            text(map.get("error_description")).or_else(|| text(map.get("Message"))).or_else(|| text(map.get("message"))),
        ),
    };
    let joined = match (code, description) {
        (Some(c), Some(d)) => format!("{c}: {d}"),
        (Some(c), None) => c,
        (None, Some(d)) => d,
        (None, None) => String::new(),
    };
    // Why the cut: descriptions carry trace ids and timestamps; the first lines say what is wrong.
    let first_line = joined.lines().next().unwrap_or_default();
    first_line.chars().take(400).collect()
}

/// A transport failure (no answer at all), phrased without the request's headers or body.
pub fn describe_transport_error(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        "the request timed out".into()
    } else if error.is_connect() {
        "the connection was refused or could not be made".into()
    } else {
        // Why the replacement: the caller already names the endpoint; the message stays short.
        let mut text = error.to_string();
        if let Some(url) = error.url() {
            text = text.replace(url.as_str(), "the endpoint");
        }
        text
    }
}
