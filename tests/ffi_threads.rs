//! One client shared by 16 threads for 3,200 calls through the C ABI against the in-process
//! emulator: every call succeeds, and every string the library handed out was freed (the
//! library's live-string counter returns to where it started). This file holds one test so
//! that no other test in the process moves the counter.

mod ffi_support;

use apim_native::ffi::*;
use ffi_support::*;
use serde_json::json;

const THREADS: usize = 16;
const CALLS_PER_THREAD: usize = 200;

#[test]
fn sixteen_threads_share_one_client_without_errors_or_leaks() {
    let emulator = Emulator::start();
    let client = emulator.client();
    let before = live_string_count();

    std::thread::scope(|scope| {
        for t in 0..THREADS {
            let client = &client;
            scope.spawn(move || {
                let id = format!("thread-{t}");
                let body = json!({"properties": {"url": format!("https://t{t}.example"), "protocol": "http"}});
                for i in 0..CALLS_PER_THREAD {
                    let (name, status, out) = match i % 5 {
                        0 => {
                            let (s, o) = op(apim_backend_create_or_update, client.ptr(), &request(&id, json!({"body": body})));
                            ("create_or_update", s, o)
                        }
                        1 => {
                            let (s, o) = op(apim_backend_get, client.ptr(), &request(&id, json!({})));
                            assert_eq!(o["body"]["name"], id.as_str(), "{o}");
                            ("get", s, o)
                        }
                        2 => {
                            let (s, o) = op(apim_backend_get_entity_tag, client.ptr(), &request(&id, json!({})));
                            ("get_entity_tag", s, o)
                        }
                        3 => {
                            let patch = json!({"properties": {"description": format!("call {i}")}});
                            let (s, o) = op(apim_backend_update, client.ptr(), &request(&id, json!({"ifMatch": "*", "body": patch})));
                            assert_eq!(o["body"]["properties"]["description"], format!("call {i}"), "{o}");
                            ("update", s, o)
                        }
                        _ => {
                            let r = json!({"subscriptionId": SUB, "resourceGroupName": "rg1", "serviceName": "apimService1", "top": 5, "onePage": true});
                            let (s, o) = op(apim_backend_list, client.ptr(), &r.to_string());
                            ("list", s, o)
                        }
                    };
                    assert_eq!(status, ApimStatus::Ok, "thread {t} call {i} ({name}): {out}");
                }
                let (status, out) = op(apim_backend_delete, client.ptr(), &request(&id, json!({"ifMatch": "*"})));
                assert_eq!(status, ApimStatus::Ok, "thread {t} delete: {out}");
            });
        }
    });

    assert_eq!(live_string_count(), before, "strings handed out by the library were not all freed");
    let (status, list) = op(apim_backend_list, client.ptr(), &json!({"subscriptionId": SUB, "resourceGroupName": "rg1", "serviceName": "apimService1"}).to_string());
    assert_eq!(status, ApimStatus::Ok, "{list}");
    assert_eq!(list["value"].as_array().map(Vec::len), Some(0), "every thread deleted its backend: {list}");
    assert_eq!(live_string_count(), before);
}
