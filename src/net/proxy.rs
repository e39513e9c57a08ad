//! Proxies from the environment (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`, upper or lower
//! case, as curl and the Azure SDKs read them), with one rule of our own: loopback is never proxied.
//!
//! Why loopback is exempt: the emulator, test servers and the managed-identity endpoints of App
//! Service live on this host; sending their traffic (and bearer tokens) to a corporate proxy would
//! leak credentials and break offline runs. reqwest's automatic proxy does not exempt loopback.

/// Hosts that bypass every proxy whatever `NO_PROXY` says.
const LOOPBACK: &str = "localhost,127.0.0.0/8,::1";

/// What the environment asks for, read once per client build.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProxySettings {
    pub https: Option<String>,
    pub http: Option<String>,
    pub all: Option<String>,
    /// `NO_PROXY` plus the loopback exemption.
    pub no_proxy: String,
}

fn env_either(upper: &str) -> Option<String> {
    let lower = upper.to_ascii_lowercase();
    std::env::var(upper)
        .ok()
        .or_else(|| std::env::var(lower).ok())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Reads the proxy variables of the process environment.
pub fn proxies_from_env() -> ProxySettings {
    let no_proxy = no_proxy_list(env_either("NO_PROXY").as_deref());
    ProxySettings { https: env_either("HTTPS_PROXY"), http: env_either("HTTP_PROXY"), all: env_either("ALL_PROXY"), no_proxy }
}

/// The user's `NO_PROXY` entries followed by the loopback exemption.
fn no_proxy_list(user: Option<&str>) -> String {
    match user.map(str::trim).filter(|u| !u.is_empty()) {
        Some(user) => format!("{user},{LOOPBACK}"),
        None => LOOPBACK.to_string(),
    }
}

impl ProxySettings {
    /// Installs these proxies on a builder (and only these: the automatic system proxy is turned
    /// off so that the loopback rule cannot be bypassed). A malformed proxy URL is an error that
    /// names the variable but never its value, which may carry `user:password@`.
    pub fn apply(&self, mut builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder, String> {
        builder = builder.no_proxy();
        let entries: [(&str, &Option<String>, fn(&str) -> reqwest::Result<reqwest::Proxy>); 3] = [
            ("HTTPS_PROXY", &self.https, |u| reqwest::Proxy::https(u)),
            ("HTTP_PROXY", &self.http, |u| reqwest::Proxy::http(u)),
            ("ALL_PROXY", &self.all, |u| reqwest::Proxy::all(u)),
        ];
        for (name, value, make) in entries {
            if let Some(url) = value {
                let proxy = make(url).map_err(|_| format!("{name} is not a valid proxy URL"))?;
                builder = builder.proxy(proxy.no_proxy(reqwest::NoProxy::from_string(&self.no_proxy)));
            }
        }
        Ok(builder)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_is_always_exempt_and_no_proxy_is_kept() {
        assert_eq!(no_proxy_list(None), "localhost,127.0.0.0/8,::1");
        assert_eq!(no_proxy_list(Some("  ")), "localhost,127.0.0.0/8,::1");
        assert_eq!(no_proxy_list(Some("corp.example, .internal")), "corp.example, .internal,localhost,127.0.0.0/8,::1");
    }

    #[test]
    fn a_bad_proxy_url_names_the_variable_not_the_value() {
        let settings = ProxySettings { https: Some("http://user:s3cret@[bad".into()), no_proxy: LOOPBACK.into(), ..Default::default() };
        let err = settings.apply(reqwest::Client::builder()).err().expect("malformed proxy URL is refused");
        assert!(err.contains("HTTPS_PROXY"));
        assert!(!err.contains("s3cret"));
    }
}
