//! Service-principal flows against a fake Entra token endpoint: the exact request each sends
//! (client secret, certificate PEM and PFX with a verified RS256 assertion, workload identity with
//! its token file re-read on refresh, the environment kind), authority hosts and clouds, and that
//! no secret reaches an error or Debug output.

use crate::auth_common;

use apim_native::auth::{token_source_from_options_with_env, Env, ARM_SCOPE, GRAPH_SCOPE};
use auth_common::*;
use serde_json::json;

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const CLIENT: &str = "0b5ab8c6-0f3a-4e5b-9d1c-1f2e3d4c5b6a";
const SECRET: &str = "s3cr3t~Value_that-must.never.leak";

fn env_for(server: &FakeServer) -> Env {
    Env::from_pairs([("AZURE_AUTHORITY_HOST", server.base.as_str())])
}

#[tokio::test]
async fn client_secret_posts_the_documented_form_and_reads_expires_in() {
    let server = FakeServer::start(200, entra_ok("arm-token", 3599)).await;
    let options = auth_options(json!({"kind":"clientSecret","tenantId":TENANT,"clientId":CLIENT,"clientSecret":SECRET}));
    let source = token_source_from_options_with_env(&options, &env_for(&server)).unwrap().unwrap();
    let before = std::time::SystemTime::now();
    let token = source.token(ARM_SCOPE).await.unwrap();
    assert_eq!(token.token, "arm-token");
    let lifetime = token.expires_on.duration_since(before).unwrap().as_secs();
    assert!((3590..=3600).contains(&lifetime), "expires_in 3599 gives ~1 h, got {lifetime}");

    let request = server.last();
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, format!("/{TENANT}/oauth2/v2.0/token"));
    assert_eq!(request.header("content-type"), Some("application/x-www-form-urlencoded"));
    assert_eq!(request.form_names(), ["client_id", "client_secret", "grant_type", "scope"]);
    assert_eq!(request.form_value("client_id").as_deref(), Some(CLIENT));
    assert_eq!(request.form_value("client_secret").as_deref(), Some(SECRET));
    assert_eq!(request.form_value("grant_type").as_deref(), Some("client_credentials"));
    assert_eq!(request.form_value("scope").as_deref(), Some(ARM_SCOPE));

    // Graph is another scope: another request, another token.
    server.set_fallback(200, entra_ok("graph-token", 3599));
    assert_eq!(source.token(GRAPH_SCOPE).await.unwrap().token, "graph-token");
    assert_eq!(server.last().form_value("scope").as_deref(), Some(GRAPH_SCOPE));
}

