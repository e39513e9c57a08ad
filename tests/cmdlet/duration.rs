//! Durations between the wire's ISO 8601 text and PowerShell's TimeSpan: the texts
//! XmlConvert.ToString writes (checked against .NET by ObjectJson.Tests.ps1), both parsers, and
//! parameters given as TimeSpan markers or text.

use crate::support::object;
use apim_native::cmdlet::duration::{from_parameter, parse_c_format, parse_iso, to_iso, to_object};
use serde_json::{json, Value};

const SECOND: i64 = 10_000_000;

#[test]
fn ticks_are_written_as_xmlconvert_writes_them_and_read_back() {
    // (ticks, XmlConvert.ToString of that TimeSpan)
    let cases = [
        (0, "PT0S"),
        (60 * SECOND, "PT1M"),
        (-60 * SECOND, "-PT1M"),
        (1, "PT0.0000001S"),
        (SECOND / 2, "PT0.5S"),
        (3600 * SECOND, "PT1H"),
        (86_400 * SECOND, "P1D"),
        ((86_400 + 2 * 3600 + 3 * 60 + 4) * SECOND + SECOND / 2, "P1DT2H3M4.5S"),
        (90 * SECOND, "PT1M30S"),
    ];
    for (ticks, text) in cases {
        assert_eq!(to_iso(ticks), text);
        assert_eq!(parse_iso(text), Some(ticks), "{text}");
    }
}

#[test]
fn iso_years_months_and_weeks_count_as_xmlconvert_counts_them() {
    assert_eq!(parse_iso("P1Y2M"), Some(425 * 86_400 * SECOND));
    assert_eq!(parse_iso("P1W"), Some(7 * 86_400 * SECOND));
    for not_a_duration in ["", "P", "PT", "P1DT", "1M", "PT1.S", "soon", "PT99999999999999999999S"] {
        assert_eq!(parse_iso(not_a_duration), None, "{not_a_duration}");
    }
}

#[test]
fn the_c_format_is_read() {
    let cases = [("00:01:00", Some(60 * SECOND)), ("1.00:00:05", Some(86_405 * SECOND)), ("-00:00:01.5", Some(-15 * SECOND / 10)), ("24:00:00", None), ("PT1M", None)];
    for (text, ticks) in cases {
        assert_eq!(parse_c_format(text), ticks, "{text}");
    }
}

#[test]
fn a_parameter_is_a_timespan_marker_or_text() {
    let given = object(json!({
        "Marker": { "PSTypeName": "System.TimeSpan", "Value": "PT60S" },
        "CMarker": { "PSTypeName": "System.TimeSpan", "Value": "00:00:30" },
        "Iso": "PT1H",
        "C": "00:01:00",
        "Text": "soon",
        "Bad": { "PSTypeName": "System.TimeSpan", "Value": "soon" },
        "Number": 60,
        "When": { "PSTypeName": "System.DateTime" }
    }));
    assert_eq!(from_parameter(&given, "Marker").unwrap().as_deref(), Some("PT1M"));
    assert_eq!(from_parameter(&given, "CMarker").unwrap().as_deref(), Some("PT30S"));
    assert_eq!(from_parameter(&given, "Iso").unwrap().as_deref(), Some("PT1H"));
    assert_eq!(from_parameter(&given, "C").unwrap().as_deref(), Some("PT1M"));
    assert_eq!(from_parameter(&given, "Text").unwrap().as_deref(), Some("soon"), "text goes to the model's duration rule");
    assert_eq!(from_parameter(&given, "Missing").unwrap(), None);
    assert!(from_parameter(&given, "Bad").unwrap_err().message.contains("-Bad is a TimeSpan"));
    let error = from_parameter(&given, "Number").unwrap_err();
    assert!(error.message.contains("-Number must be a TimeSpan") && error.message.contains("System.Int32"), "{}", error.message);
    assert!(from_parameter(&given, "When").unwrap_err().message.contains("System.DateTime"));
}

#[test]
fn a_wire_duration_is_shown_as_a_timespan_and_other_text_as_text() {
    assert_eq!(to_object("PT60S"), json!({ "PSTypeName": "System.TimeSpan", "Value": "PT1M" }));
    assert_eq!(to_object("later"), Value::String("later".into()));
}
