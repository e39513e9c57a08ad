//! What every cmdlet test needs: the one output object of a builder, and a C entry point called as
//! the module calls it.

use apim_native::cmdlet::{CmdletOutput, Parameters};
use apim_native::ffi::{apim_string_free, ApimStatus};
use apim_native::model::ApimError;
use serde_json::Value;
use std::ffi::{c_char, CStr, CString};

pub type CmdletFunction = unsafe extern "C" fn(*const c_char, *mut *mut c_char) -> ApimStatus;

/// Runs a builder cmdlet through the Rust API; a builder writes exactly one object and makes no request.
pub fn build(cmdlet: fn(&Parameters) -> Result<CmdletOutput, ApimError>, parameters: Value) -> Result<Value, ApimError> {
    let output = cmdlet(&Parameters::from_value(parameters).expect("the test's parameters are an object"))?;
    assert_eq!(output.output.len(), 1, "a builder writes one object");
    assert!(output.exchanges.is_empty(), "a builder makes no request");
    Ok(output.output[0].clone())
}

/// The Parameters of an object given to a cmdlet (-Proxy, -Tls, ...).
pub fn object(value: Value) -> Parameters {
    Parameters::from_value(value).expect("the test's object is an object")
}

/// Calls a C function as the module does and returns (status, parsed JSON).
pub fn call_c(function: CmdletFunction, parameters: &str) -> (ApimStatus, Value) {
    let input = CString::new(parameters).unwrap();
    let mut out = std::ptr::null_mut();
    // SAFETY: valid NUL-terminated input and a writable out pointer; the string is freed below.
    let status = unsafe { function(input.as_ptr(), &mut out) };
    // SAFETY: the library set `out` to a string it owns.
    let json = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_string();
    // SAFETY: freed once, as the contract says.
    unsafe { apim_string_free(out) };
    (status, serde_json::from_str(&json).unwrap())
}

/// A NULL `parameters_json` is a NullArgument, with the error JSON still set.
pub fn null_parameters_are_refused(function: CmdletFunction) {
    let mut out = std::ptr::null_mut();
    // SAFETY: NULL input is part of the contract; `out` is writable and freed below.
    let status = unsafe { function(std::ptr::null(), &mut out) };
    assert_eq!(status, ApimStatus::NullArgument);
    assert!(!out.is_null());
    // SAFETY: the library set `out`.
    unsafe { apim_string_free(out) };
}
