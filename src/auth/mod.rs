//! Token sources behind one trait, selected by the client options' `auth.kind`.
//! Sources: static token, client secret, client certificate, workload identity, managed identity,
//! Azure CLI, the environment, and the `default` chain of them; all but the static token cached.

pub mod authority;
pub mod azure_cli;
pub mod cache;
pub mod certificate;
pub mod chain;
pub mod client_assertion;
pub mod client_certificate;
pub mod client_secret;
pub mod entra_token;
pub mod env;
pub mod environment;
pub mod errors;
pub mod expires_on;
mod from_options;
pub mod http;
pub mod managed_identity;
mod options;
pub mod secret;
pub mod static_token;
pub mod subscription;
mod token;
pub mod workload_identity;

pub use env::Env;
pub use from_options::{token_source_from_options, token_source_from_options_with_env};
pub use options::AuthOptions;
pub use secret::Secret;
pub use token::{AccessToken, TokenSource, ARM_SCOPE, GRAPH_SCOPE};
