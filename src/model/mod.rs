//! Wire contracts (plain serde structs named as in the spec) and their validation.
//! A reader finds the rule for any field in the file of the type that owns it.

pub mod address;
pub mod api_connector;
pub mod api_version;
pub mod arm_resource;
pub mod backend;
pub mod circuit_breaker;
pub mod credentials;
pub mod error;
pub mod path_segment;
pub mod pool;
pub mod proxy;
pub mod redact;
pub mod service_fabric;
pub mod tls;
pub mod validate;

pub use api_version::ApiVersion;
pub use error::{ApimError, ErrorCategory, ErrorDetail, ShownMessages};
