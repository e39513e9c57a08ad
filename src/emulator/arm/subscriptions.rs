//! `GET /subscriptions` (Microsoft.Resources, rest-contracts of ARM's subscription list): the
//! subscriptions of the emulator's `subscriptions` option, so a client can turn a subscription
//! name into its id (Connect-ApimNative -Subscription NAME) against the emulator as against ARM.

use crate::emulator::context::EmulatorContext;
use crate::emulator::errors::ArmError;
use crate::emulator::request::Query;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

/// The tenant every emulated subscription belongs to (the emulator has no directory of its own).
const EMULATOR_TENANT_ID: &str = "00000000-0000-0000-0000-00000000e0e0";

pub fn routes(ctx: &EmulatorContext) -> Router {
    Router::new().route("/subscriptions", get(list_subscriptions)).with_state(ctx.clone())
}

async fn list_subscriptions(State(ctx): State<EmulatorContext>, uri: Uri) -> Response {
    // ARM requires an api-version on every request; which one does not change this answer.
    if Query::from_uri(&uri).get("api-version").is_none_or(str::is_empty) {
        return ArmError::new(
            StatusCode::BAD_REQUEST,
            "MissingApiVersionParameter",
            "The api-version query parameter (?api-version=) is required for all requests.",
        )
        .with_target("api-version")
        .into_response();
    }
    let value: Vec<Value> = ctx
        .options
        .subscriptions
        .iter()
        .map(|(id, name)| {
            json!({
                "id": format!("/subscriptions/{id}"),
                "authorizationSource": "RoleBased",
                "managedByTenants": [],
                "subscriptionId": id,
                "tenantId": EMULATOR_TENANT_ID,
                "displayName": name,
                "state": "Enabled",
                "subscriptionPolicies": {"locationPlacementId": "Public_2014-09-01", "quotaId": "PayAsYouGo_2014-09-01", "spendingLimit": "Off"},
            })
        })
        .collect();
    let count = value.len();
    Json(json!({ "value": value, "count": { "type": "Total", "value": count } })).into_response()
}
