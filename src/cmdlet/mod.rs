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
//! Both ways, `{"PSTypeName":"System.Management.Automation.PSCredential","UserName":"...",
//! "Password":<SecureString>}` is a PSCredential (without a UserName, `PSCredential.Empty`), and
//! `{"PSTypeName":"System.TimeSpan","Value":"PT1M"}` a TimeSpan (`Value` ISO 8601 or the `c`
//! format, `00:01:00`; see `duration.rs`).

mod exchange_lines;
mod output;
mod parameter_names;
mod parameters;

pub mod api_connector;
pub mod api_connector_cmdlets;
pub mod backend;
pub mod backend_address;
pub mod backend_circuit_breaker;
pub mod backend_credential;
pub mod backend_operations;
pub mod backend_pool;
pub mod backend_proxy;
pub mod backend_service_fabric;
pub mod backend_tls;
pub mod duration;
pub mod sync;
pub mod sync_output;
pub mod sync_request;

pub use output::{secure_string, PsObject, SECURE_STRING_TYPE};
pub use parameter_names::ParameterNames;
pub use parameters::Parameters;

use crate::client::Exchange;
use serde::Serialize;
use serde_json::{Map, Value};

/// A wire struct as the JSON the model's builder checks take. Serialising these plain structs (string
/// keys, no custom serialisers that fail) cannot fail; `Null` would only be refused by the check.
pub(crate) fn wire_value<T: Serialize>(wire: &T) -> Value {
    serde_json::to_value(wire).unwrap_or_default()
}

/// What a cmdlet function answers: `{"output":[...],"exchanges":[...]}`. `output` holds the objects
/// the cmdlet writes to the pipeline, in order; `exchanges` the HTTP exchanges it made, for
/// `-Verbose` and `-Debug`, written as the lines the module prints (see `exchange_lines`);
/// `variables`, when present, the values of the variables the cmdlet sets
/// in its caller's scope, keyed by the PARAMETER that names the variable
/// (`{"ResponseHeadersVariable": {...}}` sets the variable `-ResponseHeadersVariable` names).
#[derive(Debug, Default, Serialize)]
pub struct CmdletOutput {
    pub output: Vec<Value>,
    #[serde(serialize_with = "exchange_lines::serialize")]
    pub exchanges: Vec<Exchange>,
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub variables: Map<String, Value>,
}

impl CmdletOutput {
    /// The answer of a cmdlet that made no request (a builder).
    pub fn objects(output: Vec<Value>) -> Self {
        CmdletOutput { output, ..CmdletOutput::default() }
    }

    /// Adds the exchanges of one more request, after those already recorded.
    pub fn with_exchanges(mut self, exchanges: impl IntoIterator<Item = Exchange>) -> Self {
        self.exchanges.extend(exchanges);
        self
    }

    /// Sets the variable that the parameter `parameter` names (`-CountVariable total`) to `value`.
    pub fn with_variable(mut self, parameter: &str, value: Value) -> Self {
        self.variables.insert(parameter.to_string(), value);
        self
    }
}
