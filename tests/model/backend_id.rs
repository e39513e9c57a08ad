//! The backend id rule checks an ASCII id byte by byte instead of running its Unicode pattern
//! (issue 11: compiling the pattern cost more than a whole call). These cases prove the two
//! agree: every short ASCII id is accepted exactly when terraform's pattern `^\w(?:[\w-]*\w)?$`
//! matches it (and none of the path rules, tested in the rule table, applies).

use apim_native::model::address::validate_backend_id;

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
