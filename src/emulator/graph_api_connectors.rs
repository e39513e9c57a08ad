//! Graph `/v1.0/identity/apiConnectors` routes. SKELETON.

pub fn routes() -> axum::Router {
    axum::Router::new()
}
