//! The per-scope token cache: a cached token is reused, refreshed before it expires, refreshed by
//! exactly one request when 32 tasks ask at once, and kept while valid when a refresh fails.

use crate::auth_common;

use apim_native::auth::cache::CachingTokenSource;
use apim_native::auth::client_secret::ClientSecretCredential;
use apim_native::auth::{token_source_from_options_with_env, Env, Secret, TokenSource, ARM_SCOPE, GRAPH_SCOPE};
use auth_common::*;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;

fn secret_source(server: &FakeServer) -> Arc<dyn TokenSource> {
    Arc::new(ClientSecretCredential::new(format!("{}/tenant/oauth2/v2.0/token", server.base), "client".into(), Secret::new("s")))
}

#[tokio::test]
async fn a_cached_token_is_reused_per_scope() {
    let server = FakeServer::start(200, entra_ok("first", 3600)).await;
    let options = auth_options(json!({"kind":"clientSecret","tenantId":"t","clientId":"c","clientSecret":"s"}));
    let env = Env::from_pairs([("AZURE_AUTHORITY_HOST", server.base.as_str())]);
    let source = token_source_from_options_with_env(&options, &env).unwrap().unwrap();
    for _ in 0..5 {
        assert_eq!(source.token(ARM_SCOPE).await.unwrap().token, "first");
    }
    assert_eq!(server.count(), 1, "five calls, one request");
    source.token(GRAPH_SCOPE).await.unwrap();
    source.token(GRAPH_SCOPE).await.unwrap();
    assert_eq!(server.count(), 2, "one more request for the other scope only");
}

#[tokio::test]
async fn a_token_inside_the_refresh_margin_is_replaced_before_it_expires() {
    // 240 s left is inside the default 5-minute margin: still valid, but due for refresh.
    let server = FakeServer::start(200, entra_ok("short-lived", 240)).await;
    let cache = CachingTokenSource::new(secret_source(&server));
    assert_eq!(cache.token(ARM_SCOPE).await.unwrap().token, "short-lived");
    server.set_fallback(200, entra_ok("renewed", 3600));
    assert_eq!(cache.token(ARM_SCOPE).await.unwrap().token, "renewed");
    assert_eq!(server.count(), 2);
    // The renewed one is outside the margin and is reused.
    assert_eq!(cache.token(ARM_SCOPE).await.unwrap().token, "renewed");
    assert_eq!(server.count(), 2);

    // With a 1-minute margin the same 240 s token is still fresh enough.
    let server = FakeServer::start(200, entra_ok("short-lived", 240)).await;
    let cache = CachingTokenSource::new(secret_source(&server)).with_refresh_margin(Duration::from_secs(60));
    cache.token(ARM_SCOPE).await.unwrap();
    cache.token(ARM_SCOPE).await.unwrap();
    assert_eq!(server.count(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thirty_two_concurrent_callers_cause_one_request() {
    let server = FakeServer::start(200, entra_ok("shared", 3600)).await;
    // The endpoint is slow, so every caller arrives while the first request is in flight.
    server.set_delay(Duration::from_millis(200));
    let cache = Arc::new(CachingTokenSource::new(secret_source(&server)));
    let barrier = Arc::new(tokio::sync::Barrier::new(32));
    let tasks: Vec<_> = (0..32)
        .map(|_| {
            let cache = cache.clone();
            let barrier = barrier.clone();
            tokio::spawn(async move {
                barrier.wait().await;
                cache.token(ARM_SCOPE).await.map(|t| t.token)
            })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap().unwrap(), "shared");
    }
    assert_eq!(server.count(), 1, "exactly one token request for 32 concurrent callers");

    // And the same again when the token is due for refresh: one refresh, not 32.
    let server = FakeServer::start(200, entra_ok("due", 100)).await;
    let cache = Arc::new(CachingTokenSource::new(secret_source(&server)));
    cache.token(ARM_SCOPE).await.unwrap();
    server.set_fallback(200, entra_ok("refreshed", 3600));
    server.set_delay(Duration::from_millis(200));
    let tasks: Vec<_> = (0..32)
        .map(|_| {
            let cache = cache.clone();
            tokio::spawn(async move { cache.token(ARM_SCOPE).await.map(|t| t.token) })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap().unwrap(), "refreshed");
    }
    assert_eq!(server.count(), 2, "the first token and one refresh");
}

#[tokio::test]
async fn a_failed_early_refresh_keeps_the_still_valid_token() {
    let server = FakeServer::start(200, entra_ok("still-valid", 200)).await;
    let cache = CachingTokenSource::new(secret_source(&server));
    cache.token(ARM_SCOPE).await.unwrap();
    server.set_fallback(503, json!({"error":"temporarily_unavailable"}));
    assert_eq!(cache.token(ARM_SCOPE).await.unwrap().token, "still-valid");
    assert_eq!(server.count(), 2, "the refresh was attempted");

    // With no valid token the failure is reported.
    let server = FakeServer::start(503, json!({"error":"temporarily_unavailable"})).await;
    let cache = CachingTokenSource::new(secret_source(&server));
    let error = cache.token(ARM_SCOPE).await.err().expect("no token to fall back on");
    assert_eq!(error.http_status, Some(503), "the endpoint's failure is what is reported: {error:?}");
    assert!(error.message.contains("temporarily_unavailable"), "{}", error.message);
    assert_eq!(server.count(), 1);
}
