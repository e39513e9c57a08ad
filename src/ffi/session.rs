//! `ApimSession` handles (Connect-ApimNative's connection: the credential with its secrets and the
//! subscription) and the clients made from them; `apim_cloud_list`, the one cloud table.

use super::boundary::{self, handle_ref, json_arg, out_ptr};
use super::client::{hand_out_client, ApimClientHandle};
use super::status::ApimStatus;
use crate::client::session::{Session, SessionOptions};
use crate::client::ClientOptions;
use std::ffi::c_char;

/// A session: the credential options (client secret, certificate and its password, token) and
/// the subscription (id or name) one connection chose. Opaque to C (`ApimSession` in the header);
/// made by `apim_session_new`, freed by `apim_session_free`; the host keeps the handle instead of
/// the secrets. Any number of threads may use one session at once.
pub struct ApimSessionHandle {
    session: Session,
}

/// Creates a session from `options_json`, e.g.
/// `{"auth":{"kind":"clientSecret","tenantId":"...","clientId":"...","clientSecret":"..."},
///   "subscription":"Contoso Production","armEndpoint":"https://management.azure.com",
///   "graphEndpoint":"https://graph.microsoft.com","environment":{"AZURE_...":"..."}}`
/// (every field optional; `auth` is the `auth` of `apim_client_new`, `subscription` an id or a
/// display name, resolved on first use). The options are checked as `apim_client_new` checks
/// them, and a `federatedTokenFile` must exist; nothing is sent over the network.
///
/// On `APIM_STATUS_OK`, `*out_session` receives a new session owned by the caller (free it with
/// `apim_session_free`) and `*out_json` what `apim_session_info` answers. On failure
/// `*out_session` is left untouched and `*out_json` holds the error JSON. `*out_json` is always
/// set unless `out_json` is NULL; free it with `apim_string_free`.
/// NULL `options_json` or `out_session` returns `APIM_STATUS_NULL_ARGUMENT`.
/// Threads: any thread.
#[no_mangle]
pub unsafe extern "C" fn apim_session_new(
    options_json: *const c_char,
    out_session: *mut *mut ApimSessionHandle,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    boundary::run("apim_session_new", out_json, || {
        let out_session = out_ptr(out_session, "out_session")?;
        // SAFETY: the caller passes NULL or a NUL-terminated string valid for this call.
        let options: SessionOptions = unsafe { json_arg(options_json, "options_json") }?;
        let _runtime = crate::runtime::runtime().enter();
        let session = Session::new(options)?;
        let info = boundary::to_json(&session.info())?;
        // SAFETY: checked non-NULL; the caller promises writable storage for one pointer.
        unsafe { *out_session = Box::into_raw(Box::new(ApimSessionHandle { session })) };
        Ok(info)
    })
}

/// Creates a client as `apim_client_new` does from `options_json`, signing in with the session's
/// credential (which replaces the options' `auth` when the session has one) and using the
/// session's subscription when a request and the options name none. The client keeps what it
/// needs: it stays usable after `apim_session_free`.
///
/// On `APIM_STATUS_OK`, `*out_client` receives a new client (free it with `apim_client_free`) and
/// `*out_json` the summary of `apim_client_new`; on failure the error JSON.
/// NULL `session`, `options_json` or `out_client` returns `APIM_STATUS_NULL_ARGUMENT`.
/// Threads: any thread.
#[no_mangle]
pub unsafe extern "C" fn apim_session_client_new(
    session: *const ApimSessionHandle,
    options_json: *const c_char,
    out_client: *mut *mut ApimClientHandle,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    boundary::run("apim_session_client_new", out_json, || {
        // SAFETY: NULL or a live session from apim_session_new.
        let session = unsafe { handle_ref(session, "session") }?;
        let out_client = out_ptr(out_client, "out_client")?;
        // SAFETY: the caller passes NULL or a NUL-terminated string valid for this call.
        let options: ClientOptions = unsafe { json_arg(options_json, "options_json") }?;
        let _runtime = crate::runtime::runtime().enter();
        let client = session.session.client(options)?;
        // SAFETY: checked non-NULL; the caller promises writable storage for one pointer.
        unsafe { hand_out_client(client, out_client) }
    })
}

/// What may be shown about a session, as JSON: `{"auth":{...},"subscription":"...",
/// "subscriptionId":"...","subscriptionName":"..."}`. `auth` has no secret field (kind, tenantId,
/// clientId, ...); `subscriptionId` is null until a name has been resolved by a client's first
/// request that needed it, `subscriptionName` null unless a name was resolved.
/// NULL `session` returns `APIM_STATUS_NULL_ARGUMENT`. Threads: any thread.
#[no_mangle]
pub unsafe extern "C" fn apim_session_info(session: *const ApimSessionHandle, out_json: *mut *mut c_char) -> ApimStatus {
    boundary::run("apim_session_info", out_json, || {
        // SAFETY: NULL or a live session from apim_session_new.
        let session = unsafe { handle_ref(session, "session") }?;
        boundary::to_json(&session.session.info())
    })
}

/// Frees a session made by `apim_session_new`, and the secrets it holds. NULL is a no-op.
/// Clients made from it keep working. Threads: any thread, but no other thread may be using it.
#[no_mangle]
pub unsafe extern "C" fn apim_session_free(session: *mut ApimSessionHandle) {
    if session.is_null() {
        return;
    }
    boundary::run_void(|| {
        // SAFETY: the caller promises `session` came from apim_session_new and is freed once.
        drop(unsafe { Box::from_raw(session) });
    });
}

/// The clouds the library knows, as JSON: `{"clouds":[{"name":"AzureCloud","aliases":[...],
/// "authorityHost":"https://login.microsoftonline.com","armEndpoint":"https://management.azure.com",
/// "graphEndpoint":"https://graph.microsoft.com"},...]}`. `name` is what `auth.environment` and
/// Connect-ApimNative -Environment take. Free `*out_json` with `apim_string_free`.
/// Threads: any thread.
#[no_mangle]
pub unsafe extern "C" fn apim_cloud_list(out_json: *mut *mut c_char) -> ApimStatus {
    boundary::run("apim_cloud_list", out_json, || boundary::to_json(&crate::auth::authority::cloud_table()))
}
