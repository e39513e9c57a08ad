//! Managed identity against fake platform endpoints on 127.0.0.1: which platform the variables
//! select, the exact request each platform gets (App Service & co., Azure Automation GET and POST,
//! MSI_ENDPOINT 2017-09-01, Cloud Shell, IMDS), the user-assigned parameter names of each, and the
//! IMDS retry policy.

use crate::auth_common;

use apim_native::auth::managed_identity::imds::ImdsRetryPolicy;
use apim_native::auth::managed_identity::credential::ManagedIdentityCredential;
use apim_native::auth::managed_identity::platform::detect_platform;
use apim_native::auth::managed_identity::{Platform, UserAssignedId};
use apim_native::auth::{token_source_from_options_with_env, Env, TokenSource, ARM_SCOPE};
use auth_common::*;
use serde_json::json;
use std::time::Duration;

const ARM: &str = "https://management.azure.com";
const HEADER_SECRET: &str = "identity-header-Secret-4711";
const RESOURCE_ID: &str = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ua";

fn app_service_env(server: &FakeServer) -> Env {
    Env::from_pairs([
        ("IDENTITY_ENDPOINT", format!("{}/msi/token", server.base)),
        ("IDENTITY_HEADER", HEADER_SECRET.to_string()),
    ])
}

fn imds_env(server: &FakeServer) -> Env {
    Env::from_pairs([("APIM_NATIVE_TEST_IMDS_ENDPOINT", server.base.as_str())])
}

fn fast_retry() -> ImdsRetryPolicy {
    ImdsRetryPolicy { max_retries: 6, initial_delay: Duration::from_millis(5), max_total_delay: Duration::from_secs(5) }
}

#[tokio::test]
async fn app_service_get_with_identity_header_and_user_assigned_names() {
    let server = FakeServer::start(200, msi_ok("app-token", ARM)).await;
    let env = app_service_env(&server);
    let source = token_source_from_options_with_env(&auth_options(json!({"kind":"managedIdentity"})), &env).unwrap().unwrap();
    assert_eq!(source.token(ARM_SCOPE).await.unwrap().token, "app-token");
    let request = server.last();
    assert_eq!(request.method, "GET");
    assert_eq!(request.path, "/msi/token");
    assert_eq!(request.query_names(), ["api-version", "resource"]);
    assert_eq!(request.query_value("api-version").as_deref(), Some("2019-08-01"));
    assert_eq!(request.query_value("resource").as_deref(), Some(ARM), "the scope's /.default is removed");
    assert_eq!(request.header("x-identity-header"), Some(HEADER_SECRET));

    for (option, value, parameter) in [
        ("identityClientId", "c-1", "client_id"),
        ("identityObjectId", "o-1", "principal_id"),
        ("identityResourceId", RESOURCE_ID, "mi_res_id"),
    ] {
        let options = auth_options(json!({"kind":"managedIdentity", option: value}));
        let source = token_source_from_options_with_env(&options, &env).unwrap().unwrap();
        source.token(ARM_SCOPE).await.unwrap();
        let request = server.last();
        assert_eq!(request.query_names(), ["api-version", "resource", parameter], "{option}");
        assert_eq!(request.query_value(parameter).as_deref(), Some(value));
    }
}

#[tokio::test]
async fn automation_get_and_post_forms() {
    let server = FakeServer::start(200, msi_ok("automation-token", ARM)).await;
    let env = app_service_env(&server).with("AZUREPS_HOST_ENVIRONMENT", "AzureAutomation/");
    assert!(matches!(detect_platform(&env, false).unwrap(), Platform::Automation { post_form: false, .. }));

    let options = auth_options(json!({"kind":"managedIdentity","identityClientId":"ua-client"}));
    let source = token_source_from_options_with_env(&options, &env).unwrap().unwrap();
    assert_eq!(source.token(ARM_SCOPE).await.unwrap().token, "automation-token");
    let request = server.last();
    assert_eq!(request.method, "GET");
    assert_eq!(request.path, "/msi/token");
    assert_eq!(request.query_names(), ["resource", "client_id"]);
    assert_eq!(request.query_value("resource").as_deref(), Some(ARM));
    assert_eq!(request.query_value("client_id").as_deref(), Some("ua-client"));
    assert_eq!(request.header("x-identity-header"), Some(HEADER_SECRET));
    assert_eq!(request.header("metadata"), Some("True"));

    let options = auth_options(json!({"kind":"managedIdentity","identityRequestMethod":"POST"}));
    let source = token_source_from_options_with_env(&options, &env).unwrap().unwrap();
    source.token(ARM_SCOPE).await.unwrap();
    let request = server.last();
    assert_eq!(request.method, "POST");
    assert!(request.query.is_empty());
    assert_eq!(request.header("content-type"), Some("application/x-www-form-urlencoded"));
    assert_eq!(request.form(), vec![("resource".to_string(), ARM.to_string())]);
    assert_eq!(request.header("x-identity-header"), Some(HEADER_SECRET));

    // Automation selects a user-assigned identity only by client id: said before anything is sent.
    let before = server.count();
    let options = auth_options(json!({"kind":"managedIdentity","identityObjectId":"o-1"}));
    let error = token_source_from_options_with_env(&options, &env).err().unwrap();
    assert_eq!(error.target.as_deref(), Some("auth.identityObjectId"));
    assert_eq!(server.count(), before);
}

