//! Scrubbing secrets out of error messages. Our own messages never quote a secret, but a
//! service's can: a token endpoint or a proxy that echoes the form or the body would put a client
//! secret or a backend's authorization parameter into the error the caller logs. Every error the
//! client returns passes through [`redact_error`] with every secret the client holds for that call.

use super::error::ApimError;
use serde_json::Value;

pub const REDACTED: &str = "<redacted>";

/// Why the minimum: replacing a one- or two-character "secret" everywhere would garble the
/// message without protecting anything (such a secret is guessed faster than read).
const MIN_SECRET_LEN: usize = 3;

/// `error` with every occurrence of each secret in its message and details replaced.
pub fn redact_error<S: AsRef<str>>(mut error: ApimError, secrets: &[S]) -> ApimError {
    error.message = redact_text(&error.message, secrets);
    for d in &mut error.details {
        d.message = redact_text(&d.message, secrets);
    }
    error
}

pub fn redact_text<S: AsRef<str>>(text: &str, secrets: &[S]) -> String {
    let mut out = text.to_string();
    for s in secrets {
        let s = s.as_ref();
        if s.len() >= MIN_SECRET_LEN && out.contains(s) {
            out = out.replace(s, REDACTED);
        }
    }
    out
}

/// The secrets a request body carries: backend credentials (authorization parameter, header and
/// query values), any `password`, and Graph's basic-auth and PKCS#12 fields.
pub fn secrets_in_body(body: &Value, out: &mut Vec<String>) {
    match body {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("parameter" | "password" | "pkcs12Value" | "clientSecret", Value::String(s)) => out.push(s.clone()),
                    ("header" | "query", Value::Object(values)) => {
                        for v in values.values() {
                            collect_strings(v, out);
                        }
                    }
                    _ => secrets_in_body(value, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| secrets_in_body(v, out)),
        _ => {}
    }
}

fn collect_strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ErrorCategory;
    use serde_json::json;

    #[test]
    fn secrets_from_bodies_are_scrubbed_from_messages() {
        let mut secrets = Vec::new();
        secrets_in_body(
            &json!({"properties": {"credentials": {"authorization": {"scheme": "Basic", "parameter": "p4ss"},
                "header": {"x-key": ["hk1", "hk2"]}, "query": {"code": ["qv1"]}}}}),
            &mut secrets,
        );
        assert_eq!(secrets, vec!["p4ss", "hk1", "hk2", "qv1"]);
        let e = ApimError::new("X", "echo p4ss hk2 qv1 ok", ErrorCategory::NotSpecified);
        assert_eq!(redact_error(e, &secrets).message, "echo <redacted> <redacted> <redacted> ok");
    }
}
