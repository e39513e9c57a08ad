//! Shared by the emulator tests: start an in-process emulator on 127.0.0.1:0 and build ARM URLs.
#![allow(dead_code)]

use apim_native::emulator::{self, EmulatorHandle, EmulatorOptions};
use serde_json::{json, Value};

pub const SUB: &str = "00000000-0000-0000-0000-000000000000";
pub const RG: &str = "rg1";
pub const SVC: &str = "apimService1";
pub const V: &str = "2025-03-01-preview";

pub async fn start(options_json: Value) -> EmulatorHandle {
    let options: EmulatorOptions = serde_json::from_value(options_json).expect("options parse");
    emulator::start(options).await.expect("emulator starts")
}

pub fn service_url(base: &str) -> String {
    format!("{base}/subscriptions/{SUB}/resourceGroups/{RG}/providers/Microsoft.ApiManagement/service/{SVC}")
}

pub fn backends_url(base: &str) -> String {
    format!("{}/backends?api-version={V}", service_url(base))
}

pub fn backend_url(base: &str, id: &str) -> String {
    format!("{}/backends/{id}?api-version={V}", service_url(base))
}

pub fn http() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().expect("client")
}

/// A valid Single backend body.
pub fn single(url: &str, title: &str) -> Value {
    json!({"properties": {"url": url, "protocol": "http", "title": title, "description": "d"}})
}

pub fn etag(r: &reqwest::Response) -> String {
    r.headers().get("etag").expect("ETag header").to_str().unwrap().to_string()
}

/// PUTs a backend and asserts it was created.
pub async fn create(base: &str, id: &str, body: &Value) -> String {
    let r = http().put(backend_url(base, id)).json(body).send().await.unwrap();
    if r.status() != 201 {
        panic!("create {id}: {} {}", r.status(), r.text().await.unwrap_or_default());
    }
    etag(&r)
}
