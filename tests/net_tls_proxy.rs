//! How the client reaches the network: the OS certificate store (with a test CA given through
//! `SSL_CERT_FILE`, which the Linux platform verifier reads) against the bundled roots, read once per
//! process and only for a client that may need TLS, and the proxy variables (honoured for other
//! hosts, never for loopback).
//!
//! One test function on purpose: it sets process environment variables, which must not race with
//! other tests, and this file is its own test binary. Every socket is on 127.0.0.1; the proxied host
//! name is never resolved (the request goes to the loopback proxy only).

use apim_native::client::{ApimClient, ClientOptions};
use std::io::Write;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const BACKEND: &str = r#"{"id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/b1","type":"Microsoft.ApiManagement/service/backends","name":"b1","properties":{"url":"https://contoso.example/api","protocol":"http"}}"#;

/// A token endpoint's answer (the values are test values, not secrets).
const TOKEN: &str = r#"{"token_type":"Bearer","expires_in":3599,"access_token":"tls-test-token"}"#;

fn http_answer() -> Vec<u8> {
    answer_with(BACKEND)
}

fn answer_with(body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\netag: \"AAAA\"\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{}",
        body.len(),
        body
    )
    .into_bytes()
}

/// Reads one HTTP request (head, and the body its content-length announces, so that closing the
/// connection does not reset it under the client) and returns its request line.
async fn read_request_line<S: AsyncReadExt + Unpin>(stream: &mut S) -> String {
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(at) = seen.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        let n = stream.read(&mut buf).await.unwrap_or(0);
        if n == 0 {
            break seen.len();
        }
        seen.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&seen[..head_end]).to_string();
    let body_len: usize = head
        .lines()
        .find_map(|l| l.split_once(':').filter(|(name, _)| name.eq_ignore_ascii_case("content-length")))
        .and_then(|(_, v)| v.trim().parse().ok())
        .unwrap_or(0);
    while seen.len() < head_end + body_len {
        let n = stream.read(&mut buf).await.unwrap_or(0);
        if n == 0 {
            break;
        }
        seen.extend_from_slice(&buf[..n]);
    }
    head.lines().next().unwrap_or_default().to_string()
}

/// A plain HTTP server (or proxy: it answers absolute-form requests the same way) that records
/// each request line and answers one backend.
async fn start_recording_server() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let log = log.clone();
            tokio::spawn(async move {
                let line = read_request_line(&mut stream).await;
                log.lock().unwrap().push(line);
                let _ = stream.write_all(&http_answer()).await;
                let _ = stream.shutdown().await;
            });
        }
    });
    (format!("http://{addr}"), seen)
}

struct TestCa {
    ca_pem: String,
    server_config: Arc<rustls::ServerConfig>,
}

fn make_ca() -> TestCa {
    let ca_key = rcgen::KeyPair::generate().unwrap();
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca_params.distinguished_name.push(rcgen::DnType::CommonName, "ApimNative test root");
    ca_params.key_usages = vec![rcgen::KeyUsagePurpose::KeyCertSign, rcgen::KeyUsagePurpose::CrlSign];
    let ca = rcgen::CertifiedIssuer::self_signed(ca_params, ca_key).unwrap();

    let leaf_key = rcgen::KeyPair::generate().unwrap();
    let mut leaf_params = rcgen::CertificateParams::new(vec!["localhost".to_string()]).unwrap();
    leaf_params.subject_alt_names.push(rcgen::SanType::IpAddress("127.0.0.1".parse().unwrap()));
    leaf_params.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ServerAuth];
    let leaf = leaf_params.signed_by(&leaf_key, &ca).unwrap();

    let chain = vec![leaf.der().clone(), ca.der().clone()];
    let key = rustls::pki_types::PrivateKeyDer::try_from(leaf_key.serialize_der()).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut server_config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .unwrap();
    server_config.alpn_protocols = vec![b"http/1.1".to_vec()];
    TestCa { ca_pem: ca.pem(), server_config: Arc::new(server_config) }
}

