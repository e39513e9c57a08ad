//! Cmdlet-layer tests: each cmdlet's bound parameters (as the module sends them) mapped to the wire
//! contract and back to the Az / Graph objects, through the Rust API and through its C function.

#[path = "../graph_support/mod.rs"]
mod graph_support;

mod api_connector;
mod api_connector_cmdlets;
mod backend_circuit_breaker;
mod backend_credential;
mod backend_pool;
mod backend_proxy;
mod backend_service_fabric;
mod backend_tls;
mod connect;
mod duration;
mod exchange_lines;
mod module_client;
mod parameters;
mod support;
