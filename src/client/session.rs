//! A session (what Connect-ApimNative chose): the credential options, secrets included, and the
//! subscription the caller named, kept by the library so that the host keeps only a handle and
//! never the secret text. Clients made from a session sign in with its credential and share its
//! subscription, which is resolved from a display name once, on first use, for all of them.

use super::{dialect, ApimClient, ClientOptions};
use crate::auth::AuthOptions;
use crate::model::redact::Redacted;
use crate::model::{ApimError, ErrorCategory};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// The api-version of ARM's subscription list (`GET /subscriptions`), the one Az.Accounts sends.
pub const SUBSCRIPTIONS_API_VERSION: &str = "2022-12-01";

/// `apim_session_new`'s JSON. The endpoints and environment are only used to check the options
/// now (a client is built and dropped); each client later gets its own from its options.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SessionOptions {
    /// The credential; absent: each client keeps the `auth` of its own options.
    #[serde(default)]
    pub auth: Option<AuthOptions>,
    /// A subscription id (GUID) or display name, used when a request names no subscription.
    #[serde(default)]
    pub subscription: Option<String>,
    #[serde(default)]
    pub arm_endpoint: Option<String>,
    #[serde(default)]
    pub graph_endpoint: Option<String>,
    #[serde(default)]
    pub environment: Option<Redacted<HashMap<String, String>>>,
}

/// The credential and subscription of one connection.
pub struct Session {
    auth: Option<AuthOptions>,
    subscription: Option<Arc<SessionSubscription>>,
}

/// The subscription as the caller gave it, and what it turned out to be.
pub struct SessionSubscription {
    given: String,
    /// Set from the subscription list the first time a client needs the id of a name; a failed
    /// lookup is not kept, so a later call tries again (after the user fixed access, say).
    resolved: tokio::sync::OnceCell<ResolvedSubscription>,
}

#[derive(Debug, Clone)]
struct ResolvedSubscription {
    id: String,
    name: String,
}

impl Session {
    /// Checks the options as a client would (missing fields, unreadable certificate, wrong PFX
    /// password, endpoints that are not URLs) and keeps them. Nothing is sent.
    pub fn new(options: SessionOptions) -> Result<Session, ApimError> {
        if let Some(auth) = &options.auth {
            check_federated_token_file(auth)?;
        }
        let subscription = match options.subscription.as_deref().map(str::trim) {
            None => None,
            Some("") => return Err(ApimError::invalid_argument("subscription", "-Subscription is empty; give a subscription id or name")),
            Some(given) => Some(Arc::new(SessionSubscription { given: given.to_string(), resolved: tokio::sync::OnceCell::new() })),
        };
        let mut probe = ClientOptions { auth: options.auth.clone().unwrap_or_default(), environment: options.environment, ..ClientOptions::default() };
        if let Some(endpoint) = options.arm_endpoint {
            probe.arm_endpoint = endpoint;
        }
        if let Some(endpoint) = options.graph_endpoint {
            probe.graph_endpoint = endpoint;
        }
        drop(ApimClient::new(probe)?);
        Ok(Session { auth: options.auth, subscription })
    }

    /// A client for `options` that signs in with the session's credential (when it has one; the
    /// options' own `auth` otherwise) and falls back to the session's subscription.
    pub fn client(&self, mut options: ClientOptions) -> Result<ApimClient, ApimError> {
        if let Some(auth) = &self.auth {
            options.auth = auth.clone();
        }
        let mut client = ApimClient::new(options)?;
        client.session_subscription = self.subscription.clone();
        Ok(client)
    }

    /// What may be shown about the session: the credential without its secrets, and the
    /// subscription id and name as far as they are known.
    pub fn info(&self) -> Value {
        let (id, name) = match &self.subscription {
            None => (None, None),
            Some(s) => s.known(),
        };
        json!({
            "auth": self.auth.as_ref().map(public_auth),
            "subscription": self.subscription.as_ref().map(|s| s.given.clone()),
            "subscriptionId": id,
            "subscriptionName": name,
        })
    }
}

impl SessionSubscription {
    /// The given text when it is a subscription id: a GUID in any form .NET's Guid.Parse takes
    /// (braces, no hyphens), written as ARM writes ids; the canonical form is kept as given.
    fn given_id(&self) -> Option<String> {
        let id = uuid::Uuid::parse_str(&self.given).ok()?;
        let canonical = id.hyphenated().to_string();
        Some(if canonical.eq_ignore_ascii_case(&self.given) { self.given.clone() } else { canonical })
    }

    /// The id and name known so far: an id is known at once, a name's id after its lookup.
    fn known(&self) -> (Option<String>, Option<String>) {
        match (self.given_id(), self.resolved.get()) {
            (_, Some(r)) => (Some(r.id.clone()), Some(r.name.clone())),
            (Some(id), None) => (Some(id), None),
            (None, None) => (None, None),
        }
    }

