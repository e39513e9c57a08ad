//! The Graph apiConnectors client against the emulator: seed 003's examples, the certificate
//! lifecycle, paging, Graph errors, validation before sending, retries and secret hygiene.

use crate::graph_support;

use apim_native::client::api_connector::ApiConnectorRequest;
use apim_native::model::ErrorCategory;
use graph_support::*;
use serde_json::{json, Value};

fn req(v: Value) -> ApiConnectorRequest {
    serde_json::from_value(v).unwrap()
}

/// The documented response with the generated parts (id, context host) taken from `got`.
fn assert_like_documented(got: &Value, documented: &Value) {
    let mut expected = documented.clone();
    expected["id"] = got["id"].clone();
    let context = got["@odata.context"].as_str().unwrap();
    assert!(context.ends_with("/v1.0/$metadata#identity/apiConnectors/$entity"), "{context}");
    expected["@odata.context"] = got["@odata.context"].clone();
    assert_eq!(got, &expected);
}

#[test]
fn fixtures_are_the_seed_examples() {
    let params = seed_params();
    assert_eq!(params.len(), 2, "seed 003 has two examples");
    assert_eq!(params[0], fixture("seed003-example1.request.json"));
    assert_eq!(params[1], fixture("seed003-example2.request.json"));
}

#[tokio::test]
async fn seed_example_1_basic_authentication() {
    let emu = start_emulator(100).await;
    let client = client_for(&emu.base_url);
    let created = client.api_connector_create(&req(json!({"body": fixture("seed003-example1.request.json")}))).await.unwrap();
    assert_eq!(created.status, 201);
    let body = created.body.clone().unwrap();
    assert!(uuid::Uuid::parse_str(body["id"].as_str().unwrap()).is_ok());
    assert_like_documented(&body, &fixture("seed003-example1.response.json"));
    assert_eq!(created.exchanges.len(), 1);
    assert_eq!(created.exchanges[0].method, "POST");
    assert!(created.exchanges[0].request_id.is_some(), "Graph's request-id header is recorded");
    assert!(!serde_json::to_string(&created).unwrap().contains("MyPassword"));
    emu.stop().await;
}

#[tokio::test]
async fn seed_example_2_client_certificate() {
    let emu = start_emulator(100).await;
    let client = client_for(&emu.base_url);
    // Verbatim, the docs' shortened pkcs12Value is not base64: refused before anything is sent.
    let verbatim = fixture("seed003-example2.request.json");
    let err = client.api_connector_create(&req(json!({"body": verbatim}))).await.unwrap_err();
    assert_eq!(err.code, "ValidationError");
    assert_eq!(err.target.as_deref(), Some("authenticationConfiguration.pkcs12Value"));
    assert_eq!(err.details[0].code, "InvalidBase64");
    assert_eq!(err.http_status, None, "nothing was sent");
    assert!(!err.to_json().contains("CertificatePassword") && !err.to_json().contains("eyJhbGci"));
    let listed = client.api_connector_list(&req(json!({}))).await.unwrap();
    assert!(listed.value.is_empty());

    // The same request with a real PFX protected by the seed's password.
    let pfx = make_pfx("CertificatePassword", now() - DAY, now() + 365 * DAY);
    let mut body = verbatim.clone();
    body["authenticationConfiguration"]["pkcs12Value"] = json!(pfx.base64);
    let created = client.api_connector_create(&req(json!({"body": body}))).await.unwrap();
    assert_eq!(created.status, 201);
    let got = created.body.unwrap();
    let mut documented = fixture("seed003-example2.response.json");
    documented["authenticationConfiguration"]["certificateList"][0] =
        json!({"thumbprint": pfx.thumbprint, "notAfter": pfx.not_after, "notBefore": pfx.not_before, "isActive": true});
    assert_like_documented(&got, &documented);
    emu.stop().await;
}

