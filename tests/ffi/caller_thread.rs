//! A call made while no other is in flight runs on its calling thread's own runtime, with that
//! thread's own connections (src/runtime.rs). What that must not break: one thread idle between
//! its calls never holds up another thread's call on the same client; a keep-alive connection the
//! server closed while its thread was idle is replaced, not reported as a failure; a thread that
//! ends takes its runtime and connections with it and the client goes on working; and calls that
//! overlap (the shared runtime) and calls alone (each thread's own) mix freely.

use crate::ffi_support;

use apim_native::ffi::*;
use ffi_support::*;
use serde_json::json;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::Duration;

/// How long any call here may take before the test calls it stuck.
const STUCK: Duration = Duration::from_secs(30);

fn get(client: &Client, id: &str) -> (ApimStatus, serde_json::Value) {
    op(apim_backend_get, client.ptr(), &request(id, json!({})))
}

/// Runs `call` on a new thread and waits at most [`STUCK`] for it.
fn within_deadline<T: Send + 'static>(what: &str, call: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(call());
    });
    rx.recv_timeout(STUCK).unwrap_or_else(|_| panic!("{what} did not finish within {STUCK:?}"))
}

#[test]
fn a_thread_idle_between_its_calls_does_not_hold_up_another_threads_call() {
    let emulator = Emulator::start();
    let client = std::sync::Arc::new(emulator.client());
    let (status, out) = op(apim_backend_create_or_update, client.ptr(), &request("idle", json!({"body": {"properties": {"url": "https://idle.example", "protocol": "http"}}})));
    assert_eq!(status, ApimStatus::Ok, "{out}");

    // Thread A makes a call (alone, so on its own runtime and connection), then waits, alive.
    let (go, calls) = mpsc::channel::<()>();
    let (answered, answers) = mpsc::channel();
    let a_client = client.clone();
    let a = std::thread::spawn(move || {
        for () in calls {
            answered.send(get(&a_client, "idle").0).unwrap();
        }
    });
    go.send(()).unwrap();
    assert_eq!(answers.recv_timeout(STUCK).expect("thread A's first call"), ApimStatus::Ok);

    // While A is idle, other threads' calls finish, one after another and then side by side.
    for round in 0..3 {
        let b_client = client.clone();
        let (status, out) = within_deadline(&format!("thread B's call {round}"), move || get(&b_client, "idle"));
        assert_eq!(status, ApimStatus::Ok, "{out}");
    }
    let side_by_side = client.clone();
    within_deadline("eight calls side by side", move || {
        std::thread::scope(|scope| {
            let calls: Vec<_> = (0..8).map(|_| scope.spawn(|| get(&side_by_side, "idle"))).collect();
            for call in calls {
                let (status, out) = call.join().unwrap();
                assert_eq!(status, ApimStatus::Ok, "{out}");
            }
        })
    });

    // A's own connection still serves A.
    go.send(()).unwrap();
    assert_eq!(answers.recv_timeout(STUCK).expect("thread A's second call"), ApimStatus::Ok);
    drop(go);
    a.join().unwrap();

    // A has ended, and with it its runtime and connections; the client goes on.
    let (status, out) = get(&client, "idle");
    assert_eq!(status, ApimStatus::Ok, "{out}");
}

/// Answers every request with a small backend and keep-alive, then closes each connection
/// `close_after` later, as a server whose keep-alive timeout is short does. Counts connections.
fn closing_server(close_after: Duration) -> (String, mpsc::Receiver<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (accepted, connections) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let _ = accepted.send(());
            std::thread::spawn(move || {
                let _ = stream.set_read_timeout(Some(close_after));
                let mut reader = BufReader::new(stream.try_clone().expect("clone the stream"));
                let mut writer = stream;
                // One request (no body: GET), one answer, then the connection is held open
                // until `close_after` passes without another request, and closed.
                loop {
                    let mut line = String::new();
                    let mut head_done = false;
                    while reader.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
                        if line.ends_with("\r\n\r\n") {
                            head_done = true;
                            break;
                        }
                    }
                    if !head_done {
                        return;
                    }
                    let body = r#"{"id":"/subscriptions/x/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/b1","name":"b1","properties":{"url":"https://b1.example","protocol":"http"}}"#;
                    let answer = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                        body.len()
                    );
                    if writer.write_all(answer.as_bytes()).is_err() {
                        return;
                    }
                }
            });
        }
    });
    (url, connections)
}

#[test]
fn a_connection_the_server_closed_while_its_thread_was_idle_is_replaced() {
    let (url, connections) = closing_server(Duration::from_millis(100));
    let client = Client::new(&json!({"armEndpoint": url, "graphEndpoint": url, "auth": {"kind": "none"}, "retry": {"maxAttempts": 1}, "timeoutSeconds": 20}).to_string());
    for call in 0..3 {
        let (status, out) = get(&client, "b1");
        assert_eq!(status, ApimStatus::Ok, "call {call}: {out}");
        assert_eq!(out["body"]["name"], "b1", "{out}");
        // Idle for longer than the server keeps the connection.
        std::thread::sleep(Duration::from_millis(400));
    }
    assert_eq!(connections.try_iter().count(), 3, "each call after an idle spell opened a new connection");
}
