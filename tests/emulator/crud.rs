//! The emulator's backend CRUD semantics over raw HTTP: status codes, ETags, If-Match, 404/412/400,
//! PATCH merge, DELETE 200/204, reconnect, tracing headers, case-insensitive paths, async PUT.

use crate::emulator_support;

use emulator_support::*;
use serde_json::{json, Value};

#[tokio::test]
async fn put_creates_then_replaces_with_new_etags_and_the_stored_contract() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    let r = http().put(backend_url(base, "b1")).json(&single("https://a.example/api", "one")).send().await.unwrap();
    assert_eq!(r.status(), 201);
    let e1 = etag(&r);
    assert!(e1.starts_with('"') && e1.ends_with('"'), "quoted ETag: {e1}");
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["name"], "b1");
    assert_eq!(body["type"], "Microsoft.ApiManagement/service/backends");
    assert_eq!(body["id"], format!("/subscriptions/{SUB}/resourceGroups/{RG}/providers/Microsoft.ApiManagement/service/{SVC}/backends/b1"));
    assert_eq!(body["properties"]["url"], "https://a.example/api");
    assert_eq!(body["properties"]["title"], "one");

    // The replacement leaves the description out: a PUT replaces, so it must be gone afterwards
    // (a PUT that merged would keep the old "d").
    let mut replacement = single("https://b.example/api", "two");
    replacement["properties"].as_object_mut().unwrap().remove("description");
    let r = http().put(backend_url(base, "b1")).json(&replacement).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let e2 = etag(&r);
    assert_ne!(e1, e2, "every write gets a new ETag");

    let r = http().get(backend_url(base, "b1")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(etag(&r), e2);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["properties"]["title"], "two");
    assert_eq!(body["properties"]["url"], "https://b.example/api");
    assert!(body["properties"].get("description").is_none(), "a PUT replaces the whole body: {body}");

    let r = http().head(backend_url(base, "b1")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(etag(&r), e2);
    assert!(r.bytes().await.unwrap().is_empty(), "HEAD has no body");
    emu.stop().await;
}

#[tokio::test]
async fn if_match_on_put_star_stale_and_current() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    let body = single("https://a.example/", "t");
    // If-Match * on a missing entity: the precondition fails (412), nothing is created.
    let r = http().put(backend_url(base, "nx")).header("if-match", "*").json(&body).send().await.unwrap();
    assert_eq!(r.status(), 412);
    let err: Value = r.json().await.unwrap();
    assert_eq!(err["error"]["code"], "PreconditionFailed");
    assert_eq!(http().get(backend_url(base, "nx")).send().await.unwrap().status(), 404);

    let e1 = create(base, "b1", &body).await;
    let r = http().put(backend_url(base, "b1")).header("if-match", "*").json(&body).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let e2 = etag(&r);
    // The first ETag is stale now.
    let r = http().put(backend_url(base, "b1")).header("if-match", &e1).json(&body).send().await.unwrap();
    assert_eq!(r.status(), 412);
    assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "PreconditionFailed");
    let r = http().put(backend_url(base, "b1")).header("if-match", &e2).json(&body).send().await.unwrap();
    assert_eq!(r.status(), 200);
    emu.stop().await;
}

#[tokio::test]
async fn missing_entity_is_404_resource_not_found_and_head_has_no_body() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    let r = http().get(backend_url(base, "nope")).send().await.unwrap();
    assert_eq!(r.status(), 404);
    let err: Value = r.json().await.unwrap();
    assert_eq!(err["error"]["code"], "ResourceNotFound");
    assert!(err["error"]["message"].as_str().unwrap().contains("not found"));
    let r = http().head(backend_url(base, "nope")).send().await.unwrap();
    assert_eq!(r.status(), 404);
    assert!(r.bytes().await.unwrap().is_empty());
    let r = http().patch(backend_url(base, "nope")).header("if-match", "*").json(&json!({"properties": {"title": "x"}})).send().await.unwrap();
    assert_eq!(r.status(), 404);
    let r = http().post(format!("{}/backends/nope/reconnect?api-version={V}", service_url(base))).send().await.unwrap();
    assert_eq!(r.status(), 404);
    emu.stop().await;
}

