//! What each backend operation puts on the wire (method, path, query, headers, body) and how it
//! reads the answer: paging, ETags, subscription fallback, api-version, tokens.

use crate::client_support;

use apim_native::auth::Env;
use apim_native::client::ApimClient;
use apim_native::model::ErrorCategory;
use client_support::{entity, options, request, Reply, ScriptedServer, SUB};
use serde_json::json;

const SERVICE: &str = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1";

fn client(server: &ScriptedServer, extra: serde_json::Value) -> ApimClient {
    ApimClient::new(options(&server.base_url, extra)).expect("client")
}

#[tokio::test]
async fn each_operation_sends_the_right_method_path_and_headers() {
    let server = ScriptedServer::start(vec![
        Reply::json(201, entity("b1")).header("etag", "\"e1\"").header("x-ms-request-id", "r1"),
        Reply::json(200, entity("b1")).header("etag", "\"e1\""),
        Reply::new(200).header("etag", "\"e1\""),
        Reply::json(200, entity("b1")).header("etag", "\"e2\""),
        Reply::new(202),
        Reply::new(200),
    ])
    .await;
    let c = client(&server, json!({}));
    let put_body = json!({"properties": {"url": "https://backend.example/api", "protocol": "http"}});
    let created = c.backend_create_or_update(&request(json!({"body": put_body}))).await.unwrap();
    assert_eq!((created.status, created.etag.as_deref()), (201, Some("\"e1\"")));
    assert_eq!(created.body, Some(entity("b1")));
    assert_eq!(created.exchanges[0].request_id.as_deref(), Some("r1"));
    assert_eq!(created.exchanges[0].method, "PUT");
    let got = c.backend_get(&request(json!({}))).await.unwrap();
    assert_eq!(got.body, Some(entity("b1")));
    let tag = c.backend_get_entity_tag(&request(json!({}))).await.unwrap();
    assert_eq!((tag.status, tag.etag.as_deref(), tag.body.as_ref()), (200, Some("\"e1\""), None));
    let patched = c.backend_update(&request(json!({"ifMatch": "\"e1\"", "body": {"properties": {"description": "d"}}}))).await.unwrap();
    assert_eq!(patched.etag.as_deref(), Some("\"e2\""));
    let reconnected = c.backend_reconnect(&request(json!({"body": {"properties": {"after": "PT3S"}}}))).await.unwrap();
    assert_eq!((reconnected.status, reconnected.body.as_ref()), (202, None));
    let deleted = c.backend_delete(&request(json!({"ifMatch": "*"}))).await.unwrap();
    assert_eq!((deleted.status, deleted.body.as_ref()), (200, None));

    let seen = server.seen();
    let b1 = format!("{SERVICE}/backends/b1");
    let expected = [
        ("PUT", b1.clone(), None, Some(put_body.clone())),
        ("GET", b1.clone(), None, None),
        ("HEAD", b1.clone(), None, None),
        ("PATCH", b1.clone(), Some("\"e1\""), Some(json!({"properties": {"description": "d"}}))),
        ("POST", format!("{b1}/reconnect"), None, Some(json!({"properties": {"after": "PT3S"}}))),
        ("DELETE", b1.clone(), Some("*"), None),
    ];
    assert_eq!(seen.len(), expected.len());
    for (s, (method, path, if_match, body)) in seen.iter().zip(expected.iter()) {
        assert_eq!(s.method, *method);
        assert_eq!(&s.path, path, "{method}");
        assert_eq!(s.query.as_deref(), Some("api-version=2025-03-01-preview"), "{method}");
        assert_eq!(s.header("if-match").as_deref(), *if_match, "{method}");
        assert_eq!(&s.json(), body, "{method}");
        let id = s.header("x-ms-client-request-id").expect("client request id");
        assert!(uuid::Uuid::parse_str(&id).is_ok());
        assert!(s.header("authorization").is_none(), "no auth configured, no header");
        if body.is_some() {
            assert_eq!(s.header("content-type").as_deref(), Some("application/json"));
        }
    }
}