#[tokio::test]
async fn certificate_lifecycle_through_the_client() {
    let emu = start_emulator(100).await;
    let client = client_for(&emu.base_url);
    let created = client.api_connector_create(&req(json!({"body": fixture("seed003-example1.request.json")}))).await.unwrap();
    let id = created.body.unwrap()["id"].as_str().unwrap().to_string();

    let first = current_pfx("first-secret");
    let updated = client
        .api_connector_update(&req(json!({"id": id, "body": {"displayName": "New Test API", "authenticationConfiguration":
            {"@odata.type": "microsoft.graph.pkcs12Certificate", "pkcs12Value": first.base64, "password": "first-secret"}}})))
        .await
        .unwrap();
    assert_eq!((updated.status, updated.body.clone()), (204, None));

    let second = make_pfx("", now() - 120, now() + 30 * DAY);
    let uploaded = client
        .api_connector_upload_client_certificate(&req(json!({"id": id, "body": {"pkcs12Value": second.base64, "password": ""}})))
        .await
        .unwrap();
    assert_eq!(uploaded.status, 200);
    let list = uploaded.body.unwrap()["authenticationConfiguration"]["certificateList"].clone();
    assert_eq!(list, json!([
        {"thumbprint": first.thumbprint, "notAfter": first.not_after, "notBefore": first.not_before, "isActive": false},
        {"thumbprint": second.thumbprint, "notAfter": second.not_after, "notBefore": second.not_before, "isActive": true}]));

    let got = client.api_connector_get(&req(json!({"id": id, "select": ["id", "displayName"]}))).await.unwrap();
    assert_eq!(got.body.as_ref().unwrap()["displayName"], "New Test API");
    assert!(got.body.as_ref().unwrap().get("authenticationConfiguration").is_none(), "$select applied");
    let etag = got.etag.clone().expect("the emulator sends an ETag");

    let stale = client.api_connector_delete(&req(json!({"id": id, "ifMatch": "\"AAAAAAAAAAE=\""}))).await.unwrap_err();
    assert_eq!((stale.code.as_str(), stale.http_status, stale.category), ("Request_PreconditionFailed", Some(412), ErrorCategory::InvalidOperation));
    let deleted = client.api_connector_delete(&req(json!({"id": id, "ifMatch": etag}))).await.unwrap();
    assert_eq!(deleted.status, 204);

    let missing = client.api_connector_get(&req(json!({"id": id}))).await.unwrap_err();
    assert_eq!(missing.code, "Request_ResourceNotFound");
    assert_eq!(missing.http_status, Some(404));
    assert_eq!(missing.category, ErrorCategory::ObjectNotFound);
    let request_id = missing.request_id.clone().expect("request-id reported");
    assert!(missing.message.contains(&format!("request-id: {request_id}")), "{}", missing.message);
    assert!(missing.message.contains("client-request-id: "), "{}", missing.message);
    for op in ["update", "delete", "upload"] {
        let e = match op {
            "update" => client.api_connector_update(&req(json!({"id": id, "body": {"displayName": "x"}}))).await.unwrap_err(),
            "delete" => client.api_connector_delete(&req(json!({"id": id}))).await.unwrap_err(),
            _ => client
                .api_connector_upload_client_certificate(&req(json!({"id": id, "body": {"pkcs12Value": second.base64, "password": ""}})))
                .await
                .unwrap_err(),
        };
        assert_eq!((e.code.as_str(), e.http_status), ("Request_ResourceNotFound", Some(404)), "{op}");
    }
    emu.stop().await;
}

#[tokio::test]
async fn wrong_password_and_broken_pfx_are_400_naming_the_field() {
    let emu = start_emulator(100).await;
    let client = client_for(&emu.base_url);
    let pfx = current_pfx("Corr3ct-Horse");
    let create = |value: &str, password: &str| {
        req(json!({"body": {"displayName": "c", "targetUrl": "https://api.contoso.example/hook", "authenticationConfiguration":
            {"@odata.type": "#microsoft.graph.pkcs12Certificate", "pkcs12Value": value, "password": password}}}))
    };
    let broken = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &pfx.bytes[10..]);
    let cases = [
        (create(&pfx.base64, "Wr0ng-Horse"), "authenticationConfiguration.password", "InvalidPkcs12Password"),
        (create(&broken, "Corr3ct-Horse"), "authenticationConfiguration.pkcs12Value", "InvalidPkcs12"),
    ];
    for (request, target, rule) in cases {
        let e = client.api_connector_create(&request).await.unwrap_err();
        assert_eq!((e.http_status, e.category), (Some(400), ErrorCategory::InvalidArgument));
        assert_eq!(e.target.as_deref(), Some(target));
        assert_eq!(e.details[0].code, rule);
        let json = e.to_json();
        for secret in ["Corr3ct-Horse", "Wr0ng-Horse", &pfx.base64[..32], &broken[..32]] {
            assert!(!json.contains(secret), "secret in {json}");
        }
    }
    assert!(client.api_connector_list(&req(json!({}))).await.unwrap().value.is_empty(), "nothing was created");
    emu.stop().await;
}

