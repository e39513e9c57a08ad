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

    pub fn push(&mut self, target: &str, code: &str, message: String) {
        self.details.push(ErrorDetail::new(target, code, message));
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
    pub fn length(&mut self, target: &str, value: &str, min: usize, max: usize) {
        let n = value.chars().count();
        if n < min {
            self.push(target, rule::MIN_LENGTH, format!("{target} must be at least {min} character(s) long (it is {n})"));
        } else if n > max {
            self.push(target, rule::MAX_LENGTH, format!("{target} must be at most {max} characters long (it is {n})"));
        }
    }

    pub fn opt_length(&mut self, target: &str, value: &Option<String>, min: usize, max: usize) {
        if let Some(v) = value {
            self.length(target, v, min, max);
        }
    }

    /// A required member: absent and `null` are both "missing".
    pub fn required<T>(&mut self, target: &str, value: &Option<T>) -> bool {
        if value.is_none() {
            self.push(target, rule::REQUIRED, format!("{target} is required"));
            false
        } else {
            true
        }
    }

    pub fn max_items(&mut self, target: &str, len: usize, max: usize) {
        if len > max {
            self.push(target, rule::MAX_ITEMS, format!("{target} may hold at most {max} item(s) (it has {len})"));
        }
    }

    pub fn min_items(&mut self, target: &str, len: usize, min: usize) {
        if len < min {
            self.push(target, rule::MIN_ITEMS, format!("{target} must hold at least {min} item(s) (it has {len})"));
        }
    }

    /// An inclusive numeric range. The number is not a secret anywhere in the spec, so it is shown.
    pub fn range(&mut self, target: &str, value: i64, min: i64, max: i64) {
        if value < min || value > max {
            self.push(target, rule::RANGE, format!("{target} must be between {min} and {max} (it is {value})"));
        }
    }

    pub fn opt_range(&mut self, target: &str, value: Option<i64>, min: i64, max: i64) {
        if let Some(v) = value {
            self.range(target, v, min, max);
        }
    }

    /// An x-ms-enum with modelAsString: any string parses, but only the spec's values validate.
    /// ARM compares enum values case-insensitively, so `HTTP` is accepted for `http`.
    pub fn one_of(&mut self, target: &str, value: &Option<String>, allowed: &[&str]) {
        if let Some(v) = value {
            if !allowed.iter().any(|a| a.eq_ignore_ascii_case(v)) {
                self.push(target, rule::ENUM, format!("{target} '{v}' is not one of: {}", allowed.join(", ")));
            }
        }
    }

    /// An ISO-8601 duration such as `PT1H` or `P1DT30M` (`format: duration`).
    pub fn duration(&mut self, target: &str, value: &Option<String>) {
        if let Some(v) = value {
            if !is_iso8601_duration(v) {
                self.push(
                    target,
                    rule::DURATION,
                    format!("{target} must be an ISO-8601 duration such as PT30S or PT1H (it is '{v}')"),
                );
            }
        }
    }

    /// A field that `version` does not have: a clear error instead of silently dropping it.
    pub fn since(&mut self, target: &str, present: bool, version: ApiVersion, since: ApiVersion) {
        if present && version < since {
            self.push(
                target,
                rule::NOT_IN_API_VERSION,
                format!("{target} is not available in api-version {version}; it needs api-version {since} or later"),
            );
        }
    }
}

/// `parent.field`, or just `field` at the root of a builder object.
pub fn join(parent: &str, field: &str) -> String {
    if parent.is_empty() {
        field.to_string()
    } else {
        format!("{parent}.{field}")
    }
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

/// Parses `body` into `T`; a wrong JSON type becomes one detail whose target is the JSON path
/// (prefixed by `root`, which is empty for whole bodies). Only the first type error is found:
/// serde stops there. The message names the expected and the found JSON type, never the value.
pub fn parse<T: DeserializeOwned>(body: &Value, root: &str) -> Result<T, ErrorDetail> {
    serde_path_to_error::deserialize::<_, T>(body).map_err(|e| {
        let mut target = root.to_string();
        let mut found: Option<&Value> = Some(body);
        for seg in e.path().iter() {
            match seg {
                serde_path_to_error::Segment::Map { key } => {
                    target = join(&target, key);
                    found = found.and_then(|v| v.get(key.as_str()));
                }
                serde_path_to_error::Segment::Seq { index } => {
                    target = item(&target, *index);
                    found = found.and_then(|v| v.get(*index));
                }
                serde_path_to_error::Segment::Enum { variant } => target = join(&target, variant),
                serde_path_to_error::Segment::Unknown => {}
            }
        }
        if target.is_empty() {
            target = "body".to_string();
        }
        let expected = expected_kind(&e.inner().to_string());
        let got = found.map(json_kind).unwrap_or("a value of another type");
        ErrorDetail::new(&target, rule::INVALID_TYPE, format!("{target} must be {expected} (it is {got})"))
    })
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
