//! Auth tests: every token source and the default chain against fake token endpoints on loopback.
//! One test binary per layer (each former test file is a module), so the library is linked
//! once per layer rather than once per file.

#[path = "../auth_common/mod.rs"]
mod auth_common;

mod azure_cli;
mod cache;
mod chain;
mod client_credentials;
mod clouds;
mod end_to_end;
mod managed_identity;
mod options;
