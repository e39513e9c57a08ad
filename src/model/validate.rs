//! Shared validation helpers: collect every problem with its JSON path, never stop at the first.
//!
//! Each wire type's file holds its own rules (they read like the spec's constraint table) and
//! calls these helpers; this file only knows how to phrase and collect a problem. Messages name
//! the field and the rule, and never quote a field's value (a value may be a secret); only enum
//! values, which are never secret, are echoed.

use super::api_version::ApiVersion;
use super::error::{ApimError, ErrorDetail};
use regex::Regex;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::borrow::Cow;
use std::sync::OnceLock;

/// The rule codes that appear in `details[].code`. Stable: tests and callers match on them.
pub mod rule {
    pub const REQUIRED: &str = "Required";
    pub const MIN_LENGTH: &str = "MinLength";
    pub const MAX_LENGTH: &str = "MaxLength";
    pub const MIN_ITEMS: &str = "MinItems";
    pub const MAX_ITEMS: &str = "MaxItems";
    pub const RANGE: &str = "Range";
    pub const ENUM: &str = "Enum";
    pub const PATTERN: &str = "Pattern";
    pub const DURATION: &str = "Duration";
    pub const INVALID_TYPE: &str = "InvalidType";
    pub const NOT_IN_API_VERSION: &str = "NotInApiVersion";
    /// A field the backend's type does not allow (url on a Pool, pool on a Single).
    pub const NOT_SUPPORTED: &str = "NotSupported";
    /// Exactly one of two fields must be set (count / percentage).
    pub const EXACTLY_ONE: &str = "ExactlyOne";
    /// At least one of several fields must be set.
    pub const AT_LEAST_ONE: &str = "AtLeastOne";
    /// A pool member that names no stored backend (checked by the emulator, which has the state).
    pub const NOT_FOUND: &str = "NotFound";
    /// A pool member that is itself a pool (checked by the emulator).
    pub const NESTED_POOL: &str = "NestedPool";
    /// A carbon preference on a member without azureRegion (checked by the emulator).
    pub const REQUIRES_AZURE_REGION: &str = "RequiresAzureRegion";
}

/// Where a problem is: a JSON path, written out only when a problem is reported there. Why not
/// a `String` per rule: every rule names its field before it knows whether it fails, and
/// building those names was a fifth of a valid PUT's instructions (issue 11).
pub trait Target {
    fn path(&self) -> Cow<'_, str>;
}

impl<T: AsRef<str> + ?Sized> Target for &T {
    fn path(&self) -> Cow<'_, str> {
        Cow::Borrowed((*self).as_ref())
    }
}

/// `parent.name` (or `name` at the root of a builder object) as a [`Target`]: joined with
/// [`join`] only when a problem is reported.
#[derive(Debug, Clone, Copy)]
pub struct Field<'a> {
    parent: &'a str,
    name: &'a str,
}

/// The member `name` of the object at `parent`, as a [`Target`].
pub fn field<'a>(parent: &'a str, name: &'a str) -> Field<'a> {
    Field { parent, name }
}

impl Target for Field<'_> {
    fn path(&self) -> Cow<'_, str> {
        Cow::Owned(join(self.parent, self.name))
    }
}

/// The problems found so far in one body.
#[derive(Debug, Default)]
pub struct Problems {
    details: Vec<ErrorDetail>,
}

impl Problems {
    pub fn new() -> Self {
        Problems::default()
    }

    /// Records a problem, unless `target` is at or below a field that already has the wrong JSON
    /// type: that field was neutralised for parsing, so a rule about it would describe the
    /// stand-in rather than the caller's value.
    pub fn push(&mut self, target: &str, code: &str, message: String) {
        if self.under_type_error(target) {
            return;
        }
        self.details.push(ErrorDetail::new(target, code, message));
    }

    fn under_type_error(&self, target: &str) -> bool {
        self.details.iter().any(|d| {
            d.code == rule::INVALID_TYPE
                && d.target.as_deref().is_some_and(|t| {
                    target == t || (target.starts_with(t) && matches!(target.as_bytes().get(t.len()), Some(b'.') | Some(b'[')))
                })
        })
    }

