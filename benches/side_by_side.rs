//! The library through its C ABI next to a bare reqwest keep-alive client, against the same
//! emulator process in the same run (issue 11). Prints every figure and the ratio library / bare;
//! asserts nothing about time. Run with
//!
//!     cargo bench --bench side_by_side
//!
//! Parts (`APIM_BENCH_PARTS`, comma separated, default all): `seq` (PUT/GET/PATCH/DELETE one at a
//! time), `conc` (16 threads GET, then PUT), `list` (1k/10k/100k backends and the latency of other
//! requests while the 100k list runs), `mem` (client RSS over `APIM_BENCH_MEMORY_CALLS` calls,
//! default 100000, and the emulator's RSS holding 111k backends), `cold` (new process: client_new,
//! first and second call, and each call's minor page faults), `callgrind` (CPU instructions
//! per call, and of a new process's first and second GET; needs valgrind).
//! Sizes: `APIM_BENCH_ROUNDS` x `APIM_BENCH_ITERS` sequential calls per op (10 x 100),
//! `APIM_BENCH_CONC_SECONDS` (3), `APIM_BENCH_LIST_REPEATS` for the 100k list (2);
//! `APIM_BENCH_EMULATOR` runs another emulator binary (to compare builds).
//! `APIM_BENCH_CALLGRIND_OPS` picks the callgrind operations (get,put,patch,delete);
//! `APIM_BENCH_CALLGRIND_OUT=dir` keeps each callgrind profile there for `callgrind_annotate`.
//!
//! With `taskset` on the PATH the emulator runs on core 1 and this process on core 0, so client
//! and server do not compete for one core (the figures are still noisy on a shared machine).

mod common;

use apim_native::ffi::*;
use serde::Deserialize;
use std::ffi::{c_char, CStr, CString};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

const SUB: &str = "00000000-0000-0000-0000-000000000000";
const RG: &str = "rg1";
const API_VERSION: &str = "2025-03-01-preview";
const THREADS: usize = 16;

type OpFn = unsafe extern "C" fn(*const ApimClientHandle, *const c_char, *mut *mut c_char) -> ApimStatus;


