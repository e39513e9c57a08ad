//! `--data-dir`: every acknowledged write survives `kill -9` of the real `apim-emulator` binary.
//! Writers keep PUTting and DELETEing while the process is killed; after a restart on the same
//! directory each entity is at least at its last acknowledged state (a write that was in flight
//! at the kill may or may not have landed, as with the real service), and acknowledged deletes
//! stay deleted.

use crate::emulator_support;

use emulator_support::*;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

async fn spawn_emulator(data_dir: &Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_apim-emulator"))
        .args(["--listen", "127.0.0.1:0", "--data-dir"])
        .arg(data_dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("apim-emulator starts");
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let first = lines.next_line().await.unwrap().expect("a first stdout line");
    let base = first.strip_prefix("listening on ").unwrap_or_else(|| panic!("unexpected first line: {first}")).to_string();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    (child, base)
}

/// Per key: the sequence number of the last acknowledged PUT and of the last one attempted.
#[derive(Default, Clone, Copy, Debug)]
struct KeyState {
    acked: Option<u64>,
    attempted: u64,
}

fn body(seq: u64) -> Value {
    single(&format!("https://a.example/{seq}"), &format!("seq-{seq}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_kill_9_and_restart() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, base) = spawn_emulator(dir.path()).await;

    // Phase 1: creates and acknowledged deletes.
    let mut etags = Vec::new();
    for i in 0..20 {
        etags.push(create(&base, &format!("fixed{i}"), &body(i)).await);
    }
    for i in 0..10 {
        let r = http().delete(backend_url(&base, &format!("fixed{i}"))).header("if-match", "*").send().await.unwrap();
        assert_eq!(r.status(), 200);
    }

    // Phase 2: four writers hammer their own keys; the process is killed while they run.
    let states: Arc<Mutex<HashMap<String, KeyState>>> = Arc::default();
    let acked = Arc::new(AtomicUsize::new(0));
    let enough = Arc::new(tokio::sync::Notify::new());
    let mut writers = Vec::new();
    for w in 0..4u64 {
        let (states, acked, enough, base) = (states.clone(), acked.clone(), enough.clone(), base.clone());
        writers.push(tokio::spawn(async move {
            let client = http();
            for seq in 0.. {
                let key = format!("w{w}-{}", seq % 7);
                states.lock().unwrap().entry(key.clone()).or_default().attempted = seq;
                let sent = client.put(backend_url(&base, &key)).json(&body(seq)).send().await;
                match sent {
                    Ok(r) if r.status().is_success() => {
                        let mut s = states.lock().unwrap();
                        let st = s.get_mut(&key).unwrap();
                        st.acked = Some(seq);
                        if acked.fetch_add(1, Ordering::SeqCst) + 1 == 400 {
                            enough.notify_one();
                        }
                    }
                    // The process is gone: stop writing.
                    _ => return,
                }
            }
        }));
    }
    enough.notified().await;
    child.start_kill().expect("SIGKILL");
    child.wait().await.unwrap();
    for w in writers {
        w.await.unwrap();
    }
    let states = states.lock().unwrap().clone();
    assert!(acked.load(Ordering::SeqCst) >= 400);

    // Restart on the same directory.
    let (mut child, base) = spawn_emulator(dir.path()).await;
    for i in 0..10 {
        let r = http().get(backend_url(&base, &format!("fixed{i}"))).send().await.unwrap();
        assert_eq!(r.status(), 404, "acknowledged delete of fixed{i} is kept");
    }
    for i in 10..20 {
        let r = http().get(backend_url(&base, &format!("fixed{i}"))).send().await.unwrap();
        assert_eq!(r.status(), 200, "fixed{i} survives");
        assert_eq!(etag(&r), etags[i as usize], "fixed{i} unchanged, same ETag");
        assert_eq!(r.json::<Value>().await.unwrap()["properties"]["title"], format!("seq-{i}"));
    }
    for (key, st) in &states {
        let r = http().get(backend_url(&base, key)).send().await.unwrap();
        let Some(acked) = st.acked else { continue };
        assert_eq!(r.status(), 200, "{key} was acknowledged ({st:?})");
        let title: Value = r.json::<Value>().await.unwrap()["properties"]["title"].clone();
        let seq: u64 = title.as_str().unwrap().trim_start_matches("seq-").parse().unwrap();
        assert!(seq >= acked && seq <= st.attempted, "{key}: stored seq {seq}, acked {acked}, attempted {}", st.attempted);
    }

    // ETags keep increasing after the restart: a new write never reuses an old value.
    let new_tag = create(&base, "after-restart", &body(1)).await;
    assert!(!etags.contains(&new_tag));
    let list: Value = http().get(backends_url(&base)).send().await.unwrap().json().await.unwrap();
    assert_eq!(list["count"].as_u64().unwrap() as usize, 10 + states.len() + 1);

    child.start_kill().unwrap();
    child.wait().await.unwrap();
}

#[tokio::test]
async fn in_process_emulator_reloads_its_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let options = serde_json::json!({"dataDir": dir.path()});
    let emu = start(options.clone()).await;
    let tag = create(&emu.base_url, "b1", &body(1)).await;
    emu.stop().await;
    let emu = start(options).await;
    let r = http().get(backend_url(&emu.base_url, "b1")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(etag(&r), tag);
    emu.stop().await;
}

#[tokio::test]
async fn a_corrupt_data_file_stops_the_start_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("backends")).unwrap();
    std::fs::write(dir.path().join("backends").join("broken.json"), b"{not json").unwrap();
    let options: apim_native::emulator::EmulatorOptions = serde_json::from_value(serde_json::json!({"dataDir": dir.path()})).unwrap();
    let err = match apim_native::emulator::start(options).await {
        Ok(_) => panic!("a corrupt store must not be served as empty"),
        Err(e) => e,
    };
    assert_eq!(err.code, "EmulatorStartFailed");
    assert!(err.message.contains("broken.json"), "{}", err.message);
}