    /// `Ok(value)` when parsing gave a value and nothing was found, else one `ValidationError`.
    pub fn finish_parsed<T>(self, value: Option<T>) -> Result<T, ApimError> {
        match value {
            Some(v) => self.finish(v),
            None => Err(ApimError::validation(self.details)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.details.is_empty()
    }

    pub fn into_details(self) -> Vec<ErrorDetail> {
        self.details
    }

    /// `Ok(value)` when nothing was found, else one `ValidationError` carrying every detail.
    pub fn finish<T>(self, value: T) -> Result<T, ApimError> {
        if self.details.is_empty() {
            Ok(value)
        } else {
            Err(ApimError::validation(self.details))
        }
    }

    /// `min..=max` characters (Unicode scalar values, as JSON Schema counts them).
    pub fn length(&mut self, target: impl Target, value: &str, min: usize, max: usize) {
        // Bytes bound the count from above and, for ASCII, equal it: most values need no count.
        if value.len() >= min && value.len() <= max && (value.is_ascii() || value.chars().count() >= min) {
            return;
        }
        let n = value.chars().count();
        let target = target.path();
        if n < min {
            self.push(&target, rule::MIN_LENGTH, format!("{target} must be at least {min} character(s) long (it is {n})"));
        } else if n > max {
            self.push(&target, rule::MAX_LENGTH, format!("{target} must be at most {max} characters long (it is {n})"));
        }
    }

    pub fn opt_length(&mut self, target: impl Target, value: &Option<impl AsRef<str>>, min: usize, max: usize) {
        if let Some(v) = value {
            self.length(target, v.as_ref(), min, max);
        }
    }

    /// A required member: absent and `null` are both "missing".
    pub fn required<T>(&mut self, target: impl Target, value: &Option<T>) -> bool {
        if value.is_none() {
            let target = target.path();
            self.push(&target, rule::REQUIRED, format!("{target} is required"));
            false
        } else {
            true
        }
    }

    pub fn max_items(&mut self, target: impl Target, len: usize, max: usize) {
        if len > max {
            let target = target.path();
            self.push(&target, rule::MAX_ITEMS, format!("{target} may hold at most {max} item(s) (it has {len})"));
        }
    }

    pub fn min_items(&mut self, target: impl Target, len: usize, min: usize) {
        if len < min {
            let target = target.path();
            self.push(&target, rule::MIN_ITEMS, format!("{target} must hold at least {min} item(s) (it has {len})"));
        }
    }

    /// An inclusive numeric range. The number is not a secret anywhere in the spec, so it is shown.
    pub fn range(&mut self, target: impl Target, value: i64, min: i64, max: i64) {
        if value < min || value > max {
            let target = target.path();
            self.push(&target, rule::RANGE, format!("{target} must be between {min} and {max} (it is {value})"));
        }
    }

    pub fn opt_range(&mut self, target: impl Target, value: Option<i64>, min: i64, max: i64) {
        if let Some(v) = value {
            self.range(target, v, min, max);
        }
    }

    /// An x-ms-enum with modelAsString: any string parses, but only the spec's values validate.
    /// ARM compares enum values case-insensitively, so `HTTP` is accepted for `http`.
    pub fn one_of(&mut self, target: impl Target, value: &Option<String>, allowed: &[&str]) {
        if let Some(v) = value {
            if !allowed.iter().any(|a| a.eq_ignore_ascii_case(v)) {
                let target = target.path();
                self.push(&target, rule::ENUM, format!("{target} '{v}' is not one of: {}", allowed.join(", ")));
            }
        }
    }

    /// An ISO-8601 duration such as `PT1H` or `P1DT30M` (`format: duration`).
    pub fn duration(&mut self, target: impl Target, value: &Option<String>) {
        if let Some(v) = value {
            if !is_iso8601_duration(v) {
                let target = target.path();
                self.push(
                    &target,
                    rule::DURATION,
                    format!("{target} must be an ISO-8601 duration such as PT30S or PT1H (it is '{v}')"),
                );
            }
        }
    }

    /// A field that must not be there, with the reason (`Url is not supported for backend pool.`).
    /// The message starts with the target so every detail names its field. `why` is written only
    /// when the field is there.
    pub fn not_supported(&mut self, target: impl Target, present: bool, why: impl std::fmt::Display) {
        if present {
            let target = target.path();
            self.push(&target, rule::NOT_SUPPORTED, format!("{target}: {why}"));
        }
    }

    /// Exactly one of two members (terraform's "Exactly one of `a` or `b` must be specified");
    /// the problem is reported at the first.
    pub fn exactly_one(&mut self, first: impl Target, first_set: bool, second: impl Target, second_set: bool) {
        if first_set != second_set {
            return;
        }
        let (first, second) = (first.path(), second.path());
        if first_set {
            self.push(&first, rule::EXACTLY_ONE, format!("{first} and {second} are both set; exactly one of them must be set"));
        } else {
            self.push(&first, rule::EXACTLY_ONE, format!("{first} or {second} is required; exactly one of them must be set"));
        }
    }

    /// At least one of two members; the problem is reported at the first.
    pub fn at_least_one(&mut self, first: impl Target, first_set: bool, second: impl Target, second_set: bool) {
        if !first_set && !second_set {
            let (first, second) = (first.path(), second.path());
            self.push(&first, rule::AT_LEAST_ONE, format!("{first} or {second} is required; at least one of them must be set"));
        }
    }

    /// A field that `version` does not have: a clear error instead of silently dropping it.
    pub fn since(&mut self, target: impl Target, present: bool, version: ApiVersion, since: ApiVersion) {
        if present && version < since {
            let target = target.path();
            self.push(
                &target,
                rule::NOT_IN_API_VERSION,
                format!("{target} is not available in api-version {version}; it needs api-version {since} or later"),
            );
        }
    }
}

/// `parent.field`, or just `field` at the root of a builder object.
/// Built by hand rather than with `format!`: every rule names its field before it knows whether
/// it fails, so a valid PUT builds dozens of these (issue 11), and the formatting machinery cost
/// several times the copy.
pub fn join(parent: &str, field: &str) -> String {
    if parent.is_empty() {
        return field.to_string();
    }
    let mut path = String::with_capacity(parent.len() + 1 + field.len());
    path.push_str(parent);
    path.push('.');
    path.push_str(field);
    path
}

/// `parent[index]`.
pub fn item(parent: &str, index: usize) -> String {
    format!("{parent}[{index}]")
}

/// True for `[-]PnYnMnWnDTnHnMnS` with at least one component and, after `T`, at least one time
/// component; seconds may have a fraction. Negative durations are rejected: no duration in the
/// backend contract can sensibly be negative.
pub fn is_iso8601_duration(s: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$")
            .expect("duration regex is valid")
    });
    re.is_match(s) && s != "P" && !s.ends_with('T')
}

