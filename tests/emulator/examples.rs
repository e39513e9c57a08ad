//! The spec examples (tests/fixtures/examples) played straight against the emulator over HTTP:
//! each request comes back with the example's status and body. The three load-balancer examples
//! are left to the client tests: upstream they send a Single body yet show a Pool response.

use crate::emulator_support;

use emulator_support::*;
use serde_json::Value;

fn example(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// Fields where an upstream example's response contradicts its own request.
fn upstream_inconsistencies(name: &str) -> &'static [&'static str] {
    match name {
        // Request tls {true, true}, response tls {false, false}.
        "ApiManagementCreateBackendProxyBackend" => &["/tls"],
        _ => &[],
    }
}

/// PUTs an example's request (twice: create, then replace) and compares with its 201 and 200.
async fn put_example(base: &str, name: &str) {
    let ex = example(name);
    let p = &ex["parameters"];
    let id = p["backendId"].as_str().unwrap();
    let request = &p["parameters"];
    // The responses sit beside the parameters in one upstream example; accept both places.
    let responses = ex.get("responses").or_else(|| p.get("responses")).unwrap();
    for status in ["201", "200"] {
        let r = http().put(backend_url(base, id)).json(request).send().await.unwrap();
        assert_eq!(r.status().as_str(), status, "{name}");
        assert!(r.headers().get("etag").is_some());
        let body: Value = r.json().await.unwrap();
        let mut expected = responses[status]["body"].clone();
        for pointer in upstream_inconsistencies(name) {
            // The emulator stores what was sent; the example's response disagrees with its own request.
            *expected.pointer_mut(&format!("/properties{pointer}")).unwrap() = request["properties"].pointer(pointer).unwrap().clone();
        }
        assert_eq!(body, expected, "{name} {status}");
    }
}

#[tokio::test]
async fn create_get_list_reconnect_delete_examples() {
    let emu = start(serde_json::json!({})).await;
    let base = &emu.base_url;
    put_example(base, "ApiManagementCreateBackendProxyBackend").await;
    put_example(base, "ApiManagementCreateBackendServiceFabric").await;

    let get = example("ApiManagementGetBackend");
    let r = http().get(backend_url(base, get["parameters"]["backendId"].as_str().unwrap())).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap(), get["responses"]["200"]["body"]);

    let list = example("ApiManagementListBackends");
    let r = http().get(backends_url(base)).send().await.unwrap();
    let body: Value = r.json().await.unwrap();
    let mut expected = list["responses"]["200"]["body"].clone();
    // The list example repeats the proxy example's response, tls disagreement included.
    let proxy_request = example("ApiManagementCreateBackendProxyBackend")["parameters"]["parameters"].clone();
    expected["value"][0]["properties"]["tls"] = proxy_request["properties"]["tls"].clone();
    assert_eq!(body["value"], expected["value"]);
    assert_eq!(body["count"], expected["count"]);
    // The example's empty nextLink and an absent one both mean "last page".
    assert!(body.get("nextLink").map_or(true, |n| n == ""));

    put_example(base, "ApiManagementCreateBackendWithAzureRegion").await;

    let head = example("ApiManagementHeadBackend");
    let r = http().head(backend_url(base, head["parameters"]["backendId"].as_str().unwrap())).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("etag").is_some());

    let reconnect = example("ApiManagementBackendReconnect");
    let p = &reconnect["parameters"];
    let url = format!("{}/backends/{}/reconnect?api-version={V}", service_url(base), p["backendId"].as_str().unwrap());
    assert_eq!(http().post(&url).json(&p["parameters"]).send().await.unwrap().status(), 202);

    let delete = example("ApiManagementDeleteBackend");
    let p = &delete["parameters"];
    let url = backend_url(base, p["backendId"].as_str().unwrap());
    let if_match = p["If-Match"].as_str().unwrap();
    assert_eq!(http().delete(&url).header("if-match", if_match).send().await.unwrap().status(), 200);
    assert_eq!(http().delete(&url).header("if-match", if_match).send().await.unwrap().status(), 204);
    emu.stop().await;
}

/// The recorded Service Fabric PUT (BackendServiceFabricCrudTest, api-version 2022-08-01) sent to
/// the emulator answers the recorded body, except `clientCertificateId`, which the service derives
/// from an uploaded certificate the emulator does not model.
#[tokio::test]
async fn recorded_service_fabric_put_is_answered_like_the_service() {
    let path = format!("{}/tests/fixtures/recordings/BackendServiceFabricCrudTest.2022-08-01.json", env!("CARGO_MANIFEST_DIR"));
    let recording: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let entry = recording["Entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["RequestMethod"] == "PUT" && e["RequestUri"].as_str().unwrap().contains("/backends/"))
        .unwrap();
    let request: Value = serde_json::from_str(entry["RequestBody"].as_str().unwrap()).unwrap();
    let mut expected: Value = serde_json::from_str(entry["ResponseBody"].as_str().unwrap()).unwrap();
    expected["properties"]["properties"]["serviceFabricCluster"].as_object_mut().unwrap().remove("clientCertificateId");

    let emu = start(serde_json::json!({})).await;
    let url = format!("{}{}", emu.base_url, entry["RequestUri"].as_str().unwrap());
    let r = http().put(&url).json(&request).send().await.unwrap();
    assert_eq!(r.status().as_u16() as u64, entry["StatusCode"].as_u64().unwrap());
    assert_eq!(r.json::<Value>().await.unwrap(), expected);
    emu.stop().await;
}
