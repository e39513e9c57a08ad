//! The module's connection layer: `Connect-ApimNative` (`apim_cmdlet_connect`, which makes the
//! session) and the client each cmdlet calls through (`apim_cmdlet_client_new`), both from
//! parameters named as the cmdlets name them, so the host never writes the library's options.

use super::boundary::{self, handle_ref, json_arg, out_ptr};
use super::client::{hand_out_client, ApimClientHandle};
use super::session::ApimSessionHandle;
use super::status::ApimStatus;
use crate::cmdlet::{connect, module_client, Parameters};
use serde_json::Value;
use std::ffi::c_char;

/// `Connect-ApimNative`: `parameters_json` is its bound parameters (`Identity`, `AccountId`,
/// `ServicePrincipal`, `TenantId`, `Credential` (a PSCredential marker), `ApplicationId`,
/// `CertificatePath`, `CertificatePassword` (SecureString marker), `CertificateThumbprint`,
/// `FederatedTokenFile`, `UseAzureCli`, `AccessToken`, `Environment`, `Subscription`, `Emulator`
/// (an object with `BaseUrl`), `ArmEndpoint`, `GraphEndpoint`), paths already absolute, and for
/// `-CertificateThumbprint` the exported certificate as `StoreCertificate` (`Data`: base64 PFX,
/// `Password`). Bad or conflicting parameters are refused naming the parameter; the session's own
/// checks (unreadable certificate, wrong PFX password, missing federated token file, endpoints
/// that are not URLs) are reported in the parameters' names too. Nothing is sent.
///
/// On `APIM_STATUS_OK`, `*out_session` receives a new session (free it with `apim_session_free`)
/// and `*out_json` is `{"output":[<ApimNative.Connection>],"exchanges":[],"target":"...",
/// "connection":{"Auth":{...}|null,"Kind":"...","SubscriptionId":...,"ArmEndpoint":...,
/// "GraphEndpoint":...}}` (no secret anywhere). On failure `*out_session` is left untouched and
/// `*out_json` holds the error JSON. Free `*out_json` with `apim_string_free`.
/// NULL `parameters_json` or `out_session` returns `APIM_STATUS_NULL_ARGUMENT`. Threads: any.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_connect(
    parameters_json: *const c_char,
    out_session: *mut *mut ApimSessionHandle,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    boundary::run("apim_cmdlet_connect", out_json, || {
        let out_session = out_ptr(out_session, "out_session")?;
        // SAFETY: the caller passes NULL or a NUL-terminated string valid for this call.
        let parameters = Parameters::from_value(unsafe { json_arg::<Value>(parameters_json, "parameters_json") }?)?;
        let _runtime = crate::runtime::runtime().enter();
        let connected = connect::connect(&parameters)?;
        let answer = boundary::to_json(&connected.answer)?;
        // SAFETY: checked non-NULL; the caller promises writable storage for one pointer.
        unsafe { *out_session = Box::into_raw(Box::new(ApimSessionHandle { session: connected.session })) };
        Ok(answer)
    })
}

/// The client a module cmdlet calls through: `parameters_json` holds `Endpoint` (the ARM
/// endpoint, required), `GraphEndpoint`, `ApiVersion`, `ForGraph` (the client serves Graph
/// cmdlets: whether it signs in is decided by the Graph endpoint) and `EnvironmentVariables` (the
/// environment the credential sources read). `session` is NULL when not connected. The client
/// signs in with the session's credential when it has one; otherwise with none for an endpoint
/// on this machine and with the default chain for any other.
///
/// On `APIM_STATUS_OK`, `*out_client` receives a new client (free it with `apim_client_free`) and
/// `*out_json` the summary of `apim_client_new` plus `"credential":"session"|"defaultChain"|"none"`;
/// on failure the error JSON, naming the parameters. NULL `parameters_json` or `out_client`
/// returns `APIM_STATUS_NULL_ARGUMENT`. Threads: any.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_client_new(
    session: *const ApimSessionHandle,
    parameters_json: *const c_char,
    out_client: *mut *mut ApimClientHandle,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    boundary::run("apim_cmdlet_client_new", out_json, || {
        let session = if session.is_null() {
            None
        } else {
            // SAFETY: non-NULL here; the caller promises a live session from apim_session_new.
            Some(&unsafe { handle_ref(session, "session") }?.session)
        };
        let out_client = out_ptr(out_client, "out_client")?;
        // SAFETY: the caller passes NULL or a NUL-terminated string valid for this call.
        let parameters = Parameters::from_value(unsafe { json_arg::<Value>(parameters_json, "parameters_json") }?)?;
        let _runtime = crate::runtime::runtime().enter();
        let (client, credential) = module_client::client(session, &parameters)?;
        // SAFETY: checked non-NULL; the caller promises writable storage for one pointer.
        let summary = unsafe { hand_out_client(client, out_client) }?;
        let mut summary: Value = serde_json::from_str(&summary).unwrap_or_default();
        if let Some(object) = summary.as_object_mut() {
            object.insert("credential".into(), Value::String(credential.as_str().into()));
        }
        boundary::to_json(&summary)
    })
}
