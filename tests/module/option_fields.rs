//! Issue 17 for the connection layer: the library's session, client and credential options are
//! written by the library only (Connect-ApimNative and Get-ApimNativeClient send their parameters),
//! so no module script names one of their fields outside comments. The field names are taken from
//! the option structs themselves: serde lists every field it expects when it refuses an unknown one.

use crate::clouds::without_comments;
use crate::support;
use apim_native::auth::AuthOptions;
use apim_native::client::session::SessionOptions;
use apim_native::client::{ClientOptions, RetryOptions};

/// The JSON field names of an options struct (`deny_unknown_fields`), from serde's refusal.
fn fields_of<T: serde::de::DeserializeOwned>() -> Vec<String> {
    let Err(refusal) = serde_json::from_str::<T>(r#"{"notAnOptionField":1}"#) else {
        panic!("the options struct accepted an unknown field");
    };
    let text = refusal.to_string();
    let expected = text.split("expected one of ").nth(1).unwrap_or_else(|| panic!("serde named no fields: {text}"));
    expected.split(", ").map(|name| name.split('`').nth(1).unwrap_or_default().to_string()).filter(|n| !n.is_empty()).collect()
}

/// Whether `code` names `field` as a whole word (an identifier character on neither side).
fn names(code: &str, field: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    code.match_indices(field).any(|(at, _)| {
        !code[..at].ends_with(word) && !code[at + field.len()..].starts_with(word)
    })
}

/// Whether `code` has `field` quoted ('kind', "kind") or as a hashtable key at a line's start (kind = ...).
fn quoted_or_key(code: &str, field: &str) -> bool {
    code.contains(&format!("'{field}'"))
        || code.contains(&format!("\"{field}\""))
        || code.lines().any(|line| line.trim_start().strip_prefix(field).is_some_and(|rest| rest.trim_start().starts_with('=')))
}

#[test]
fn the_option_field_names_are_read_from_the_structs() {
    let auth = fields_of::<AuthOptions>();
    assert!(auth.contains(&"tenantId".to_string()) && auth.contains(&"certificatePassword".to_string()), "{auth:?}");
    assert!(fields_of::<ClientOptions>().contains(&"armEndpoint".to_string()));
    assert!(names("$x['tenantId']", "tenantId") && !names("$TenantIdValue", "tenantId") && !names("mytenantId", "tenantId"));
    assert!(quoted_or_key("$auth['kind'] = 1", "kind") && quoted_or_key("@{\n    kind = 'x'\n}", "kind"));
    assert!(!quoted_or_key("$kind = 1", "kind") && !quoted_or_key("Kind = $kind", "kind"));
}

#[test]
fn no_module_script_names_a_field_of_the_library_options() {
    let mut fields: Vec<String> = [fields_of::<AuthOptions>(), fields_of::<ClientOptions>(), fields_of::<SessionOptions>(), fields_of::<RetryOptions>()].concat();
    fields.sort();
    fields.dedup();
    // Also fields of the operation requests (the ARM address, a sync's environment), which the
    // cmdlets still being moved onto apim_cmdlet_* functions write today; the wire-name scan of
    // those cmdlets covers them.
    fields.retain(|field| !["subscription", "subscriptionId", "apiVersion", "environment"].contains(&field.as_str()));
    let mut found = Vec::new();
    for path in support::files_under(&support::module_dir(), &["ps1", "psm1"]) {
        let code = without_comments(&support::read(&path));
        for field in &fields {
            // A field with a capital inside (tenantId, armEndpoint) cannot be prose or a parameter
            // (PowerShell's are PascalCase): any use counts, case-sensitively. A one-word field
            // (kind, token, auth) counts only as a quoted key, where it would be a hashtable key.
            let camel = field.chars().any(|c| c.is_ascii_uppercase());
            let hit = if camel { names(&code, field) } else { quoted_or_key(&code, field) };
            if hit {
                found.push(format!("{} names the option field {field}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "the library writes its options from the cmdlets' parameters:\n{}", found.join("\n"));
}