#[tokio::test]
async fn patch_merges_nested_objects_replaces_arrays_and_needs_if_match() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    let body = json!({"properties": {
        "url": "https://a.example/", "protocol": "http", "title": "t", "description": "old",
        "credentials": {"header": {"x-a": ["1", "2"]}, "query": {"sv": ["a"]}},
        "tls": {"validateCertificateChain": true, "validateCertificateName": true}
    }});
    let e1 = create(base, "b1", &body).await;
    // A partial tls object is refused (rule D1, "Default backend property required"), so the
    // PATCH sends both flags; nested merging shows in credentials (query survives beside header).
    let partial = json!({"properties": {"tls": {"validateCertificateChain": false}}});
    let r = http().patch(backend_url(base, "b1")).header("if-match", "*").json(&partial).send().await.unwrap();
    assert_eq!(r.status(), 400, "a partial tls object is refused");
    let err: Value = r.json().await.unwrap();
    assert_eq!(err["error"]["details"][0]["target"], "properties.tls.validateCertificateName");
    let patch = json!({"properties": {"description": "new", "tls": {"validateCertificateChain": false, "validateCertificateName": true},
                                       "credentials": {"header": {"x-a": ["3"]}}}});

    let r = http().patch(backend_url(base, "b1")).json(&patch).send().await.unwrap();
    assert_eq!(r.status(), 400, "PATCH without If-Match is refused");
    let err: Value = r.json().await.unwrap();
    assert_eq!(err["error"]["details"][0]["target"], "If-Match");

    let r = http().patch(backend_url(base, "b1")).header("if-match", "\"stale\"").json(&patch).send().await.unwrap();
    assert_eq!(r.status(), 412);

    let r = http().patch(backend_url(base, "b1")).header("if-match", &e1).json(&patch).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let e2 = etag(&r);
    assert_ne!(e1, e2);
    let p = r.json::<Value>().await.unwrap()["properties"].clone();
    assert_eq!(p["description"], "new");
    assert_eq!(p["title"], "t", "unsent fields are kept");
    assert_eq!(p["url"], "https://a.example/");
    assert_eq!(p["tls"], json!({"validateCertificateChain": false, "validateCertificateName": true}), "tls as sent");
    assert_eq!(p["credentials"]["header"]["x-a"], json!(["3"]), "arrays are replaced");
    assert_eq!(p["credentials"]["query"]["sv"], json!(["a"]), "sibling members survive");

    let got: Value = http().get(backend_url(base, "b1")).send().await.unwrap().json().await.unwrap();
    assert_eq!(got["properties"], p, "GET shows the merged entity");
    emu.stop().await;
}

#[tokio::test]
async fn delete_needs_if_match_answers_200_then_204() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    let e1 = create(base, "b1", &single("https://a.example/", "t")).await;
    let r = http().delete(backend_url(base, "b1")).send().await.unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(r.json::<Value>().await.unwrap()["error"]["details"][0]["target"], "If-Match");
    let r = http().delete(backend_url(base, "b1")).header("if-match", "\"AAAAAAAAAAA=\"").send().await.unwrap();
    assert_eq!(r.status(), 412);
    let r = http().delete(backend_url(base, "b1")).header("if-match", &e1).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.bytes().await.unwrap().is_empty());
    assert_eq!(http().get(backend_url(base, "b1")).send().await.unwrap().status(), 404);
    let r = http().delete(backend_url(base, "b1")).header("if-match", "*").send().await.unwrap();
    assert_eq!(r.status(), 204, "deleting what is absent is 204");
    emu.stop().await;
}

#[tokio::test]
async fn reconnect_is_202_with_or_without_a_body_and_rejects_bad_json() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    create(base, "b1", &single("https://a.example/", "t")).await;
    let url = format!("{}/backends/b1/reconnect?api-version={V}", service_url(base));
    let r = http().post(&url).send().await.unwrap();
    assert_eq!(r.status(), 202);
    let r = http().post(&url).json(&json!({"properties": {"after": "PT3S"}})).send().await.unwrap();
    assert_eq!(r.status(), 202);
    let r = http().post(&url).header("content-type", "application/json").body("{not json").send().await.unwrap();
    assert_eq!(r.status(), 400);
    let err: Value = r.json().await.unwrap();
    assert_eq!(err["error"]["code"], "ValidationError");
    assert_eq!(err["error"]["details"][0]["target"], "body");
    emu.stop().await;
}

#[tokio::test]
async fn invalid_json_and_missing_body_on_put_are_validation_errors() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    let r = http().put(backend_url(base, "b1")).header("content-type", "application/json").body("[1,2]").send().await.unwrap();
    assert_eq!(r.status(), 400);
    let err: Value = r.json().await.unwrap();
    assert_eq!(err["error"]["code"], "ValidationError");
    assert_eq!(err["error"]["details"][0]["target"], "body");
    let r = http().put(backend_url(base, "b1")).send().await.unwrap();
    assert_eq!(r.status(), 400);
    emu.stop().await;
}

