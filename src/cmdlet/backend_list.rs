//! The objects of `Get-AzApiManagementBackend` without -BackendId: the backends of each page the
//! list follows, mapped in order, at most -Top of them, their Context written once. Kept apart
//! from the requests (`backend_operations::get`) so the list benchmark can time the mapping and
//! the answer without HTTP.

use super::backend;
use super::backend_address::ServiceScope;
use super::backend_credential::SecureValues;
use super::{CmdletOutput, SHARED_REFERENCE};
use crate::client::Exchange;
use crate::model::ApimError;
use serde_json::{Map, Value};

/// The member each backend object carries its Context in.
const CONTEXT: &str = "Context";

/// The list's answer as its pages arrive.
pub struct BackendList<'a> {
    scope: &'a ServiceScope,
    top: Option<i64>,
    output: CmdletOutput,
}

impl<'a> BackendList<'a> {
    pub fn new(scope: &'a ServiceScope, top: Option<i64>) -> Self {
        BackendList { scope, top, output: CmdletOutput::default() }
    }

    /// Adds one page: its exchanges, and its backends until -Top is reached.
    pub fn add_page(&mut self, items: &[Value], exchanges: Vec<Exchange>) -> Result<(), ApimError> {
        self.output.exchanges.extend(exchanges);
        for item in items {
            if self.is_full() {
                break;
            }
            let wire = backend::read_wire(item)?;
            let object = backend::without_context(&wire, None, self.scope, &SecureValues::none());
            self.output.output.push(object.property(CONTEXT, self.shared_context()).into_value());
        }
        Ok(())
    }

    /// What each backend holds as its Context while the list is read: a reference to `shared[0]`
    /// (`finish` puts the context itself back if the list ends with fewer than two backends). Why
    /// not the context itself, shared at the end by `CmdletOutput::with_shared_member`: copying
    /// the context into each object, comparing it and replacing it again was a tenth of the
    /// mapping of a 1,000-backend list (issue 17); the answer is the same.
    fn shared_context(&self) -> Value {
        if self.scope.context.is_null() {
            return Value::Null;
        }
        let mut reference = Map::with_capacity(1);
        reference.insert(SHARED_REFERENCE.to_string(), Value::from(0));
        Value::Object(reference)
    }

    /// Whether -Top backends have been read (so no further page is needed).
    pub fn is_full(&self) -> bool {
        self.top.is_some_and(|top| self.output.output.len() as i64 >= top)
    }

    /// The answer: the backends, sharing their Context (as `CmdletOutput::with_shared_member`
    /// shares a member: written once when two or more objects hold it and it is not null).
    pub fn finish(mut self) -> CmdletOutput {
        let context = &self.scope.context;
        if context.is_null() {
            return self.output;
        }
        if self.output.output.len() < 2 {
            for object in &mut self.output.output {
                object[CONTEXT] = context.clone();
            }
            return self.output;
        }
        self.output.shared.push(context.clone());
        self.output
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn scope(context: Value) -> ServiceScope {
        ServiceScope {
            subscription_id: Some("sub-1".into()),
            resource_group_name: "rg1".into(),
            service_name: "apim1".into(),
            workspace_id: None,
            context,
        }
    }

    fn page(count: usize) -> Vec<Value> {
        (0..count)
            .map(|i| {
                json!({ "id": format!("/subscriptions/sub-1/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apim1/backends/b{i}"),
                        "name": format!("b{i}"), "properties": { "url": "https://b.contoso.com/", "protocol": "http",
                        "tls": { "validateCertificateChain": i % 2 == 0, "validateCertificateName": true } } })
            })
            .collect()
    }

    /// The answer as it was made before the list referred to its shared Context while mapping:
    /// each object with the context, then `with_shared_member`.
    fn shared_afterwards(scope: &ServiceScope, items: &[Value]) -> String {
        let objects = items.iter().map(|item| backend::to_object(&backend::read_wire(item).unwrap(), None, scope, &SecureValues::none()));
        serde_json::to_string(&CmdletOutput::objects(objects.collect()).with_shared_member(CONTEXT)).unwrap()
    }

    #[test]
    fn the_answer_is_the_one_with_the_context_shared_afterwards() {
        let context = json!({ "PSTypeName": "C", "ServiceName": "apim1", "WorkspaceId": null });
        for (context, count) in [(context.clone(), 0), (context.clone(), 1), (context.clone(), 2), (context, 5), (Value::Null, 3)] {
            let scope = scope(context.clone());
            let items = page(count);
            let mut list = BackendList::new(&scope, None);
            list.add_page(&items[..count / 2], Vec::new()).unwrap();
            list.add_page(&items[count / 2..], Vec::new()).unwrap();
            let answer = serde_json::to_string(&list.finish()).unwrap();
            assert_eq!(answer, shared_afterwards(&scope, &items), "{count} backends, context {context}");
        }
    }

    #[test]
    fn top_stops_the_list_within_a_page() {
        let scope = scope(json!({ "PSTypeName": "C" }));
        let mut list = BackendList::new(&scope, Some(3));
        list.add_page(&page(2), Vec::new()).unwrap();
        assert!(!list.is_full());
        list.add_page(&page(2), Vec::new()).unwrap();
        assert!(list.is_full());
        assert_eq!(list.finish().output.len(), 3);
    }
}
