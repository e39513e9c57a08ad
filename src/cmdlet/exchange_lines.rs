//! The HTTP exchanges of a cmdlet as the lines PowerShell writes: one VERBOSE line and two DEBUG
//! lines per attempt. Written here so that the module prints what it is given and knows no field
//! of an exchange; never a header or a body, which may hold secrets.

use crate::client::Exchange;
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;

/// One exchange's lines: `{"verbose":"GET https://... -> 200 (...)","debug":["HTTP request ...","HTTP response ..."]}`.
#[derive(Debug, Serialize)]
pub struct ExchangeLines {
    pub verbose: String,
    pub debug: [String; 2],
}

impl ExchangeLines {
    pub fn of(exchange: &Exchange) -> Self {
        let status = exchange.status.map_or_else(|| "no response".to_string(), |status| status.to_string());
        let request_id = exchange.request_id.as_deref().filter(|id| !id.is_empty()).unwrap_or("-");
        let request = format!("HTTP request (attempt {}): {} {}", exchange.attempt, exchange.method, exchange.url);
        let mut response = format!("HTTP response: {status} (request id {request_id}, {} ms)", exchange.elapsed_ms);
        if let Some(delay) = exchange.delay_ms {
            response.push_str(&format!("; retried after {delay} ms"));
        }
        let verbose = format!(
            "{} {} -> {status} (request id {request_id}, {} ms, attempt {})",
            exchange.method, exchange.url, exchange.elapsed_ms, exchange.attempt
        );
        ExchangeLines { verbose, debug: [request, response] }
    }
}

/// Serialises `exchanges` as their lines (the `exchanges` member of a cmdlet's answer).
pub fn serialize<S: Serializer>(exchanges: &[Exchange], serializer: S) -> Result<S::Ok, S::Error> {
    let mut seq = serializer.serialize_seq(Some(exchanges.len()))?;
    for exchange in exchanges {
        seq.serialize_element(&ExchangeLines::of(exchange))?;
    }
    seq.end()
}
