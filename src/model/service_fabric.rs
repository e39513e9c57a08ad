//! BackendProperties and BackendServiceFabricClusterProperties.
//!
//! | field | rule |
//! |---|---|
//! | managementEndpoints | required |
//! | maxPartitionResolutionRetries | int32 |
//! | clientCertificatethumbprint | written with the spec's lowercase `t`; `clientCertificateThumbprint` is read too |

use super::api_version::ApiVersion;
use super::error::ApimError;
use super::tls::X509CertificateName;
use super::validate::{join, parse_all, Problems};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Properties specific to the backend type (`properties.properties`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendProperties {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_fabric_cluster: Option<BackendServiceFabricClusterProperties>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendServiceFabricClusterProperties {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_certificate_id: Option<String>,
    /// The spec spells it `clientCertificatethumbprint` (sic); SDKs and users also write the
    /// camelCase form, so both are read and the spec's form is written.
    #[serde(
        default,
        rename = "clientCertificatethumbprint",
        alias = "clientCertificateThumbprint",
        skip_serializing_if = "Option::is_none"
    )]
    pub client_certificate_thumbprint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_partition_resolution_retries: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub management_endpoints: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_certificate_thumbprints: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_x509_names: Option<Vec<X509CertificateName>>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl BackendProperties {
    pub fn validate(&self, path: &str, version: ApiVersion, p: &mut Problems) {
        if let Some(sf) = &self.service_fabric_cluster {
            sf.validate(&join(path, "serviceFabricCluster"), version, p);
        }
    }
}

impl BackendServiceFabricClusterProperties {
    pub fn validate(&self, path: &str, _version: ApiVersion, p: &mut Problems) {
        p.required(&join(path, "managementEndpoints"), &self.management_endpoints);
    }
}

/// Builder check (`apim_backend_service_fabric_new`); targets are relative to the
/// serviceFabricCluster object.
pub fn check_service_fabric(value: &Value) -> Result<BackendServiceFabricClusterProperties, ApimError> {
    let mut p = Problems::new();
    let parsed: Option<BackendServiceFabricClusterProperties> = parse_all(value, "", &mut p);
    if let Some(parsed) = &parsed {
        parsed.validate("", ApiVersion::DEFAULT, &mut p);
    }
    p.finish_parsed(parsed)
}
