//! The `default` chain: Azure SDK order, the first working source wins and is kept, and when
//! nothing works the error lists each source tried and why, with no secret in it.
#![cfg(unix)]

use crate::auth_common;

use apim_native::auth::{token_source_from_options_with_env, Env, ARM_SCOPE};
use auth_common::*;
use serde_json::json;

const SECRET: &str = "chain-Secret-value-0042";
const HEADER: &str = "chain-identity-header-0043";

/// An environment where nothing can sign in: no AZURE_* variables, IMDS refused, no `az`.
fn nothing_works() -> (Env, tempfile::TempDir) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let empty = tempfile::tempdir().unwrap();
    let env = Env::from_pairs([
        ("APIM_NATIVE_TEST_IMDS_ENDPOINT", format!("http://127.0.0.1:{port}")),
        ("PATH", empty.path().to_str().unwrap().to_string()),
    ]);
    (env, empty)
}

#[tokio::test]
async fn when_nothing_works_each_source_is_listed_with_its_reason() {
    let (env, _dir) = nothing_works();
    // Half-configured service principal: the secret is there but the tenant is not.
    let env = env.with("AZURE_CLIENT_ID", "client-id-1").with("AZURE_CLIENT_SECRET", SECRET);
    let source = token_source_from_options_with_env(&auth_options(json!({"kind":"default"})), &env).unwrap().unwrap();
    let error = source.token(ARM_SCOPE).await.unwrap_err();
    assert_eq!(error.code, "CredentialUnavailable");
    assert_eq!(error.target.as_deref(), Some("auth.kind"));
    let tried: Vec<_> = error.details.iter().map(|d| d.target.clone().unwrap()).collect();
    assert_eq!(tried, ["environment", "workload identity", "managed identity", "Azure CLI"]);
    let message = &error.message;
    assert!(message.contains("environment: skipped: not configured (AZURE_TENANT_ID not set)"), "{message}");
    assert!(message.contains("workload identity: skipped: not configured (auth.tenantId (or AZURE_TENANT_ID)"), "{message}");
    assert!(message.contains("AZURE_FEDERATED_TOKEN_FILE"), "{message}");
    assert!(message.contains("managed identity: skipped: no IMDS endpoint answered"), "{message}");
    assert!(message.contains("Azure CLI: skipped: 'az' was not found on PATH"), "{message}");
    let everything = format!("{} {:?}", error.to_json(), error);
    assert!(!everything.contains(SECRET), "the secret leaked: {everything}");
}

#[tokio::test]
async fn a_configured_source_that_fails_ends_the_chain_without_leaking() {
    let (env, _dir) = nothing_works();
    let server = FakeServer::start(401, json!({"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."})).await;
    let env = env
        .with("AZURE_AUTHORITY_HOST", &server.base)
        .with("AZURE_TENANT_ID", "tenant-1")
        .with("AZURE_CLIENT_ID", "client-1")
        .with("AZURE_CLIENT_SECRET", SECRET);
    let source = token_source_from_options_with_env(&auth_options(json!({"kind":"default"})), &env).unwrap().unwrap();
    let error = source.token(ARM_SCOPE).await.unwrap_err();
    assert_eq!(error.code, "AuthenticationFailed");
    assert_eq!(error.details.len(), 1, "the chain stops at the failing source");
    assert!(error.message.contains("environment: failed: client secret: the token endpoint answered HTTP 401"), "{}", error.message);
    assert!(!error.to_json().contains(SECRET));
}

#[tokio::test]
async fn managed_identity_is_used_when_the_environment_is_not_configured() {
    let server = FakeServer::start(200, msi_ok("mi-token", "https://management.azure.com")).await;
    let env = Env::from_pairs([
        ("IDENTITY_ENDPOINT", format!("{}/msi/token", server.base)),
        ("IDENTITY_HEADER", HEADER.to_string()),
        ("AZURE_CLIENT_ID", "ua-client-from-env".to_string()),
        ("PATH", "/nonexistent".to_string()),
    ]);
    let source = token_source_from_options_with_env(&auth_options(json!({"kind":"default"})), &env).unwrap().unwrap();
    assert_eq!(source.token(ARM_SCOPE).await.unwrap().token, "mi-token");
    let request = server.last();
    assert_eq!(request.header("x-identity-header"), Some(HEADER));
    assert_eq!(request.query_value("client_id").as_deref(), Some("ua-client-from-env"), "AZURE_CLIENT_ID selects the identity");
}

#[tokio::test]
async fn the_azure_cli_is_the_last_resort() {
    let (env, _dir) = nothing_works();
    let az_dir = tempfile::tempdir().unwrap();
    write_fake_az(az_dir.path());
    let d = az_dir.path().to_str().unwrap();
    std::fs::write(
        az_dir.path().join("account-get-access-token.json"),
        json!({"accessToken":"from-cli","expires_on":4102444800u64,"tokenType":"Bearer"}).to_string(),
    )
    .unwrap();
    let env = env
        .with("PATH", &format!("{d}:/usr/bin:/bin"))
        .with("AZ_FAKE_DIR", d)
        .with("AZ_FAKE_LOG", &format!("{d}/calls.log"));
    let source = token_source_from_options_with_env(&auth_options(json!({"kind":"default"})), &env).unwrap().unwrap();
    assert_eq!(source.token(ARM_SCOPE).await.unwrap().token, "from-cli");
}

#[tokio::test]
async fn a_non_loopback_test_imds_override_is_ignored_and_named_in_the_report() {
    // The override is compiled into every build; pointed away from this machine it would hand the
    // managed-identity request to another host. It is ignored and the report says so (no request
    // is made: 192.0.2.1 is a documentation address that must never be contacted).
    let (env, _dir) = nothing_works();
    let env = env.with("APIM_NATIVE_TEST_IMDS_ENDPOINT", "http://192.0.2.1:8080");
    let source = token_source_from_options_with_env(&auth_options(json!({"kind":"default"})), &env).unwrap().unwrap();
    let error = source.token(ARM_SCOPE).await.unwrap_err();
    assert_eq!(error.code, "CredentialUnavailable");
    let message = &error.message;
    assert!(
        message.contains("managed identity: skipped: APIM_NATIVE_TEST_IMDS_ENDPOINT was ignored")
            && message.contains("loopback"),
        "{message}"
    );
    let detail = error.details.iter().find(|d| d.target.as_deref() == Some("managed identity")).unwrap();
    assert!(detail.message.contains("APIM_NATIVE_TEST_IMDS_ENDPOINT was ignored"), "{}", detail.message);
    // The chain still went on to the next source.
    assert!(message.contains("Azure CLI: skipped"), "{message}");
}
