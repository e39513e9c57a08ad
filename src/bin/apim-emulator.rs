//! `apim-emulator --listen 127.0.0.1:0`: prints `listening on http://127.0.0.1:PORT` first.

use apim_native::emulator::{self, EmulatorOptions, ThrottleLimits};
use apim_native::model::redact::Redacted;
use clap::Parser;
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "apim-emulator", about = "Local emulator of the ARM backend and Graph apiConnector APIs")]
struct Args {
    /// Address to listen on (port 0 picks a free port). Only loopback addresses unless
    /// --allow-remote is given.
    #[arg(long, default_value = "127.0.0.1:0")]
    listen: SocketAddr,
    /// Accept a non-loopback --listen address (every interface with 0.0.0.0). Requires a token
    /// (--token-file, APIM_EMULATOR_TOKEN or --require-token) and prints a warning.
    #[arg(long)]
    allow_remote: bool,
    /// Read the required bearer token from this file (first line), so it is not in the process list.
    #[arg(long, conflicts_with = "require_token")]
    token_file: Option<PathBuf>,
    /// Persist every write under this directory and reload it on start.
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Answer 401 to any request that does not carry `Authorization: Bearer TOKEN`. Visible to
    /// every user in the process list: prefer --token-file or the APIM_EMULATOR_TOKEN variable.
    #[arg(long)]
    require_token: Option<String>,
    /// Close connections that send no complete request headers within this many milliseconds.
    #[arg(long, default_value_t = 10_000)]
    header_read_timeout_ms: u64,
    /// Close connections that move no byte for this many milliseconds (idle keep-alive).
    #[arg(long, default_value_t = 120_000)]
    idle_timeout_ms: u64,
    /// Connections served at once (more wait in the listen backlog).
    #[arg(long, default_value_t = 512)]
    max_connections: usize,
    /// Simulate ARM throttling (429 + Retry-After).
    #[arg(long)]
    throttle: bool,
    /// Page size of list operations without `$top`.
    #[arg(long, default_value_t = 100)]
    page_size: usize,
    /// Token bucket size for reads per subscription (with --throttle).
    #[arg(long, default_value_t = 250)]
    throttle_read_bucket: u32,
    /// Read tokens refilled per second (with --throttle).
    #[arg(long, default_value_t = 25.0)]
    throttle_read_refill: f64,
    /// Token bucket size for writes per subscription (with --throttle).
    #[arg(long, default_value_t = 200)]
    throttle_write_bucket: u32,
    /// Write tokens refilled per second (with --throttle).
    #[arg(long, default_value_t = 10.0)]
    throttle_write_refill: f64,
    /// Answer PUT with 202 + Location (polled once), as APIM sometimes does.
    #[arg(long)]
    async_put: bool,
    /// A subscription that GET /subscriptions lists, as ID=NAME (repeat for more), so clients can
    /// resolve a subscription name (Connect-ApimNative -Subscription NAME).
    #[arg(long = "subscription", value_name = "ID=NAME", value_parser = parse_subscription)]
    subscriptions: Vec<(String, String)>,
}

/// `ID=NAME`: the id is everything before the first `=`, the display name the rest.
fn parse_subscription(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((id, name)) if !id.trim().is_empty() && !name.trim().is_empty() => Ok((id.trim().to_string(), name.trim().to_string())),
        _ => Err(format!("'{text}' is not ID=NAME (a subscription id, '=', its display name)")),
    }
}

#[tokio::main]
async fn main() -> anyhow_free::Result {
    let args = Args::parse();
    let token = match required_token(&args) {
        Ok(t) => t,
        Err(message) => fail(&message),
    };
    if let Err(message) = check_listen(args.listen, args.allow_remote, token.is_some()) {
        fail(&message);
    }
    let options = EmulatorOptions {
        listen: args.listen,
        data_dir: args.data_dir,
        require_token: token.map(Redacted),
        throttle: args.throttle,
        page_size: args.page_size,
        throttle_limits: ThrottleLimits {
            read_bucket: args.throttle_read_bucket,
            read_refill_per_second: args.throttle_read_refill,
            write_bucket: args.throttle_write_bucket,
            write_refill_per_second: args.throttle_write_refill,
        },
        async_put: args.async_put,
        header_read_timeout_ms: args.header_read_timeout_ms,
        idle_timeout_ms: args.idle_timeout_ms,
        max_connections: args.max_connections,
        subscriptions: args.subscriptions.into_iter().collect(),
    };
    let handle = match emulator::start(options).await {
        Ok(h) => h,
        Err(e) => fail(&e.message),
    };
    if !args.listen.ip().is_loopback() {
        eprintln!(
            "apim-emulator: WARNING: listening on {} (not loopback): every host that can reach this address can use the emulator with the token; it is a test tool, not a service",
            handle.local_addr
        );
    }
    println!("listening on {}", handle.base_url);
    let _ = std::io::stdout().flush();
    wait_for_stop_signal().await;
    handle.stop().await;
    Ok(())
}

/// The environment variable that can carry the token instead of argv.
const TOKEN_VARIABLE: &str = "APIM_EMULATOR_TOKEN";

fn fail(message: &str) -> ! {
    eprintln!("apim-emulator: {message}");
    std::process::exit(2);
}

/// The token from --token-file, --require-token or APIM_EMULATOR_TOKEN (in that order; the file
/// and the flag exclude each other). Never printed.
fn required_token(args: &Args) -> Result<Option<String>, String> {
    if let Some(path) = &args.token_file {
        let text = std::fs::read_to_string(path).map_err(|e| format!("--token-file {}: {e}", path.display()))?;
        let token = text.lines().next().unwrap_or_default().trim().to_string();
        if token.is_empty() {
            return Err(format!("--token-file {} holds no token", path.display()));
        }
        return Ok(Some(token));
    }
    if let Some(token) = &args.require_token {
        return Ok(Some(token.clone()));
    }
    Ok(std::env::var(TOKEN_VARIABLE).ok().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()))
}

/// A non-loopback address exposes the emulator to the network: only on request, and never
/// without a token.
fn check_listen(listen: SocketAddr, allow_remote: bool, has_token: bool) -> Result<(), String> {
    if listen.ip().is_loopback() {
        return Ok(());
    }
    if !allow_remote {
        return Err(format!("--listen {listen} is not a loopback address; pass --allow-remote (with a token) to accept connections from other hosts"));
    }
    if !has_token {
        return Err(format!("--allow-remote needs a token: --token-file FILE or the {TOKEN_VARIABLE} variable"));
    }
    Ok(())
}

/// Ctrl+C everywhere, and SIGTERM on Unix (what `kill` and service managers send).
async fn wait_for_stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// The binary needs no error crate: failures are printed and exit non-zero above.
mod anyhow_free {
    pub type Result = std::result::Result<(), Box<dyn std::error::Error>>;
}
