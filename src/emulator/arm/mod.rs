//! ARM backends (`Microsoft.ApiManagement/service/.../backends`, service and workspace scope):
//! the routes and handlers, their state and addresses, body handling, list, async PUT, path case, per-version view.

mod async_put;
mod backend;
mod body;
mod json_merge;
mod list;
mod paging;
mod path_case;
mod pool_members;
mod state;
mod subscriptions;
mod version_view;

pub use backend::routes;
pub use subscriptions::routes as subscription_routes;
pub use path_case::canonical_arm_path;
