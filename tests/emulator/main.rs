//! Emulator tests: the ARM and Graph routes over HTTP, the binary, persistence and the limits no request can pass.
//! One test binary per layer (each former test file is a module), so the library is linked
//! once per layer rather than once per file.

#[path = "../emulator_support/mod.rs"]
mod emulator_support;
#[path = "../graph_support/mod.rs"]
mod graph_support;
#[path = "../raw_http/mod.rs"]
mod raw_http;

mod auth_throttle;
mod binary;
mod binary_remote;
mod crud;
mod examples;
mod graph;
mod list;
mod persistence;
mod reliability;
mod subscriptions;
mod validation;
mod workspaces;