#[tokio::test]
async fn list_pages_counts_and_stops() {
    let emu = start_emulator(3).await;
    let client = client_for(&emu.base_url);
    for i in 0..8 {
        let mut body = fixture("seed003-example1.request.json");
        body["displayName"] = json!(format!("Connector {i:02}"));
        client.api_connector_create(&req(json!({"body": body}))).await.unwrap();
    }
    // Default page size 3: every page followed.
    let all = client.api_connector_list(&req(json!({"count": true}))).await.unwrap();
    assert_eq!(all.value.len(), 8);
    assert_eq!(all.count, Some(8));
    assert_eq!(all.exchanges.len(), 3, "3 + 3 + 2");
    assert!(all.exchanges[1].url.contains("skiptoken"), "{:?}", all.exchanges);
    // $top is the page size.
    let paged = client.api_connector_list(&req(json!({"top": 2, "orderBy": "displayName desc"}))).await.unwrap();
    let names: Vec<&str> = paged.value.iter().map(|v| v["displayName"].as_str().unwrap()).collect();
    assert_eq!(names, (0..8).rev().map(|i| format!("Connector {i:02}")).collect::<Vec<_>>());
    assert_eq!(paged.exchanges.len(), 4);
    // maxItems stops early (the cmdlets' -Top).
    let first5 = client.api_connector_list(&req(json!({"top": 2, "maxItems": 5}))).await.unwrap();
    assert_eq!((first5.value.len(), first5.exchanges.len()), (5, 3));
    // One page at a time, continued by nextLink.
    let page1 = client.api_connector_list(&req(json!({"top": 5, "onePage": true}))).await.unwrap();
    assert_eq!(page1.value.len(), 5);
    let link = page1.next_link.clone().expect("more pages");
    let page2 = client.api_connector_list(&req(json!({"nextLink": link}))).await.unwrap();
    assert_eq!(page2.value.len(), 3);
    let mut ids: Vec<Value> = page1.value.iter().chain(&page2.value).map(|v| v["id"].clone()).collect();
    ids.sort_by_key(|v| v.to_string());
    ids.dedup();
    assert_eq!(ids.len(), 8);
    // Filter with spaces and quotes, search, select.
    let one = client
        .api_connector_list(&req(json!({"filter": "displayName eq 'Connector 03'", "select": "id,displayName"})))
        .await
        .unwrap();
    assert_eq!(one.value.len(), 1);
    assert_eq!(one.value[0].as_object().unwrap().len(), 2);
    let searched = client.api_connector_list(&req(json!({"search": "\"displayName:connector 0\"", "skip": 6}))).await.unwrap();
    assert_eq!(searched.value.len(), 2);
    // An unsupported query is the service's 400.
    let e = client.api_connector_list(&req(json!({"expand": "owner"}))).await.unwrap_err();
    assert_eq!((e.code.as_str(), e.http_status), ("Request_UnsupportedQuery", Some(400)));
    emu.stop().await;
}

/// Nothing listens on this port range's first address: a request that got sent would fail
/// with a connection error, so a ValidationError proves the check ran before sending.
const NOWHERE: &str = "http://127.0.0.1:9";

#[tokio::test]
async fn bad_requests_fail_before_sending_with_every_target() {
    let client = client_for(NOWHERE);
    let basic = fixture("seed003-example1.request.json");
    let cases: Vec<(&str, Value, Vec<&str>)> = vec![
        ("create", json!({}), vec!["body"]),
        ("create", json!({"body": {"targetUrl": "http://x"}}), vec!["displayName", "targetUrl", "authenticationConfiguration"]),
        ("get", json!({}), vec!["id"]),
        ("get", json!({"id": "a/b"}), vec!["id"]),
        ("get", json!({"id": "x", "select": ["id", " "]}), vec!["select"]),
        ("update", json!({}), vec!["id", "body"]),
        ("update", json!({"id": "x", "body": {"targetUrl": 5}}), vec!["targetUrl"]),
        ("update", json!({"id": "x", "body": basic, "ifMatch": "\"bad\nheader\""}), vec!["ifMatch"]),
        ("delete", json!({"id": ""}), vec!["id"]),
        ("upload", json!({"id": "x", "body": {"password": "p"}}), vec!["pkcs12Value"]),
        ("upload", json!({"id": "x"}), vec!["body"]),
        ("list", json!({"top": 0, "skip": -1, "maxItems": 0, "orderBy": ""}), vec!["orderBy", "top", "skip", "maxItems"]),
        ("list", json!({"top": 1000}), vec!["top"]),
    ];
    for (op, request, targets) in cases {
        let r = req(request.clone());
        let e = match op {
            "create" => client.api_connector_create(&r).await.unwrap_err(),
            "get" => client.api_connector_get(&r).await.unwrap_err(),
            "update" => client.api_connector_update(&r).await.unwrap_err(),
            "delete" => client.api_connector_delete(&r).await.unwrap_err(),
            "upload" => client.api_connector_upload_client_certificate(&r).await.unwrap_err(),
            _ => client.api_connector_list(&r).await.map(|_| ()).unwrap_err(),
        };
        assert!(e.http_status.is_none(), "{op} {request}: sent anyway: {e:?}");
        let got: Vec<&str> = if e.details.is_empty() {
            vec![e.target.as_deref().unwrap_or("")]
        } else {
            e.details.iter().map(|d| d.target.as_deref().unwrap_or("")).collect()
        };
        assert_eq!(got, targets, "{op} {request}: {e:?}");
        assert_eq!(e.category, ErrorCategory::InvalidArgument, "{op}");
    }
}