/// An HTTPS server on loopback whose certificate is issued by the test CA: a token endpoint for
/// `POST /{tenant}/oauth2/v2.0/token`, one backend for anything else.
async fn start_tls_server(config: Arc<rustls::ServerConfig>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(config);
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                // A client that does not trust the CA aborts the handshake: nothing to answer.
                let Ok(mut tls) = acceptor.accept(stream).await else { return };
                let line = read_request_line(&mut tls).await;
                let answer = if line.contains("/oauth2/v2.0/token") { answer_with(TOKEN) } else { http_answer() };
                let _ = tls.write_all(&answer).await;
                let _ = tls.shutdown().await;
            });
        }
    });
    format!("https://127.0.0.1:{}", addr.port())
}

/// Options for one scenario. Each scenario uses its own connect timeout so that it gets its own
/// process-wide reqwest client, built with the environment as it is at that moment.
fn options(arm_endpoint: &str, connect_timeout_seconds: u64, tls_roots: Option<&str>) -> ClientOptions {
    options_with_graph(arm_endpoint, "http://127.0.0.1:9", connect_timeout_seconds, tls_roots)
}

fn options_with_graph(arm_endpoint: &str, graph_endpoint: &str, connect_timeout_seconds: u64, tls_roots: Option<&str>) -> ClientOptions {
    let mut json = serde_json::json!({
        "armEndpoint": arm_endpoint,
        "graphEndpoint": graph_endpoint,
        "auth": {"kind": "token", "token": "test-token-not-secret"},
        "retry": {"maxAttempts": 1},
        "timeoutSeconds": 10,
        "connectTimeoutSeconds": connect_timeout_seconds,
        "subscriptionId": "00000000-0000-0000-0000-000000000000"
    });
    if let Some(roots) = tls_roots {
        json["tlsRoots"] = serde_json::json!(roots);
    }
    serde_json::from_value(json).unwrap()
}

