//! Durations between the wire (ISO 8601 text, `PT1M`) and PowerShell (`[timespan]`). A TimeSpan
//! crosses the JSON as `{"PSTypeName":"System.TimeSpan","Value":"PT1M"}`: the module writes it in
//! ISO 8601 (`XmlConvert.ToString`) and reads ISO 8601 or the `c` format (`00:01:00`) back.
//!
//! Durations are held as .NET ticks (100 ns), so a TimeSpan goes to the wire and back unchanged.

use super::Parameters;
use crate::model::ApimError;
use regex::Regex;
use serde_json::{json, Value};
use std::sync::OnceLock;

pub const TIME_SPAN_TYPE: &str = "System.TimeSpan";

const TICKS_PER_SECOND: i64 = 10_000_000;
const TICKS_PER_MINUTE: i64 = 60 * TICKS_PER_SECOND;
const TICKS_PER_HOUR: i64 = 60 * TICKS_PER_MINUTE;
const TICKS_PER_DAY: i64 = 24 * TICKS_PER_HOUR;

/// An ISO 8601 duration as ticks: `[-]P[nY][nM][nW][nD][T[nH][nM][n[.f]S]]`, a year 365 days and a
/// month 30 days as `XmlConvert.ToTimeSpan` counts them; `None` when it is not one or overflows.
pub fn parse_iso(text: &str) -> Option<i64> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d+))?S)?)?$")
            .expect("ISO 8601 duration regex is valid")
    });
    let captures = re.captures(text)?;
    if text.ends_with('P') || text.ends_with('T') {
        return None;
    }
    let units = [365 * TICKS_PER_DAY, 30 * TICKS_PER_DAY, 7 * TICKS_PER_DAY, TICKS_PER_DAY, TICKS_PER_HOUR, TICKS_PER_MINUTE, TICKS_PER_SECOND];
    let mut ticks: i64 = 0;
    for (group, unit) in (2..=8).zip(units) {
        if let Some(number) = captures.get(group) {
            ticks = ticks.checked_add(number.as_str().parse::<i64>().ok()?.checked_mul(unit)?)?;
        }
    }
    if let Some(fraction) = captures.get(9) {
        ticks = ticks.checked_add(fraction_ticks(fraction.as_str()))?;
    }
    Some(if captures.get(1).is_some() { -ticks } else { ticks })
}

/// A TimeSpan in .NET's invariant `c` format as ticks: `[-][d.]hh:mm:ss[.fffffff]`.
pub fn parse_c_format(text: &str) -> Option<i64> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(-)?(?:(\d+)\.)?([01]?\d|2[0-3]):([0-5]?\d):([0-5]?\d)(?:\.(\d{1,7}))?$").expect("c format regex is valid")
    });
    let captures = re.captures(text)?;
    let number = |group: usize| captures.get(group).map_or(Some(0), |m| m.as_str().parse::<i64>().ok());
    let ticks = number(2)?
        .checked_mul(TICKS_PER_DAY)?
        .checked_add(number(3)? * TICKS_PER_HOUR + number(4)? * TICKS_PER_MINUTE + number(5)? * TICKS_PER_SECOND)?
        .checked_add(captures.get(6).map_or(0, |m| fraction_ticks(m.as_str())))?;
    Some(if captures.get(1).is_some() { -ticks } else { ticks })
}

/// Ticks as `XmlConvert.ToString(TimeSpan)` writes them: `PT1M`, `P1DT2H3M4.5S`, `PT0S`, `-PT1M`.
pub fn to_iso(ticks: i64) -> String {
    let negative = ticks < 0;
    let rest = ticks.unsigned_abs();
    let (day, hour, minute, second) = (TICKS_PER_DAY as u64, TICKS_PER_HOUR as u64, TICKS_PER_MINUTE as u64, TICKS_PER_SECOND as u64);
    let (days, hours, minutes, seconds, fraction) =
        (rest / day, rest % day / hour, rest % hour / minute, rest % minute / second, rest % second);
    let mut text = String::from(if negative { "-P" } else { "P" });
    if days > 0 {
        text.push_str(&format!("{days}D"));
    }
    if hours > 0 || minutes > 0 || seconds > 0 || fraction > 0 || days == 0 {
        text.push('T');
        if hours > 0 {
            text.push_str(&format!("{hours}H"));
        }
        if minutes > 0 {
            text.push_str(&format!("{minutes}M"));
        }
        if seconds > 0 || fraction > 0 || (hours == 0 && minutes == 0) {
            text.push_str(&seconds.to_string());
            if fraction > 0 {
                text.push('.');
                text.push_str(format!("{fraction:07}").trim_end_matches('0'));
            }
            text.push('S');
        }
    }
    text
}

/// The wire duration for the parameter (or property) `name`: a TimeSpan marker, or text. Text in
/// the `c` format (`00:01:00`, what `[string]` of a TimeSpan gives) becomes ISO 8601; other text
/// goes as it is, for the model's duration rule to judge and report.
pub fn from_parameter(parameters: &Parameters, name: &str) -> Result<Option<String>, ApimError> {
    let shown = parameters.display_name(name);
    match parameters.get(name) {
        None => Ok(None),
        Some(Value::String(text)) => Ok(Some(parse_c_format(text).map_or_else(|| text.clone(), to_iso))),
        Some(Value::Object(members)) if members.get("PSTypeName").and_then(Value::as_str) == Some(TIME_SPAN_TYPE) => {
            let text = members.get("Value").and_then(Value::as_str).unwrap_or_default();
            match parse_iso(text).or_else(|| parse_c_format(text)) {
                Some(ticks) => Ok(Some(to_iso(ticks))),
                None => Err(ApimError::invalid_argument(shown.clone(), format!("{shown} is a TimeSpan whose value '{text}' could not be read"))),
            }
        }
        Some(other) => Err(ApimError::invalid_argument(
            shown.clone(),
            format!("{shown} must be a TimeSpan or an ISO 8601 duration such as PT1M, not {}", Parameters::describe_value(other)),
        )),
    }
}

/// A wire duration as the TimeSpan PowerShell shows; text that is no duration stays text, so what
/// the service sent is still shown rather than lost.
pub fn to_object(text: &str) -> Value {
    match parse_iso(text) {
        Some(ticks) => json!({ "PSTypeName": TIME_SPAN_TYPE, "Value": to_iso(ticks) }),
        None => Value::String(text.to_string()),
    }
}

/// Up to seven fractional digits of a second as ticks (`5` -> 5_000_000); further digits are below
/// a tick and dropped.
fn fraction_ticks(digits: &str) -> i64 {
    let mut padded: String = digits.chars().take(7).collect();
    while padded.len() < 7 {
        padded.push('0');
    }
    padded.parse().unwrap_or(0)
}