#[tokio::test]
async fn automation_missing_identity_message_is_reported() {
    let server = FakeServer::start(400, json!({"Message":"No managed identity was found for Automation account xxx"})).await;
    let env = app_service_env(&server).with("AZUREPS_HOST_ENVIRONMENT", "AzureAutomation/");
    let source = token_source_from_options_with_env(&auth_options(json!({"kind":"managedIdentity"})), &env).unwrap().unwrap();
    let error = source.token(ARM_SCOPE).await.unwrap_err();
    assert!(error.message.contains("No managed identity was found"), "{}", error.message);
    assert!(!error.to_json().contains(HEADER_SECRET));
}

#[tokio::test]
async fn msi_endpoint_with_secret_uses_the_2017_api_and_cloud_shell_posts() {
    let server = FakeServer::start(
        200,
        json!({"access_token":"legacy-token","expires_on":"09/14/2030 00:00:00 PM +00:00","resource":ARM,"token_type":"Bearer"}),
    )
    .await;
    let env = Env::from_pairs([("MSI_ENDPOINT", format!("{}/MSI/token/", server.base)), ("MSI_SECRET", "msi-Secret-99".into())]);
    let options = auth_options(json!({"kind":"managedIdentity","identityClientId":"ua"}));
    let token = token_source_from_options_with_env(&options, &env).unwrap().unwrap().token(ARM_SCOPE).await.unwrap();
    assert_eq!(token.token, "legacy-token");
    let request = server.last();
    assert_eq!(request.method, "GET");
    assert_eq!(request.path, "/MSI/token/");
    assert_eq!(request.query_names(), ["api-version", "resource", "clientid"]);
    assert_eq!(request.query_value("api-version").as_deref(), Some("2017-09-01"));
    assert_eq!(request.header("secret"), Some("msi-Secret-99"));

    server.set_fallback(200, msi_ok("shell-token", ARM));
    let shell = Env::from_pairs([("MSI_ENDPOINT", format!("{}/oauth2/token", server.base))]);
    let token = token_source_from_options_with_env(&auth_options(json!({"kind":"managedIdentity"})), &shell)
        .unwrap()
        .unwrap()
        .token(ARM_SCOPE)
        .await
        .unwrap();
    assert_eq!(token.token, "shell-token");
    let request = server.last();
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/oauth2/token");
    assert_eq!(request.header("metadata"), Some("true"));
    assert_eq!(request.form(), vec![("resource".to_string(), ARM.to_string())]);
}

#[tokio::test]
async fn imds_request_and_user_assigned_parameter_names() {
    let server = FakeServer::start(200, msi_ok("imds-token", ARM)).await;
    let env = imds_env(&server);
    assert!(matches!(detect_platform(&env, false).unwrap(), Platform::Imds { .. }));
    let source = token_source_from_options_with_env(&auth_options(json!({"kind":"managedIdentity"})), &env).unwrap().unwrap();
    assert_eq!(source.token(ARM_SCOPE).await.unwrap().token, "imds-token");
    let request = server.last();
    assert_eq!(request.method, "GET");
    assert_eq!(request.path, "/metadata/identity/oauth2/token");
    assert_eq!(request.query_names(), ["api-version", "resource"]);
    assert_eq!(request.query_value("api-version").as_deref(), Some("2018-02-01"));
    assert_eq!(request.query_value("resource").as_deref(), Some(ARM));
    assert_eq!(request.header("metadata"), Some("true"));

    for (option, value, parameter) in [
        ("identityClientId", "c-1", "client_id"),
        ("identityObjectId", "o-1", "object_id"),
        ("identityResourceId", RESOURCE_ID, "msi_res_id"),
    ] {
        let options = auth_options(json!({"kind":"managedIdentity", option: value}));
        token_source_from_options_with_env(&options, &env).unwrap().unwrap().token(ARM_SCOPE).await.unwrap();
        let request = server.last();
        assert_eq!(request.query_names(), ["api-version", "resource", parameter]);
        assert_eq!(request.query_value(parameter).as_deref(), Some(value));
    }
}