fn backend_request() -> apim_native::client::backend::BackendRequest {
    serde_json::from_value(serde_json::json!({
        "resourceGroupName": "rg1", "serviceName": "apimService1", "backendId": "b1"
    }))
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_roots_and_proxies_from_the_environment() {
    for var in ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy"] {
        std::env::remove_var(var);
    }
    std::env::remove_var("APIM_NATIVE_TLS_ROOTS");

    let ca = make_ca();
    let tls_base = start_tls_server(ca.server_config.clone()).await;
    std::env::remove_var("SSL_CERT_DIR");

    // --- An OS store with no certificate, before anything in this process has read the store: a
    // client whose endpoints are all plain http on loopback does not read it (and works); one
    // that may need TLS reports it when it is made, as it always has; the bundled roots need no store.
    let empty_store = tempfile::NamedTempFile::new().unwrap();
    std::env::set_var("SSL_CERT_FILE", empty_store.path());
    let (plain_base, plain_seen) = start_recording_server().await;
    let plain = ApimClient::new(options_with_graph(&plain_base, &plain_base, 10, None))
        .unwrap_or_else(|e| panic!("a plain-http loopback client reads no roots: {} {}", e.code, e.message));
    plain.backend_get(&backend_request()).await.expect("plain http needs no roots");
    assert_eq!(plain_seen.lock().unwrap().len(), 1);
    match ApimClient::new(options(&tls_base, 10, None)) {
        Ok(_) => panic!("an https client made with an empty OS store must fail"),
        Err(e) => {
            assert_eq!(e.code, "HttpClientUnavailable");
            assert!(e.message.contains("certificate verifier could not be set up"), "{}", e.message);
        }
    }
    let graph_only = ApimClient::new(options_with_graph(&plain_base, "https://graph.microsoft.com", 10, None));
    assert!(graph_only.is_err(), "an https graphEndpoint may need TLS too");
    ApimClient::new(options(&tls_base, 10, Some("bundled"))).unwrap_or_else(|e| panic!("bundled roots need no store: {}", e.message));

    // --- TLS: the platform verifier trusts what the OS store holds; the bundled roots do not.
    // The failed read above is not kept: the next client reads the store again.
    let mut ca_file = tempfile::NamedTempFile::new().unwrap();
    ca_file.write_all(ca.ca_pem.as_bytes()).unwrap();
    std::env::set_var("SSL_CERT_FILE", ca_file.path());

    let platform = ApimClient::new(options(&tls_base, 11, None)).unwrap();
    let got = platform.backend_get(&backend_request()).await.expect("the OS store (SSL_CERT_FILE) trusts the test CA");
    assert_eq!(got.status, 200);

    let bundled = ApimClient::new(options(&tls_base, 12, Some("bundled"))).unwrap();
    let err = bundled.backend_get(&backend_request()).await.expect_err("the bundled roots do not know the test CA");
    let text = format!("{} {}", err.code, err.message).to_lowercase();
    assert!(text.contains("certificate") || text.contains("tls") || text.contains("connect"), "unexpected error: {text}");

    // The roots are shared per TlsRoots for the whole process: more clients of each kind, made
    // after both configurations exist (and over the pooled reqwest client the plain-http client
    // above made before any root was read: timeout 10), still trust exactly their own roots.
    for timeout in [10, 17] {
        let again = ApimClient::new(options(&tls_base, timeout, None)).unwrap();
        again.backend_get(&backend_request()).await.expect("a later platform client trusts the OS store as well");
        let again_bundled = ApimClient::new(options(&tls_base, timeout + 10, Some("bundled"))).unwrap();
        again_bundled.backend_get(&backend_request()).await.expect_err("a later bundled client still does not know the test CA");
    }

    // The token client shares the platform configuration: a sign-in host whose certificate the OS
    // store vouches for is trusted.
    let auth: apim_native::auth::AuthOptions = serde_json::from_value(serde_json::json!({
        "kind": "clientSecret", "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
        "clientId": "0b5ab8c6-0f3a-4e5b-9d1c-1f2e3d4c5b6a", "clientSecret": "test-value-not-secret", "authorityHost": tls_base
    }))
    .unwrap();
    let source = apim_native::auth::token_source_from_options_with_env(&auth, &apim_native::auth::Env::default()).unwrap().unwrap();
    let token = source.token(apim_native::auth::ARM_SCOPE).await.unwrap_or_else(|e| panic!("token over TLS: {} {}", e.code, e.message));
    assert_eq!(token.token, "tls-test-token");

    std::env::set_var("APIM_NATIVE_TLS_ROOTS", "bundled");
    let by_env = ApimClient::new(options(&tls_base, 13, None)).unwrap();
    by_env.backend_get(&backend_request()).await.expect_err("APIM_NATIVE_TLS_ROOTS=bundled selects the bundled roots");
    std::env::remove_var("APIM_NATIVE_TLS_ROOTS");

    // --- Proxies: another host goes through HTTP_PROXY; loopback never does.
    let (proxy_base, proxy_seen) = start_recording_server().await;
    let (direct_base, direct_seen) = start_recording_server().await;
    std::env::set_var("HTTP_PROXY", &proxy_base);

    let far = ApimClient::new(options("http://apim.contoso.example", 14, None)).unwrap();
    let got = far.backend_get(&backend_request()).await.expect("the proxy answers for the far host");
    assert_eq!(got.status, 200);
    let lines = proxy_seen.lock().unwrap().clone();
    assert_eq!(lines.len(), 1, "one request through the proxy: {lines:?}");
    assert!(
        lines[0].starts_with("GET http://apim.contoso.example/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/"),
        "absolute-form request to the proxy: {}",
        lines[0]
    );

    let near = ApimClient::new(options(&direct_base, 15, None)).unwrap();
    near.backend_get(&backend_request()).await.expect("loopback answers directly");
    assert_eq!(proxy_seen.lock().unwrap().len(), 1, "loopback traffic must not reach the proxy");
    assert_eq!(direct_seen.lock().unwrap().len(), 1);

    // localhost is loopback too, whatever NO_PROXY says.
    std::env::set_var("NO_PROXY", "example.org");
    let local_name = direct_base.replace("127.0.0.1", "localhost");
    let near_by_name = ApimClient::new(options(&local_name, 16, None)).unwrap();
    near_by_name.backend_get(&backend_request()).await.expect("localhost answers directly");
    assert_eq!(proxy_seen.lock().unwrap().len(), 1, "localhost must not reach the proxy");

    for var in ["HTTP_PROXY", "NO_PROXY", "SSL_CERT_FILE"] {
        std::env::remove_var(var);
    }
}