    /// The subscription id: the given one when it is an id, else the id of the one subscription
    /// the account sees under that display name (looked up once, through `client`).
    pub async fn id(&self, client: &ApimClient) -> Result<String, ApimError> {
        if let Some(id) = self.given_id() {
            return Ok(id);
        }
        let resolved = self.resolved.get_or_try_init(|| resolve_name(client, &self.given)).await?;
        Ok(resolved.id.clone())
    }
}

/// `GET {arm}/subscriptions`, every page, and the one entry whose displayName is `name`
/// (case-insensitive, as Connect-AzAccount matches it).
async fn resolve_name(client: &ApimClient, name: &str) -> Result<ResolvedSubscription, ApimError> {
    let listing_failed = |e: ApimError| ApimError {
        message: format!("-Subscription '{name}' is a name; listing the account's subscriptions to find its id failed: {}", e.message),
        ..e
    };
    let mut call = client.start_call(&dialect::ARM, &client.options.arm_endpoint).map_err(listing_failed)?;
    let mut url = call.base().clone();
    url.path_segments_mut()
        .map_err(|_| ApimError::invalid_argument("armEndpoint", "armEndpoint cannot have paths appended to it"))?
        .pop_if_empty()
        .push("subscriptions");
    url.query_pairs_mut().append_pair("api-version", SUBSCRIPTIONS_API_VERSION);
    let listed = call.list(url, false).await.map_err(listing_failed)?;
    let all: Vec<ResolvedSubscription> = listed
        .value
        .iter()
        .filter_map(|entry| {
            let id = entry.get("subscriptionId")?.as_str()?;
            let name = entry.get("displayName").and_then(Value::as_str).unwrap_or_default();
            Some(ResolvedSubscription { id: id.to_string(), name: name.to_string() })
        })
        .collect();
    let matching: Vec<&ResolvedSubscription> = all.iter().filter(|s| s.name.eq_ignore_ascii_case(name)).collect();
    match matching.as_slice() {
        [one] => Ok((*one).clone()),
        [] => {
            let seen = if all.is_empty() {
                "it sees no subscription".to_string()
            } else {
                let names: Vec<String> = all.iter().map(|s| format!("'{}'", s.name)).collect();
                format!("it sees {}", names.join(", "))
            };
            Err(ApimError::new(
                "SubscriptionNotFound",
                format!("-Subscription '{name}' is not the name of a subscription the signed-in account can see ({seen}); give its id or one of these names"),
                ErrorCategory::ObjectNotFound,
            )
            .with_target("subscription"))
        }
        many => {
            let ids: Vec<&str> = many.iter().map(|s| s.id.as_str()).collect();
            Err(ApimError::invalid_argument(
                "subscription",
                format!("-Subscription '{name}' is ambiguous: {} subscriptions have that name ({}); give the id of the one you mean", many.len(), ids.join(", ")),
            ))
        }
    }
}

/// The federated token file is read again at every token request, so it may change later; one
/// that does not exist now is a typo, refused when connecting rather than at the first cmdlet.
fn check_federated_token_file(auth: &AuthOptions) -> Result<(), ApimError> {
    let Some(path) = auth.federated_token_file.as_deref().filter(|_| auth.kind.as_deref() == Some("workloadIdentity")) else {
        return Ok(());
    };
    if std::path::Path::new(path).is_file() {
        return Ok(());
    }
    Err(ApimError::new(
        "FederatedTokenFileNotFound",
        format!("-FederatedTokenFile '{path}' does not exist. Give the path of the projected service account token (AZURE_FEDERATED_TOKEN_FILE on AKS)."),
        ErrorCategory::ObjectNotFound,
    )
    .with_target("auth.federatedTokenFile"))
}

/// The credential options without any secret: what the host may keep and show.
fn public_auth(auth: &AuthOptions) -> Value {
    let fields = [
        ("kind", &auth.kind),
        ("tenantId", &auth.tenant_id),
        ("clientId", &auth.client_id),
        ("certificatePath", &auth.certificate_path),
        ("federatedTokenFile", &auth.federated_token_file),
        ("identityClientId", &auth.identity_client_id),
        ("identityObjectId", &auth.identity_object_id),
        ("identityResourceId", &auth.identity_resource_id),
        ("identityRequestMethod", &auth.identity_request_method),
        ("authorityHost", &auth.authority_host),
        ("environment", &auth.environment),
    ];
    let mut out = Map::new();
    for (name, value) in fields {
        if let Some(value) = value {
            out.insert(name.to_string(), Value::String(value.clone()));
        }
    }
    if let Some(send) = auth.send_certificate_chain {
        out.insert("sendCertificateChain".to_string(), Value::Bool(send));
    }
    Value::Object(out)
}
