//! When a token expires, from whatever the endpoint sent: `expires_on` as epoch seconds (number or
//! string), as an App Service / Automation date-time, as ISO 8601, or `expires_in` seconds from now.

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};
use regex::Regex;
use serde_json::{Map, Value};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The expiry of a token response: `expires_on` wins, `expires_in` is the fallback (AAD v2, AKS).
pub fn expiry_from_response(body: &Map<String, Value>, now: SystemTime) -> Option<SystemTime> {
    if let Some(at) = body.get("expires_on").and_then(parse_expires_on) {
        return Some(at);
    }
    body.get("expires_in").and_then(|v| parse_expires_in(v, now))
}

/// `expires_in`: seconds from `now`, as a number or a numeric string.
pub fn parse_expires_in(value: &Value, now: SystemTime) -> Option<SystemTime> {
    let seconds = match value {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    if !(0.0..=1e10).contains(&seconds) {
        return None;
    }
    Some(now + Duration::from_secs_f64(seconds))
}

/// `expires_on` in any form the token endpoints use: epoch seconds (number or string),
/// `MM/dd/yyyy HH:mm:ss [AM|PM] +00:00`, `yyyy-MM-dd HH:mm:ssZ`, or ISO 8601 / RFC 3339.
pub fn parse_expires_on(value: &Value) -> Option<SystemTime> {
    match value {
        Value::Number(n) => epoch(n.as_f64()?),
        Value::String(s) => parse_expires_on_str(s.trim()),
        _ => None,
    }
}

fn parse_expires_on_str(s: &str) -> Option<SystemTime> {
    if let Ok(seconds) = s.parse::<f64>() {
        return epoch(seconds);
    }
    if let Some(at) = parse_us_date_time(s) {
        return Some(at);
    }
    // RFC 3339 / ISO 8601 with an offset or `Z`; a space instead of `T` is common ("2021-07-02 08:00:34Z").
    let iso = s.replacen(' ', "T", 1);
    if let Ok(at) = DateTime::parse_from_rfc3339(&iso) {
        return Some(at.with_timezone(&Utc).into());
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f%#z", "%Y-%m-%dT%H:%M:%S%#z"] {
        if let Ok(at) = DateTime::parse_from_str(&iso, format) {
            return Some(at.with_timezone(&Utc).into());
        }
    }
    // ISO 8601 without an offset: the token endpoints mean UTC.
    NaiveDateTime::parse_from_str(&iso, "%Y-%m-%dT%H:%M:%S%.f").ok().map(|at| Utc.from_utc_datetime(&at).into())
}

/// The App Service (2017-09-01) form: `09/14/2017 00:00:00 PM +00:00` or `11/08/2023 18:54:34 +00:00`.
fn parse_us_date_time(s: &str) -> Option<SystemTime> {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        Regex::new(r"^(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?: ?([AaPp][Mm]))? ?([+-])(\d{2}):?(\d{2})$")
            .expect("valid pattern")
    });
    let c = pattern.captures(s)?;
    let number = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (month, day, year) = (number(1)?, number(2)?, c.get(3)?.as_str().parse::<i32>().ok()?);
    let (mut hour, minute, second) = (number(4)?, number(5)?, number(6)?);
    // Why hour 0 ignores the marker: the service has been seen to write "00:00:00 PM", meaning midnight.
    if let Some(marker) = c.get(7) {
        let pm = marker.as_str().eq_ignore_ascii_case("pm");
        if pm && (1..12).contains(&hour) {
            hour += 12;
        } else if !pm && hour == 12 {
            hour = 0;
        }
    }
    let sign: i64 = if &c[8] == "-" { -1 } else { 1 };
    let offset_seconds = sign * (i64::from(number(9)?) * 3600 + i64::from(number(10)?) * 60);
    let local = NaiveDate::from_ymd_opt(year, month, day)?.and_hms_opt(hour, minute, second)?;
    let utc = Utc.from_utc_datetime(&local) - chrono::Duration::seconds(offset_seconds);
    Some(utc.into())
}

/// The Azure CLI's `expiresOn` ("2024-01-01 12:00:00.000000"): the machine's LOCAL time, no zone.
pub fn parse_cli_local_time(s: &str) -> Option<SystemTime> {
    let s = s.trim();
    let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S"))
        .ok()?;
    // Why earliest(): in the hour a clock goes back a local time is ambiguous; the earlier instant
    // refreshes sooner, which is the safe side.
    Local.from_local_datetime(&naive).earliest().map(SystemTime::from)
}

fn epoch(seconds: f64) -> Option<SystemTime> {
    if !(0.0..=1e11).contains(&seconds) {
        return None;
    }
    Some(UNIX_EPOCH + Duration::from_secs_f64(seconds))
}
