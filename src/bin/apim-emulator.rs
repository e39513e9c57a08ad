//! `apim-emulator --listen 127.0.0.1:0`: prints `listening on http://127.0.0.1:PORT` first.

use apim_native::emulator::{self, EmulatorOptions, ThrottleLimits};
use clap::Parser;
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "apim-emulator", about = "Local emulator of the ARM backend and Graph apiConnector APIs")]
struct Args {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:0")]
    listen: SocketAddr,
    /// Persist every write under this directory and reload it on start.
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Answer 401 to any request that does not carry `Authorization: Bearer TOKEN`.
    #[arg(long)]
    require_token: Option<String>,
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
}

#[tokio::main]
async fn main() -> anyhow_free::Result {
    let args = Args::parse();
    let options = EmulatorOptions {
        listen: args.listen,
        data_dir: args.data_dir,
        require_token: args.require_token,
        throttle: args.throttle,
        page_size: args.page_size,
        throttle_limits: ThrottleLimits {
            read_bucket: args.throttle_read_bucket,
            read_refill_per_second: args.throttle_read_refill,
            write_bucket: args.throttle_write_bucket,
            write_refill_per_second: args.throttle_write_refill,
        },
        async_put: args.async_put,
    };
    let handle = match emulator::start(options).await {
        Ok(h) => h,
        Err(e) => {
            eprintln!("apim-emulator: {}", e.message);
            std::process::exit(1);
        }
    };
    println!("listening on {}", handle.base_url);
    let _ = std::io::stdout().flush();
    wait_for_stop_signal().await;
    handle.stop().await;
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
