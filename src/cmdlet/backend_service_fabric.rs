//! `New-AzApiManagementBackendServiceFabric` and the `PsApiManagementServiceFabric` object, both
//! ways: the cmdlet's parameters or a cluster object (given to `-ServiceFabricCluster`) become the
//! wire `serviceFabricCluster`, and the wire form becomes the object Az shows.
//!
//! Unlike Az, an absent `-ServerCertificateThumbprint` is not sent as an empty list, and array
//! values of `-ServerX509Name` are kept (Az sent "System.Object[]"); the thumbprint goes out with the
//! spelling the service reads, `clientCertificatethumbprint`.

use super::backend_tls::{x509_names_from_map, x509_names_to_map};
use super::{wire_value, CmdletOutput, ParameterNames, Parameters, PsObject};
use crate::model::service_fabric::{check_service_fabric, BackendServiceFabricClusterProperties};
use crate::model::ApimError;
use serde_json::{Map, Value};

pub const SERVICE_FABRIC_TYPE: &str = "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementServiceFabric";

/// Which wire field each parameter of `New-AzApiManagementBackendServiceFabric` fills.
pub const NEW_PARAMETER_NAMES: ParameterNames = ParameterNames(&[
    ("managementEndpoints", "-ManagementEndpoint"),
    ("clientCertificatethumbprint", "-ClientCertificateThumbprint"),
    ("clientCertificateId", "-ClientCertificateId"),
    ("maxPartitionResolutionRetries", "-MaxPartitionResolutionRetry"),
    ("serverCertificateThumbprints", "-ServerCertificateThumbprint"),
    ("serverX509Names", "-ServerX509Name"),
]);

/// The object's property for each wire field; `from_object` and `new` differ only in these names.
struct Names {
    endpoints: &'static str,
    retries: &'static str,
    server_thumbprints: &'static str,
    x509_names: &'static str,
}

const PARAMETERS: Names = Names {
    endpoints: "ManagementEndpoint",
    retries: "MaxPartitionResolutionRetry",
    server_thumbprints: "ServerCertificateThumbprint",
    x509_names: "ServerX509Name",
};

// Az's object names the thumbprint list in the singular, as the cmdlet parameter.
const PROPERTIES: Names = Names {
    endpoints: "ManagementEndpoints",
    retries: "MaxPartitionResolutionRetries",
    server_thumbprints: "ServerCertificateThumbprint",
    x509_names: "ServerX509Names",
};

/// `New-AzApiManagementBackendServiceFabric`: validates the cluster with the model's rules (endpoints,
/// a client certificate, exactly one way to trust the server) and answers with the cluster object.
pub fn new(parameters: &Parameters) -> Result<CmdletOutput, ApimError> {
    let wire = read(parameters, &PARAMETERS)?;
    let checked = check_service_fabric(&wire_value(&wire)).map_err(|error| NEW_PARAMETER_NAMES.rename(error))?;
    Ok(CmdletOutput::objects(vec![to_object(&checked)]))
}

/// The wire `serviceFabricCluster` of a `PsApiManagementServiceFabric` given to a cmdlet (ours, a
/// deserialized copy, or a hashtable with the same names), not yet validated.
pub fn from_object(object: &Parameters) -> Result<BackendServiceFabricClusterProperties, ApimError> {
    read(object, &PROPERTIES)
}

/// The `PsApiManagementServiceFabric` Az shows for a wire `serviceFabricCluster`.
pub fn to_object(cluster: &BackendServiceFabricClusterProperties) -> Value {
    PsObject::new(SERVICE_FABRIC_TYPE)
        .optional("ClientCertificateThumbprint", cluster.client_certificate_thumbprint.clone())
        .optional("ClientCertificateId", cluster.client_certificate_id.clone())
        .optional("MaxPartitionResolutionRetries", cluster.max_partition_resolution_retries)
        .optional("ManagementEndpoints", cluster.management_endpoints.clone())
        .property("ServerX509Names", x509_names_to_map(cluster.server_x509_names.as_deref().unwrap_or_default()))
        .optional("ServerCertificateThumbprint", cluster.server_certificate_thumbprints.clone())
        .into_value()
}

/// An empty client certificate (a pipeline object's blank property) counts as not given, as in Az.
fn read(p: &Parameters, names: &Names) -> Result<BackendServiceFabricClusterProperties, ApimError> {
    let retries = match p.i64(names.retries)? {
        None => None,
        Some(number) => Some(i32::try_from(number).map_err(|_| {
            let shown = p.display_name(names.retries);
            ApimError::invalid_argument(shown.clone(), format!("{shown} must be a 32-bit whole number (it is {number})"))
        })?),
    };
    Ok(BackendServiceFabricClusterProperties {
        client_certificate_id: p.string("ClientCertificateId")?.filter(|id| !id.is_empty()),
        client_certificate_thumbprint: p.string("ClientCertificateThumbprint")?.filter(|thumbprint| !thumbprint.is_empty()),
        max_partition_resolution_retries: retries,
        management_endpoints: p.string_list(names.endpoints)?,
        server_certificate_thumbprints: p.string_list(names.server_thumbprints)?,
        server_x509_names: x509_names_from_map(p, names.x509_names)?,
        extra: Map::new(),
    })
}
