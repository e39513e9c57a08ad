//! The environment the token sources read (AZURE_*, IDENTITY_*, MSI_*, PATH), captured once.
//! Sources never call `std::env` themselves, so tests hand in a map instead of mutating the
//! process-global environment.

use std::collections::HashMap;

#[derive(Clone, Default)]
pub struct Env {
    vars: HashMap<String, String>,
}

impl Env {
    /// A snapshot of the process environment (taken when a client is created).
    pub fn process() -> Env {
        Env { vars: std::env::vars().collect() }
    }

    /// An environment made of exactly these pairs (tests, embedding hosts).
    pub fn from_pairs<K: Into<String>, V: Into<String>>(pairs: impl IntoIterator<Item = (K, V)>) -> Env {
        Env { vars: pairs.into_iter().map(|(k, v)| (k.into(), v.into())).collect() }
    }

    /// The value of `name`; a variable set to an empty or blank string counts as unset, as in
    /// the Azure SDKs.
    pub fn get(&self, name: &str) -> Option<String> {
        self.vars.get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
    }

    pub fn is_set(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Every variable, to hand to a child process (`az`).
    pub fn pairs(&self) -> impl Iterator<Item = (&String, &String)> {
        self.vars.iter()
    }

    /// Returns a copy with `name` set (tests layer variables over a base).
    pub fn with(mut self, name: &str, value: &str) -> Env {
        self.vars.insert(name.to_string(), value.to_string());
        self
    }
}

// Why no derive: the map holds AZURE_CLIENT_SECRET, IDENTITY_HEADER and friends.
impl std::fmt::Debug for Env {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut names: Vec<&String> = self.vars.keys().collect();
        names.sort();
        f.debug_struct("Env").field("names", &names).finish()
    }
}