#[tokio::test]
async fn a_rejected_secret_reports_the_service_error_without_the_secret() {
    let server = FakeServer::start(
        401,
        json!({"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}),
    )
    .await;
    let options = auth_options(json!({"kind":"clientSecret","tenantId":TENANT,"clientId":CLIENT,"clientSecret":SECRET}));
    let source = token_source_from_options_with_env(&options, &env_for(&server)).unwrap().unwrap();
    let error = source.token(ARM_SCOPE).await.unwrap_err();
    assert_eq!(error.code, "AuthenticationFailed");
    assert_eq!(error.http_status, Some(401));
    assert!(error.message.contains("AADSTS7000215"), "{}", error.message);
    let shown = format!("{} {:?} {}", error.to_json(), error, format!("{options:?}"));
    assert!(!shown.contains(SECRET), "the secret leaked: {shown}");
    assert!(format!("{options:?}").contains("<redacted>"));
}

#[tokio::test]
async fn client_certificate_pem_sends_a_signed_rs256_assertion_with_both_thumbprints() {
    let dir = tempfile::tempdir().unwrap();
    let cert = test_certificate();
    let path = cert.write_pem(dir.path());
    let server = FakeServer::start(200, entra_ok("cert-token", 3599)).await;
    let options = auth_options(json!({"kind":"clientCertificate","tenantId":TENANT,"clientId":CLIENT,"certificatePath":path}));
    let source = token_source_from_options_with_env(&options, &env_for(&server)).unwrap().unwrap();
    assert_eq!(source.token(ARM_SCOPE).await.unwrap().token, "cert-token");

    let request = server.last();
    let token_url = format!("{}/{TENANT}/oauth2/v2.0/token", server.base);
    assert_eq!(request.method, "POST");
    assert_eq!(request.form_names(), ["client_id", "scope", "client_assertion_type", "client_assertion", "grant_type"]);
    assert_eq!(
        request.form_value("client_assertion_type").as_deref(),
        Some("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
    );
    assert_eq!(request.form_value("grant_type").as_deref(), Some("client_credentials"));
    let jwt = request.form_value("client_assertion").unwrap();
    let (header, claims) = jwt_parts(&jwt);
    assert_eq!(header["alg"], "RS256");
    assert_eq!(header["typ"], "JWT");
    assert_eq!(header["x5t"], b64url_sha1(&cert.cert_der));
    assert_eq!(header["x5t#S256"], b64url_sha256(&cert.cert_der));
    assert!(header.get("x5c").is_none(), "x5c only when asked for");
    assert_eq!(claims["aud"], token_url);
    assert_eq!(claims["iss"], CLIENT);
    assert_eq!(claims["sub"], CLIENT);
    assert!(uuid::Uuid::parse_str(claims["jti"].as_str().unwrap()).is_ok());
    let lifetime = claims["exp"].as_u64().unwrap() - claims["nbf"].as_u64().unwrap();
    assert!(lifetime > 0 && lifetime <= 3600);
    let verified = verify_jwt(&jwt, &token_url);
    assert_eq!(verified["iss"], CLIENT);
}

#[tokio::test]
async fn client_certificate_pfx_with_password_and_chain() {
    let dir = tempfile::tempdir().unwrap();
    let cert = test_certificate();
    let password = "pfx-Pa55word!";
    let path = cert.write_pfx(dir.path(), password);
    let server = FakeServer::start(200, entra_ok("pfx-token", 3599)).await;
    let options = auth_options(json!({
        "kind":"clientCertificate","tenantId":TENANT,"clientId":CLIENT,
        "certificatePath":path,"certificatePassword":password,"sendCertificateChain":true
    }));
    let source = token_source_from_options_with_env(&options, &env_for(&server)).unwrap().unwrap();
    assert_eq!(source.token(ARM_SCOPE).await.unwrap().token, "pfx-token");
    let jwt = server.last().form_value("client_assertion").unwrap();
    let (header, _) = jwt_parts(&jwt);
    assert_eq!(header["x5t"], b64url_sha1(&cert.cert_der));
    use base64::Engine;
    assert_eq!(header["x5c"][0], base64::engine::general_purpose::STANDARD.encode(&cert.cert_der));
    verify_jwt(&jwt, &format!("{}/{TENANT}/oauth2/v2.0/token", server.base));

    // A wrong password is reported against the field, and neither password appears.
    let wrong = auth_options(json!({
        "kind":"clientCertificate","tenantId":TENANT,"clientId":CLIENT,"certificatePath":path,"certificatePassword":"not-the-password"
    }));
    let error = token_source_from_options_with_env(&wrong, &env_for(&server)).err().expect("wrong password fails");
    assert_eq!(error.target.as_deref(), Some("auth.certificatePath"));
    assert!(!error.to_json().contains("not-the-password") && !error.to_json().contains(password));
}

#[tokio::test]
async fn client_certificate_from_base64_data_signs_like_the_file() {
    // Issue 16: what Connect-ApimNative -CertificateThumbprint reads from a certificate store.
    let dir = tempfile::tempdir().unwrap();
    let cert = test_certificate();
    let password = "store-Export-pw";
    let path = cert.write_pfx(dir.path(), password);
    use base64::Engine;
    let data = base64::engine::general_purpose::STANDARD.encode(std::fs::read(&path).unwrap());
    let server = FakeServer::start(200, entra_ok("data-token", 3599)).await;
    let options = auth_options(json!({
        "kind":"clientCertificate","tenantId":TENANT,"clientId":CLIENT,"certificateData":data,"certificatePassword":password
    }));
    let source = token_source_from_options_with_env(&options, &env_for(&server)).unwrap().unwrap();
    assert_eq!(source.token(ARM_SCOPE).await.unwrap().token, "data-token");
    let jwt = server.last().form_value("client_assertion").unwrap();
    let (header, _) = jwt_parts(&jwt);
    assert_eq!(header["x5t"], b64url_sha1(&cert.cert_der));
    verify_jwt(&jwt, &format!("{}/{TENANT}/oauth2/v2.0/token", server.base));

    for (bad, why) in [
        (json!({"kind":"clientCertificate","tenantId":TENANT,"clientId":CLIENT,"certificateData":"%%%"}), "base64"),
        (json!({"kind":"clientCertificate","tenantId":TENANT,"clientId":CLIENT,"certificateData":data,"certificatePath":path}), "not both"),
        (json!({"kind":"clientCertificate","tenantId":TENANT,"clientId":CLIENT,"certificateData":data,"certificatePassword":"wrong"}), "password"),
    ] {
        let error = token_source_from_options_with_env(&auth_options(bad), &env_for(&server)).err().expect(why);
        assert_eq!(error.target.as_deref(), Some("auth.certificateData"), "{why}");
        assert!(error.message.contains(why), "{why}: {}", error.message);
        assert!(!error.to_json().contains(&data) && !error.to_json().contains(password), "{why}");
    }
}

#[tokio::test]
async fn workload_identity_reads_the_token_file_again_on_every_refresh() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("azure-identity-token");
    std::fs::write(&file, "federated-token-one\n").unwrap();
    let server = FakeServer::start(200, entra_ok("wi-token", 3599)).await;
    let env = env_for(&server)
        .with("AZURE_TENANT_ID", TENANT)
        .with("AZURE_CLIENT_ID", CLIENT)
        .with("AZURE_FEDERATED_TOKEN_FILE", file.to_str().unwrap());
    let options = auth_options(json!({"kind":"workloadIdentity"}));
    let source = token_source_from_options_with_env(&options, &env).unwrap().unwrap();
    source.token(ARM_SCOPE).await.unwrap();
    let first = server.last();
    assert_eq!(first.path, format!("/{TENANT}/oauth2/v2.0/token"));
    assert_eq!(first.form_names(), ["client_id", "scope", "client_assertion_type", "client_assertion", "grant_type"]);
    assert_eq!(first.form_value("client_assertion").as_deref(), Some("federated-token-one"));

    // The platform rotates the file; the next token request (another scope here) sends the new one.
    std::fs::write(&file, "federated-token-two").unwrap();
    source.token(GRAPH_SCOPE).await.unwrap();
    assert_eq!(server.last().form_value("client_assertion").as_deref(), Some("federated-token-two"));
}

#[tokio::test]
async fn environment_kind_prefers_the_secret_then_the_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let pem = test_certificate().write_pem(dir.path());
    let server = FakeServer::start(200, entra_ok("env-token", 3599)).await;
    let base = env_for(&server).with("AZURE_TENANT_ID", TENANT).with("AZURE_CLIENT_ID", CLIENT);
    let options = auth_options(json!({"kind":"environment"}));

    let both = base.clone().with("AZURE_CLIENT_SECRET", SECRET).with("AZURE_CLIENT_CERTIFICATE_PATH", &pem);
    token_source_from_options_with_env(&options, &both).unwrap().unwrap().token(ARM_SCOPE).await.unwrap();
    assert_eq!(server.last().form_value("client_secret").as_deref(), Some(SECRET));

    let cert_only = base.clone().with("AZURE_CLIENT_CERTIFICATE_PATH", &pem);
    token_source_from_options_with_env(&options, &cert_only).unwrap().unwrap().token(ARM_SCOPE).await.unwrap();
    let request = server.last();
    assert!(request.form_value("client_secret").is_none());
    verify_jwt(&request.form_value("client_assertion").unwrap(), &format!("{}/{TENANT}/oauth2/v2.0/token", server.base));

    let error = token_source_from_options_with_env(&options, &base).err().expect("nothing to sign in with");
    assert_eq!(error.code, "CredentialUnavailable");
    assert!(error.message.contains("AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH"), "{}", error.message);
}

#[tokio::test]
async fn authority_host_option_beats_the_variable_and_clouds_have_their_hosts() {
    use apim_native::auth::authority::{resolve_authority_host, Cloud};
    let server = FakeServer::start(200, entra_ok("t", 3599)).await;
    let options = auth_options(json!({
        "kind":"clientSecret","tenantId":TENANT,"clientId":CLIENT,"clientSecret":SECRET,"authorityHost":server.base
    }));
    // The variable names a second loopback server, so that if the precedence regressed the secret
    // would reach that server (and fail the count below), never a real sign-in host.
    let variable_server = FakeServer::start(200, entra_ok("t", 3599)).await;
    let env = Env::from_pairs([("AZURE_AUTHORITY_HOST", variable_server.base.as_str())]);
    token_source_from_options_with_env(&options, &env).unwrap().unwrap().token(ARM_SCOPE).await.unwrap();
    assert_eq!(server.count(), 1, "the option's host was used");
    assert_eq!(variable_server.count(), 0, "the variable's host was not used");
    let env = Env::from_pairs([("AZURE_AUTHORITY_HOST", "https://login.microsoftonline.us")]);

    let empty = Env::default();
    assert_eq!(resolve_authority_host(None, &empty, Cloud::Public).unwrap().as_str(), "https://login.microsoftonline.com/");
    assert_eq!(resolve_authority_host(None, &empty, Cloud::China).unwrap().as_str(), "https://login.chinacloudapi.cn/");
    assert_eq!(resolve_authority_host(None, &empty, Cloud::UsGovernment).unwrap().as_str(), "https://login.microsoftonline.us/");
    assert_eq!(resolve_authority_host(None, &env, Cloud::China).unwrap().as_str(), "https://login.microsoftonline.us/");
    assert_eq!(Cloud::parse("AzureUSGovernment", "x").unwrap().arm_scope(), "https://management.usgovcloudapi.net/.default");
    assert_eq!(Cloud::parse("AzureChinaCloud", "x").unwrap().graph_scope(), "https://microsoftgraph.chinacloudapi.cn/.default");
    assert_eq!(Cloud::parse("AzureCloud", "x").unwrap().arm_endpoint(), "https://management.azure.com");
    assert_eq!(Cloud::parse("AzureUSGovernment", "x").unwrap().graph_endpoint(), "https://graph.microsoft.us");

    // A secret is never sent in clear text to a non-loopback host.
    let insecure = Env::from_pairs([("AZURE_AUTHORITY_HOST", "http://login.example.com")]);
    let bad = auth_options(json!({"kind":"clientSecret","tenantId":TENANT,"clientId":CLIENT,"clientSecret":SECRET}));
    let error = token_source_from_options_with_env(&bad, &insecure).err().unwrap();
    assert_eq!(error.target.as_deref(), Some("AZURE_AUTHORITY_HOST"));
    let error = token_source_from_options_with_env(
        &auth_options(json!({"kind":"clientSecret","tenantId":TENANT,"clientId":CLIENT,"clientSecret":SECRET,"environment":"Mars"})),
        &Env::default(),
    )
    .err()
    .unwrap();
    assert_eq!(error.target.as_deref(), Some("auth.environment"));
}
