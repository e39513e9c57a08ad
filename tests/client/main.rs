//! Client tests: the ARM and Graph operations against the fake server, the emulator, a faulty network and recordings.
//! One test binary per layer (each former test file is a module), so the library is linked
//! once per layer rather than once per file.

#[path = "../client_support/mod.rs"]
mod client_support;
#[path = "../emulator_support/mod.rs"]
mod emulator_support;
#[path = "../fault_proxy/mod.rs"]
mod fault_proxy;
#[path = "../graph_support/mod.rs"]
mod graph_support;

mod debug_redaction;
mod emulator;
mod examples;
mod fault_injection;
mod graph;
mod graph_headers;
mod operations;
mod recordings_replay;
mod reliability;
mod retry;
