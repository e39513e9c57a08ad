//! The emulator's Graph apiConnectors routes over plain HTTP: status codes, Graph error shape,
//! real PFX reading, isActive, If-Match, paging and the OData query options.

use crate::graph_support;

use graph_support::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

const COLLECTION: &str = "/v1.0/identity/apiConnectors";

struct Emu {
    handle: apim_native::emulator::EmulatorHandle,
    http: reqwest::Client,
}

impl Emu {
    async fn start(page_size: usize) -> Emu {
        Emu { handle: start_emulator(page_size).await, http: loopback_http() }
    }
    fn url(&self, path: &str) -> String {
        format!("{}{}", self.handle.base_url, path)
    }
    async fn send(&self, method: reqwest::Method, path: &str, body: Option<Value>, headers: &[(&str, &str)]) -> (StatusCode, reqwest::header::HeaderMap, Value) {
        let url = if path.starts_with("http") { path.to_string() } else { self.url(path) };
        let mut req = self.http.request(method, url);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status();
        let headers = resp.headers().clone();
        let text = resp.text().await.unwrap();
        let body = if text.is_empty() { Value::Null } else { serde_json::from_str(&text).unwrap_or(Value::String(text)) };
        (status, headers, body)
    }
    async fn create(&self, body: Value) -> (StatusCode, reqwest::header::HeaderMap, Value) {
        self.send(reqwest::Method::POST, COLLECTION, Some(body), &[]).await
    }
}

fn basic(name: &str) -> Value {
    json!({"displayName": name, "targetUrl": "https://someapi.com/api",
           "authenticationConfiguration": {"@odata.type": "#microsoft.graph.basicAuthentication", "username": "MyUsername", "password": "MyPassword"}})
}

fn assert_graph_error(body: &Value, code: &str, client_request_id: Option<&str>) {
    let e = &body["error"];
    assert_eq!(e["code"], code, "{body}");
    assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()), "{body}");
    let inner = &e["innerError"];
    assert!(uuid::Uuid::parse_str(inner["request-id"].as_str().unwrap()).is_ok(), "{body}");
    assert!(inner["date"].as_str().unwrap().contains('T'), "{body}");
    if let Some(c) = client_request_id {
        assert_eq!(inner["client-request-id"], c);
    }
}

fn targets(body: &Value) -> Vec<String> {
    body["error"]["details"].as_array().map(|d| d.iter().map(|x| x["target"].as_str().unwrap().to_string()).collect()).unwrap_or_default()
}