#[tokio::test]
async fn api_version_missing_or_unknown_is_400_with_the_arm_codes() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    let no_version = format!("{}/backends/b1", service_url(base));
    for r in [
        http().get(&no_version).send().await.unwrap(),
        http().put(&no_version).json(&single("https://a.example/", "t")).send().await.unwrap(),
        http().get(format!("{}/backends", service_url(base))).send().await.unwrap(),
    ] {
        assert_eq!(r.status(), 400);
        assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "MissingApiVersionParameter");
    }
    let r = http().get(format!("{no_version}?api-version=2019-01-01")).send().await.unwrap();
    assert_eq!(r.status(), 400);
    let err: Value = r.json().await.unwrap();
    assert_eq!(err["error"]["code"], "InvalidApiVersionParameter");
    assert!(err["error"]["message"].as_str().unwrap().contains("2025-03-01-preview"));
    // Every supported version works.
    for v in ["2021-08-01", "2022-08-01", "2024-05-01", "2025-03-01-preview"] {
        let r = http().get(format!("{}/backends?api-version={v}", service_url(base))).send().await.unwrap();
        assert_eq!(r.status(), 200, "{v}");
    }
    emu.stop().await;
}

#[tokio::test]
async fn tracing_headers_on_every_response_and_client_id_echoed() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    for r in [
        http().get(backend_url(base, "x")).header("x-ms-client-request-id", "my-id-1").send().await.unwrap(),
        http().get(format!("{base}/no/such/route")).header("x-ms-client-request-id", "my-id-1").send().await.unwrap(),
    ] {
        assert_eq!(r.status(), 404);
        assert_eq!(r.headers()["x-ms-client-request-id"], "my-id-1");
        assert!(!r.headers()["x-ms-request-id"].is_empty());
        assert!(!r.headers()["x-ms-correlation-request-id"].is_empty());
    }
    let a = http().get(backends_url(base)).send().await.unwrap();
    let b = http().get(backends_url(base)).send().await.unwrap();
    assert_ne!(a.headers()["x-ms-request-id"], b.headers()["x-ms-request-id"], "a new request id per response");
    emu.stop().await;
}

#[tokio::test]
async fn literal_path_segments_and_ids_are_case_insensitive() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    create(base, "MyBackend", &single("https://a.example/", "t")).await;
    let odd = format!(
        "{base}/SUBSCRIPTIONS/{SUB}/resourcegroups/RG1/PROVIDERS/microsoft.apimanagement/Service/APIMSERVICE1/Backends/mybackend?api-version={V}"
    );
    let r = http().get(&odd).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["name"], "MyBackend", "the created spelling is kept");
    // A PUT with another casing replaces the same entity (200, not 201).
    let r = http().put(&odd).json(&single("https://b.example/", "t")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let list: Value = http().get(backends_url(base)).send().await.unwrap().json().await.unwrap();
    assert_eq!(list["count"], 1);
    emu.stop().await;
}

#[tokio::test]
async fn async_put_answers_202_location_then_the_entity() {
    let emu = start(json!({"asyncPut": true})).await;
    let base = &emu.base_url;
    let r = http().put(backend_url(base, "b1")).json(&single("https://a.example/", "t")).send().await.unwrap();
    assert_eq!(r.status(), 202);
    let location = r.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with(base.as_str()), "{location}");
    let r = http().get(&location).send().await.unwrap();
    assert_eq!(r.status(), 202, "first poll still running");
    let r = http().get(&location).send().await.unwrap();
    assert_eq!(r.status(), 201, "then the PUT's real outcome");
    assert!(r.headers().get("etag").is_some());
    assert_eq!(r.json::<Value>().await.unwrap()["properties"]["url"], "https://a.example/");
    // A second PUT is a replace: its poll ends in 200.
    let r = http().put(backend_url(base, "b1")).json(&single("https://a.example/", "t2")).send().await.unwrap();
    let location = r.headers()["location"].to_str().unwrap().to_string();
    http().get(&location).send().await.unwrap();
    assert_eq!(http().get(&location).send().await.unwrap().status(), 200);
    emu.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writes_with_the_same_etag_let_exactly_one_win() {
    let emu = start(json!({})).await;
    let base = emu.base_url.clone();
    let tag = create(&base, "b1", &single("https://a.example/", "t")).await;
    let mut tasks = Vec::new();
    for i in 0..8 {
        let (base, tag) = (base.clone(), tag.clone());
        tasks.push(tokio::spawn(async move {
            http()
                .patch(backend_url(&base, "b1"))
                .header("if-match", tag)
                .json(&json!({"properties": {"description": format!("writer {i}")}}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    statuses.sort();
    assert_eq!(statuses, vec![200, 412, 412, 412, 412, 412, 412, 412], "the If-Match check and the write are one step");
    emu.stop().await;
}