#[tokio::test]
async fn imds_retries_404_410_429_and_5xx_then_succeeds() {
    let server = FakeServer::start(200, msi_ok("after-retries", ARM)).await;
    server.push(404, json!({"error":"not_found","error_description":"Identity not found"}));
    server.push(410, json!({}));
    server.push(429, json!({}));
    server.push(500, json!({}));
    server.push(503, json!({}));
    let credential = ManagedIdentityCredential::new(&imds_env(&server), None, false).unwrap().with_imds_retry(fast_retry());
    assert_eq!(credential.token(ARM_SCOPE).await.unwrap().token, "after-retries");
    assert_eq!(server.count(), 6, "five retried answers, then the token");
}

#[tokio::test]
async fn imds_gives_up_after_max_retries_and_does_not_retry_400() {
    let server = FakeServer::start(503, json!({"error":"busy"})).await;
    let credential = ManagedIdentityCredential::new(&imds_env(&server), None, false).unwrap().with_imds_retry(ImdsRetryPolicy {
        max_retries: 3,
        initial_delay: Duration::from_millis(5),
        max_total_delay: Duration::from_secs(5),
    });
    let error = credential.token(ARM_SCOPE).await.unwrap_err();
    assert_eq!(server.count(), 4, "the first attempt and three retries");
    assert_eq!(error.http_status, Some(503));

    let server = FakeServer::start(400, json!({"error":"invalid_request","error_description":"Identity not found"})).await;
    let credential = ManagedIdentityCredential::new(&imds_env(&server), Some(UserAssignedId::ClientId("x".into())), false)
        .unwrap()
        .with_imds_retry(fast_retry());
    let error = credential.token(ARM_SCOPE).await.unwrap_err();
    assert_eq!(server.count(), 1);
    assert_eq!(error.code, "CredentialUnavailable");
    assert!(error.message.contains("not been assigned"), "{}", error.message);
}

#[tokio::test]
async fn no_imds_is_unavailable_at_once() {
    // A port that was just free: nothing listens, so the connection is refused.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let env = Env::from_pairs([("APIM_NATIVE_TEST_IMDS_ENDPOINT", format!("http://127.0.0.1:{port}"))]);
    let credential = ManagedIdentityCredential::new(&env, None, false).unwrap();
    let error = credential.token(ARM_SCOPE).await.unwrap_err();
    assert_eq!(error.code, "CredentialUnavailable");
    assert!(error.message.contains("no IMDS endpoint answered"), "{}", error.message);
}

#[test]
fn platform_selection_follows_the_sdk_order() {
    let endpoint = "http://127.0.0.1:1/token";
    let sf = Env::from_pairs([("IDENTITY_ENDPOINT", endpoint), ("IDENTITY_HEADER", "h"), ("IDENTITY_SERVER_THUMBPRINT", "t")]);
    assert!(matches!(detect_platform(&sf, false).unwrap(), Platform::Unsupported { .. }));
    let arc = Env::from_pairs([("IDENTITY_ENDPOINT", endpoint), ("IMDS_ENDPOINT", "http://127.0.0.1:2")]);
    assert!(matches!(detect_platform(&arc, false).unwrap(), Platform::Unsupported { .. }));
    let app = Env::from_pairs([("IDENTITY_ENDPOINT", endpoint), ("IDENTITY_HEADER", "h"), ("MSI_ENDPOINT", endpoint)]);
    assert!(matches!(detect_platform(&app, false).unwrap(), Platform::AppService { .. }));
    assert!(matches!(detect_platform(&app, true).unwrap(), Platform::Automation { post_form: true, .. }));
    let legacy = Env::from_pairs([("MSI_ENDPOINT", endpoint), ("MSI_SECRET", "s")]);
    assert!(matches!(detect_platform(&legacy, false).unwrap(), Platform::LegacyAppService { .. }));
    let shell = Env::from_pairs([("MSI_ENDPOINT", endpoint)]);
    assert!(matches!(detect_platform(&shell, false).unwrap(), Platform::CloudShell { .. }));
    match detect_platform(&Env::default(), false).unwrap() {
        Platform::Imds { endpoint } => assert_eq!(endpoint.as_str(), "http://169.254.169.254/metadata/identity/oauth2/token"),
        other => panic!("expected IMDS, got {other:?}"),
    }
    // Debug of a platform never shows the header secret.
    let shown = format!("{:?}", detect_platform(&Env::from_pairs([("IDENTITY_ENDPOINT", endpoint), ("IDENTITY_HEADER", "hidden-value")]), false).unwrap());
    assert!(!shown.contains("hidden-value"), "{shown}");
}