#[tokio::test]
async fn create_basic_then_get_list_and_404() {
    let emu = Emu::start(100).await;
    let (status, headers, created) = emu.create(basic("Test API")).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().unwrap().to_string();
    assert!(uuid::Uuid::parse_str(&id).is_ok());
    assert!(created["@odata.context"].as_str().unwrap().ends_with("/v1.0/$metadata#identity/apiConnectors/$entity"));
    assert_eq!(created["authenticationConfiguration"], json!({"@odata.type": "#microsoft.graph.basicAuthentication", "username": "MyUsername", "password": "******"}));
    assert!(headers.get("request-id").is_some() && headers.get("etag").is_some());
    assert!(headers["location"].to_str().unwrap().ends_with(&id));
    assert!(!created.to_string().contains("MyPassword"));

    let (status, _, got) = emu.send(reqwest::Method::GET, &format!("{COLLECTION}/{id}"), None, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(got, created);

    let (status, _, list) = emu.send(reqwest::Method::GET, COLLECTION, None, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(list["@odata.context"].as_str().unwrap().ends_with("#identity/apiConnectors"));
    assert_eq!(list["value"].as_array().unwrap().len(), 1);
    assert!(list.get("@odata.nextLink").is_none());
    assert!(!list.to_string().contains("MyPassword"));

    let missing = "00000000-0000-0000-0000-000000000001";
    for method in [reqwest::Method::GET, reqwest::Method::DELETE] {
        let (status, headers, body) = emu.send(method, &format!("{COLLECTION}/{missing}"), None, &[("client-request-id", "my-call-1")]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_graph_error(&body, "Request_ResourceNotFound", Some("my-call-1"));
        assert_eq!(headers["client-request-id"], "my-call-1");
        assert_eq!(headers["request-id"].to_str().unwrap(), body["error"]["innerError"]["request-id"]);
    }
    let (status, _, body) = emu.send(reqwest::Method::PATCH, &format!("{COLLECTION}/{missing}"), Some(json!({"displayName": "x"})), &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_graph_error(&body, "Request_ResourceNotFound", None);
    let pfx = current_pfx("pw");
    let (status, _, body) = emu.send(reqwest::Method::POST, &format!("{COLLECTION}/{missing}/uploadClientCertificate"),
        Some(json!({"pkcs12Value": pfx.base64, "password": "pw"})), &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_graph_error(&body, "Request_ResourceNotFound", None);
    emu.handle.stop().await;
}

#[tokio::test]
async fn invalid_bodies_are_400_with_every_target_and_no_secret() {
    let emu = Emu::start(100).await;
    let (status, _, body) = emu.create(json!({"displayName": "", "targetUrl": "http://x",
        "authenticationConfiguration": {"@odata.type": "microsoft.graph.basicAuthentication", "password": "Sup3rSecret"}})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_graph_error(&body, "Request_BadRequest", None);
    assert_eq!(targets(&body), vec!["displayName", "targetUrl", "authenticationConfiguration.username"]);
    assert!(!body.to_string().contains("Sup3rSecret"));

    let resp = emu.http.post(emu.url(COLLECTION)).header("content-type", "application/json").body("{\"password\": \"Sup3rSecret\"").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(targets(&body), vec!["body"]);
    assert!(!body.to_string().contains("Sup3rSecret"));
    emu.handle.stop().await;
}

#[tokio::test]
async fn pfx_is_really_read_and_bad_ones_are_400() {
    let emu = Emu::start(100).await;
    for legacy in [false, true] {
        let pfx = make_pfx_with("CertificatePassword", now() - DAY, now() + 30 * DAY, legacy);
        let (status, _, created) = emu.create(json!({"displayName": "Test API", "targetUrl": "https://someotherapi.com/api",
            "authenticationConfiguration": {"@odata.type": "#microsoft.graph.pkcs12Certificate", "pkcs12Value": pfx.base64, "password": "CertificatePassword"}})).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        assert_eq!(created["authenticationConfiguration"], json!({
            "@odata.type": "#microsoft.graph.clientCertificateAuthentication",
            "certificateList": [{"thumbprint": pfx.thumbprint, "notAfter": pfx.not_after, "notBefore": pfx.not_before, "isActive": true}]}));
        let text = created.to_string();
        assert!(!text.contains("CertificatePassword") && !text.contains(&pfx.base64[..40]));
    }

    let pfx = current_pfx("right");
    let cases = [
        (json!({"pkcs12Value": pfx.base64, "password": "wrong"}), "authenticationConfiguration.password", "InvalidPkcs12Password"),
        (json!({"pkcs12Value": pfx.base64, "password": ""}), "authenticationConfiguration.password", "InvalidPkcs12Password"),
        (json!({"pkcs12Value": "AAECAwQFBgcICQ==", "password": "right"}), "authenticationConfiguration.pkcs12Value", "InvalidPkcs12"),
    ];
    for (auth, target, rule) in cases {
        let mut auth = auth;
        auth["@odata.type"] = json!("#microsoft.graph.pkcs12Certificate");
        let (status, _, body) = emu.create(json!({"displayName": "c", "targetUrl": "https://x.example", "authenticationConfiguration": auth})).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(targets(&body), vec![target]);
        assert_eq!(body["error"]["details"][0]["code"], rule);
        assert!(!body.to_string().contains("right"), "no password in {body}");
    }
    // Truncated file: a real PFX cut in half.
    let (_, _, created) = emu.create(basic("for upload")).await;
    let id = created["id"].as_str().unwrap();
    let truncated = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &pfx.bytes[..pfx.bytes.len() / 2]);
    let (status, _, body) = emu.send(reqwest::Method::POST, &format!("/v1.0/identity/apiconnectors/{id}/uploadClientCertificate"),
        Some(json!({"pkcs12Value": truncated, "password": "right"})), &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(targets(&body), vec!["pkcs12Value"]);
    let (status, _, body) = emu.send(reqwest::Method::POST, &format!("/v1.0/identity/apiconnectors/{id}/uploadClientCertificate"),
        Some(json!({"pkcs12Value": pfx.base64, "password": "wrong"})), &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(targets(&body), vec!["password"]);
    // The failed uploads left the connector as it was.
    let (_, _, got) = emu.send(reqwest::Method::GET, &format!("{COLLECTION}/{id}"), None, &[]).await;
    assert_eq!(got["authenticationConfiguration"]["@odata.type"], "#microsoft.graph.basicAuthentication");
    emu.handle.stop().await;
}

#[tokio::test]
async fn lifecycle_basic_to_certificates_isactive_moves_then_delete_with_if_match() {
    let emu = Emu::start(100).await;
    let (_, _, created) = emu.create(basic("Lifecycle")).await;
    let id = created["id"].as_str().unwrap().to_string();
    let entity = format!("{COLLECTION}/{id}");
    let upload = format!("{entity}/uploadClientCertificate");

    // Basic -> certificate via PATCH (overwrites the configuration), '#'-less type accepted.
    let first = current_pfx("one");
    let (status, _, body) = emu.send(reqwest::Method::PATCH, &entity, Some(json!({"displayName": "Lifecycle 2",
        "authenticationConfiguration": {"@odata.type": "microsoft.graph.pkcs12Certificate", "pkcs12Value": first.base64, "password": "one"}})), &[]).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    assert_eq!(body, Value::Null);
    let (_, _, got) = emu.send(reqwest::Method::GET, &entity, None, &[]).await;
    assert_eq!(got["displayName"], "Lifecycle 2");
    let list = got["authenticationConfiguration"]["certificateList"].as_array().unwrap().clone();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0]["thumbprint"].as_str().unwrap(), list[0]["isActive"].as_bool().unwrap()), (first.thumbprint.as_str(), true));

    // A second valid certificate becomes the active one.
    let second = make_pfx("", now() - 60, now() + 90 * DAY);
    let (status, _, body) = emu.send(reqwest::Method::POST, &upload, Some(json!({"pkcs12Value": second.base64, "password": ""})), &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body["@odata.context"].as_str().unwrap().ends_with("$entity"));
    let active = |b: &Value| -> Vec<(String, bool)> {
        b["authenticationConfiguration"]["certificateList"].as_array().unwrap().iter()
            .map(|c| (c["thumbprint"].as_str().unwrap().to_string(), c["isActive"].as_bool().unwrap())).collect()
    };
    assert_eq!(active(&body), vec![(first.thumbprint.clone(), false), (second.thumbprint.clone(), true)]);

    // Newer uploads that are expired or not yet valid do not take over.
    let expired = make_pfx("x", now() - 400 * DAY, now() - DAY);
    let future = make_pfx("x", now() + 10 * DAY, now() + 400 * DAY);
    for pfx in [&expired, &future] {
        let (status, _, body) = emu.send(reqwest::Method::POST, &upload, Some(json!({"pkcs12Value": pfx.base64, "password": "x"})), &[]).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (_, headers, got) = emu.send(reqwest::Method::GET, &entity, None, &[]).await;
    assert_eq!(active(&got), vec![(first.thumbprint.clone(), false), (second.thumbprint.clone(), true),
        (expired.thumbprint.clone(), false), (future.thumbprint.clone(), false)]);
    let etag = headers["etag"].to_str().unwrap().to_string();

    // Delete honours If-Match.
    let (status, _, body) = emu.send(reqwest::Method::DELETE, &entity, None, &[("if-match", "\"AAAAAAAAAAA=\"")]).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    assert_graph_error(&body, "Request_PreconditionFailed", None);
    let (status, _, _) = emu.send(reqwest::Method::DELETE, &entity, None, &[("if-match", &etag)]).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _, _) = emu.send(reqwest::Method::GET, &entity, None, &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    emu.handle.stop().await;
}

#[tokio::test]
async fn paging_follows_next_links_and_counts() {
    let emu = Emu::start(2).await;
    for i in 0..7 {
        let (status, _, _) = emu.create(basic(&format!("connector {i}"))).await;
        assert_eq!(status, StatusCode::CREATED);
    }
    // Default page size (2) and $top=3 both walk every item exactly once.
    for (first_url, page) in [(COLLECTION.to_string(), 2usize), (format!("{COLLECTION}?$top=3&$count=true"), 3)] {
        let mut url = first_url;
        let mut seen = Vec::new();
        let mut pages = 0;
        loop {
            let (status, _, body) = emu.send(reqwest::Method::GET, &url, None, &[]).await;
            assert_eq!(status, StatusCode::OK, "{body}");
            pages += 1;
            let value = body["value"].as_array().unwrap();
            assert!(value.len() <= page);
            if page == 3 {
                assert_eq!(body["@odata.count"], 7, "count on every page");
            }
            seen.extend(value.iter().map(|v| v["id"].as_str().unwrap().to_string()));
            match body.get("@odata.nextLink").and_then(Value::as_str) {
                Some(next) => {
                    assert!(next.starts_with("http://"), "absolute nextLink: {next}");
                    url = next.to_string();
                }
                None => break,
            }
        }
        assert_eq!(pages, 7usize.div_ceil(page));
        let unique: std::collections::HashSet<_> = seen.iter().collect();
        assert_eq!((seen.len(), unique.len()), (7, 7));
    }
    // $skip then page.
    let (_, _, body) = emu.send(reqwest::Method::GET, &format!("{COLLECTION}?$skip=6&$top=5"), None, &[]).await;
    assert_eq!(body["value"].as_array().unwrap().len(), 1);
    assert!(body.get("@odata.nextLink").is_none());
    emu.handle.stop().await;
}

#[tokio::test]
async fn odata_query_options() {
    let emu = Emu::start(100).await;
    let mut ids = Vec::new();
    for name in ["Bravo", "alpha", "Charlie", "Alpine"] {
        let (_, _, c) = emu.create(basic(name)).await;
        ids.push(c["id"].as_str().unwrap().to_string());
    }
    let names = |b: &Value| -> Vec<String> { b["value"].as_array().unwrap().iter().map(|v| v["displayName"].as_str().unwrap().to_string()).collect() };
    let get = |q: String| {
        let emu = &emu;
        async move { emu.send(reqwest::Method::GET, &format!("{COLLECTION}?{q}"), None, &[]).await }
    };
    let (_, _, b) = get("$filter=displayName eq 'ALPHA'".into()).await;
    assert_eq!(names(&b), vec!["alpha"]);
    let (_, _, b) = get(format!("$filter=id eq '{}'", ids[2])).await;
    assert_eq!(names(&b), vec!["Charlie"]);
    let (_, _, b) = get("$filter=startswith(displayName,'al') and displayName ne 'alpha'&$count=true".into()).await;
    assert_eq!((names(&b), b["@odata.count"].clone()), (vec!["Alpine".to_string()], json!(1)));
    let (_, _, b) = get("$filter=(displayName eq 'Bravo' or displayName eq 'Charlie')&$orderby=displayName desc".into()).await;
    assert_eq!(names(&b), vec!["Charlie", "Bravo"]);
    let (_, _, b) = get("$orderby=displayName".into()).await;
    assert_eq!(names(&b), vec!["alpha", "Alpine", "Bravo", "Charlie"]);
    let (_, _, b) = get("$search=\"displayName:alp\"&$orderby=displayName".into()).await;
    assert_eq!(names(&b), vec!["alpha", "Alpine"]);
    let (_, _, b) = get("$select=id,displayName&$filter=displayName eq 'Bravo'".into()).await;
    assert_eq!(b["value"][0].as_object().unwrap().keys().collect::<Vec<_>>(), vec!["id", "displayName"]);
    let (status, _, b) = emu.send(reqwest::Method::GET, &format!("{COLLECTION}/{}?$select=targetUrl", ids[0]), None, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(b, json!({"@odata.context": b["@odata.context"], "targetUrl": "https://someapi.com/api"}));

    for bad in ["$filter=displayName gt 'a'", "$filter=username eq 'a'", "$filter=displayName eq", "$orderby=password",
                "$select=password", "$expand=owner", "$top=0", "$top=abc", "$count=maybe", "$skiptoken=garbage", "$skip=-1"] {
        let (status, _, b) = get(bad.into()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {b}");
        assert_graph_error(&b, "Request_UnsupportedQuery", None);
    }
    emu.handle.stop().await;
}

#[tokio::test]
async fn connectors_persist_without_their_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let options = |dir: &std::path::Path| -> apim_native::emulator::EmulatorOptions {
        serde_json::from_value(json!({"listen": "127.0.0.1:0", "dataDir": dir})).unwrap()
    };
    let handle = apim_native::emulator::start(options(dir.path())).await.unwrap();
    let emu = Emu { handle, http: loopback_http() };
    let (_, _, basic_created) = emu.create(json!({"displayName": "Persisted", "targetUrl": "https://someapi.com/api",
        "authenticationConfiguration": {"@odata.type": "#microsoft.graph.basicAuthentication", "username": "MyUsername", "password": "Disk-Secret-1"}})).await;
    let pfx = current_pfx("Disk-Secret-2");
    let (status, _, cert_created) = emu.create(json!({"displayName": "Cert", "targetUrl": "https://someapi.com/api",
        "authenticationConfiguration": {"@odata.type": "#microsoft.graph.pkcs12Certificate", "pkcs12Value": pfx.base64, "password": "Disk-Secret-2"}})).await;
    assert_eq!(status, StatusCode::CREATED);
    emu.handle.stop().await;

    let mut stored = String::new();
    for entry in walk(dir.path()) {
        stored.push_str(&String::from_utf8_lossy(&std::fs::read(entry).unwrap()));
    }
    assert!(stored.contains("Persisted") && stored.contains(&pfx.thumbprint), "the data directory holds the connectors");
    for secret in ["Disk-Secret-1", "Disk-Secret-2", &pfx.base64[..40]] {
        assert!(!stored.contains(secret), "a secret reached the disk");
    }

    let handle = apim_native::emulator::start(options(dir.path())).await.unwrap();
    let emu = Emu { handle, http: loopback_http() };
    for created in [&basic_created, &cert_created] {
        let (status, _, got) = emu.send(reqwest::Method::GET, &format!("{COLLECTION}/{}", created["id"].as_str().unwrap()), None, &[]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(got["authenticationConfiguration"], created["authenticationConfiguration"]);
    }
    emu.handle.stop().await;
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// A raw HTTP client for the loopback emulator that ignores any proxy variables of the machine
/// (with HTTP_PROXY set, reqwest would otherwise send loopback traffic to the proxy).
fn loopback_http() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().expect("client")
}