#[tokio::test]
async fn put_sends_if_match_only_when_given() {
    let server = ScriptedServer::start(vec![Reply::json(200, entity("b1")), Reply::json(200, entity("b1"))]).await;
    let c = client(&server, json!({}));
    let body = json!({"properties": {"url": "https://backend.example/api", "protocol": "http"}});
    c.backend_create_or_update(&request(json!({"body": body.clone()}))).await.unwrap();
    c.backend_create_or_update(&request(json!({"body": body, "ifMatch": "\"abc\""}))).await.unwrap();
    let seen = server.seen();
    assert_eq!(seen[0].header("if-match"), None);
    assert_eq!(seen[1].header("if-match").as_deref(), Some("\"abc\""));
}

#[tokio::test]
async fn list_sends_filter_top_skip_and_follows_next_link_to_an_empty_one() {
    let server = ScriptedServer::start(vec![]).await;
    let page2 = format!("{}{SERVICE}/backends?api-version=2025-03-01-preview&$top=2&$skip=2", server.base_url);
    let page3 = format!("{}{SERVICE}/backends?api-version=2025-03-01-preview&$top=2&$skip=4", server.base_url);
    server.push(Reply::json(200, json!({"value": [entity("a"), entity("b")], "count": 5, "nextLink": page2})));
    server.push(Reply::json(200, json!({"value": [entity("c"), entity("d")], "count": 5, "nextLink": page3})));
    server.push(Reply::json(200, json!({"value": [entity("e")], "count": 5, "nextLink": ""})));
    let c = client(&server, json!({}));
    let list = c
        .backend_list(&request(json!({"backendId": null, "filter": "startswith(name,'a b')", "top": 2, "skip": 0})))
        .await
        .unwrap();
    let names: Vec<_> = list.value.iter().map(|v| v["name"].as_str().unwrap().to_string()).collect();
    assert_eq!(names, ["a", "b", "c", "d", "e"]);
    assert_eq!(list.count, Some(5));
    assert_eq!(list.next_link, None, "an empty nextLink ends the list");
    assert_eq!(list.exchanges.len(), 3);
    let seen = server.seen();
    assert_eq!(seen[0].path, format!("{SERVICE}/backends"));
    assert_eq!(
        seen[0].query.as_deref(),
        Some("api-version=2025-03-01-preview&$filter=startswith%28name%2C%27a%20b%27%29&$top=2&$skip=0")
    );
    assert_eq!(seen[1].query.as_deref(), Some("api-version=2025-03-01-preview&$top=2&$skip=2"));
    assert_eq!(seen[2].query.as_deref(), Some("api-version=2025-03-01-preview&$top=2&$skip=4"));
    // All pages of one call share its client request id.
    let ids: std::collections::HashSet<_> = seen.iter().map(|s| s.header("x-ms-client-request-id")).collect();
    assert_eq!(ids.len(), 1);
}

#[tokio::test]
async fn one_page_returns_the_next_link_and_a_later_call_continues_from_it() {
    let server = ScriptedServer::start(vec![]).await;
    let page2 = format!("{}{SERVICE}/backends?api-version=2025-03-01-preview&$skip=1", server.base_url);
    server.push(Reply::json(200, json!({"value": [entity("a")], "nextLink": page2})));
    server.push(Reply::json(200, json!({"value": [entity("b")]})));
    let c = client(&server, json!({}));
    let first = c.backend_list(&request(json!({"onePage": true}))).await.unwrap();
    assert_eq!(first.value.len(), 1);
    assert_eq!(first.next_link.as_deref(), Some(page2.as_str()));
    assert_eq!(first.count, None);
    let rest = c.backend_list(&request(json!({"nextLink": page2}))).await.unwrap();
    assert_eq!(rest.value, vec![entity("b")]);
    assert_eq!(rest.next_link, None);
    assert_eq!(server.seen()[1].query.as_deref(), Some("api-version=2025-03-01-preview&$skip=1"));
}

