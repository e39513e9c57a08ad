//! The cmdlets' object model: what `New-AzApiManagementBackend*`, `Get-MgIdentityApiConnector` and
//! the rest take (their bound parameters, named as the cmdlet names them) and give (Az's
//! `PsApiManagement*` objects, Graph's connector objects), mapped to and from the wire model in
//! [`crate::model`]. The PowerShell module sends `$PSBoundParameters` here and turns the answer into
//! typed objects with one generic converter, so it holds no wire knowledge of its own.
//!
//! JSON conventions shared with the module's converter (`ApimNative.ObjectJson` in the interop):
//! an object with a string member `PSTypeName` is a PowerShell object of that type;
//! `{"PSTypeName":"System.Security.SecureString","Value":"..."}` is a SecureString; any other
//! object is a hashtable. On input, a value of a .NET type JSON cannot carry (a DateTime, a
//! ScriptBlock, ...) arrives as `{"PSTypeName":"<its type>"}` alone, so it can be refused by name.

mod output;
mod parameter_names;
mod parameters;

pub mod backend_credential;
pub mod sync;
pub mod sync_output;
pub mod sync_request;

pub use output::{secure_string, PsObject, SECURE_STRING_TYPE};
pub use parameter_names::ParameterNames;
pub use parameters::Parameters;

use crate::client::Exchange;
use serde::Serialize;
use serde_json::Value;

/// What a cmdlet function answers: `{"output":[...],"exchanges":[...]}`. `output` holds the objects
/// the cmdlet writes to the pipeline, in order; `exchanges` the HTTP exchanges it made, for
/// `-Verbose` and `-Debug`.
#[derive(Debug, Default, Serialize)]
pub struct CmdletOutput {
    pub output: Vec<Value>,
    pub exchanges: Vec<Exchange>,
}

impl CmdletOutput {
    /// The answer of a cmdlet that made no request (a builder).
    pub fn objects(output: Vec<Value>) -> Self {
        CmdletOutput { output, exchanges: Vec::new() }
    }

    /// Adds the exchanges of one more request, after those already recorded.
    pub fn with_exchanges(mut self, exchanges: impl IntoIterator<Item = Exchange>) -> Self {
        self.exchanges.extend(exchanges);
        self
    }
}
