//! The operations, `backend` (ARM) and `api_connector` (Graph), over one HTTP engine: `engine`
//! (a call: send, cancel, scrub), `transport` (one attempt), `retry_loop` and `retry` (when and how
//! long to wait), `dialect` (what differs between ARM and Graph), `paging`, `polling`, `response_error`.

mod api_client;
pub mod api_connector;
pub mod backend;
mod dialect;
pub mod engine;
mod http;
pub mod options;
mod outcome_note;
pub mod paging;
pub mod polling;
pub mod response_error;
mod result;
pub mod retry;
mod retry_loop;
pub mod session;
pub mod transport;

pub use api_client::ApimClient;
pub use options::{ClientOptions, RetryOptions};
pub use result::{Exchange, ListResult, OperationResult, RawJson};
