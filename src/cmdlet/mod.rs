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
//! format, `00:01:00`; see `duration.rs`). In an answer, `{"PSShared":n}` stands for the n-th value
//! of its top-level `shared` array (one value several objects hold, see `CmdletOutput`).

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
pub mod backend_list;
pub mod backend_operations;
pub mod backend_pool;
pub mod backend_proxy;
pub mod backend_service_fabric;
pub mod backend_tls;
pub mod connect;
pub mod duration;
pub mod module_client;
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

/// The member of `{"PSShared": n}`, an object that stands for the answer's `shared[n]`.
pub const SHARED_REFERENCE: &str = "PSShared";

/// What a cmdlet function answers: `{"output":[...],"exchanges":[...]}`. `output` holds the objects
/// the cmdlet writes to the pipeline, in order; `exchanges` the HTTP exchanges it made, for
/// `-Verbose` and `-Debug`, written as the lines the module prints (see `exchange_lines`);
/// `variables`, when present, the values of the variables the cmdlet sets
/// in its caller's scope, keyed by the PARAMETER that names the variable
/// (`{"ResponseHeadersVariable": {...}}` sets the variable `-ResponseHeadersVariable` names).
///
/// `shared`, when present, comes first: values that several output objects hold alike, written
/// once; an object's member `{"PSShared": n}` stands for `shared[n]`, read as one value (the same
/// instance in every object that refers to it). See [`CmdletOutput::with_shared_member`].
#[derive(Debug, Default, Serialize)]
pub struct CmdletOutput {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shared: Vec<Value>,
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

    /// When two or more output objects all hold the same non-null value in `member` (a list's
    /// backends all carry the Context they were listed with), writes that value once in `shared`
    /// and a reference to it in each object. Why: read once per object, the context was about a
    /// third of the time the module took to read a 1,000-backend list.
    pub fn with_shared_member(mut self, member: &str) -> Self {
        let first = match self.output.first().and_then(|object| object.get(member)) {
            Some(value) if !value.is_null() => value.clone(),
            _ => return self,
        };
        if self.output.len() < 2 || !self.output.iter().all(|object| object.get(member) == Some(&first)) {
            return self;
        }
        let reference = serde_json::json!({ SHARED_REFERENCE: self.shared.len() });
        self.shared.push(first);
        for object in &mut self.output {
            if let Some(slot) = object.get_mut(member) {
                *slot = reference.clone();
            }
        }
        self
    }

    /// Sets the variable that the parameter `parameter` names (`-CountVariable total`) to `value`.
    pub fn with_variable(mut self, parameter: &str, value: Value) -> Self {
        self.variables.insert(parameter.to_string(), value);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn listed(contexts: &[Value]) -> CmdletOutput {
        CmdletOutput::objects(contexts.iter().map(|context| json!({ "PSTypeName": "T", "Id": "b", "Context": context })).collect())
    }

    #[test]
    fn a_member_every_object_holds_alike_is_written_once() {
        let context = json!({ "PSTypeName": "C", "ServiceName": "s1" });
        let answer = serde_json::to_value(listed(&[context.clone(), context.clone(), context.clone()]).with_shared_member("Context")).unwrap();
        assert_eq!(answer["shared"], json!([context]));
        for object in answer["output"].as_array().unwrap() {
            assert_eq!(object["Context"], json!({ "PSShared": 0 }));
            assert_eq!(object["Id"], "b");
        }
        let text = serde_json::to_string(&listed(&[context.clone(), context]).with_shared_member("Context")).unwrap();
        assert!(text.starts_with("{\"shared\":"), "shared must come before output, so a reader knows it first: {text}");
    }

    #[test]
    fn a_member_that_differs_is_null_or_stands_alone_stays_in_each_object() {
        let one = json!({ "ServiceName": "s1" });
        let two = json!({ "ServiceName": "s2" });
        for (output, why) in [
            (listed(&[one.clone(), two]), "values differ"),
            (listed(&[one.clone()]), "a single object"),
            (listed(&[Value::Null, Value::Null]), "null"),
        ] {
            let answer = serde_json::to_value(output.with_shared_member("Context")).unwrap();
            assert!(answer.get("shared").is_none(), "{why}: {answer}");
            assert!(answer["output"].as_array().unwrap().iter().all(|o| o.get("Context").is_some_and(|c| c.get("PSShared").is_none())), "{why}");
        }
    }
}
