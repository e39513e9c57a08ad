//! ARM matches the literal segments of a resource path case-insensitively
//! (`/subscriptions/x/resourcegroups/rg/providers/microsoft.apimanagement/...`). Routers match
//! exactly, so this rewrites those literal segments to their canonical spelling before routing.
//! User-chosen segments (subscription, group, service, backend id) are left as sent.

use axum::extract::Request;
use axum::http::Uri;

/// Canonical spelling of the literal segment at each position of an ARM backend path.
const LITERALS: [(usize, &str); 7] = [
    (0, "subscriptions"),
    (2, "resourceGroups"),
    (4, "providers"),
    (5, "Microsoft.ApiManagement"),
    (6, "service"),
    (8, "backends"),
    (10, "reconnect"),
];

pub fn canonical_arm_path(mut request: Request) -> Request {
    if let Some(uri) = canonicalise(request.uri()) {
        *request.uri_mut() = uri;
    }
    request
}

fn canonicalise(uri: &Uri) -> Option<Uri> {
    let path = uri.path();
    let mut segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    if !segments.first().is_some_and(|s| s.eq_ignore_ascii_case("subscriptions")) {
        return None;
    }
    let mut changed = false;
    for (i, canonical) in LITERALS {
        if let Some(seg) = segments.get_mut(i) {
            if *seg != canonical && seg.eq_ignore_ascii_case(canonical) {
                *seg = canonical;
                changed = true;
            }
        }
    }
    // A workspace backend path: `.../service/{svc}/workspaces/{ws}/backends/{id}`.
    if segments.get(8).is_some_and(|s| s.eq_ignore_ascii_case("workspaces")) {
        for (i, canonical) in [(8, "workspaces"), (10, "backends")] {
            if let Some(seg) = segments.get_mut(i) {
                if *seg != canonical && seg.eq_ignore_ascii_case(canonical) {
                    *seg = canonical;
                    changed = true;
                }
            }
        }
    }
    if !changed {
        return None;
    }
    let mut rebuilt = format!("/{}", segments.join("/"));
    if let Some(q) = uri.query() {
        rebuilt.push('?');
        rebuilt.push_str(q);
    }
    let mut parts = uri.clone().into_parts();
    parts.path_and_query = rebuilt.parse().ok();
    Uri::from_parts(parts).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_segments_only() {
        let u: Uri = "/SUBSCRIPTIONS/S/resourcegroups/RG/PROVIDERS/microsoft.apimanagement/Service/Svc/Backends/B1?api-version=x"
            .parse()
            .unwrap();
        assert_eq!(
            canonicalise(&u).unwrap().to_string(),
            "/subscriptions/S/resourceGroups/RG/providers/Microsoft.ApiManagement/service/Svc/backends/B1?api-version=x"
        );
        assert!(canonicalise(&"/v1.0/identity/apiConnectors".parse().unwrap()).is_none());
    }
}
