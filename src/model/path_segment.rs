//! Rules every value that becomes one URL path segment shares: it must address the segment it
//! names. `.` and `..` (also spelled `%2e`, which URL parsers treat the same) are resolved away
//! by every URL parser and proxy, so `backends/..` would address the collection; they are refused
//! before anything is sent, and by the emulator when a raw client sends them.

/// Why `value` cannot be a path segment on its own, if it cannot.
pub fn dot_segment_problem(value: &str) -> Option<&'static str> {
    // The longest spelling of `..` is `%2e%2e`; anything longer is no dot segment, and is not
    // copied to find that out (every address segment of every call passes here).
    if value.len() > "%2e%2e".len() {
        return None;
    }
    let decoded = value.to_ascii_lowercase().replace("%2e", ".");
    match decoded.as_str() {
        "." | ".." => Some("must not be '.' or '..' (a URL resolves them to another path)"),
        _ => None,
    }
}

/// ARM's rule for resource group names beyond the swagger pattern: no trailing period.
pub fn trailing_period_problem(value: &str) -> Option<&'static str> {
    value.ends_with('.').then_some("must not end with a period (Azure Resource Manager refuses such names)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_segments_in_every_spelling() {
        for v in [".", "..", "%2e", "%2E%2e", ".%2E"] {
            assert!(dot_segment_problem(v).is_some(), "{v}");
        }
        for v in ["...", "a.", ".a", "b1", "%2e%2e%2e"] {
            assert!(dot_segment_problem(v).is_none(), "{v}");
        }
        assert!(trailing_period_problem("rg.").is_some());
        assert!(trailing_period_problem("r.g").is_none());
    }
}
