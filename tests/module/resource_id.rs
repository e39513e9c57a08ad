//! The ResourceId pattern of ConvertFrom-ApimResourceId.ps1 (used by New-AzApiManagementContext
//! and Get-AzApiManagementBackend -ResourceId), read out of the script and run with the regex
//! crate: ids Az accepted parse, with their subscription kept; ids that are not API Management
//! service or backend ids do not (Az returned empty names for those). .NET and the regex crate
//! agree on this pattern's syntax: named groups, character classes, anchors, IgnoreCase as (?i).

use crate::support;

use regex::Regex;
use support::{find_all, module_dir, node_text, parse, read};

fn module_pattern() -> Regex {
    let source = read(&module_dir().join("Private").join("ConvertFrom-ApimResourceId.ps1"));
    let tree = parse(&source);
    let assignment = find_all(tree.root_node(), "assignment_expression")
        .into_iter()
        .find(|a| node_text(*a, &source).trim_start().starts_with("$pattern"))
        .expect("ConvertFrom-ApimResourceId.ps1 assigns $pattern");
    let literal = find_all(assignment, "string_literal").into_iter().next().expect("the pattern is a string");
    let text = node_text(literal, &source);
    assert!(text.starts_with('\'') && text.ends_with('\''), "the pattern is a verbatim string");
    // The script passes RegexOptions.IgnoreCase; in the regex crate that is (?i).
    Regex::new(&format!("(?i){}", &text[1..text.len() - 1].replace("''", "'"))).expect("the pattern compiles")
}

const SERVICE: &str =
    "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1";

#[test]
fn a_service_id_keeps_its_subscription() {
    let captures = module_pattern().captures(SERVICE).expect("service id parses");
    assert_eq!(&captures["subscription"], "11111111-2222-3333-4444-555555555555");
    assert_eq!(&captures["group"], "rg1");
    assert_eq!(&captures["service"], "apimService1");
    assert!(captures.name("backend").is_none());
    assert!(captures.name("endpoint").is_none());
}

#[test]
fn a_backend_id_an_endpoint_prefix_and_case_are_understood() {
    let pattern = module_pattern();
    let id = format!("http://127.0.0.1:5000{}/backends/backend-2", SERVICE.to_lowercase());
    let captures = pattern.captures(&id).expect("endpoint-prefixed, lower-case backend id parses");
    assert_eq!(&captures["endpoint"], "http://127.0.0.1:5000");
    assert_eq!(&captures["backend"], "backend-2");
    assert_eq!(&captures["service"], "apimservice1");
    assert!(pattern.is_match(&format!("{SERVICE}/")), "a trailing slash is accepted");
}

#[test]
fn ids_of_other_things_do_not_parse() {
    let pattern = module_pattern();
    for bad in [
        "",
        "not an id",
        "/subscriptions/x/resourceGroups/rg1",
        "/subscriptions/s/resourceGroups/rg1/providers/Microsoft.Web/sites/app",
        &format!("{SERVICE}/apis/echo"),
        &format!("{SERVICE}/backends/a/b"),
        &format!("{SERVICE}/backends/"),
        &format!("prefix{SERVICE}"),
    ] {
        assert!(!pattern.is_match(bad), "{bad:?} must not parse");
    }
}
