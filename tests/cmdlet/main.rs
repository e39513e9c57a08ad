//! Cmdlet-layer tests: each cmdlet's bound parameters (as the module sends them) mapped to the wire
//! contract and back to the Az / Graph objects, through the Rust API and through its C function.

#[path = "../ffi_support/mod.rs"]
mod ffi_support;
#[path = "../sync_support/mod.rs"]
mod sync_support;

mod backend_credential;
mod parameters;
mod sync_api_connector;
mod sync_backend;
mod sync_c;