/// How many wrong-typed fields one body reports before parsing gives up (each costs a re-parse).
const MAX_TYPE_ERRORS: usize = 32;

/// Parses `value` into `T`, reporting EVERY wrong JSON type, not only the first one serde stops at.
///
/// serde stops at the first type error, so after each one the offending value is neutralised in a
/// working copy and the copy is parsed again: first it becomes `null` (every optional field reads
/// that as absent, so no rule fires on it); where `null` is not accepted (an array item, a map
/// value) it becomes an empty value of the expected type, which keeps later array indices equal to
/// the caller's; as a last resort it is removed. The loop is bounded (`MAX_TYPE_ERRORS` paths).
///
/// Type errors go into `p` (targets prefixed by `root`, which is empty for builder objects; the
/// whole body is `body`); the result is the parsed value that the caller's rules then run on, or
/// `None` when nothing usable could be parsed (the root itself has the wrong type, or the bound was
/// hit). Rule problems at or below a wrong-typed field are suppressed by `Problems::push`: the
/// type error is the one problem reported for that field.
///
/// Null is never accepted as an array item or map value (`certificateIds: [null]`,
/// `query: {"a": null}`): the spec's items are plain `type: string` (not x-nullable), dropping them
/// would shift the indices every later error names, and a null item is far more often an unset
/// variable in the caller's script than intent. The message says so and tells the caller to leave
/// the item out.
pub fn parse_all<T: DeserializeOwned>(value: &Value, root: &str, p: &mut Problems) -> Option<T> {
    // The common case first: a well-typed body parses in one plain pass. serde_path_to_error
    // records the path of every member on the way (a String per key), which only an error needs,
    // so it runs only when this pass fails; a success of either is the same value.
    if let Ok(parsed) = T::deserialize(value) {
        return Some(parsed);
    }
    let mut work: Option<Value> = None;
    let mut reported = 0usize;
    let mut last: Option<(Vec<Step>, usize)> = None;
    loop {
        let current = work.as_ref().unwrap_or(value);
        let error = match serde_path_to_error::deserialize::<_, T>(current) {
            Ok(parsed) => return Some(parsed),
            Err(e) => e,
        };
        let steps = steps(error.path());
        let serde_message = error.inner().to_string();
        let attempt = match &last {
            Some((previous, attempt)) if *previous == steps.clone().unwrap_or_default() => attempt + 1,
            _ => 0,
        };
        if attempt == 0 {
            if reported == MAX_TYPE_ERRORS {
                return None;
            }
            p.details.push(type_detail(value, current, root, error.path(), &serde_message));
            reported += 1;
        }
        // A path serde could not name, or the root itself: nothing to neutralise.
        let steps = steps.filter(|s| !s.is_empty())?;
        let work = work.get_or_insert_with(|| value.clone());
        if !neutralise(work, &steps, attempt, &serde_message) {
            return None;
        }
        last = Some((steps, attempt));
    }
}

