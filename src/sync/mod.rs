//! Backends (and identity API connectors) as files: export to a directory, plan the difference
//! with the service, and apply it in dependency order with a bounded, paced bulk executor.
//!
//! `files` (canonical JSON text, one file per resource), `secrets` (named placeholders and their
//! resolution), `diff` (property-level changes), `executor` (write pacing), `backend` and
//! `api_connector` (export, plan and sync for each resource), `dry_run` (a service's backends
//! mirrored into an emulator and the emulator's state planned against the service).

pub mod api_connector;
pub mod backend;
mod backend_service;
pub mod diff;
pub mod dry_run;
pub mod executor;
pub mod files;
mod pointer;
pub mod secrets;

use serde::{Deserialize, Serialize};

/// serde's default for the flags that are on unless turned off (`useEnvironment`).
fn default_true() -> bool {
    true
}

/// What a plan does to one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    Create,
    Update,
    Delete,
    NoChange,
}

impl Action {
    pub fn writes(self) -> bool {
        self != Action::NoChange
    }

    /// The word for messages: "created", "updated", "deleted", "left unchanged".
    pub fn past(self) -> &'static str {
        match self {
            Action::Create => "created",
            Action::Update => "updated",
            Action::Delete => "deleted",
            Action::NoChange => "left unchanged",
        }
    }
}

/// How one write of a sync ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// The write was applied.
    Succeeded,
    /// The service refused it (the error says why; a 412 means someone else changed it first).
    Failed,
    /// Not attempted: something it depends on failed, or it was not in the approved plan.
    Skipped,
    /// Nothing to do.
    NoChange,
}
