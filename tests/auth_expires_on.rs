//! Every expires_on / expires_in format the token endpoints and the Azure CLI use.

use apim_native::auth::azure_cli::parse_token;
use apim_native::auth::expires_on::{expiry_from_response, parse_cli_local_time, parse_expires_in, parse_expires_on};
use serde_json::{json, Value};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn at(epoch: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(epoch)
}

#[test]
fn epoch_seconds_as_number_and_string() {
    assert_eq!(parse_expires_on(&json!(1586984735)), Some(at(1586984735)));
    assert_eq!(parse_expires_on(&json!("1586984735")), Some(at(1586984735)));
    assert_eq!(parse_expires_on(&json!(" 1586984735 ")), Some(at(1586984735)));
}

#[test]
fn app_service_date_times_with_and_without_am_pm() {
    // 2023-11-08T18:54:34Z = 1699469674
    assert_eq!(parse_expires_on(&json!("11/08/2023 18:54:34 +00:00")), Some(at(1699469674)));
    assert_eq!(parse_expires_on(&json!("11/08/2023 06:54:34 PM +00:00")), Some(at(1699469674)));
    assert_eq!(parse_expires_on(&json!("11/08/2023 12:54:34 AM +00:00")), Some(at(1699469674 - 18 * 3600)));
    // An offset moves the instant: 20:54:34 at +02:00 is 18:54:34 UTC.
    assert_eq!(parse_expires_on(&json!("11/08/2023 20:54:34 +02:00")), Some(at(1699469674)));
    // The form the 2017-09-01 API was seen to send, "00:00:00 PM": midnight.
    // 2017-09-14T00:00:00Z = 1505347200
    assert_eq!(parse_expires_on(&json!("09/14/2017 00:00:00 PM +00:00")), Some(at(1505347200)));
}

#[test]
fn automation_hybrid_and_iso_8601() {
    // 2021-07-02T08:00:34Z = 1625212834
    assert_eq!(parse_expires_on(&json!("2021-07-02 08:00:34Z")), Some(at(1625212834)));
    assert_eq!(parse_expires_on(&json!("2021-07-02T08:00:34Z")), Some(at(1625212834)));
    assert_eq!(parse_expires_on(&json!("2021-07-02T10:00:34+02:00")), Some(at(1625212834)));
    assert_eq!(parse_expires_on(&json!("2021-07-02T08:00:34.000Z")), Some(at(1625212834)));
    assert_eq!(parse_expires_on(&json!("2021-07-02T08:00:34")), Some(at(1625212834)));
}

#[test]
fn expires_in_relative_seconds_and_the_fallback_order() {
    let now = at(1_700_000_000);
    assert_eq!(parse_expires_in(&json!(3599), now), Some(at(1_700_003_599)));
    assert_eq!(parse_expires_in(&json!("3599"), now), Some(at(1_700_003_599)));
    let both = json!({"expires_on":"1700000100","expires_in":3599});
    assert_eq!(expiry_from_response(both.as_object().unwrap(), now), Some(at(1_700_000_100)), "expires_on wins");
    let only_in = json!({"expires_in":"60"});
    assert_eq!(expiry_from_response(only_in.as_object().unwrap(), now), Some(at(1_700_000_060)));
    let unreadable = json!({"expires_on":"soon"});
    assert_eq!(expiry_from_response(unreadable.as_object().unwrap(), now), None);
}

#[test]
fn garbage_is_rejected() {
    for bad in [json!("tomorrow"), json!(""), json!(true), json!(-5), json!("13/45/2023 10:00:00 +00:00"), Value::Null] {
        assert_eq!(parse_expires_on(&bad), None, "{bad}");
    }
}

#[test]
fn azure_cli_expires_on_local_time_and_epoch() {
    // A fixed zone three hours east of UTC (POSIX TZ syntax, no tzdata needed), so the expected
    // instant is computed by hand rather than by the same local-time code under test: 03:04:05
    // there is 00:04:05 UTC, epoch 1893542645. Only this test in this binary reads local time.
    std::env::set_var("TZ", "XYZ-3");
    let local = at(1893542645);
    assert_eq!(parse_cli_local_time("2030-01-02 03:04:05.000000"), Some(local));
    assert_eq!(parse_cli_local_time("2030-01-02 03:04:05"), Some(local));

    // The epoch field wins when the CLI prints both (az >= 2.54).
    let out = json!({"accessToken":"cli","expiresOn":"2030-01-02 03:04:05.000000","expires_on":1893553445,"tokenType":"Bearer"});
    assert_eq!(parse_token(out.to_string().as_bytes()).unwrap().expires_on, at(1893553445));
    // Older CLIs print only the local time.
    let old = json!({"accessToken":"cli","expiresOn":"2030-01-02 03:04:05.000000","tokenType":"Bearer"});
    assert_eq!(parse_token(old.to_string().as_bytes()).unwrap().expires_on, local);
}