/// The first-error form for callers that only want to know whether `body` has the right shape.
pub fn parse<T: DeserializeOwned>(body: &Value, root: &str) -> Result<T, ErrorDetail> {
    // As in `parse_all`: the path is tracked only when the plain pass fails.
    if let Ok(parsed) = T::deserialize(body) {
        return Ok(parsed);
    }
    serde_path_to_error::deserialize::<_, T>(body)
        .map_err(|e| type_detail(body, body, root, e.path(), &e.inner().to_string()))
}

/// One step of a JSON path into a `Value`.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// serde's path as steps; `None` when a segment cannot be followed in a `Value`.
fn steps(path: &serde_path_to_error::Path) -> Option<Vec<Step>> {
    path.iter()
        .map(|seg| match seg {
            serde_path_to_error::Segment::Map { key } => Some(Step::Key(key.clone())),
            serde_path_to_error::Segment::Seq { index } => Some(Step::Index(*index)),
            _ => None,
        })
        .collect()
}

/// Stage 0: null. Stage 1: an empty value of the expected type. Stage 2: remove. Then give up.
fn neutralise(work: &mut Value, steps: &[Step], attempt: usize, serde_message: &str) -> bool {
    let (last, parents) = steps.split_last().expect("steps are not empty");
    let mut parent = &mut *work;
    for step in parents {
        let next = match step {
            Step::Key(k) => parent.get_mut(k.as_str()),
            Step::Index(i) => parent.get_mut(*i),
        };
        match next {
            Some(v) => parent = v,
            None => return false,
        }
    }
    let slot = match last {
        Step::Key(k) => parent.get_mut(k.as_str()),
        Step::Index(i) => parent.get_mut(*i),
    };
    let Some(slot) = slot else { return false };
    match attempt {
        0 if !slot.is_null() => *slot = Value::Null,
        0 | 1 => match empty_of(&expected_kind(serde_message)) {
            Some(empty) if *slot != empty => *slot = empty,
            _ => return remove(parent, last),
        },
        2 => return remove(parent, last),
        _ => return false,
    }
    true
}

