//! The Azure CLI source and subscription resolution against a fake `az` on a PATH the test builds:
//! the exact arguments, the fixed working directory, both expiry fields, the signed-out case.
#![cfg(unix)]

use crate::auth_common;

use apim_native::auth::azure_cli::AzureCliCredential;
use apim_native::auth::subscription::{resolve_subscription_id, subscription_from_resource_id};
use apim_native::auth::{token_source_from_options_with_env, Env, TokenSource, ARM_SCOPE};
use auth_common::*;
use serde_json::json;
use std::time::{Duration, UNIX_EPOCH};

struct FakeAz {
    dir: tempfile::TempDir,
    env: Env,
}

impl FakeAz {
    fn new() -> FakeAz {
        let dir = tempfile::tempdir().unwrap();
        write_fake_az(dir.path());
        let d = dir.path().to_str().unwrap().to_string();
        let env = Env::from_pairs([
            ("PATH", format!("{d}:/usr/bin:/bin")),
            ("AZ_FAKE_DIR", d.clone()),
            ("AZ_FAKE_LOG", format!("{d}/calls.log")),
        ]);
        FakeAz { dir, env }
    }
    fn answer(&self, name: &str, body: serde_json::Value) {
        std::fs::write(self.dir.path().join(format!("{name}.json")), body.to_string()).unwrap();
    }
    fn calls(&self) -> Vec<String> {
        std::fs::read_to_string(self.dir.path().join("calls.log")).unwrap_or_default().lines().map(str::to_string).collect()
    }
    fn cwd(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("calls.log.cwd")).unwrap_or_default().trim().to_string()
    }
}

#[tokio::test]
async fn get_access_token_with_scope_and_tenant() {
    let az = FakeAz::new();
    az.answer(
        "account-get-access-token",
        json!({"accessToken":"cli-token","expiresOn":"2030-01-02 03:04:05.000000","expires_on":1893553445,
               "subscription":"sub-1","tenant":"tenant-1","tokenType":"Bearer"}),
    );
    let options = auth_options(json!({"kind":"azureCli","tenantId":"tenant-1"}));
    let source = token_source_from_options_with_env(&options, &az.env).unwrap().unwrap();
    let token = source.token(ARM_SCOPE).await.unwrap();
    assert_eq!(token.token, "cli-token");
    assert_eq!(token.expires_on, UNIX_EPOCH + Duration::from_secs(1893553445));
    assert_eq!(
        az.calls(),
        [format!("account get-access-token --output json --scope {ARM_SCOPE} --tenant tenant-1")]
    );
    assert_eq!(az.cwd(), "/", "az runs from a fixed directory, not the caller's");
    // Cached: the CLI is not started again.
    source.token(ARM_SCOPE).await.unwrap();
    assert_eq!(az.calls().len(), 1);
}

#[tokio::test]
async fn signed_out_cli_and_missing_cli_are_unavailable() {
    let az = FakeAz::new();
    std::fs::write(az.dir.path().join("signed-out"), "").unwrap();
    let error = AzureCliCredential::new(az.env.clone(), None).token(ARM_SCOPE).await.unwrap_err();
    assert_eq!(error.code, "CredentialUnavailable");
    assert!(error.message.contains("az login"), "{}", error.message);

    let empty = tempfile::tempdir().unwrap();
    let env = Env::from_pairs([("PATH", empty.path().to_str().unwrap())]);
    let error = AzureCliCredential::new(env, None).token(ARM_SCOPE).await.unwrap_err();
    assert_eq!(error.code, "CredentialUnavailable");
    assert!(error.message.contains("'az' was not found on PATH"), "{}", error.message);
}

#[tokio::test]
async fn odd_scopes_never_reach_the_command_line() {
    let az = FakeAz::new();
    let error = AzureCliCredential::new(az.env.clone(), None).token("https://x/.default; rm -rf /").await.unwrap_err();
    assert_eq!(error.target.as_deref(), Some("scope"));
    assert!(az.calls().is_empty());
}

#[tokio::test]
async fn subscription_resolution_order() {
    let az = FakeAz::new();
    az.answer("account-show", json!({"id":"sub-from-cli","tenantId":"t","isDefault":true}));
    let rid = "/subscriptions/sub-from-id/resourceGroups/rg/providers/Microsoft.ApiManagement/service/s";
    let with_var = az.env.clone().with("AZURE_SUBSCRIPTION_ID", "sub-from-env");

    assert_eq!(resolve_subscription_id(Some("explicit"), Some(rid), &with_var).await.unwrap(), "explicit");
    assert_eq!(resolve_subscription_id(None, Some(rid), &with_var).await.unwrap(), "sub-from-id");
    assert_eq!(resolve_subscription_id(Some("  "), None, &with_var).await.unwrap(), "sub-from-env");
    assert!(az.calls().is_empty(), "the CLI is asked only as the last resort");
    assert_eq!(resolve_subscription_id(None, None, &az.env).await.unwrap(), "sub-from-cli");
    assert_eq!(az.calls(), ["account show --output json"]);

    let none = Env::from_pairs([("PATH", "/nonexistent")]);
    let error = resolve_subscription_id(None, Some("/resourceGroups/x"), &none).await.unwrap_err();
    assert_eq!(error.target.as_deref(), Some("subscriptionId"));
    assert!(error.message.contains("AZURE_SUBSCRIPTION_ID"));

    assert_eq!(subscription_from_resource_id("/SUBSCRIPTIONS/abc/resourceGroups/x").as_deref(), Some("abc"));
    assert_eq!(subscription_from_resource_id("subscriptions/abc").as_deref(), Some("abc"));
    assert_eq!(subscription_from_resource_id("/providers/x"), None);
}
