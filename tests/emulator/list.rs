//! The list operation: `count` across pages, `$top`/`$skip` limits, `nextLink` walks (default page
//! size from the options), and `$filter` on name/title/url with every documented operator and
//! function, combined with and/or/not and parentheses; unsupported filters are 400 naming the part.

use crate::emulator_support;

use emulator_support::*;
use serde_json::{json, Value};

/// Seven backends: b1..b7, title "T{i}" (b7 has none), url https://host{i % 2}.example/api{i}.
async fn seed(base: &str) {
    for i in 1..=7 {
        let mut body = single(&format!("https://host{}.example/api{i}", i % 2), &format!("T{i}"));
        if i == 7 {
            body["properties"].as_object_mut().unwrap().remove("title");
        }
        create(base, &format!("b{i}"), &body).await;
    }
}

async fn list(url: &str) -> (reqwest::StatusCode, Value) {
    let r = http().get(url).send().await.unwrap();
    (r.status(), r.json().await.unwrap())
}

fn names(page: &Value) -> Vec<String> {
    page["value"].as_array().unwrap().iter().map(|v| v["name"].as_str().unwrap().to_string()).collect()
}

async fn filtered(base: &str, filter: &str) -> Vec<String> {
    let url = reqwest::Url::parse_with_params(&backends_url(base), &[("$filter", filter)]).unwrap();
    let (status, body) = list(url.as_str()).await;
    assert_eq!(status, 200, "{filter}: {body}");
    assert_eq!(body["count"], body["value"].as_array().unwrap().len(), "{filter}");
    names(&body)
}

#[tokio::test]
async fn default_page_size_next_link_walk_and_count() {
    let emu = start(json!({"pageSize": 3})).await;
    let base = &emu.base_url;
    seed(base).await;
    let mut url = backends_url(base);
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let (status, body) = list(&url).await;
        assert_eq!(status, 200);
        assert_eq!(body["count"], 7, "count is the total across pages");
        seen.extend(names(&body));
        pages += 1;
        match body.get("nextLink").and_then(Value::as_str) {
            Some(next) if !next.is_empty() => {
                assert!(next.starts_with(base.as_str()), "absolute nextLink: {next}");
                assert!(next.contains("api-version="), "{next}");
                url = next.to_string();
            }
            _ => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, vec!["b1", "b2", "b3", "b4", "b5", "b6", "b7"]);
    emu.stop().await;
}

#[tokio::test]
async fn top_and_skip_select_a_window_and_are_validated() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    seed(base).await;
    let (_, body) = list(&format!("{}&$top=2&$skip=3", backends_url(base))).await;
    assert_eq!(names(&body), vec!["b4", "b5"]);
    assert_eq!(body["count"], 7);
    let next = body["nextLink"].as_str().unwrap();
    let (_, body) = list(next).await;
    assert_eq!(names(&body), vec!["b6", "b7"]);
    assert!(body.get("nextLink").is_none(), "last page has no nextLink");
    let (_, body) = list(&format!("{}&$skip=10", backends_url(base))).await;
    assert_eq!(names(&body), Vec::<String>::new());
    for (query, target) in [("$top=0", "$top"), ("$top=x", "$top"), ("$skip=-1", "$skip")] {
        let (status, body) = list(&format!("{}&{query}", backends_url(base))).await;
        assert_eq!(status, 400, "{query}");
        assert_eq!(body["error"]["code"], "ValidationError");
        assert_eq!(body["error"]["details"][0]["target"], target);
    }
    emu.stop().await;
}

