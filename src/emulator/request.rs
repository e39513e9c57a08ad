//! What every ARM handler reads from a request: the query parameters (names compared
//! case-insensitively, as ARM does), the api-version, and the absolute URL of the request (for
//! `nextLink` and `Location`).

use super::errors::ArmError;
use crate::model::ApiVersion;
use axum::http::{HeaderMap, StatusCode, Uri};
use url::Url;

/// Decoded query parameters in request order.
#[derive(Debug, Clone, Default)]
pub struct Query(Vec<(String, String)>);

impl Query {
    pub fn from_uri(uri: &Uri) -> Query {
        Query(
            url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// The api-version the caller asked for: missing -> 400 `MissingApiVersionParameter`, unknown ->
/// 400 `InvalidApiVersionParameter` (the ARM codes), naming the supported versions.
pub fn api_version(query: &Query) -> Result<ApiVersion, ArmError> {
    let supported: Vec<&str> = ApiVersion::ALL.iter().map(|v| v.as_str()).collect();
    match query.get("api-version") {
        None | Some("") => Err(ArmError::new(
            StatusCode::BAD_REQUEST,
            "MissingApiVersionParameter",
            "The api-version query parameter (?api-version=) is required for all requests.",
        )
        .with_target("api-version")),
        Some(v) => ApiVersion::parse(v).map_err(|_| {
            ArmError::new(
                StatusCode::BAD_REQUEST,
                "InvalidApiVersionParameter",
                format!(
                    "The api-version '{v}' is invalid. The supported versions are '{}'.",
                    supported.join(",")
                ),
            )
            .with_target("api-version")
        }),
    }
}

/// The absolute URL the client used (scheme http, host from the `Host` header, else `fallback`).
pub fn absolute_url(headers: &HeaderMap, uri: &Uri, fallback_base: &str) -> Url {
    let base = headers
        .get("host")
        .and_then(|h| h.to_str().ok())
        .map(|h| format!("http://{h}"))
        .unwrap_or_else(|| fallback_base.to_string());
    let path_and_query = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    Url::parse(&format!("{base}{path_and_query}"))
        .or_else(|_| Url::parse(&format!("{fallback_base}{path_and_query}")))
        .unwrap_or_else(|_| Url::parse(fallback_base).expect("the emulator's own base URL parses"))
}

impl ArmError {
    pub fn with_target(mut self, target: &str) -> Self {
        self.error.target = Some(target.to_string());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_version_rules() {
        let q = |s: &str| Query::from_uri(&s.parse::<Uri>().unwrap());
        assert_eq!(api_version(&q("/x")).unwrap_err().error.code, "MissingApiVersionParameter");
        assert_eq!(api_version(&q("/x?api-version=2019-01-01")).unwrap_err().error.code, "InvalidApiVersionParameter");
        assert_eq!(api_version(&q("/x?API-VERSION=2024-05-01")).unwrap(), ApiVersion::V2024_05_01);
    }
}
