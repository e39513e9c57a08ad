//! Managed identity: the platform endpoint (`platform`), the token source (`credential`), the
//! per-platform requests (`flows`, `imds`); this file holds the types they all share.

pub mod credential;
pub mod flows;
pub mod imds;
pub mod platform;

use crate::auth::secret::Secret;
use url::Url;

pub const SOURCE_NAME: &str = "managed identity";

/// A user-assigned identity; none means the system-assigned one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserAssignedId {
    ClientId(String),
    ObjectId(String),
    ResourceId(String),
}

/// The platform endpoint found in the environment, in the order the Azure SDKs check them.
#[derive(Debug)]
pub enum Platform {
    /// App Service, Functions, Container Apps: IDENTITY_ENDPOINT + IDENTITY_HEADER.
    AppService { endpoint: Url, header: Secret },
    /// Azure Automation cloud jobs: the same two variables; told apart by AZUREPS_HOST_ENVIRONMENT
    /// (`AzureAutomation/...`, set in every Automation sandbox) or by asking for the POST form.
    Automation { endpoint: Url, header: Secret, post_form: bool },
    /// MSI_ENDPOINT + MSI_SECRET: the 2017-09-01 App Service API, also Automation hybrid workers.
    LegacyAppService { endpoint: Url, secret: Secret },
    /// MSI_ENDPOINT alone: Azure Cloud Shell.
    CloudShell { endpoint: Url },
    /// Everything else: the VM's Instance Metadata Service.
    Imds { endpoint: Url },
    /// Recognised but not implemented here (Service Fabric, Azure Arc).
    Unsupported { reason: String },
}
