//! Entity tags: a new quoted opaque value on every write (`"AAAAAAAADCE="`, the base64 of a
//! big-endian counter, which is what the recordings show), never reused (restarts included), and
//! the `If-Match` rules.

use super::persistence::AtomicDir;
use base64::Engine;
use std::io;
use std::sync::{Mutex, MutexGuard};

/// The file (in the data directory's root) holding the ETag high-water mark.
const HIGH_WATER_FILE: &str = "etag-high-water";

/// How many ETags one persisted reservation covers: one durable write per block instead of per
/// ETag. Values of a block not handed out before a restart are skipped, never reused.
const RESERVATION_BLOCK: u64 = 1024;

/// Hands out strictly increasing ETags; shared by every collection so no two writes in one
/// emulator ever get the same value. With a data directory, the highest value that may have been
/// handed out is persisted (atomically, like the entities) *before* it is handed out, so after a
/// restart, even one that follows deleting the newest entity, numbering continues above it and a
/// stale `If-Match` can never match a new entity.
#[derive(Debug, Default)]
pub struct EtagCounter {
    state: Mutex<CounterState>,
}

#[derive(Debug, Default)]
struct CounterState {
    last: u64,
    /// Values up to here may have been handed out (persisted when `dir` is set).
    reserved: u64,
    dir: Option<AtomicDir>,
}

impl EtagCounter {
    /// A counter whose high-water mark lives in `dir` (the data directory's root).
    pub fn persisted(dir: AtomicDir) -> io::Result<EtagCounter> {
        let stored = dir
            .read_all()?
            .into_iter()
            .find(|(name, _)| name == HIGH_WATER_FILE)
            .map(|(_, bytes)| {
                String::from_utf8_lossy(&bytes).trim().parse::<u64>().map_err(|e| {
                    io::Error::new(io::ErrorKind::InvalidData, format!("{HIGH_WATER_FILE} is not a number: {e}"))
                })
            })
            .transpose()?
            .unwrap_or(0);
        Ok(EtagCounter { state: Mutex::new(CounterState { last: stored, reserved: stored, dir: Some(dir) }) })
    }

    pub fn next(&self) -> io::Result<String> {
        let mut state = self.lock();
        let n = state.last + 1;
        if n > state.reserved {
            let reserved = n + RESERVATION_BLOCK - 1;
            if let Some(dir) = &state.dir {
                dir.write(HIGH_WATER_FILE, reserved.to_string().as_bytes())?;
            }
            state.reserved = reserved;
        }
        state.last = n;
        Ok(format_etag(n))
    }

    /// Called with every ETag reloaded from disk so that new values continue after them (data
    /// directories written before the high-water file existed).
    pub fn observe(&self, etag: &str) {
        if let Some(n) = parse_etag(etag) {
            let mut state = self.lock();
            state.last = state.last.max(n);
        }
    }

    fn lock(&self) -> MutexGuard<'_, CounterState> {
        // A panic cannot leave the state half-updated (each field is set once, last).
        self.state.lock().unwrap_or_else(|p| p.into_inner())
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
        let a = c.next().unwrap();
        let b = c.next().unwrap();
        assert!(a.starts_with('"') && a.ends_with('"'));
        assert_ne!(a, b);
        let d = EtagCounter::default();
        d.observe(&b);
        assert_eq!(parse_etag(&d.next().unwrap()), Some(3));
    }

    #[test]
    fn a_persisted_counter_continues_above_everything_it_may_have_handed_out() {
        let tmp = tempfile::tempdir().unwrap();
        let first = EtagCounter::persisted(AtomicDir::open(tmp.path()).unwrap()).unwrap();
        let a = parse_etag(&first.next().unwrap()).unwrap();
        let b = parse_etag(&first.next().unwrap()).unwrap();
        drop(first);
        let again = EtagCounter::persisted(AtomicDir::open(tmp.path()).unwrap()).unwrap();
        let c = parse_etag(&again.next().unwrap()).unwrap();
        assert!(c > a.max(b), "{c} after {a}, {b}");
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
