//! The emulator's options (`apim_emulator_start`'s JSON, the binary's flags map onto them).

use super::server::ServerLimits;
use super::throttle::ThrottleLimits;
use crate::model::redact::Redacted;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Options for `emulator::start`; also the JSON of `apim_emulator_start`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmulatorOptions {
    #[serde(default = "EmulatorOptions::default_listen")]
    pub listen: SocketAddr,
    /// Persist every write under this directory (atomically) and reload it on start.
    #[serde(default)]
    pub data_dir: Option<PathBuf>,
    /// Answer 401 to any request whose bearer token is not exactly this.
    #[serde(default)]
    pub require_token: Option<Redacted<String>>,
    /// Simulate ARM's token buckets (429 + Retry-After).
    #[serde(default)]
    pub throttle: bool,
    /// Page size of list operations when the caller sends no `$top`.
    #[serde(default = "EmulatorOptions::default_page_size")]
    pub page_size: usize,
    /// Bucket sizes and refill rates used when `throttle` is on (ARM's by default).
    #[serde(default)]
    pub throttle_limits: ThrottleLimits,
    /// Answer PUT with 202 + `Location` (polled: 202 once, then the entity), as APIM sometimes does.
    #[serde(default)]
    pub async_put: bool,
    /// Close a connection that has not sent its request headers within this time (ms).
    #[serde(default = "EmulatorOptions::default_header_read_timeout_ms")]
    pub header_read_timeout_ms: u64,
    /// Close a connection that moved no byte for this long (ms): idle keep-alive, trickling bodies.
    #[serde(default = "EmulatorOptions::default_idle_timeout_ms")]
    pub idle_timeout_ms: u64,
    /// Connections served at once; more wait in the listen backlog.
    #[serde(default = "EmulatorOptions::default_max_connections")]
    pub max_connections: usize,
    /// What `GET /subscriptions` lists: subscription id -> display name (none by default), so a
    /// client can resolve a subscription name as it would against ARM.
    #[serde(default)]
    pub subscriptions: BTreeMap<String, String>,
}

impl EmulatorOptions {
    fn default_listen() -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], 0))
    }
    fn default_page_size() -> usize {
        100
    }
    fn default_header_read_timeout_ms() -> u64 {
        ServerLimits::default().header_read_timeout.as_millis() as u64
    }
    fn default_idle_timeout_ms() -> u64 {
        ServerLimits::default().idle_timeout.as_millis() as u64
    }
    fn default_max_connections() -> usize {
        ServerLimits::default().max_connections
    }

    pub fn server_limits(&self) -> ServerLimits {
        ServerLimits {
            header_read_timeout: std::time::Duration::from_millis(self.header_read_timeout_ms.max(1)),
            idle_timeout: std::time::Duration::from_millis(self.idle_timeout_ms.max(1)),
            max_connections: self.max_connections.max(1),
        }
    }
}

impl Default for EmulatorOptions {
    fn default() -> Self {
        serde_json::from_str("{}").expect("defaults deserialise")
    }
}
