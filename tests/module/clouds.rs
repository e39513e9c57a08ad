//! One cloud table, in Rust (issue 17): Connect-ApimNative -Environment offers exactly the clouds
//! of `Cloud::ALL`, and no module script keeps a copy of their endpoints.

use crate::support::{self, surface};
use apim_native::auth::authority::Cloud;

#[test]
fn environment_offers_exactly_the_clouds_of_the_rust_table() {
    let path = support::public_dir().join("Connect-ApimNative.ps1");
    let source = support::read(&path);
    let tree = support::parse(&source);
    let (_, function) = surface::functions(tree.root_node(), &source)
        .into_iter()
        .find(|(name, _)| name == "Connect-ApimNative")
        .expect("Connect-ApimNative.ps1 defines Connect-ApimNative");
    let cmdlet = surface::cmdlet_surface(function, "Connect-ApimNative", &source).expect("its param block reads");
    let environment = cmdlet.parameters.get("Environment").expect("Connect-ApimNative has -Environment");
    let offered = environment.validate.get("ValidateSet").expect("-Environment has a ValidateSet (tab completion, validation)");
    let table: Vec<String> = Cloud::ALL.iter().map(|c| c.name().to_string()).collect();
    assert_eq!(offered, &table, "-Environment's ValidateSet must list the clouds of Cloud::ALL, in order");
}

#[test]
fn no_module_script_keeps_a_sovereign_cloud_endpoint_outside_help() {
    // The public cloud's endpoints are the module's documented defaults (ApimNative.psm1), so only
    // the other clouds' endpoints prove that the copy of the table is gone.
    let endpoints: Vec<&str> = Cloud::ALL
        .iter()
        .filter(|c| **c != Cloud::Public)
        .flat_map(|c| [c.arm_endpoint(), c.graph_endpoint(), c.authority_host()])
        .collect();
    let mut found = Vec::new();
    for path in support::files_under(&support::module_dir(), &["ps1", "psm1"]) {
        let code = without_comments(&support::read(&path));
        for endpoint in &endpoints {
            if code.contains(endpoint) {
                found.push(format!("{} names {endpoint}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "the cloud table lives in src/auth/authority.rs only:\n{}", found.join("\n"));
}

/// The script without `<# ... #>` blocks and `#` line comments (help text may name endpoints).
fn without_comments(source: &str) -> String {
    let mut code = String::new();
    let mut rest = source;
    while let Some(start) = rest.find("<#") {
        code.push_str(&rest[..start]);
        rest = rest[start..].find("#>").map_or("", |end| &rest[start + end + 2..]);
    }
    code.push_str(rest);
    code.lines().map(|line| line.split('#').next().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}
