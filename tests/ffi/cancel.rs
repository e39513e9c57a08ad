//! apim_client_cancel from another thread makes a blocked call return APIM_STATUS_CANCELLED
//! with an OperationCancelled error; the client stays usable and later calls are not cancelled.
//! The server is a loopback listener that accepts and never answers, so the call is certainly
//! in flight when the cancel comes.

use crate::ffi_support;

use apim_native::ffi::*;
use ffi_support::*;
use serde_json::json;
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::Duration;

/// Accepts connections, reports each one, and never answers (sockets are kept open).
fn silent_server() -> (String, mpsc::Receiver<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
            if tx.send(()).is_err() {
                break;
            }
        }
    });
    (url, rx)
}

fn cancel_one_call(client: &Client, accepted: &mpsc::Receiver<()>) {
    let (status, out) = std::thread::scope(|scope| {
        let call = scope.spawn(|| op(apim_backend_get, client.ptr(), &request("slow", json!({}))));
        accepted.recv_timeout(Duration::from_secs(30)).expect("the call reached the server");
        // SAFETY: a live client; cancel is documented as callable from any thread.
        unsafe { apim_client_cancel(client.ptr()) };
        call.join().expect("call thread")
    });
    assert_eq!(status, ApimStatus::Cancelled, "{out}");
    assert_eq!(out["code"], "OperationCancelled", "{out}");
    assert_eq!(out["category"], "OperationStopped", "{out}");
}

#[test]
fn cancel_from_another_thread_returns_cancelled_and_does_not_stick() {
    let (url, accepted) = silent_server();
    let client = Client::new(&json!({"armEndpoint": url, "retry": {"maxAttempts": 1}, "timeoutSeconds": 120}).to_string());
    cancel_one_call(&client, &accepted);
    // A second call reaches the server again (the cancel did not stick) and can be cancelled too.
    cancel_one_call(&client, &accepted);
}