fn patch_body() -> serde_json::Value {
    serde_json::json!({"properties": {"description": "patched"}})
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn part(name: &str) -> bool {
    match std::env::var("APIM_BENCH_PARTS") {
        Ok(parts) => parts.split(',').any(|p| p.trim() == name),
        Err(_) => true,
    }
}

// ---------------------------------------------------------------- the library, as C calls it

/// A client made by `apim_client_new`, freed on drop.
struct LibClient(*mut ApimClientHandle);
// SAFETY: the C ABI documents a client as usable from any number of threads at once.
unsafe impl Send for LibClient {}
unsafe impl Sync for LibClient {}

impl LibClient {
    fn new(base_url: &str) -> LibClient {
        // Both endpoints on the emulator, as `Connect-ApimNative -Emulator` sets them.
        let options =
            cstring(&serde_json::json!({"armEndpoint": base_url, "graphEndpoint": base_url, "subscriptionId": SUB}).to_string());
        let mut client = std::ptr::null_mut();
        let mut out = std::ptr::null_mut();
        // SAFETY: NUL-terminated options, writable out-pointers; out is freed below.
        let status = unsafe { apim_client_new(options.as_ptr(), &mut client, &mut out) };
        let text = take(out);
        assert_eq!(status, ApimStatus::Ok, "apim_client_new: {text}");
        LibClient(client)
    }

    /// One call as C makes it: pointers in, status out, the result string freed.
    fn call(&self, f: OpFn, request: &CStr) -> usize {
        let mut out = std::ptr::null_mut();
        // SAFETY: live client, NUL-terminated request, writable out.
        let status = unsafe { f(self.0, request.as_ptr(), &mut out) };
        if status != ApimStatus::Ok {
            panic!("library call failed: {}", take(out));
        }
        // SAFETY: set by the library; freed exactly once.
        let len = unsafe { CStr::from_ptr(out) }.to_bytes().len();
        unsafe { apim_string_free(out) };
        len
    }
}

impl Drop for LibClient {
    fn drop(&mut self) {
        // SAFETY: made by apim_client_new, freed once, no call in flight.
        unsafe { apim_client_free(self.0) };
    }
}

fn cstring(text: &str) -> CString {
    CString::new(text).expect("no NUL")
}

fn take(out: *mut c_char) -> String {
    // SAFETY: set by the library; freed exactly once.
    let text = unsafe { CStr::from_ptr(out) }.to_string_lossy().into_owned();
    unsafe { apim_string_free(out) };
    text
}

fn lib_request(service: &str, id: Option<&str>, if_match: Option<&str>, body: Option<serde_json::Value>) -> CString {
    let mut r = serde_json::json!({"resourceGroupName": RG, "serviceName": service});
    if let Some(id) = id {
        r["backendId"] = id.into();
    }
    if let Some(m) = if_match {
        r["ifMatch"] = m.into();
    }
    if let Some(b) = body {
        r["body"] = b;
    }
    cstring(&r.to_string())
}

// ---------------------------------------------------------------- the bare client

/// A bare reqwest keep-alive client: the same requests, no validation, no result JSON.
#[derive(Clone)]
struct Bare {
    http: reqwest::Client,
    base: String,
}

impl Bare {
    fn new(base_url: &str) -> Bare {
        Bare { http: reqwest::Client::builder().no_proxy().build().expect("reqwest client"), base: base_url.to_string() }
    }

    fn url(&self, service: &str, id: Option<&str>) -> String {
        let mut url = format!("{}/subscriptions/{SUB}/resourceGroups/{RG}/providers/Microsoft.ApiManagement/service/{service}/backends", self.base);
        if let Some(id) = id {
            url.push('/');
            url.push_str(id);
        }
        url.push_str("?api-version=");
        url.push_str(API_VERSION);
        url
    }

    async fn send(&self, method: reqwest::Method, url: &str, if_match: Option<&str>, body: Option<&[u8]>) -> usize {
        let mut b = self.http.request(method, url).header("accept", "application/json");
        if let Some(m) = if_match {
            b = b.header("if-match", m);
        }
        if let Some(body) = body {
            b = b.header("content-type", "application/json").body(body.to_vec());
        }
        let response = b.send().await.expect("bare send");
        let status = response.status();
        let bytes = response.bytes().await.expect("bare body");
        assert!(status.as_u16() < 400, "bare request failed: {status} {}", String::from_utf8_lossy(&bytes));
        bytes.len()
    }
}

fn current_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime")
}

// ---------------------------------------------------------------- the emulator process

struct Emulator {
    child: Child,
    base_url: String,
}

impl Emulator {
    fn start(pinned: bool) -> Emulator {
        // APIM_BENCH_EMULATOR runs another build of the emulator (e.g. a saved "before" binary).
        let exe = std::env::var("APIM_BENCH_EMULATOR").unwrap_or_else(|_| env!("CARGO_BIN_EXE_apim-emulator").to_string());
        let mut cmd = if pinned {
            let mut c = Command::new("taskset");
            c.args(["-c", "1", &exe]);
            c
        } else {
            Command::new(&exe)
        };
        let mut child = cmd.args(["--listen", "127.0.0.1:0"]).stdout(Stdio::piped()).spawn().expect("start apim-emulator");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("first line");
        let base_url = line.trim().strip_prefix("listening on ").expect("listening line").to_string();
        Emulator { child, base_url }
    }

