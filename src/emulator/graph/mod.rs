//! Graph identity API connectors (`/v1.0` and `/beta` `identity/apiConnectors`): the routes and
//! handlers, Graph's error shape, the OData query options, the stored connector and the PFX reader.

mod api_connector;
mod error;
mod pfx;
mod query;
mod stored;

pub use api_connector::routes;
pub use error::{GraphError, Tracing};
