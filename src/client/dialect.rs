//! The two services the engine talks to, as data: how each shapes its errors, links its pages and
//! names its request ids. ARM (Microsoft.ApiManagement) and Microsoft Graph.

use super::api_connector::graph_error::parse_graph_error;
use super::response_error::{parse_arm_error, ErrorParser};

/// What differs between the services the engine talks to.
#[derive(Debug)]
pub struct Dialect {
    /// Builds the error for an unsuccessful answer.
    pub parse_error: ErrorParser,
    /// The collection field holding the next page's absolute URL (`nextLink`, `@odata.nextLink`).
    pub next_link_field: &'static str,
    /// The response header carrying the service's request id (for errors and `-Verbose`).
    pub request_id_header: &'static str,
    /// The request header carrying our client request id (`x-ms-client-request-id` on ARM,
    /// `client-request-id` on Graph).
    pub client_request_id_header: &'static str,
}

/// Azure Resource Manager (Microsoft.ApiManagement).
pub const ARM: Dialect = Dialect {
    parse_error: parse_arm_error,
    next_link_field: "nextLink",
    request_id_header: "x-ms-request-id",
    client_request_id_header: "x-ms-client-request-id",
};

/// Microsoft Graph: errors as `{"error":{code,message,details,innerError}}`, pages linked by
/// `@odata.nextLink`, the service's request id in `request-id`.
pub static GRAPH: Dialect = Dialect {
    parse_error: parse_graph_error,
    next_link_field: "@odata.nextLink",
    request_id_header: "request-id",
    client_request_id_header: "client-request-id",
};