    fn rss_kib(&self) -> u64 {
        rss_kib_of(&format!("/proc/{}/status", self.child.id()))
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn rss_kib_of(status_file: &str) -> u64 {
    let text = std::fs::read_to_string(status_file).unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

// ---------------------------------------------------------------- statistics

fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[i]
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

// ---------------------------------------------------------------- parts

fn sequential(lib: &LibClient, base: &str) {
    let bare = &Bare::new(base);
    let rounds = env_usize("APIM_BENCH_ROUNDS", 10);
    let per_round = env_usize("APIM_BENCH_ITERS", 100);
    let rt = current_thread();
    let put_bytes = serde_json::to_vec(&common::realistic_backend()).unwrap();
    let patch_bytes = serde_json::to_vec(&patch_body()).unwrap();
    let lib_put = lib_request("seq", Some("seq-lib"), None, Some(common::realistic_backend()));
    let lib_get = lib_request("seq", Some("seq-lib"), None, None);
    let lib_patch = lib_request("seq", Some("seq-lib"), Some("*"), Some(patch_body()));
    let lib_delete = lib_request("seq", Some("seq-lib"), Some("*"), None);
    let url = bare.url("seq", Some("seq-bare"));
    // [op][lib=0 / bare=1]
    let mut samples: Vec<[Vec<Duration>; 2]> = (0..4).map(|_| [Vec::new(), Vec::new()]).collect();
    let timed = |f: &mut dyn FnMut()| {
        let t = Instant::now();
        f();
        t.elapsed()
    };
    for round in 0..rounds + 1 {
        let keep = round > 0; // round 0 warms both up
        for _ in 0..per_round {
            let d = [
                timed(&mut || {
                    lib.call(apim_backend_create_or_update, &lib_put);
                }),
                timed(&mut || {
                    lib.call(apim_backend_get, &lib_get);
                }),
                timed(&mut || {
                    lib.call(apim_backend_update, &lib_patch);
                }),
                timed(&mut || {
                    lib.call(apim_backend_delete, &lib_delete);
                }),
            ];
            if keep {
                for (op, d) in d.into_iter().enumerate() {
                    samples[op][0].push(d);
                }
            }
        }
        for _ in 0..per_round {
            let d = rt.block_on(async {
                let t = Instant::now();
                bare.send(reqwest::Method::PUT, &url, None, Some(&put_bytes)).await;
                let put = t.elapsed();
                let t = Instant::now();
                bare.send(reqwest::Method::GET, &url, None, None).await;
                let get = t.elapsed();
                let t = Instant::now();
                bare.send(reqwest::Method::PATCH, &url, Some("*"), Some(&patch_bytes)).await;
                let patch = t.elapsed();
                let t = Instant::now();
                bare.send(reqwest::Method::DELETE, &url, Some("*"), None).await;
                [put, get, patch, t.elapsed()]
            });
            if keep {
                for (op, d) in d.into_iter().enumerate() {
                    samples[op][1].push(d);
                }
            }
        }
    }
    // The bare client driven as the C ABI drives its calls: each request spawned onto a 2-worker
    // runtime and joined from this thread, so the difference to the bare column is the hand-off.
    let handed = Bare::new(base);
    let workers = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let handed_url = handed.url("seq", Some("seq-handed"));
    let mut handed_samples: Vec<Vec<Duration>> = (0..4).map(|_| Vec::new()).collect();
    for round in 0..rounds + 1 {
        for _ in 0..per_round {
            let mut d = [Duration::ZERO; 4];
            for (op, (method, if_match, body)) in [
                (reqwest::Method::PUT, None, Some(put_bytes.clone())),
                (reqwest::Method::GET, None, None),
                (reqwest::Method::PATCH, Some("*"), Some(patch_bytes.clone())),
                (reqwest::Method::DELETE, Some("*"), None),
            ]
            .into_iter()
            .enumerate()
            {
                let (client, url) = (handed.clone(), handed_url.clone());
                let t = Instant::now();
                workers.block_on(workers.spawn(async move { client.send(method, &url, if_match, body.as_deref()).await })).unwrap();
                d[op] = t.elapsed();
            }
            if round > 0 {
                for (op, d) in d.into_iter().enumerate() {
                    handed_samples[op].push(d);
                }
            }
        }
    }
    println!("\n## sequential ({} calls per op and client, medians; p90 in brackets)", rounds * per_round);
    println!("{:<8} {:>16} {:>16} {:>8} {:>16}", "op", "C ABI µs", "bare µs", "ratio", "bare handed µs");
    for (op, name) in ["PUT", "GET", "PATCH", "DELETE"].iter().enumerate() {
        let [lib_s, bare_s] = &mut samples[op];
        let (l, b) = (median(lib_s), median(bare_s));
        let (l90, b90) = (percentile(lib_s, 0.9), percentile(bare_s, 0.9));
        let h = median(&mut handed_samples[op]);
        println!(
            "{:<8} {:>7.0} [{:>6.0}] {:>7.0} [{:>6.0}] {:>8.2} {:>16.0}",
            name,
            us(l),
            us(l90),
            us(b),
            us(b90),
            l.as_secs_f64() / b.as_secs_f64(),
            us(h)
        );
    }
}

fn concurrent(lib: &LibClient, base: &str) {
    let seconds = env_usize("APIM_BENCH_CONC_SECONDS", 3) as u64;
    let rt = current_thread();
    let bare = &Bare::new(base);
    let put_bytes = Arc::new(serde_json::to_vec(&common::realistic_backend()).unwrap());
    for k in 0..THREADS {
        rt.block_on(bare.send(reqwest::Method::PUT, &bare.url("conc", Some(&format!("c{k}"))), None, Some(&put_bytes)));
    }
    println!("\n## {THREADS}-way concurrent on one client ({seconds} s each, calls per second)");
    println!("{:<8} {:>12} {:>12} {:>8}", "op", "C ABI /s", "bare /s", "ratio");
    for (name, is_put) in [("GET", false), ("PUT", true)] {
        // The library: 16 OS threads sharing one client, as 16 PowerShell runspaces would.
        let stop = AtomicBool::new(false);
        let count = AtomicU64::new(0);
        let barrier = Barrier::new(THREADS + 1);
        let lib_rate = std::thread::scope(|s| {
            for k in 0..THREADS {
                let (stop, count, barrier) = (&stop, &count, &barrier);
                s.spawn(move || {
                    let id = format!("c{k}");
                    let request = if is_put {
                        lib_request("conc", Some(&id), None, Some(common::realistic_backend()))
                    } else {
                        lib_request("conc", Some(&id), None, None)
                    };
                    let f: OpFn = if is_put { apim_backend_create_or_update } else { apim_backend_get };
                    barrier.wait();
                    while !stop.load(Ordering::Relaxed) {
                        lib.call(f, &request);
                        count.fetch_add(1, Ordering::Relaxed);
                    }
                });
            }
            barrier.wait();
            let t = Instant::now();
            std::thread::sleep(Duration::from_secs(seconds));
            stop.store(true, Ordering::Relaxed);
            count.load(Ordering::Relaxed) as f64 / t.elapsed().as_secs_f64()
        });
        // The bare client: a load generator, 16 tasks on a tokio runtime sharing one client.
        let load = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let bare = Bare::new(base);
        let stop = Arc::new(AtomicBool::new(false));
        let count = Arc::new(AtomicU64::new(0));
        let t = Instant::now();
        let tasks: Vec<_> = (0..THREADS)
            .map(|k| {
                let (bare, stop, count, body) = (bare.clone(), stop.clone(), count.clone(), put_bytes.clone());
                load.spawn(async move {
                    let url = bare.url("conc", Some(&format!("c{k}")));
                    while !stop.load(Ordering::Relaxed) {
                        if is_put {
                            bare.send(reqwest::Method::PUT, &url, None, Some(&body)).await;
                        } else {
                            bare.send(reqwest::Method::GET, &url, None, None).await;
                        }
                        count.fetch_add(1, Ordering::Relaxed);
                    }
                })
            })
            .collect();
        std::thread::sleep(Duration::from_secs(seconds));
        stop.store(true, Ordering::Relaxed);
        let bare_rate = count.load(Ordering::Relaxed) as f64 / t.elapsed().as_secs_f64();
        load.block_on(async {
            for t in tasks {
                let _ = t.await;
            }
        });
        println!("{:<8} {:>12.0} {:>12.0} {:>8.2}", name, lib_rate, bare_rate, lib_rate / bare_rate);
    }
}

/// Creates `n` small backends in `service` with 16 concurrent bare PUTs.
fn fill(base: &str, service: &str, n: usize) {
    let load = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let bare = &Bare::new(base);
    let body = Arc::new(serde_json::to_vec(&serde_json::json!({"properties": {"url": "https://b.example.com", "protocol": "http"}})).unwrap());
    load.block_on(async {
        let tasks: Vec<_> = (0..THREADS)
            .map(|k| {
                let (bare, body, service) = (bare.clone(), body.clone(), service.to_string());
                tokio::spawn(async move {
                    let mut i = k;
                    while i < n {
                        bare.send(reqwest::Method::PUT, &bare.url(&service, Some(&format!("b{i:06}"))), None, Some(&body)).await;
                        i += THREADS;
                    }
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
    });
}

#[derive(Deserialize)]
struct Page {
    value: Vec<serde::de::IgnoredAny>,
    #[serde(rename = "nextLink")]
    next_link: Option<String>,
}

async fn bare_list(bare: &Bare, service: &str) -> usize {
    let mut url = bare.url(service, None);
    let mut items = 0;
    loop {
        let response = bare.http.get(&url).header("accept", "application/json").send().await.expect("list");
        let page: Page = serde_json::from_slice(&response.bytes().await.expect("list body")).expect("page");
        items += page.value.len();
        match page.next_link {
            Some(next) => url = next,
            None => return items,
        }
    }
}

fn list(lib: &LibClient, base: &str, emulator: &Emulator) {
    let sizes = [("list1k", 1_000usize, 5usize), ("list10k", 10_000, 3), ("list100k", 100_000, env_usize("APIM_BENCH_LIST_REPEATS", 2))];
    let t = Instant::now();
    for (service, n, _) in sizes {
        fill(base, service, n);
    }
    println!("\n## list (page size 100, every page followed; loaded 111k backends in {:.1} s)", t.elapsed().as_secs_f64());
    println!("emulator RSS holding 111,000 backends: {} MiB", emulator.rss_kib() / 1024);
    let rt = current_thread();
    let bare = &Bare::new(base);
    let mut lib_ms = Vec::new();
    let mut bare_ms = Vec::new();
    println!("{:<10} {:>12} {:>12} {:>8}", "backends", "C ABI ms", "bare ms", "ratio");
    for (service, n, repeats) in sizes {
        let request = lib_request(service, None, None, None);
        let mut l = Vec::new();
        let mut b = Vec::new();
        for _ in 0..repeats {
            let t = Instant::now();
            lib.call(apim_backend_list, &request);
            l.push(t.elapsed());
            let t = Instant::now();
            assert_eq!(rt.block_on(bare_list(bare, service)), n);
            b.push(t.elapsed());
        }
        let (l, b) = (median(&mut l).as_secs_f64() * 1e3, median(&mut b).as_secs_f64() * 1e3);
        println!("{:<10} {:>12.1} {:>12.1} {:>8.2}", n, l, b, l / b);
        lib_ms.push(l);
        bare_ms.push(b);
    }
    println!(
        "linearity, time(100k) / (10 x time(10k)): C ABI {:.2}, bare {:.2}; time(10k) / (10 x time(1k)): C ABI {:.2}, bare {:.2}",
        lib_ms[2] / (10.0 * lib_ms[1]),
        bare_ms[2] / (10.0 * bare_ms[1]),
        lib_ms[1] / (10.0 * lib_ms[0]),
        bare_ms[1] / (10.0 * bare_ms[0]),
    );

    // Other requests while the 100k list runs: a GET every ~2 ms from another thread and client.
    let probe_body = serde_json::to_vec(&common::realistic_backend()).unwrap();
    rt.block_on(bare.send(reqwest::Method::PUT, &bare.url("probe", Some("p0")), None, Some(&probe_body)));
    let probe_get = |stop: &AtomicBool| -> Vec<Duration> {
        let probe = Bare::new(&bare.base);
        let rt = current_thread();
        let url = probe.url("probe", Some("p0"));
        let mut samples = Vec::new();
        while !stop.load(Ordering::Relaxed) {
            let t = Instant::now();
            rt.block_on(probe.send(reqwest::Method::GET, &url, None, None));
            samples.push(t.elapsed());
            std::thread::sleep(Duration::from_millis(2));
        }
        samples
    };
    let report = |what: &str, mut s: Vec<Duration>| {
        let n = s.len();
        println!(
            "probe GET {what}: n={n} p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            us(median(&mut s)) / 1e3,
            us(percentile(&mut s, 0.99)) / 1e3,
            us(*s.iter().max().unwrap()) / 1e3
        );
    };
    let stop = AtomicBool::new(false);
    let idle = std::thread::scope(|s| {
        let h = s.spawn(|| probe_get(&stop));
        std::thread::sleep(Duration::from_secs(2));
        stop.store(true, Ordering::Relaxed);
        h.join().unwrap()
    });
    report("alone", idle);
    let stop = AtomicBool::new(false);
    let request = lib_request("list100k", None, None, None);
    let busy = std::thread::scope(|s| {
        let h = s.spawn(|| probe_get(&stop));
        lib.call(apim_backend_list, &request);
        stop.store(true, Ordering::Relaxed);
        h.join().unwrap()
    });
    report("during a 100k list", busy);
}

fn memory(lib: &LibClient) {
    let calls = env_usize("APIM_BENCH_MEMORY_CALLS", 100_000);
    let put = lib_request("mem", Some("m1"), None, Some(common::realistic_backend()));
    let get = lib_request("mem", Some("m1"), None, None);
    lib.call(apim_backend_create_or_update, &put);
    for _ in 0..1000 {
        lib.call(apim_backend_get, &get);
    }
    let before = rss_kib_of("/proc/self/status");
    let t = Instant::now();
    let mut checkpoints = Vec::new();
    for i in 0..calls {
        lib.call(apim_backend_get, &get);
        if (i + 1) % (calls / 4).max(1) == 0 {
            checkpoints.push(rss_kib_of("/proc/self/status"));
        }
    }
    println!(
        "\n## memory: client process RSS {} KiB after 1k warm-up GETs; after each quarter of {calls} more GETs: {:?} KiB ({:.0} µs per call)",
        before,
        checkpoints,
        us(t.elapsed()) / calls as f64
    );
}

/// Child modes: `cold-lib URL` / `cold-bare URL` print `client_new_us first_us second_us`.
/// The process's minor page faults so far (`/proc/self/stat` field 10; 0 where there is none).
/// Why: a first call's extra wall time is mostly first touches of code and data, which an
/// instruction count does not show.
fn minor_faults() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    after.split_whitespace().nth(7).and_then(|v| v.parse().ok()).unwrap_or(0.0)
}

/// Child mode `cold-lib|cold-bare URL`: prints client-new, first and second call µs, then the
/// minor page faults of the first and the second call.
fn cold_child(mode: &str, base_url: &str) {
    let t = Instant::now();
    let (new, first, second, faults) = if mode == "cold-lib" {
        let lib = LibClient::new(base_url);
        let new = t.elapsed();
        let get = lib_request("cold", Some("cold1"), None, None);
        let (f0, t1) = (minor_faults(), Instant::now());
        lib.call(apim_backend_get, &get);
        let (first, f1, t2) = (t1.elapsed(), minor_faults(), Instant::now());
        lib.call(apim_backend_get, &get);
        (new, first, t2.elapsed(), [f1 - f0, minor_faults() - f1])
    } else {
        let bare = Bare::new(base_url);
        let rt = current_thread();
        let new = t.elapsed();
        let url = bare.url("cold", Some("cold1"));
        let (f0, t1) = (minor_faults(), Instant::now());
        rt.block_on(bare.send(reqwest::Method::GET, &url, None, None));
        let (first, f1, t2) = (t1.elapsed(), minor_faults(), Instant::now());
        rt.block_on(bare.send(reqwest::Method::GET, &url, None, None));
        (new, first, t2.elapsed(), [f1 - f0, minor_faults() - f1])
    };
    println!("{:.0} {:.0} {:.0} {} {}", us(new), us(first), us(second), faults[0], faults[1]);
}

fn cold(base: &str) {
    let rt = current_thread();
    let bare = &Bare::new(base);
    rt.block_on(bare.send(reqwest::Method::PUT, &bare.url("cold", Some("cold1")), None, Some(&serde_json::to_vec(&common::realistic_backend()).unwrap())));
    let exe = std::env::current_exe().unwrap();
    println!("\n## cold start: a new process per run (10 runs, medians)");
    println!(
        "{:<6} {:>14} {:>14} {:>14} {:>14} {:>12} {:>16}",
        "client", "process ms", "client new µs", "1st call µs", "2nd call µs", "1st / 2nd", "page faults 1st/2nd"
    );
    for mode in ["cold-lib", "cold-bare"] {
        let mut process = Vec::new();
        let mut fields: [Vec<f64>; 5] = Default::default();
        for _ in 0..10 {
            let t = Instant::now();
            let out = Command::new(&exe).args([mode, &bare.base]).env("APIM_BENCH_CHILD", "1").output().expect("child");
            process.push(t.elapsed());
            let text = String::from_utf8_lossy(&out.stdout);
            for (i, v) in text.split_whitespace().filter_map(|v| v.parse::<f64>().ok()).take(5).enumerate() {
                fields[i].push(v);
            }
        }
        let med = |v: &mut Vec<f64>| {
            v.sort_by(|a, b| a.partial_cmp(b).unwrap());
            v[v.len() / 2]
        };
        let (n, f, s) = (med(&mut fields[0]), med(&mut fields[1]), med(&mut fields[2]));
        let (faults_first, faults_second) = (med(&mut fields[3]), med(&mut fields[4]));
        println!(
            "{:<6} {:>14.1} {:>14.0} {:>14.0} {:>14.0} {:>12.2} {:>16}",
            if mode == "cold-lib" { "C ABI" } else { "bare" },
            median(&mut process).as_secs_f64() * 1e3,
            n,
            f,
            s,
            f / s,
            format!("{faults_first:.0} / {faults_second:.0}")
        );
    }
}

/// Child mode `callgrind-lib|callgrind-bare URL OP N`: N calls of OP (get|put|patch|delete),
/// nothing else. `APIM_BENCH_CALLGRIND_OUT` keeps callgrind's profile (for `callgrind_annotate`).
fn callgrind_child(mode: &str, base_url: &str, op: &str, n: usize) {
    if mode == "callgrind-lib" {
        let lib = LibClient::new(base_url);
        let (f, request): (OpFn, CString) = match op {
            "put" => (apim_backend_create_or_update, lib_request("cg", Some("cg-lib"), None, Some(common::realistic_backend()))),
            "patch" => (apim_backend_update, lib_request("cg", Some("cg-lib"), Some("*"), Some(patch_body()))),
            "delete" => (apim_backend_delete, lib_request("cg", Some("cg-lib"), Some("*"), None)),
            _ => (apim_backend_get, lib_request("cg", Some("cg-lib"), None, None)),
        };
        for _ in 0..n {
            lib.call(f, &request);
        }
    } else {
        let bare = Bare::new(base_url);
        let rt = current_thread();
        let url = bare.url("cg", Some("cg-bare"));
        let body = serde_json::to_vec(&common::realistic_backend()).unwrap();
        let patch = serde_json::to_vec(&patch_body()).unwrap();
        rt.block_on(async {
            for _ in 0..n {
                match op {
                    "put" => bare.send(reqwest::Method::PUT, &url, None, Some(&body)).await,
                    "patch" => bare.send(reqwest::Method::PATCH, &url, Some("*"), Some(&patch)).await,
                    "delete" => bare.send(reqwest::Method::DELETE, &url, Some("*"), None).await,
                    _ => bare.send(reqwest::Method::GET, &url, None, None).await,
                };
            }
        });
    }
}

fn callgrind(base: &str) {
    if Command::new("valgrind").arg("--version").output().is_err() {
        println!("\n## callgrind: SKIPPED (valgrind is not on the PATH)");
        return;
    }
    let rt = current_thread();
    let bare = &Bare::new(base);
    let body = serde_json::to_vec(&common::realistic_backend()).unwrap();
    // Every run starts from both backends in place (a DELETE run removes them; its later calls
    // find nothing, for both clients alike).
    // A new client each time: a valgrind run takes long enough for the emulator to close an
    // idle pooled connection, and reusing it failed with IncompleteMessage.
    let put_both = || {
        let bare = Bare::new(base);
        rt.block_on(bare.send(reqwest::Method::PUT, &bare.url("cg", Some("cg-lib")), None, Some(&body)));
        rt.block_on(bare.send(reqwest::Method::PUT, &bare.url("cg", Some("cg-bare")), None, Some(&body)));
    };
    let exe = std::env::current_exe().unwrap();
    let collected = |mode: &str, op: &str, n: usize| -> f64 {
        put_both();
        let out_file = match std::env::var("APIM_BENCH_CALLGRIND_OUT") {
            Ok(dir) => format!("{dir}/callgrind.{mode}.{op}.{n}"),
            Err(_) => "/dev/null".to_string(),
        };
        let out = Command::new("valgrind")
            .args(["--tool=callgrind", &format!("--callgrind-out-file={out_file}")])
            .arg(&exe)
            .args([mode, &bare.base, op, &n.to_string()])
            .env("APIM_BENCH_CHILD", "1")
            .output()
            .expect("valgrind");
        let text = String::from_utf8_lossy(&out.stderr);
        text.lines()
            .find_map(|l| l.split("Collected :").nth(1))
            .and_then(|v| v.trim().parse::<f64>().ok())
            .unwrap_or_else(|| panic!("no 'Collected' line from callgrind: {text}"))
    };
    let (small, large) = (100, 600);
    println!("\n## callgrind: CPU instructions per call in the client process ((I({large}) - I({small})) / {})", large - small);
    println!("{:<6} {:>14} {:>14} {:>8}", "op", "C ABI", "bare", "ratio");
    let ops = std::env::var("APIM_BENCH_CALLGRIND_OPS").unwrap_or_else(|_| "get,put,patch,delete".to_string());
    for op in ops.split(',').map(str::trim) {
        let per = |mode: &str| (collected(mode, op, large) - collected(mode, op, small)) / (large - small) as f64;
        let (l, b) = (per("callgrind-lib"), per("callgrind-bare"));
        println!("{:<6} {:>14.0} {:>14.0} {:>8.2}", op.to_uppercase(), l, b, l / b);
    }
    // The cold start by instructions, which the machine's load does not move: a process's first
    // GET (I(1) - I(0)) against its second (I(2) - I(1)).
    println!("\n## callgrind: a new process's 1st and 2nd GET, instructions");
    // I(0) is the process start and making the client (`apim_client_new` / a reqwest client).
    println!("{:<6} {:>14} {:>14} {:>14} {:>10}", "client", "start + new", "1st call", "2nd call", "1st / 2nd");
    for (mode, name) in [("callgrind-lib", "C ABI"), ("callgrind-bare", "bare")] {
        let i: Vec<f64> = (0..3).map(|n| collected(mode, "get", n)).collect();
        let (first, second) = (i[1] - i[0], i[2] - i[1]);
        println!("{:<6} {:>14.0} {:>14.0} {:>14.0} {:>10.2}", name, i[0], first, second, first / second);
    }
}

fn main() {
    for proxy in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"] {
        std::env::remove_var(proxy);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        // `cargo bench` passes --bench; `cargo test --all-targets` runs bench targets without it,
        // and a benchmark is not a test (it takes minutes and asserts nothing).
        _ if !args.iter().any(|a| a == "--bench") && std::env::var_os("APIM_BENCH_CHILD").is_none() && std::env::var_os("APIM_BENCH_PINNED").is_none() => {
            println!("side_by_side is a benchmark: run it with `cargo bench --bench side_by_side` (nothing is measured under cargo test)");
            return;
        }
        Some(mode @ ("cold-lib" | "cold-bare")) => return cold_child(mode, &args[1]),
        Some(mode @ ("callgrind-lib" | "callgrind-bare")) => {
            return callgrind_child(mode, &args[1], &args[2], args[3].parse().expect("N"))
        }
        _ => {}
    }
    let have_taskset = Command::new("taskset").arg("-V").output().is_ok();
    if have_taskset && std::env::var_os("APIM_BENCH_PINNED").is_none() {
        // Run this process on core 0 (the emulator goes to core 1): re-exec under taskset.
        let status = Command::new("taskset")
            .args(["-c", "0"])
            .arg(std::env::current_exe().unwrap())
            .args(&args)
            .env("APIM_BENCH_PINNED", "1")
            .status()
            .expect("taskset");
        std::process::exit(status.code().unwrap_or(1));
    }
    let emulator = Emulator::start(have_taskset);
    println!(
        "# side by side: apim_native {} through its C ABI vs bare reqwest, emulator at {} ({})",
        // SAFETY: a static NUL-terminated string.
        unsafe { CStr::from_ptr(apim_version()) }.to_string_lossy(),
        emulator.base_url,
        if have_taskset { "client on core 0, emulator on core 1" } else { "not pinned: taskset missing" }
    );
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("load average at start: {}", load.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    let lib = LibClient::new(&emulator.base_url);
    // A reqwest client's pooled connections are driven by the runtime that opened them, so each
    // part makes its own bare client next to its own runtime.
    let base = emulator.base_url.as_str();
    if part("seq") {
        sequential(&lib, base);
    }
    if part("conc") {
        concurrent(&lib, base);
    }
    if part("cold") {
        cold(base);
    }
    if part("callgrind") {
        callgrind(base);
    }
    if part("list") {
        list(&lib, base, &emulator);
    }
    if part("mem") {
        memory(&lib);
    }
}