#[tokio::test]
async fn a_next_link_to_another_host_or_a_loop_is_refused() {
    let server = ScriptedServer::start(vec![Reply::json(200, json!({"value": [], "nextLink": "https://evil.example/steal"}))]).await;
    let err = client(&server, json!({})).backend_list(&request(json!({}))).await.unwrap_err();
    assert_eq!(err.category, ErrorCategory::ProtocolError);
    assert!(err.message.contains("evil.example"));

    let server = ScriptedServer::start(vec![]).await;
    let same = format!("{}{SERVICE}/backends?api-version=2025-03-01-preview", server.base_url);
    server.push(Reply::json(200, json!({"value": [entity("a")], "nextLink": same})));
    let err = client(&server, json!({})).backend_list(&request(json!({}))).await.unwrap_err();
    assert_eq!(err.category, ErrorCategory::ProtocolError);
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn subscription_comes_from_the_options_when_the_request_has_none() {
    let server = ScriptedServer::start(vec![Reply::json(200, entity("b1"))]).await;
    let other = "11111111-2222-3333-4444-555555555555";
    let c = client(&server, json!({"subscriptionId": other}));
    c.backend_get(&request(json!({"subscriptionId": null}))).await.unwrap();
    assert!(server.seen()[0].path.starts_with(&format!("/subscriptions/{other}/")));
    // The request's own subscription wins.
    server.push(Reply::json(200, entity("b1")));
    c.backend_get(&request(json!({}))).await.unwrap();
    assert!(server.seen()[1].path.starts_with(&format!("/subscriptions/{SUB}/")));
}

#[tokio::test]
async fn subscription_falls_back_to_azure_subscription_id_from_the_injected_environment() {
    let server = ScriptedServer::start(vec![Reply::json(200, entity("b1"))]).await;
    let from_env = "22222222-3333-4444-5555-666666666666";
    let env = Env::from_pairs([("AZURE_SUBSCRIPTION_ID", from_env), ("PATH", "/nonexistent")]);
    let c = ApimClient::with_env(options(&server.base_url, json!({})), env).expect("client");
    c.backend_get(&request(json!({"subscriptionId": null}))).await.unwrap();
    assert!(server.seen()[0].path.starts_with(&format!("/subscriptions/{from_env}/")), "{:?}", server.seen()[0].path);
    // The client option still wins over the environment.
    let server = ScriptedServer::start(vec![Reply::json(200, entity("b1"))]).await;
    let env = Env::from_pairs([("AZURE_SUBSCRIPTION_ID", from_env)]);
    let c = ApimClient::with_env(options(&server.base_url, json!({"subscriptionId": SUB})), env).expect("client");
    c.backend_get(&request(json!({"subscriptionId": null}))).await.unwrap();
    assert!(server.seen()[0].path.starts_with(&format!("/subscriptions/{SUB}/")));
}

#[tokio::test]
async fn the_environment_in_the_client_options_replaces_the_process_environment() {
    // What the module sends: the variables PowerShell sees (on Linux and macOS .NET keeps `$env:`
    // changes from native code). The options' map is read instead of this process's variables.
    let server = ScriptedServer::start(vec![Reply::json(200, entity("b1"))]).await;
    let from_options = "44444444-5555-6666-7777-888888888888";
    let environment = json!({"environment": {"AZURE_SUBSCRIPTION_ID": from_options, "PATH": "/nonexistent"}});
    let c = ApimClient::new(options(&server.base_url, environment)).expect("client");
    c.backend_get(&request(json!({"subscriptionId": null}))).await.unwrap();
    assert!(server.seen()[0].path.starts_with(&format!("/subscriptions/{from_options}/")), "{:?}", server.seen()[0].path);
    // The values never show in Debug output (they may be secrets).
    let with_secret = options(&server.base_url, json!({"environment": {"AZURE_CLIENT_SECRET": "s3cret-value"}}));
    assert!(!format!("{with_secret:?}").contains("s3cret-value"));
}

/// The last fallback is `az account show`; it runs once per client, not once per call.
#[cfg(unix)]
#[tokio::test]
async fn subscription_falls_back_to_the_azure_cli_once_per_client() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let count = dir.path().join("calls");
    let script = format!(
        "#!/bin/sh\necho \"$*\" >> '{}'\necho '{{\"id\":\"33333333-4444-5555-6666-777777777777\",\"isDefault\":true}}'\n",
        count.display()
    );
    let az = dir.path().join("az");
    std::fs::write(&az, script).unwrap();
    std::fs::set_permissions(&az, std::fs::Permissions::from_mode(0o755)).unwrap();
    let env = Env::from_pairs([("PATH", dir.path().to_str().unwrap())]);
    let server = ScriptedServer::start(vec![Reply::json(200, entity("b1")), Reply::json(200, entity("b1"))]).await;
    let c = ApimClient::with_env(options(&server.base_url, json!({})), env).expect("client");
    c.backend_get(&request(json!({"subscriptionId": null}))).await.unwrap();
    c.backend_get(&request(json!({"subscriptionId": null}))).await.unwrap();
    for seen in server.seen() {
        assert!(seen.path.starts_with("/subscriptions/33333333-4444-5555-6666-777777777777/"), "{}", seen.path);
    }
    let calls = std::fs::read_to_string(&count).unwrap();
    assert_eq!(calls.lines().collect::<Vec<_>>(), ["account show --output json"], "az runs once per client");
}

