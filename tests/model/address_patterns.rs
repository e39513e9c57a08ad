//! The backend id and resource group rules check an ASCII value byte by byte instead of running
//! their Unicode patterns (issue 11: compiling a pattern cost more than a whole call). These
//! cases prove the two agree: every short ASCII id is accepted exactly when terraform's pattern
//! `^\w(?:[\w-]*\w)?$` matches it (and none of the path rules, tested in the rule table,
//! applies), and every short ASCII resource group name breaks the character rule exactly when
//! the swagger's `^[-\w\._\(\)]+$` does not match it.

use apim_native::model::address::{validate_backend_id, ServiceAddress};

/// Characters the path rules refuse on their own (`/ ? # % \` and controls), so the pattern
/// decides only for the rest.
fn path_rule_applies(id: &str) -> bool {
    id.chars().any(|c| matches!(c, '/' | '?' | '#' | '%' | '\\') || c.is_control()) || id == "." || id == ".."
}

#[test]
fn ascii_ids_are_accepted_exactly_when_the_pattern_matches() {
    let pattern = regex::Regex::new(r"^\w(?:[\w-]*\w)?$").unwrap();
    let printable: Vec<char> = (0x20u8..0x7f).map(char::from).collect();
    let mut ids: Vec<String> = printable.iter().map(|c| c.to_string()).collect();
    for a in ['a', 'Z', '-', '_', '9', '.', ' '] {
        for b in &printable {
            ids.extend([format!("{a}{b}"), format!("{b}{a}"), format!("{a}{b}{a}"), format!("x{b}y"), format!("{b}{b}{b}")]);
        }
    }
    let mut checked = 0;
    for id in ids.iter().filter(|id| !path_rule_applies(id)) {
        assert_eq!(validate_backend_id(id, "backendId").is_ok(), pattern.is_match(id), "{id:?}");
        checked += 1;
    }
    assert!(checked > 2000, "only {checked} ids checked");
}

#[test]
fn non_ascii_ids_still_follow_the_unicode_pattern() {
    for ok in ["ünïcode-id", "名前", "b_é"] {
        assert!(validate_backend_id(ok, "backendId").is_ok(), "{ok}");
    }
    for bad in ["-ünï", "ünï-", "ü ï", "ü.ï"] {
        let e = validate_backend_id(bad, "backendId").unwrap_err();
        assert!(e.details.iter().any(|d| d.code == "Pattern" && d.target.as_deref() == Some("backendId")), "{bad}: {e:?}");
    }
}

/// Whether the address's only character rule for the resource group reports `rg`.
fn resource_group_characters_refused(rg: &str) -> bool {
    let address = ServiceAddress {
        subscription_id: "00000000-0000-0000-0000-000000000000".to_string(),
        resource_group_name: rg.to_string(),
        service_name: "s1".to_string(),
    };
    let Err(e) = address.validate() else { return false };
    e.details
        .iter()
        .chain(std::iter::once(&apim_native::model::ErrorDetail { code: e.code.clone(), message: e.message.clone(), target: e.target.clone() }))
        .any(|d| d.code == "Pattern" && d.message.contains("may only hold"))
}

#[test]
fn ascii_resource_group_names_break_the_character_rule_exactly_when_the_pattern_does_not_match() {
    let pattern = regex::Regex::new(r"^[-\w\._\(\)]+$").unwrap();
    let printable: Vec<char> = (0x20u8..0x7f).map(char::from).collect();
    let mut names: Vec<String> = printable.iter().map(|c| c.to_string()).collect();
    for a in ['a', 'Z', '-', '_', '9', '.', '(', ' '] {
        for b in &printable {
            names.extend([format!("{a}{b}"), format!("{b}{a}"), format!("x{b}y"), format!("{b}{b}{b}")]);
        }
    }
    for name in &names {
        assert_eq!(resource_group_characters_refused(name), !pattern.is_match(name), "{name:?}");
    }
    assert!(names.len() > 2000, "only {} names checked", names.len());
    // Non-ASCII names still go through the Unicode pattern.
    assert!(!resource_group_characters_refused("grüppe-名前"));
    assert!(resource_group_characters_refused("grüppe ü"));
}
