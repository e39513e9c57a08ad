//! File sync tests: export, plan, sync and the dry run of backends and API connectors.
//! One test binary per layer (each former test file is a module), so the library is linked
//! once per layer rather than once per file.

#[path = "../sync_support/mod.rs"]
mod sync_support;

mod api_connector;
mod backend;
mod bulk;
mod dry_run;
