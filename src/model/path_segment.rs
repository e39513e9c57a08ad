//! Rules every value that becomes one URL path segment shares: it must address the segment it
//! names. `.` and `..` (also spelled `%2e`, which URL parsers treat the same) are resolved away
//! by every URL parser and proxy, so `backends/..` would address the collection; they are refused
//! before anything is sent, and by the emulator when a raw client sends them.

/// Why `value` cannot be a path segment on its own, if it cannot.
pub fn dot_segment_problem(value: &str) -> Option<&'static str> {
    // Compared in place, never copied or lowered: every address segment of every call passes here.
    let rest = strip_one_dot(value.as_bytes())?;
    let is_dot_segment = rest.is_empty() || strip_one_dot(rest).is_some_and(<[u8]>::is_empty);
    is_dot_segment.then_some("must not be '.' or '..' (a URL resolves them to another path)")
}

/// `segment` after one leading `.` in any spelling (`.`, `%2e`, `%2E`), or `None` if it starts with none.
fn strip_one_dot(segment: &[u8]) -> Option<&[u8]> {
    match segment {
        [b'.', rest @ ..] => Some(rest),
        [b'%', b'2', e, rest @ ..] if e.eq_ignore_ascii_case(&b'e') => Some(rest),
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
        for v in [".", "..", "%2e", "%2E", "%2E%2e", ".%2E", "%2e."] {
            assert!(dot_segment_problem(v).is_some(), "{v}");
        }
        for v in ["", "...", "a.", ".a", "b1", "%2e%2e%2e", "%2", "%", "%2f", ".%2", "%2e%", "é", ".é"] {
            assert!(dot_segment_problem(v).is_none(), "{v}");
        }
        assert!(trailing_period_problem("rg.").is_some());
        assert!(trailing_period_problem("r.g").is_none());
    }
}
