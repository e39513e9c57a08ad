//! Entity tags: a new quoted opaque value on every write (`"AAAAAAAADCE="`, the base64 of a
//! big-endian counter, which is what the recordings show), and the `If-Match` rules.

use base64::Engine;
use std::sync::atomic::{AtomicU64, Ordering};

/// Hands out strictly increasing ETags; shared by every collection so no two writes in one
/// emulator (or across a restart, see [`EtagCounter::observe`]) ever get the same value.
#[derive(Debug, Default)]
pub struct EtagCounter {
    last: AtomicU64,
}

impl EtagCounter {
    pub fn next(&self) -> String {
        let n = self.last.fetch_add(1, Ordering::SeqCst) + 1;
        format_etag(n)
    }

    /// Called with every ETag reloaded from disk so that new values continue after them.
    pub fn observe(&self, etag: &str) {
        if let Some(n) = parse_etag(etag) {
            self.last.fetch_max(n, Ordering::SeqCst);
        }
    }
}

fn format_etag(n: u64) -> String {
    format!("\"{}\"", base64::engine::general_purpose::STANDARD.encode(n.to_be_bytes()))
}

fn parse_etag(etag: &str) -> Option<u64> {
    let raw = etag.trim().trim_start_matches("W/").trim_matches('"');
    let bytes = base64::engine::general_purpose::STANDARD.decode(raw).ok()?;
    let arr: [u8; 8] = bytes.try_into().ok()?;
    Some(u64::from_be_bytes(arr))
}

/// What an `If-Match` header asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IfMatch {
    /// No header: unconditional.
    Absent,
    /// `*`: the entity must exist.
    Any,
    /// One or more entity tags (comma separated); the current one must be among them.
    Tags(Vec<String>),
}

impl IfMatch {
    pub fn from_header(value: Option<&str>) -> IfMatch {
        match value.map(str::trim) {
            None | Some("") => IfMatch::Absent,
            Some("*") => IfMatch::Any,
            Some(list) => IfMatch::Tags(list.split(',').map(|t| normalise(t)).collect()),
        }
    }

    /// Whether an entity whose current tag is `current` (None = absent) satisfies the condition.
    pub fn allows(&self, current: Option<&str>) -> bool {
        match (self, current) {
            (IfMatch::Absent, _) => true,
            (IfMatch::Any, Some(_)) => true,
            (IfMatch::Any, None) => false,
            (IfMatch::Tags(_), None) => false,
            (IfMatch::Tags(tags), Some(cur)) => {
                let cur = normalise(cur);
                tags.iter().any(|t| *t == cur)
            }
        }
    }
}

/// Clients echo ETags verbatim, but some strip the quotes; compare the opaque value only.
fn normalise(tag: &str) -> String {
    tag.trim().trim_start_matches("W/").trim_matches('"').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_are_quoted_increasing_and_survive_observe() {
        let c = EtagCounter::default();
        let a = c.next();
        let b = c.next();
        assert!(a.starts_with('"') && a.ends_with('"'));
        assert_ne!(a, b);
        let d = EtagCounter::default();
        d.observe(&b);
        assert_eq!(parse_etag(&d.next()), Some(3));
    }

    #[test]
    fn if_match_rules() {
        assert!(IfMatch::from_header(None).allows(None));
        assert!(!IfMatch::from_header(Some("*")).allows(None));
        assert!(IfMatch::from_header(Some("*")).allows(Some("\"x\"")));
        assert!(IfMatch::from_header(Some("\"a\", \"b\"")).allows(Some("\"b\"")));
        assert!(!IfMatch::from_header(Some("\"a\"")).allows(Some("\"b\"")));
        assert!(IfMatch::from_header(Some("a")).allows(Some("\"a\"")));
    }
}
