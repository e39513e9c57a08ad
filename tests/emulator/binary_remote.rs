//! `apim-emulator` and the network: a non-loopback `--listen` is refused unless `--allow-remote`
//! is given, which also requires a token and prints a warning; the token can come from a file
//! (`--token-file`) or the `APIM_EMULATOR_TOKEN` variable, so it is not visible in the process list.

use crate::emulator_support;

use emulator_support::*;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::process::Command;

fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_apim-emulator"));
    c.args(args).env_remove("APIM_EMULATOR_TOKEN").stdout(Stdio::piped()).stderr(Stdio::piped()).kill_on_drop(true);
    c
}

async fn refused(mut c: Command) -> String {
    let out = tokio::time::timeout(Duration::from_secs(30), c.output()).await.expect("exits").expect("runs");
    assert!(!out.status.success(), "must refuse to start; stdout: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[tokio::test]
async fn a_non_loopback_listen_is_refused_without_allow_remote_and_a_token() {
    let err = refused(command(&["--listen", "0.0.0.0:0"])).await;
    assert!(err.contains("--allow-remote"), "{err}");
    let err = refused(command(&["--listen", "0.0.0.0:0", "--allow-remote"])).await;
    assert!(err.contains("token"), "{err}");
}

/// Starts the binary, returns the port, the child and its stderr so far.
async fn started(mut c: Command) -> (tokio::process::Child, u16) {
    let mut child = c.spawn().expect("starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = tokio::time::timeout(Duration::from_secs(30), lines.next_line()).await.expect("a first line").unwrap().expect("a line");
    let port = first.rsplit(':').next().unwrap().parse().unwrap_or_else(|_| panic!("{first}"));
    (child, port)
}

#[tokio::test]
async fn allow_remote_with_a_token_file_warns_and_requires_the_token() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("token");
    std::fs::write(&file, "file-token-123\n").unwrap();
    let (mut child, port) = started(command(&["--listen", "0.0.0.0:0", "--allow-remote", "--token-file", file.to_str().unwrap()])).await;
    let base = format!("http://127.0.0.1:{port}");
    assert_eq!(http().get(backends_url(&base)).send().await.unwrap().status(), 401);
    assert_eq!(http().get(backends_url(&base)).bearer_auth("file-token-123").send().await.unwrap().status(), 200);
    child.start_kill().unwrap();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).await.unwrap();
    assert!(stderr.to_lowercase().contains("warning"), "{stderr}");
    assert!(!stderr.contains("file-token-123"), "the token is not printed");
}

#[tokio::test]
async fn the_token_can_come_from_the_environment() {
    let mut c = command(&["--listen", "127.0.0.1:0"]);
    c.env("APIM_EMULATOR_TOKEN", "env-token-456");
    let (mut child, port) = started(c).await;
    let base = format!("http://127.0.0.1:{port}");
    assert_eq!(http().get(backends_url(&base)).send().await.unwrap().status(), 401);
    assert_eq!(http().get(backends_url(&base)).bearer_auth("env-token-456").send().await.unwrap().status(), 200);
    child.start_kill().unwrap();
    let _ = child.wait().await;
}