#[test]
fn user_assigned_selectors_are_exclusive_and_resource_ids_checked() {
    let env = Env::from_pairs([("APIM_NATIVE_TEST_IMDS_ENDPOINT", "http://127.0.0.1:9")]);
    let both = auth_options(json!({"kind":"managedIdentity","identityClientId":"a","identityObjectId":"b"}));
    let error = token_source_from_options_with_env(&both, &env).err().unwrap();
    let targets: Vec<_> = error.details.iter().filter_map(|d| d.target.clone()).collect();
    assert_eq!(targets, ["auth.identityClientId", "auth.identityObjectId"]);
    let bad = auth_options(json!({"kind":"managedIdentity","identityResourceId":"ua-name"}));
    assert_eq!(token_source_from_options_with_env(&bad, &env).err().unwrap().target.as_deref(), Some("auth.identityResourceId"));
    let method = auth_options(json!({"kind":"managedIdentity","identityRequestMethod":"PUT"}));
    assert_eq!(
        token_source_from_options_with_env(&method, &env).err().unwrap().target.as_deref(),
        Some("auth.identityRequestMethod")
    );
}

#[test]
fn the_test_imds_override_is_honoured_only_for_loopback_hosts() {
    for origin in ["http://127.0.0.1:4000", "http://localhost:4000/", "http://LOCALHOST:4000", "http://[::1]:4000", "http://127.0.0.2:4000"] {
        match detect_platform(&Env::from_pairs([("APIM_NATIVE_TEST_IMDS_ENDPOINT", origin)]), false).unwrap() {
            Platform::Imds { endpoint } => {
                assert_eq!(endpoint.port(), Some(4000), "{origin}");
                assert_eq!(endpoint.path(), "/metadata/identity/oauth2/token", "{origin}");
            }
            other => panic!("{origin}: expected IMDS, got {other:?}"),
        }
    }
    for origin in [
        "http://192.0.2.1:4000",
        "http://169.254.169.254",
        "http://localhost.example.com",
        "http://127.0.0.1.nip.io",
        "http://127.0.0.1@example.com/",
        "http://[::2]:4000",
        "localhost:4000",
        "not a url",
    ] {
        match detect_platform(&Env::from_pairs([("APIM_NATIVE_TEST_IMDS_ENDPOINT", origin)]), false).unwrap() {
            Platform::Unsupported { reason } => {
                assert!(reason.contains("APIM_NATIVE_TEST_IMDS_ENDPOINT was ignored") && reason.contains("loopback"), "{origin}: {reason}")
            }
            other => panic!("{origin}: expected the override to be ignored, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn an_ignored_override_makes_managed_identity_unavailable_without_a_request() {
    let env = Env::from_pairs([("APIM_NATIVE_TEST_IMDS_ENDPOINT", "http://192.0.2.1:8080")]);
    let credential = ManagedIdentityCredential::new(&env, None, false).unwrap();
    let error = credential.token(ARM_SCOPE).await.unwrap_err();
    assert_eq!(error.code, "CredentialUnavailable");
    assert!(error.message.contains("APIM_NATIVE_TEST_IMDS_ENDPOINT was ignored"), "{}", error.message);
    // The value itself is not repeated (it is the caller's setting, shown nowhere but their env).
    assert!(!error.message.contains("192.0.2.1"), "{}", error.message);
}