#[test]
fn request_debug_hides_the_body() {
    let r = req(json!({"id": "x", "body": {"pkcs12Value": "UEZYLWJ5dGVz", "password": "Hunter2!"}}));
    let debug = format!("{r:?}");
    assert!(!debug.contains("Hunter2!") && !debug.contains("UEZYLWJ5dGVz"), "{debug}");
    assert!(serde_json::from_value::<ApiConnectorRequest>(json!({"bogus": 1})).is_err(), "unknown fields are refused");
}

#[tokio::test]
async fn transient_graph_errors_are_retried_and_final_ones_parsed() {
    let throttled = json!({"error": {"code": "TooManyRequests", "message": "Too many requests.",
        "innerError": {"date": "2026-01-30T10:00:00", "request-id": "r-1", "client-request-id": "c-1"}}});
    let entity = fixture("seed003-example1.response.json");
    let server = ScriptedServer::start(vec![
        (429, vec![("retry-after", "0"), ("request-id", "r-1")], throttled.to_string()),
        (200, vec![("request-id", "r-2")], entity.to_string()),
        (403, vec![("request-id", "r-3")], json!({"error": {"code": "Authorization_RequestDenied",
            "message": "Insufficient privileges to complete the operation.",
            "innerError": {"date": "2026-01-30T10:00:01", "request-id": "r-3", "client-request-id": "c-3"}}}).to_string()),
    ])
    .await;
    let client = client_for(&server.base_url);
    let got = client.api_connector_get(&req(json!({"id": "45715bb8-13f9-4bf6-927f-ef96c102d394"}))).await.unwrap();
    assert_eq!(got.body.unwrap(), entity);
    let attempts: Vec<(Option<u16>, u32)> = got.exchanges.iter().map(|x| (x.status, x.attempt)).collect();
    assert_eq!(attempts, vec![(Some(429), 1), (Some(200), 2)]);
    assert_eq!(got.exchanges[0].request_id.as_deref(), Some("r-1"));

    let denied = client.api_connector_delete(&req(json!({"id": "45715bb8-13f9-4bf6-927f-ef96c102d394"}))).await.unwrap_err();
    assert_eq!(denied.code, "Authorization_RequestDenied");
    assert_eq!((denied.http_status, denied.category), (Some(403), ErrorCategory::PermissionDenied));
    assert_eq!(denied.request_id.as_deref(), Some("r-3"));
    assert!(denied.message.starts_with("Insufficient privileges"));
    assert!(denied.message.contains("client-request-id: c-3"), "{}", denied.message);

    let seen = server.seen();
    assert_eq!(seen.len(), 3, "the 403 is not retried");
    assert_eq!(seen[0].0, "GET");
    assert_eq!(seen[0].1, "/v1.0/identity/apiConnectors/45715bb8-13f9-4bf6-927f-ef96c102d394");
    assert_eq!(seen[2].0, "DELETE");
    assert_eq!(seen[0].2.as_deref(), Some("Bearer test-graph-token"));
}

#[tokio::test]
async fn query_options_are_encoded_as_odata_expects() {
    let page = json!({"@odata.context": "x", "value": []});
    let server = ScriptedServer::start(vec![(200, vec![], page.to_string())]).await;
    let client = client_for(&server.base_url);
    client
        .api_connector_list(&req(json!({"filter": "displayName eq 'A+B & C'", "search": "\"displayName:a b\"",
            "orderBy": ["displayName desc", "id"], "select": "id,displayName", "expand": [], "top": 5, "skip": 1, "count": true})))
        .await
        .unwrap();
    let seen = server.seen();
    assert_eq!(seen[0].3.as_deref(), Some(
        "$filter=displayName%20eq%20%27A%2BB%20%26%20C%27&$search=%22displayName:a%20b%22&$orderby=displayName%20desc,id&$select=id,displayName&$top=5&$skip=1&$count=true"));
}
