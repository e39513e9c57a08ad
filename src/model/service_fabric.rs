//! BackendProperties and BackendServiceFabricClusterProperties.
//!
//! | field | rule | source (see backend.rs) |
//! |---|---|---|
//! | managementEndpoints | required, at least one, each non-empty | SPEC, TF (E6) |
//! | clientCertificateId / clientCertificatethumbprint | at least one of them | TF (E6) |
//! | serverCertificateThumbprints / serverX509Names | exactly one of them non-empty (an empty array counts as absent, as the Az recording sends `[]` beside names) | TF (E6) |
//! | serverX509Names[] | name and issuerCertificateThumbprint required | TF (E6) |
//! | maxPartitionResolutionRetries | int32; not required (terraform requires it, but the service defaults it to 3 and Az's recording omits it) | SPEC |
//! | clientCertificatethumbprint | written with the spec's lowercase `t`; `clientCertificateThumbprint` is read too |

use super::api_version::ApiVersion;
use super::error::ApimError;
use super::tls::X509CertificateName;
use super::validate::{field, item, join, parse_all, Problems};
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
        let endpoints = join(path, "managementEndpoints");
        if p.required(&endpoints, &self.management_endpoints) {
            let list = self.management_endpoints.as_deref().unwrap_or_default();
            p.min_items(&endpoints, list.len(), 1);
            for (i, e) in list.iter().enumerate() {
                p.length(&item(&endpoints, i), e, 1, usize::MAX);
            }
        }
        p.at_least_one(
            field(path, "clientCertificateId"),
            self.client_certificate_id.is_some(),
            field(path, "clientCertificatethumbprint"),
            self.client_certificate_thumbprint.is_some(),
        );
        // An empty array counts as absent: Az's recording sends `serverCertificateThumbprints: []`
        // beside its names.
        let thumbprints = self.server_certificate_thumbprints.as_ref().is_some_and(|v| !v.is_empty());
        let names = self.server_x509_names.as_ref().is_some_and(|v| !v.is_empty());
        let other = join(path, "serverX509Names");
        p.exactly_one(field(path, "serverCertificateThumbprints"), thumbprints, &other, names);
        for (i, name) in self.server_x509_names.as_deref().unwrap_or_default().iter().enumerate() {
            let at = item(&other, i);
            p.required(&join(&at, "name"), &name.name);
            p.required(&join(&at, "issuerCertificateThumbprint"), &name.issuer_certificate_thumbprint);
        }
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
