//! `auth` options: every kind parses, missing fields are reported together with their JSON paths,
//! unknown fields and kinds are rejected, `token` keeps working, and Debug never shows a secret.

use crate::auth_common;

use apim_native::auth::{token_source_from_options_with_env, AuthOptions, Env, ARM_SCOPE};
use apim_native::client::ClientOptions;
use auth_common::*;
use serde_json::json;

#[tokio::test]
async fn static_token_still_works_and_absent_kind_means_no_header() {
    let options = auth_options(json!({"kind":"token","token":"given-token"}));
    let source = token_source_from_options_with_env(&options, &Env::default()).unwrap().unwrap();
    assert_eq!(source.token(ARM_SCOPE).await.unwrap().token, "given-token");
    assert!(token_source_from_options_with_env(&AuthOptions::default(), &Env::default()).unwrap().is_none());
    assert!(token_source_from_options_with_env(&auth_options(json!({"kind":"none"})), &Env::default()).unwrap().is_none());
    let error = token_source_from_options_with_env(&auth_options(json!({"kind":"token"})), &Env::default()).err().unwrap();
    assert_eq!(error.target.as_deref(), Some("auth.token"));
}

#[test]
fn missing_fields_are_reported_together_with_their_paths() {
    let error = token_source_from_options_with_env(&auth_options(json!({"kind":"clientSecret"})), &Env::default()).err().unwrap();
    assert_eq!(error.code, "ValidationError");
    let targets: Vec<_> = error.details.iter().map(|d| d.target.clone().unwrap()).collect();
    assert_eq!(targets, ["auth.tenantId", "auth.clientId", "auth.clientSecret"]);
    assert!(error.details.iter().all(|d| d.code == "Required"));

    let error = token_source_from_options_with_env(&auth_options(json!({"kind":"clientCertificate","tenantId":"t"})), &Env::default())
        .err()
        .unwrap();
    let targets: Vec<_> = error.details.iter().map(|d| d.target.clone().unwrap()).collect();
    assert_eq!(targets, ["auth.clientId", "auth.certificatePath"]);

    let error = token_source_from_options_with_env(&auth_options(json!({"kind":"workloadIdentity","clientId":"c"})), &Env::default())
        .err()
        .unwrap();
    assert_eq!(error.details.len(), 2);

    let error = token_source_from_options_with_env(
        &auth_options(json!({"kind":"clientSecret","tenantId":"../evil","clientId":"c","clientSecret":"s"})),
        &Env::default(),
    )
    .err()
    .unwrap();
    assert_eq!(error.target.as_deref(), Some("auth.tenantId"));
}

#[test]
fn unknown_kinds_and_fields_are_rejected() {
    let error = token_source_from_options_with_env(&auth_options(json!({"kind":"password"})), &Env::default()).err().unwrap();
    assert_eq!(error.target.as_deref(), Some("auth.kind"));
    assert!(error.message.contains("managedIdentity"), "the message lists the kinds: {}", error.message);
    let typo = serde_json::from_value::<AuthOptions>(json!({"kind":"clientSecret","clientSecrett":"x"}));
    assert!(typo.is_err());
    // The camelCase names of the C ABI, with `cloud` as another name for `environment`.
    let all = auth_options(json!({
        "kind":"default","tenantId":"t","clientId":"c","clientSecret":"s","certificatePath":"p","certificatePassword":"pw",
        "sendCertificateChain":true,"federatedTokenFile":"f","identityClientId":"i","identityObjectId":"o",
        "identityResourceId":"/subscriptions/x","identityRequestMethod":"POST","authorityHost":"https://login.microsoftonline.us","cloud":"AzureUSGovernment"
    }));
    assert_eq!(all.environment.as_deref(), Some("AzureUSGovernment"));
}

#[test]
fn debug_output_never_shows_secrets() {
    let options = auth_options(json!({
        "kind":"clientCertificate","token":"tok-SECRET-1","clientSecret":"cs-SECRET-2","certificatePassword":"pw-SECRET-3",
        "tenantId":"tenant-visible","clientId":"client-visible"
    }));
    let shown = format!("{options:?}");
    for secret in ["tok-SECRET-1", "cs-SECRET-2", "pw-SECRET-3"] {
        assert!(!shown.contains(secret), "{secret} leaked: {shown}");
    }
    assert!(shown.contains("tenant-visible") && shown.contains("client-visible"));
    // Through the client options, as the C ABI receives them.
    let client: ClientOptions =
        serde_json::from_value(json!({"auth":{"kind":"clientSecret","clientSecret":"cs-SECRET-4","tenantId":"t","clientId":"c"}})).unwrap();
    assert!(!format!("{client:?}").contains("cs-SECRET-4"));
    let env = Env::from_pairs([("AZURE_CLIENT_SECRET", "env-SECRET-5")]);
    assert!(!format!("{env:?}").contains("env-SECRET-5"));
}
