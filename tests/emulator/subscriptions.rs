//! `GET /subscriptions`: the emulator lists the subscriptions of its `subscriptions` option (the
//! binary's `--subscription ID=NAME`) in ARM's shape, so a subscription name can be resolved
//! against it; the api-version is required as everywhere on ARM; `requireToken` applies.

use crate::emulator_support::*;
use serde_json::{json, Value};
use std::process::Stdio;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

const LIST: &str = "/subscriptions?api-version=2022-12-01";

#[tokio::test]
async fn lists_the_configured_subscriptions_in_arms_shape() {
    let emulator = start(json!({"subscriptions": {
        "00000000-0000-0000-0000-00000000d002": "Contoso Dev",
        "00000000-0000-0000-0000-00000000d001": "Contoso Production",
    }}))
    .await;
    let page: Value = http().get(format!("{}{LIST}", emulator.base_url)).send().await.unwrap().json().await.unwrap();
    let value = page["value"].as_array().expect("value");
    assert_eq!(value.len(), 2, "{page}");
    assert_eq!(value[0]["id"], "/subscriptions/00000000-0000-0000-0000-00000000d001", "sorted by id: {page}");
    assert_eq!(value[0]["subscriptionId"], "00000000-0000-0000-0000-00000000d001");
    assert_eq!(value[0]["displayName"], "Contoso Production");
    assert_eq!(value[0]["state"], "Enabled");
    assert_eq!(value[1]["displayName"], "Contoso Dev");
    assert_eq!(page["count"], json!({"type": "Total", "value": 2}));
    assert!(page.get("nextLink").is_none());
    emulator.stop().await;
}

#[tokio::test]
async fn lists_none_by_default_and_requires_the_api_version_and_the_token() {
    let emulator = start(json!({"requireToken": "sub-token"})).await;
    let base = &emulator.base_url;
    let page: Value = http().get(format!("{base}{LIST}")).bearer_auth("sub-token").send().await.unwrap().json().await.unwrap();
    assert_eq!(page["value"], json!([]), "{page}");
    let missing = http().get(format!("{base}/subscriptions")).bearer_auth("sub-token").send().await.unwrap();
    assert_eq!(missing.status(), 400);
    let error: Value = missing.json().await.unwrap();
    assert_eq!(error["error"]["code"], "MissingApiVersionParameter", "{error}");
    assert_eq!(http().get(format!("{base}{LIST}")).send().await.unwrap().status(), 401);
    emulator.stop().await;
}

#[tokio::test]
async fn the_binary_takes_subscription_id_equals_name_flags() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_apim-emulator"))
        .args(["--listen", "127.0.0.1:0"])
        .args(["--subscription", "00000000-0000-0000-0000-00000000d001=Contoso Production"])
        .args(["--subscription", "00000000-0000-0000-0000-00000000d002=Dev = test"])
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("apim-emulator starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next_line().await.unwrap().expect("first line");
    let base = first.strip_prefix("listening on ").expect("listening on URL").to_string();
    let page: Value = http().get(format!("{base}{LIST}")).send().await.unwrap().json().await.unwrap();
    let names: Vec<&str> = page["value"].as_array().expect("value").iter().filter_map(|s| s["displayName"].as_str()).collect();
    assert_eq!(names, ["Contoso Production", "Dev = test"], "the name is everything after the first '='");
    child.start_kill().unwrap();
    child.wait().await.unwrap();

    let refused = Command::new(env!("CARGO_BIN_EXE_apim-emulator")).args(["--subscription", "no-name"]).output().await.unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("is not ID=NAME"), "{}", String::from_utf8_lossy(&refused.stderr));
}
