//! The HTTP engine (one reqwest client, retries, throttling, ETags, paging) and the operations:
//! `backends` (ARM) and `api_connectors` (Graph).
//! SKELETON: the client helper implements the engine and the operations behind these signatures.

pub mod api_connectors;
pub mod backends;
pub mod options;

pub use options::{ClientOptions, RetryOptions};

use crate::auth::TokenSource;
use crate::model::{ApiVersion, ApimError};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;

/// One HTTP exchange, reported for `-Verbose` (never headers or bodies: they may hold secrets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Exchange {
    pub method: String,
    pub url: String,
    pub status: Option<u16>,
    pub request_id: Option<String>,
    pub elapsed_ms: u64,
    pub attempt: u32,
}

/// A single-entity result: `{"status":201,"etag":"\"...\"","body":{...},"exchanges":[...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OperationResult {
    pub status: u16,
    pub etag: Option<String>,
    pub body: Option<Value>,
    #[serde(default)]
    pub exchanges: Vec<Exchange>,
}

/// A list result: `{"value":[...],"nextLink":null,"count":3,"exchanges":[...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListResult {
    pub value: Vec<Value>,
    pub next_link: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<i64>,
    #[serde(default)]
    pub exchanges: Vec<Exchange>,
}

/// A client for one set of options; cheap to share between threads (`&self` everywhere).
pub struct ApimClient {
    pub(crate) options: ClientOptions,
    pub(crate) api_version: ApiVersion,
    pub(crate) token_source: Option<Arc<dyn TokenSource>>,
}

impl ApimClient {
    pub fn new(options: ClientOptions) -> Result<ApimClient, ApimError> {
        let api_version = ApiVersion::parse(&options.api_version)?;
        let token_source = crate::auth::token_source_from_options(&options.auth)?;
        Ok(ApimClient { options, api_version, token_source })
    }

    pub fn options(&self) -> &ClientOptions {
        &self.options
    }

    pub fn api_version(&self) -> ApiVersion {
        self.api_version
    }

    /// Cancels every call in flight on this client (Ctrl+C in PowerShell); later calls run normally.
    pub fn cancel_all(&self) {}
}
