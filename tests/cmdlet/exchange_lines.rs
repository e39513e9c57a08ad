//! A cmdlet's answer carries each HTTP exchange as the lines the module writes: one VERBOSE line,
//! two DEBUG lines (request, response), with the retry wait when there was one.

use apim_native::client::Exchange;
use apim_native::cmdlet::CmdletOutput;
use serde_json::json;

fn exchange(status: Option<u16>, request_id: Option<&str>, delay_ms: Option<u64>) -> Exchange {
    Exchange {
        method: "GET".into(),
        url: "http://127.0.0.1:1/backends/b1".into(),
        status,
        request_id: request_id.map(str::to_string),
        elapsed_ms: 12,
        attempt: 1,
        delay_ms,
    }
}

#[test]
fn each_exchange_becomes_one_verbose_and_two_debug_lines() {
    let answer = CmdletOutput::objects(vec![]).with_exchanges([exchange(Some(503), Some("r-1"), Some(250)), exchange(None, None, None)]);
    let written = serde_json::to_value(&answer).unwrap();
    assert_eq!(
        written["exchanges"],
        json!([
            {
                "verbose": "GET http://127.0.0.1:1/backends/b1 -> 503 (request id r-1, 12 ms, attempt 1)",
                "debug": [
                    "HTTP request (attempt 1): GET http://127.0.0.1:1/backends/b1",
                    "HTTP response: 503 (request id r-1, 12 ms); retried after 250 ms"
                ]
            },
            {
                "verbose": "GET http://127.0.0.1:1/backends/b1 -> no response (request id -, 12 ms, attempt 1)",
                "debug": [
                    "HTTP request (attempt 1): GET http://127.0.0.1:1/backends/b1",
                    "HTTP response: no response (request id -, 12 ms)"
                ]
            }
        ])
    );
}
