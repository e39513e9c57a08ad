//! Cmdlet-layer tests: each cmdlet's bound parameters (as the module sends them) mapped to the wire
//! contract and back to the Az / Graph objects, through the Rust API and through its C function.

#[path = "../ffi_support/mod.rs"]
mod ffi_support;
#[path = "../graph_support/mod.rs"]
mod graph_support;
#[path = "../sync_support/mod.rs"]
mod sync_support;

mod api_connector;
mod api_connector_cmdlets;
mod backend;
mod backend_circuit_breaker;
mod backend_credential;
mod backend_operations;
mod backend_pool;
mod backend_proxy;
mod backend_service_fabric;
mod backend_tls;
mod duration;
mod exchange_lines;
mod parameters;
mod support;
mod sync_api_connector;
mod sync_backend;
mod sync_c;
