//! How every HTTP client of the crate reaches the network: which proxy (if any) a request goes
//! through and which certificate roots TLS trusts. Used by `client` (ARM, Graph) and `auth` (tokens).

mod deferred_verifier;
mod proxy;
mod tls;

pub use proxy::{proxies_from_env, ProxySettings};
pub use tls::{load_roots, tls_config, TlsRoots};

/// Applies the proxy settings of the environment and the chosen trust roots to a reqwest builder.
/// The roots themselves are read by [`load_roots`] (or the first handshake), not here.
pub fn configure(builder: reqwest::ClientBuilder, roots: TlsRoots) -> Result<reqwest::ClientBuilder, String> {
    let builder = proxies_from_env().apply(builder)?;
    Ok(builder.use_preconfigured_tls(tls_config(roots)?))
}

/// Whether talking to `endpoint` can involve TLS. Only plain http to a loopback host cannot: such a
/// request is never proxied (see `proxy`), so no https proxy can come between either, and a client
/// follows nothing outside its endpoints' origins.
pub fn may_need_tls(endpoint: &url::Url) -> bool {
    let loopback = match endpoint.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    !(endpoint.scheme() == "http" && loopback)
}

#[cfg(test)]
mod tests {
    use super::may_need_tls;

    #[test]
    fn only_plain_http_on_loopback_goes_without_tls() {
        let needs = |u: &str| may_need_tls(&url::Url::parse(u).unwrap());
        for plain in ["http://127.0.0.1:8080", "http://127.9.0.1", "http://localhost:1/x", "http://LOCALHOST", "http://[::1]:80"] {
            assert!(!needs(plain), "{plain}");
        }
        for tls in ["https://127.0.0.1:8443", "https://localhost", "http://10.0.0.1", "http://apim.contoso.example", "http://localhost.example", "https://management.azure.com"] {
            assert!(needs(tls), "{tls}");
        }
    }
}
