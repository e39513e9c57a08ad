//! PowerShell module tests that need no PowerShell: manifest, parse rules, resource ids, the cmdlet surface, the release workflow.
//! One test binary per layer (each former test file is a module), so the library is linked
//! once per layer rather than once per file.

#[path = "../module_support/mod.rs"]
mod support;

mod caller_preference;
mod clouds;
mod manifest;
mod option_fields;
mod parse;
mod private_calls;
mod release_workflow;
mod resource_id;
mod surface;
mod wire_names;
