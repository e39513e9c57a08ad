//! `Get-AzApiManagementBackend -Context $ctx` of 1,000 backends (10 pages of 100) from the
//! in-process emulator, per stage: the whole C function `apim_cmdlet_backend_get`, the client's
//! paging alone (HTTP and page parsing), and, with no HTTP at all, the mapping of the same 1,000
//! wire backends to the Az objects and the writing of the answer JSON, together and apart.
//! The backends cycle through four shapes (a bare Single as the pwsh benchmark lists, one with
//! TLS flags, the realistic one of `common` with credentials, proxy and a circuit breaker, and the
//! Service Fabric example of the spec). Numbers go in the README; nothing here asserts a time.
//!
//!     cargo bench --bench backend_list [-- --save-baseline before | --baseline before]

mod common;

use apim_native::client::backend::BackendRequest;
use apim_native::client::{ApimClient, ClientOptions};
use apim_native::cmdlet::backend_address::ServiceScope;
use apim_native::cmdlet::backend_list::BackendList;
use apim_native::cmdlet::Parameters;
use apim_native::emulator::{self, EmulatorOptions};
use apim_native::ffi::{apim_client_free, apim_client_new, apim_cmdlet_backend_get, apim_string_free, ApimStatus};
use apim_native::runtime::runtime;
use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};
use std::ffi::{CStr, CString};
use std::hint::black_box;
use std::time::Duration;

const SUBSCRIPTION: &str = "00000000-0000-0000-0000-000000000000";
const BACKENDS: usize = 1000;

fn context() -> Value {
    json!({ "PSTypeName": "Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext",
            "ResourceGroupName": "rg1", "ServiceName": "apimService1", "SubscriptionId": SUBSCRIPTION,
            "Endpoint": null, "ApiVersion": null, "WorkspaceId": null })
}

/// The body of backend `index`: one of four shapes in turn.
fn body(index: usize) -> Value {
    let url = format!("https://list{index:04}.contoso.com/");
    match index % 4 {
        0 => json!({ "properties": { "url": url, "protocol": "http" } }),
        1 => json!({ "properties": { "url": url, "protocol": "soap", "title": format!("list{index:04}"),
            "description": "a backend with TLS flags", "tls": { "validateCertificateChain": false, "validateCertificateName": true } } }),
        2 => common::realistic_backend(),
        _ => json!({ "properties": { "description": "Service Fabric Test App 1", "protocol": "http", "url": "fabric:/mytestapp/mytestservice",
            "properties": { "serviceFabricCluster": { "managementEndpoints": ["https://somecluster.com"],
                "clientCertificateId": format!("/subscriptions/{SUBSCRIPTION}/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/certificates/cert1"),
                "serverX509Names": [{ "name": "ServerCommonName1", "issuerCertificateThumbprint": "IssuerCertificateThumbprint1" }],
                "maxPartitionResolutionRetries": 5 } } } }),
    }
}

fn request(backend_id: Option<String>) -> BackendRequest {
    BackendRequest {
        subscription_id: Some(SUBSCRIPTION.into()),
        resource_group_name: "rg1".into(),
        service_name: "apimService1".into(),
        backend_id,
        ..Default::default()
    }
}

fn backend_list(c: &mut Criterion) {
    let emulator = runtime().block_on(emulator::start(EmulatorOptions::default())).expect("emulator");
    let options = json!({ "armEndpoint": emulator.base_url, "retry": { "maxAttempts": 1 } });
    let client = ApimClient::new(serde_json::from_value::<ClientOptions>(options.clone()).unwrap()).unwrap();
    runtime().block_on(async {
        for index in 0..BACKENDS {
            let mut req = request(Some(format!("list{index:04}")));
            req.body = Some(body(index));
            client.backend_create_or_update(&req).await.expect("create");
        }
    });
    let options = CString::new(options.to_string()).unwrap();
    let (mut handle, mut out) = (std::ptr::null_mut(), std::ptr::null_mut());
    // SAFETY: valid input and writable outs; the summary is freed at once.
    assert_eq!(unsafe { apim_client_new(options.as_ptr(), &mut handle, &mut out) }, ApimStatus::Ok);
    // SAFETY: set by the library.
    unsafe { apim_string_free(out) };

    let parameters = json!({ "Context": context() });
    let scope = ServiceScope::from_parameter(&Parameters::from_value(parameters.clone()).unwrap()).unwrap();
    let parameters = CString::new(parameters.to_string()).unwrap();
    let pages: Vec<Vec<Value>> = runtime().block_on(async {
        let mut pages = Vec::new();
        let mut req = BackendRequest { one_page: true, ..request(None) };
        loop {
            let page = client.backend_list(&req).await.expect("list");
            pages.push(page.value);
            match page.next_link {
                Some(link) => req = BackendRequest { next_link: Some(link), one_page: true, ..request(None) },
                None => break pages,
            }
        }
    });
    assert_eq!(pages.iter().map(Vec::len).sum::<usize>(), BACKENDS);
    let map = || {
        let mut list = BackendList::new(&scope, None);
        for page in &pages {
            list.add_page(page, Vec::new()).unwrap();
        }
        list.finish()
    };
    let answer_len = serde_json::to_vec(&map()).unwrap().len();
    eprintln!("backend_list: {BACKENDS} backends in {} pages, answer {answer_len} bytes", pages.len());

    let mut group = c.benchmark_group("backend_list");
    group.sample_size(30).warm_up_time(Duration::from_secs(2)).measurement_time(Duration::from_secs(6));
    group.bench_function("apim_cmdlet_backend_get (pages, mapping, answer)", |b| {
        b.iter(|| {
            let mut out = std::ptr::null_mut();
            // SAFETY: a live client, valid input, a writable out; the answer is freed below.
            let status = unsafe { apim_cmdlet_backend_get(handle, parameters.as_ptr(), &mut out) };
            assert_eq!(status, ApimStatus::Ok);
            // SAFETY: the library set `out`.
            black_box(unsafe { CStr::from_ptr(out) }.to_bytes().len());
            // SAFETY: freed once.
            unsafe { apim_string_free(out) };
        })
    });
    group.bench_function("client paging alone (HTTP, pages parsed)", |b| {
        b.iter(|| {
            let listed = runtime().block_on(client.backend_list(&request(None))).expect("list");
            black_box(listed.value.len())
        })
    });
    group.bench_function("mapping + answer JSON (no HTTP)", |b| {
        b.iter(|| {
            let mut bytes = Vec::with_capacity(2049);
            serde_json::to_writer(&mut bytes, &map()).unwrap();
            black_box(bytes.len())
        })
    });
    group.bench_function("mapping alone (no HTTP)", |b| b.iter(|| black_box(map().output.len())));
    let answer = map();
    group.bench_function("answer JSON alone", |b| {
        b.iter(|| {
            let mut bytes = Vec::with_capacity(2049);
            serde_json::to_writer(&mut bytes, &answer).unwrap();
            black_box(bytes.len())
        })
    });
    group.finish();
    // SAFETY: made by apim_client_new, freed once.
    unsafe { apim_client_free(handle) };
    runtime().block_on(emulator.stop());
}

criterion_group!(benches, backend_list);
criterion_main!(benches);
