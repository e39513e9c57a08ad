//! The ARM api-versions the client speaks, and which backend fields each one has.

use super::error::ApimError;
use std::fmt;

/// A supported Microsoft.ApiManagement api-version, oldest first so that `>=` means "has at least".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ApiVersion {
    V2021_08_01,
    V2022_08_01,
    V2024_05_01,
    V2025_03_01Preview,
}

impl ApiVersion {
    pub const DEFAULT: ApiVersion = ApiVersion::V2025_03_01Preview;
    pub const ALL: [ApiVersion; 4] = [
        ApiVersion::V2021_08_01,
        ApiVersion::V2022_08_01,
        ApiVersion::V2024_05_01,
        ApiVersion::V2025_03_01Preview,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ApiVersion::V2021_08_01 => "2021-08-01",
            ApiVersion::V2022_08_01 => "2022-08-01",
            ApiVersion::V2024_05_01 => "2024-05-01",
            ApiVersion::V2025_03_01Preview => "2025-03-01-preview",
        }
    }

    pub fn parse(s: &str) -> Result<ApiVersion, ApimError> {
        ApiVersion::ALL
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let known: Vec<&str> = ApiVersion::ALL.iter().map(|v| v.as_str()).collect();
                ApimError::invalid_argument(
                    "apiVersion",
                    format!("apiVersion '{s}' is not supported; use one of {}", known.join(", ")),
                )
            })
    }

    /// `properties.circuitBreaker` (rules with acceptRetryAfter from 2024-05-01).
    pub fn has_circuit_breaker(self) -> bool {
        self >= ApiVersion::V2024_05_01
    }
    /// `properties.pool` and `properties.type`.
    pub fn has_pool(self) -> bool {
        self >= ApiVersion::V2024_05_01
    }
    /// Everything new in 2025-03-01-preview: azureRegion, failureResponse, sessionAffinity,
    /// preferredCarbonEmission, tls.serverCertificateThumbprints / serverX509Names.
    pub fn has_2025_fields(self) -> bool {
        self >= ApiVersion::V2025_03_01Preview
    }
}

impl Default for ApiVersion {
    fn default() -> Self {
        ApiVersion::DEFAULT
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
