//! ARM backend routes. SKELETON.

pub fn routes() -> axum::Router {
    axum::Router::new()
}