#[tokio::test]
async fn filter_operators_functions_and_combinations() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    seed(base).await;
    assert_eq!(filtered(base, "name eq 'b3'").await, vec!["b3"]);
    assert_eq!(filtered(base, "name eq 'B3'").await, vec!["b3"], "case-insensitive");
    assert_eq!(filtered(base, "name ne 'b3'").await.len(), 6);
    assert_eq!(filtered(base, "name gt 'b5'").await, vec!["b6", "b7"]);
    assert_eq!(filtered(base, "name ge 'b5'").await, vec!["b5", "b6", "b7"]);
    assert_eq!(filtered(base, "name lt 'b2'").await, vec!["b1"]);
    assert_eq!(filtered(base, "name le 'b2'").await, vec!["b1", "b2"]);
    assert_eq!(filtered(base, "title eq 'T4'").await, vec!["b4"]);
    assert_eq!(filtered(base, "title eq null").await, vec!["b7"]);
    assert_eq!(filtered(base, "url eq 'https://host1.example/api5'").await, vec!["b5"]);
    assert_eq!(filtered(base, "contains(url,'host0')").await, vec!["b2", "b4", "b6"]);
    assert_eq!(filtered(base, "substringof('host0', url)").await, vec!["b2", "b4", "b6"]);
    assert_eq!(filtered(base, "startswith(title,'t')").await.len(), 6);
    assert_eq!(filtered(base, "endswith(url,'api7')").await, vec!["b7"]);
    assert_eq!(filtered(base, "startswith(name,'b1') eq false").await.len(), 6);
    assert_eq!(filtered(base, "contains(url,'host0') and name ne 'b4'").await, vec!["b2", "b6"]);
    // `and` binds tighter than `or`.
    assert_eq!(filtered(base, "name eq 'b1' or name eq 'b2' and title eq 'nope'").await, vec!["b1"]);
    assert_eq!(filtered(base, "(name eq 'b1' or name eq 'b2') and title eq 'T2'").await, vec!["b2"]);
    assert_eq!(filtered(base, "not contains(url,'host0') and name lt 'b5'").await, vec!["b1", "b3"]);
    assert_eq!(filtered(base, "not (name eq 'b1' or name eq 'b2')").await.len(), 5);
    emu.stop().await;
}

#[tokio::test]
async fn filter_with_paging_counts_matches_and_keeps_the_filter_in_next_link() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    seed(base).await;
    let url = reqwest::Url::parse_with_params(&backends_url(base), &[("$filter", "contains(url,'host1')"), ("$top", "2")]).unwrap();
    let (_, first) = list(url.as_str()).await;
    assert_eq!(first["count"], 4);
    assert_eq!(names(&first), vec!["b1", "b3"]);
    let (_, second) = list(first["nextLink"].as_str().unwrap()).await;
    assert_eq!(names(&second), vec!["b5", "b7"]);
    assert!(second.get("nextLink").is_none());
    emu.stop().await;
}

#[tokio::test]
async fn unsupported_filters_are_400_naming_the_part() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    for (filter, named) in [
        ("description eq 'x'", "description"),
        ("name has 'x'", "has"),
        ("tolower(name) eq 'x'", "tolower"),
        ("name eq 'x", "unterminated"),
        ("(name eq 'x'", "')'"),
        ("name eq 5", "single quotes"),
        ("name eq 'a' and", "end of the filter"),
    ] {
        let url = reqwest::Url::parse_with_params(&backends_url(base), &[("$filter", filter)]).unwrap();
        let (status, body) = list(url.as_str()).await;
        assert_eq!(status, 400, "{filter}");
        assert_eq!(body["error"]["details"][0]["target"], "$filter", "{filter}");
        let message = body["error"]["message"].as_str().unwrap();
        assert!(message.contains(named), "{filter}: {message}");
    }
    emu.stop().await;
}

#[tokio::test]
async fn lists_are_scoped_to_their_service() {
    let emu = start(json!({})).await;
    let base = &emu.base_url;
    create(base, "b1", &single("https://a.example/", "t")).await;
    let other = format!("{base}/subscriptions/{SUB}/resourceGroups/{RG}/providers/Microsoft.ApiManagement/service/other/backends?api-version={V}");
    let (status, body) = list(&other).await;
    assert_eq!(status, 200);
    assert_eq!(body["count"], 0);
    assert_eq!(body["value"], json!([]));
    emu.stop().await;
}
