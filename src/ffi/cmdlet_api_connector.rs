//! The Microsoft.Graph identity API connector cmdlets (`New-/Get-/Update-/Remove-MgIdentityApiConnector`,
//! `Invoke-MgUploadIdentityApiConnectorClientCertificate`), each `(client, parameters_json, out_json)`,
//! and their ShouldProcess text, `(parameters_json, out_json)` with no client and no request.
//!
//! `parameters_json` is the cmdlet's `$PSBoundParameters` as JSON, names as the cmdlet has them
//! (`{"IdentityApiConnectorId":"...","BodyParameter":{"displayName":"x"}}`), with the conventions
//! of `crate::cmdlet`. On `APIM_STATUS_OK` `*out_json` is `{"output":[...],"exchanges":[...]}`
//! (`MicrosoftGraphIdentityApiConnector` objects; `true` for Remove with `PassThru`), with
//! `"variables":{"ResponseHeadersVariable":{...},"CountVariable":N}` when those parameters name a
//! variable; otherwise the error JSON. Passwords and PFX contents never appear in either, and a
//! body is checked before anything is sent (a password equal to the service's mask `******` is
//! refused: sending it back would make the mask the password). `*out_json` is always set unless
//! `out_json` is NULL; free it with `apim_string_free`. NULL `client` or `parameters_json` returns
//! `APIM_STATUS_NULL_ARGUMENT`. Threads: any number of threads may use one client at once; each
//! call blocks until done, cancelled (`apim_client_cancel`) or timed out.

use super::boundary::block_on;
use super::client::ApimClientHandle;
use super::cmdlet::{cmdlet_builder, cmdlet_operation};
use super::status::ApimStatus;
use crate::cmdlet::api_connector_cmdlets;
use std::ffi::c_char;

/// `New-MgIdentityApiConnector`: `BodyParameter` (a hashtable, an object or a JSON object string)
/// or `DisplayName`, `TargetUrl`, `AuthenticationConfiguration`, `Id`, `AdditionalProperties`;
/// `Headers`, `ResponseHeadersVariable`. Answers the created connector.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_api_connector_create(
    client: *const ApimClientHandle,
    parameters_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe {
        cmdlet_operation("apim_cmdlet_api_connector_create", client, parameters_json, out_json, |c, p| {
            block_on(api_connector_cmdlets::create(c, p))?
        })
    }
}

/// `Get-MgIdentityApiConnector`: one connector by `IdentityApiConnectorId` or `InputObject`, or
/// the list (`All`, `Top`, `PageSize`, `Filter`, `Search`, `Sort`, `Skip`, `CountVariable`; only
/// the first page without `All` or `Top`); `Property`, `ExpandProperty`, `Headers`,
/// `ResponseHeadersVariable`. An unknown id is `code` `Request_ResourceNotFound`, `httpStatus` 404.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_api_connector_get(
    client: *const ApimClientHandle,
    parameters_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe {
        cmdlet_operation("apim_cmdlet_api_connector_get", client, parameters_json, out_json, |c, p| {
            block_on(api_connector_cmdlets::get(c, p))?
        })
    }
}

/// `Update-MgIdentityApiConnector`: `IdentityApiConnectorId` or `InputObject`, and `BodyParameter`
/// or the flattened properties as for create; answers no object. A body with nothing to change is
/// refused (`code` `NothingToUpdate`) without a request.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_api_connector_update(
    client: *const ApimClientHandle,
    parameters_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe {
        cmdlet_operation("apim_cmdlet_api_connector_update", client, parameters_json, out_json, |c, p| {
            block_on(api_connector_cmdlets::update(c, p))?
        })
    }
}

/// `Remove-MgIdentityApiConnector`: `IdentityApiConnectorId` or `InputObject`, `IfMatch` (a stale
/// ETag is `httpStatus` 412), `PassThru` (answers `true`).
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_api_connector_delete(
    client: *const ApimClientHandle,
    parameters_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe {
        cmdlet_operation("apim_cmdlet_api_connector_delete", client, parameters_json, out_json, |c, p| {
            block_on(api_connector_cmdlets::delete(c, p))?
        })
    }
}

/// `Invoke-MgUploadIdentityApiConnectorClientCertificate`: `IdentityApiConnectorId` or
/// `InputObject`, and `BodyParameter` or `Pkcs12Value` and `Password` (with
/// `AdditionalProperties`). Answers the connector with its certificate list; a wrong password or
/// an unreadable PFX is the service's `httpStatus` 400 naming `password` or `pkcs12Value`.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_api_connector_upload_client_certificate(
    client: *const ApimClientHandle,
    parameters_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe {
        cmdlet_operation("apim_cmdlet_api_connector_upload_client_certificate", client, parameters_json, out_json, |c, p| {
            block_on(api_connector_cmdlets::upload_client_certificate(c, p))?
        })
    }
}

/// The ShouldProcess text of a connector cmdlet that changes something: `parameters_json` is
/// `{"Cmdlet":"<its name>","Parameters":{<its bound parameters>}}`; answers one
/// `{"Target":"identityApiConnector '<name or id>'","Action":"...","TargetObject":"<name or id>"}`.
/// No client, no request, no secret in the text. What cannot be a body or an id at all (a
/// `BodyParameter` string that is not a JSON object, an `InputObject` without an id) is
/// `APIM_STATUS_INVALID_ARGUMENT` here. Threads: any; no shared state.
#[no_mangle]
pub unsafe extern "C" fn apim_cmdlet_api_connector_should_process(parameters_json: *const c_char, out_json: *mut *mut c_char) -> ApimStatus {
    // SAFETY: pointers are checked inside; see the contract above.
    unsafe { cmdlet_builder("apim_cmdlet_api_connector_should_process", parameters_json, out_json, api_connector_cmdlets::should_process) }
}
