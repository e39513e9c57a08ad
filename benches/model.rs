//! Serialise, validate and parse a realistic BackendContract: the richest body of the Create Or
//! Update seed page (a carbon-aware pool) grown with the rest of the 2025-03-01-preview surface
//! (credentials, proxy, TLS pinning, service fabric, a circuit breaker, session affinity).

use apim_native::model::backend::{check_backend_contract, BackendContract};
use apim_native::model::ApiVersion;
use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};
use std::hint::black_box;

fn realistic_body() -> Value {
    let backend = |name: &str| {
        format!("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/{name}")
    };
    json!({"properties": {
        "title": "carbon-aware pool", "description": "Pool with a circuit breaker and pinned TLS",
        "type": "Pool", "url": "https://backendname2644/", "protocol": "http", "azureRegion": "northeurope",
        "pool": {
            "services": [
                {"id": backend("sustainable-backend-europe-north"), "preferredCarbonEmission": "Medium", "priority": 1, "weight": 1},
                {"id": backend("proxybackend"), "priority": 1, "weight": 1},
                {"id": backend("backend-3"), "priority": 2, "weight": 75},
                {"id": backend("backend-4"), "priority": 2, "weight": 25}
            ],
            "failureResponse": {"statusCode": 503},
            "sessionAffinity": {"sessionId": {"source": "cookie", "name": "APIM-Session"}}
        },
        "circuitBreaker": {"rules": [{
            "name": "myBreakerRule", "tripDuration": "PT1H", "acceptRetryAfter": true,
            "failureCondition": {"count": 3, "interval": "PT1H", "errorReasons": ["Server errors", "timeout"],
                "statusCodeRanges": [{"min": 500, "max": 599}, {"min": 429, "max": 429}]},
            "failureResponse": {"statusCode": 503}
        }]},
        "credentials": {
            "authorization": {"parameter": "opensesma", "scheme": "Basic"},
            "header": {"x-my-1": ["val1", "val2"]}, "query": {"sv": ["xx", "bb", "cc"]},
            "certificateIds": ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/certificates/cert1"]
        },
        "proxy": {"password": "<password>", "url": "http://192.168.1.1:8080", "username": "Contoso\\admin"},
        "tls": {"validateCertificateChain": true, "validateCertificateName": true,
            "serverCertificateThumbprints": ["1365083bae61ee876fc26850b825d05d3eb2e503"],
            "serverX509Names": [{"name": "*.badssl.com", "issuerCertificateThumbprint": null}]},
        "properties": {"serviceFabricCluster": {"managementEndpoints": ["https://somecluster.com"],
            "clientCertificateId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/certificates/cert1",
            "maxPartitionResolutionRetries": 5,
            "serverX509Names": [{"name": "ServerCommonName1", "issuerCertificateThumbprint": "IssuerCertificateThumbprint1"}]}}
    }})
}

fn bench_model(c: &mut Criterion) {
    let body = realistic_body();
    let text = serde_json::to_string(&body).unwrap();
    let contract: BackendContract = serde_json::from_value(body.clone()).unwrap();

    c.bench_function("model/parse (JSON text -> BackendContract)", |b| {
        b.iter(|| serde_json::from_str::<BackendContract>(black_box(&text)).unwrap())
    });
    c.bench_function("model/serialise (BackendContract -> JSON text)", |b| {
        b.iter(|| serde_json::to_string(black_box(&contract)).unwrap())
    });
    // A Pool may carry none of the Single fields (rules A3-A6), so the validated body is the
    // same surface as a Single backend: everything but `type` and `pool`.
    let mut single = body.clone();
    let props = single["properties"].as_object_mut().unwrap();
    props.remove("type");
    props.remove("pool");
    c.bench_function("model/validate (check_backend_contract on a parsed Value)", |b| {
        b.iter(|| check_backend_contract(black_box(&single), ApiVersion::DEFAULT).unwrap())
    });
}

criterion_group!(benches, bench_model);
criterion_main!(benches);