#[tokio::test]
async fn filter_is_percent_encoded_so_no_character_ends_it_early() {
    let server = ScriptedServer::start(vec![Reply::json(200, json!({"value": []}))]).await;
    let filter = "name eq 'a+b&c=d#e%f é'";
    client(&server, json!({})).backend_list(&request(json!({"backendId": null, "filter": filter}))).await.unwrap();
    let query = server.seen()[0].query.clone().unwrap();
    assert_eq!(
        query,
        "api-version=2025-03-01-preview&$filter=name%20eq%20%27a%2Bb%26c%3Dd%23e%25f%20%C3%A9%27"
    );
}

#[tokio::test]
async fn api_version_is_configurable_and_unknown_versions_are_refused() {
    let server = ScriptedServer::start(vec![Reply::json(200, entity("b1"))]).await;
    let c = client(&server, json!({"apiVersion": "2022-08-01"}));
    c.backend_get(&request(json!({}))).await.unwrap();
    assert_eq!(server.seen()[0].query.as_deref(), Some("api-version=2022-08-01"));
    let err = ApimClient::new(options(&server.base_url, json!({"apiVersion": "1999-01-01"}))).err().expect("refused");
    assert_eq!(err.target.as_deref(), Some("apiVersion"));
    let err = ApimClient::new(options("not a url", json!({}))).err().expect("refused");
    assert_eq!(err.target.as_deref(), Some("armEndpoint"));
}

#[tokio::test]
async fn the_bearer_token_is_sent_but_never_reported() {
    let secret = "s3cr3t-token-value";
    let server = ScriptedServer::start(vec![
        Reply::json(200, entity("b1")),
        Reply::json(403, json!({"error": {"code": "AuthorizationFailed", "message": "no"}})),
    ])
    .await;
    let c = client(&server, json!({"auth": {"kind": "token", "token": secret}}));
    let ok = c.backend_get(&request(json!({}))).await.unwrap();
    assert_eq!(server.seen()[0].header("authorization").as_deref(), Some(format!("Bearer {secret}").as_str()));
    let err = c.backend_get(&request(json!({}))).await.unwrap_err();
    assert_eq!(err.category, ErrorCategory::PermissionDenied);
    for text in [err.to_json(), format!("{err:?}"), serde_json::to_string(&ok).unwrap(), format!("{:?}", c.options())] {
        assert!(!text.contains(secret), "the token leaked into {text}");
    }
}

#[tokio::test]
async fn patch_answering_204_without_a_body_is_a_success() {
    // api-version 2019-01-01 answered PATCH with 204 and no body.
    let server = ScriptedServer::start(vec![Reply::new(204)]).await;
    let result = client(&server, json!({})).backend_update(&request(json!({"ifMatch": "*", "body": {"properties": {"description": "x"}}}))).await.unwrap();
    assert_eq!((result.status, result.etag, result.body), (204, None, None));
}

#[tokio::test]
async fn a_non_json_success_body_is_a_protocol_error() {
    let server = ScriptedServer::start(vec![Reply::new(200).body("<html>proxy page</html>".into()).header("x-ms-request-id", "r9")]).await;
    let err = client(&server, json!({})).backend_get(&request(json!({}))).await.unwrap_err();
    assert_eq!(err.category, ErrorCategory::ProtocolError);
    assert_eq!(err.request_id.as_deref(), Some("r9"));
}
