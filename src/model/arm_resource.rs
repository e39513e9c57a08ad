//! The envelope every ARM resource body shares: read-only `id`, `name`, `type`, the resource's
//! `properties`, and the fields this model does not know, kept so they survive a round trip.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArmResource<P> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The ARM resource type (`Microsoft.ApiManagement/service/backends`).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub properties: Option<P>,
    /// Fields this model does not know (systemData, a newer service's fields) survive a
    /// GET -> modify -> PUT round trip.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
