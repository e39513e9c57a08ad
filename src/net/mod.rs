//! How every HTTP client of the crate reaches the network: which proxy (if any) a request goes
//! through and which certificate roots TLS trusts. Used by `client` (ARM, Graph) and `auth` (tokens).

mod proxy;
mod tls;

pub use proxy::{proxies_from_env, ProxySettings};
pub use tls::{tls_config, TlsRoots};

/// Applies the proxy settings of the environment and the chosen trust roots to a reqwest builder.
pub fn configure(builder: reqwest::ClientBuilder, roots: TlsRoots) -> Result<reqwest::ClientBuilder, String> {
    let builder = proxies_from_env().apply(builder)?;
    Ok(builder.use_preconfigured_tls(tls_config(roots)?))
}