fn remove(parent: &mut Value, step: &Step) -> bool {
    match (parent, step) {
        (Value::Object(map), Step::Key(k)) => map.shift_remove(k.as_str()).is_some(),
        (Value::Array(items), Step::Index(i)) if *i < items.len() => {
            items.remove(*i);
            true
        }
        _ => false,
    }
}

/// An empty value of the JSON type `expected_kind` names.
fn empty_of(kind: &str) -> Option<Value> {
    Some(match kind {
        "a string" => Value::String(String::new()),
        "an integer" => Value::from(0),
        "a boolean" => Value::Bool(false),
        "an array" => Value::Array(Vec::new()),
        "an object" => Value::Object(Default::default()),
        _ => return None,
    })
}

/// The InvalidType detail for a serde error at `path`. The found type is read from the caller's
/// `original` body where the path still exists there (the working copy otherwise); the message
/// names the expected and the found JSON type, never the value.
fn type_detail(original: &Value, current: &Value, root: &str, path: &serde_path_to_error::Path, serde_message: &str) -> ErrorDetail {
    let mut target = root.to_string();
    let mut in_original: Option<&Value> = Some(original);
    let mut in_current: Option<&Value> = Some(current);
    let mut last_is_item = false;
    for seg in path.iter() {
        match seg {
            serde_path_to_error::Segment::Map { key } => {
                target = join(&target, key);
                in_original = in_original.and_then(|v| v.get(key.as_str()));
                in_current = in_current.and_then(|v| v.get(key.as_str()));
                last_is_item = false;
            }
            serde_path_to_error::Segment::Seq { index } => {
                target = item(&target, *index);
                in_original = in_original.and_then(|v| v.get(*index));
                in_current = in_current.and_then(|v| v.get(*index));
                last_is_item = true;
            }
            serde_path_to_error::Segment::Enum { variant } => target = join(&target, variant),
            serde_path_to_error::Segment::Unknown => {}
        }
    }
    if target.is_empty() {
        target = "body".to_string();
    }
    let expected = expected_kind(serde_message);
    let found = in_original.or(in_current);
    let message = match found {
        Some(Value::Null) if last_is_item => {
            format!("{target} must be {expected} (it is null; an array may not hold null items, leave the item out)")
        }
        Some(Value::Null) => format!("{target} must be {expected} (it is null; leave the member out instead of sending null)"),
        // serde's "invalid value": the right JSON type, but it does not fit (an int32 overflow).
        _ if serde_message.starts_with("invalid value") => format!("{target} must be {expected} within the range of its type"),
        Some(v) => format!("{target} must be {expected} (it is {})", json_kind(v)),
        None => format!("{target} must be {expected} (it is a value of another type)"),
    };
    ErrorDetail::new(&target, rule::INVALID_TYPE, message)
}

/// The JSON type a value has, in words.
pub fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a fractional number",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Turns serde's "invalid type: string \"..\", expected i32" into "an integer" without ever
/// copying the offending value (which may be a secret) into the message.
fn expected_kind(serde_message: &str) -> String {
    let Some((_, expected)) = serde_message.split_once(", expected ") else {
        return "a value of the type the spec defines".to_string();
    };
    let expected = expected.trim();
    let words = match expected {
        e if e.starts_with('i') || e.starts_with('u') => "an integer",
        e if e.starts_with("struct ") || e == "a map" => "an object",
        "a sequence" => "an array",
        "a string" => "a string",
        "a boolean" => "a boolean",
        other => return other.to_string(),
    };
    words.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        for ok in ["PT1H", "PT30S", "PT2M", "P1D", "P1DT2H", "PT0.5S", "P1W", "P1Y2M3DT4H5M6S"] {
            assert!(is_iso8601_duration(ok), "{ok}");
        }
        for bad in ["", "P", "PT", "1H", "PT1", "-PT1H", "PT1H ", "pt1h", "P1DT", "PTH"] {
            assert!(!is_iso8601_duration(bad), "{bad}");
        }
    }

    #[test]
    fn expected_kind_never_copies_the_value() {
        let m = "invalid type: string \"s3cret\", expected i32";
        assert_eq!(expected_kind(m), "an integer");
    }
}
