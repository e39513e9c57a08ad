//! The identityApiConnector wire contract: polymorphic authenticationConfiguration, additional
//! properties, secret redaction, and every validation rule (table-driven, with JSON-path targets).

use apim_native::model::api_connector::{
    check_api_connector_create, check_api_connector_id, check_api_connector_update,
    check_upload_client_certificate, AuthenticationConfiguration, AuthenticationKind, IdentityApiConnector,
};
use apim_native::model::ErrorCategory;
use serde_json::{json, Value};

const PFX_B64: &str = "MIIKCQIBAzCCCc8GCSqGSIb3DQEHAaCCCcAEggm8"; // base64 syntax only

fn basic_body() -> Value {
    json!({
        "displayName": "Test API",
        "targetUrl": "https://someapi.com/api",
        "authenticationConfiguration": {
            "@odata.type": "#microsoft.graph.basicAuthentication",
            "username": "MyUsername",
            "password": "MyPassword"
        }
    })
}

#[test]
fn basic_create_parses_and_serialises_only_set_fields() {
    let connector = check_api_connector_create(&basic_body()).expect("valid");
    assert_eq!(connector.display_name.as_deref(), Some("Test API"));
    match &connector.authentication_configuration {
        Some(AuthenticationConfiguration::Basic(b)) => assert_eq!(b.username.as_deref(), Some("MyUsername")),
        other => panic!("expected basic, got {other:?}"),
    }
    let out = serde_json::to_value(&connector).unwrap();
    assert_eq!(out, basic_body());
    assert!(out.get("id").is_none(), "unset id must not be written");
}

#[test]
fn odata_type_is_accepted_without_hash_and_written_with_it() {
    let mut body = basic_body();
    body["authenticationConfiguration"]["@odata.type"] = json!("microsoft.graph.basicAuthentication");
    let connector = check_api_connector_update(&body).expect("valid without '#'");
    let out = serde_json::to_value(&connector).unwrap();
    assert_eq!(out["authenticationConfiguration"]["@odata.type"], "#microsoft.graph.basicAuthentication");
    assert_eq!(AuthenticationKind::parse("microsoft.graph.pkcs12Certificate"), Some(AuthenticationKind::Pkcs12Certificate));
    assert_eq!(AuthenticationKind::parse("#microsoft.graph.pkcs12Certificate"), Some(AuthenticationKind::Pkcs12Certificate));
    assert_eq!(AuthenticationKind::parse("#microsoft.graph.nope"), None);
}

#[test]
fn additional_properties_are_kept_at_both_levels() {
    let mut body = basic_body();
    body["extraTop"] = json!({"a": [1, 2]});
    body["authenticationConfiguration"]["extraAuth"] = json!(true);
    let connector = check_api_connector_create(&body).unwrap();
    assert_eq!(connector.additional_properties["extraTop"], json!({"a": [1, 2]}));
    let out = serde_json::to_value(&connector).unwrap();
    assert_eq!(out["extraTop"], json!({"a": [1, 2]}));
    assert_eq!(out["authenticationConfiguration"]["extraAuth"], json!(true));
}

#[test]
fn response_shapes_parse_including_certificate_information() {
    let response = json!({
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/apiConnectors/$entity",
        "id": "45715bb8-13f9-4bf6-927f-ef96c102d394",
        "displayName": "Test API",
        "targetUrl": "https://someotherapi.com/api",
        "authenticationConfiguration": {
            "@odata.type": "#microsoft.graph.clientCertificateAuthentication",
            "certificateList": [{"thumbprint": "0EB255CC895477798BA418B378255204304897AD",
                                 "notAfter": 1666350522, "notBefore": 1508670522, "isActive": true}]
        }
    });
    let connector: IdentityApiConnector = serde_json::from_value(response.clone()).unwrap();
    let Some(AuthenticationConfiguration::ClientCertificate(cc)) = &connector.authentication_configuration else {
        panic!("expected clientCertificateAuthentication");
    };
    let list = cc.certificate_list.as_ref().unwrap();
    assert_eq!(list[0].not_after, Some(1666350522));
    assert_eq!(list[0].is_active, Some(true));
    assert_eq!(connector.additional_properties["@odata.context"], response["@odata.context"]);
    assert_eq!(serde_json::to_value(&connector).unwrap(), response);
}

#[test]
fn debug_output_never_shows_secrets() {
    let connector = check_api_connector_create(&basic_body()).unwrap();
    let debug = format!("{connector:?}");
    assert!(!debug.contains("MyPassword"), "{debug}");
    assert!(debug.contains("MyUsername"));

    let body = json!({
        "displayName": "c", "targetUrl": "https://x.example/api",
        "authenticationConfiguration": {"@odata.type": "#microsoft.graph.pkcs12Certificate",
            "pkcs12Value": PFX_B64, "password": "CertPassw0rd"}
    });
    let connector = check_api_connector_create(&body).unwrap();
    let debug = format!("{connector:?}");
    assert!(!debug.contains("CertPassw0rd") && !debug.contains(PFX_B64), "{debug}");

    let upload = check_upload_client_certificate(&json!({"pkcs12Value": PFX_B64, "password": "UpPass"})).unwrap();
    let debug = format!("{upload:?}");
    assert!(!debug.contains("UpPass") && !debug.contains(PFX_B64), "{debug}");
}

/// (case, body, expected (target, code) pairs in order).
type Case = (&'static str, Value, Vec<(&'static str, &'static str)>);

fn create_cases() -> Vec<Case> {
    let auth = |v: Value| {
        let mut b = basic_body();
        b["authenticationConfiguration"] = v;
        b
    };
    let with = |k: &str, v: Value| {
        let mut b = basic_body();
        b[k] = v;
        b
    };
    let without = |k: &str| {
        let mut b = basic_body();
        b.as_object_mut().unwrap().remove(k);
        b
    };
    vec![
        ("body not an object", json!([1]), vec![("body", "InvalidType")]),
        ("empty body", json!({}), vec![
            ("displayName", "Required"), ("targetUrl", "Required"), ("authenticationConfiguration", "Required")]),
        ("displayName missing", without("displayName"), vec![("displayName", "Required")]),
        ("displayName null", with("displayName", Value::Null), vec![("displayName", "Required")]),
        ("displayName number", with("displayName", json!(5)), vec![("displayName", "InvalidType")]),
        ("displayName blank", with("displayName", json!("  ")), vec![("displayName", "NotEmpty")]),
        ("targetUrl missing", without("targetUrl"), vec![("targetUrl", "Required")]),
        ("targetUrl relative", with("targetUrl", json!("/api")), vec![("targetUrl", "InvalidUrl")]),
        ("targetUrl http", with("targetUrl", json!("http://someapi.com/api")), vec![("targetUrl", "InvalidUrl")]),
        ("targetUrl credentials", with("targetUrl", json!("https://u:p@someapi.com/")), vec![("targetUrl", "InvalidUrl")]),
        ("targetUrl not string", with("targetUrl", json!(["https://a"])), vec![("targetUrl", "InvalidType")]),
        ("id not string", with("id", json!(7)), vec![("id", "InvalidType")]),
        ("auth missing", without("authenticationConfiguration"), vec![("authenticationConfiguration", "Required")]),
        ("auth not object", auth(json!("basic")), vec![("authenticationConfiguration", "InvalidType")]),
        ("odata.type missing", auth(json!({"username": "u", "password": "p"})),
            vec![("authenticationConfiguration.@odata.type", "Required")]),
        ("odata.type not string", auth(json!({"@odata.type": 3})),
            vec![("authenticationConfiguration.@odata.type", "InvalidType")]),
        ("odata.type unknown", auth(json!({"@odata.type": "#microsoft.graph.oauth2"})),
            vec![("authenticationConfiguration.@odata.type", "UnknownODataType")]),
        ("odata.type response only", auth(json!({"@odata.type": "microsoft.graph.clientCertificateAuthentication", "certificateList": []})),
            vec![("authenticationConfiguration.@odata.type", "ResponseOnlyODataType")]),
        ("basic without members", auth(json!({"@odata.type": "#microsoft.graph.basicAuthentication"})),
            vec![("authenticationConfiguration.username", "Required"), ("authenticationConfiguration.password", "Required")]),
        ("basic empty members", auth(json!({"@odata.type": "#microsoft.graph.basicAuthentication", "username": "", "password": ""})),
            vec![("authenticationConfiguration.username", "NotEmpty"), ("authenticationConfiguration.password", "NotEmpty")]),
        ("basic wrong types", auth(json!({"@odata.type": "#microsoft.graph.basicAuthentication", "username": 1, "password": true})),
            vec![("authenticationConfiguration.username", "InvalidType"), ("authenticationConfiguration.password", "InvalidType")]),
        ("pkcs12 without members", auth(json!({"@odata.type": "#microsoft.graph.pkcs12Certificate"})),
            vec![("authenticationConfiguration.pkcs12Value", "Required"), ("authenticationConfiguration.password", "Required")]),
        ("pkcs12 empty value", auth(json!({"@odata.type": "#microsoft.graph.pkcs12Certificate", "pkcs12Value": "", "password": ""})),
            vec![("authenticationConfiguration.pkcs12Value", "NotEmpty")]),
        ("pkcs12 not base64 (the seed's shortened value)", auth(json!({"@odata.type": "#microsoft.graph.pkcs12Certificate",
            "pkcs12Value": "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ...kDJ04sJShkkgjL9Bm49plA", "password": "CertificatePassword"})),
            vec![("authenticationConfiguration.pkcs12Value", "InvalidBase64")]),
        ("pkcs12 password not string", auth(json!({"@odata.type": "#microsoft.graph.pkcs12Certificate", "pkcs12Value": PFX_B64, "password": 1})),
            vec![("authenticationConfiguration.password", "InvalidType")]),
        ("several at once", json!({"displayName": 1, "targetUrl": "ftp://x", "authenticationConfiguration":
            {"@odata.type": "#microsoft.graph.basicAuthentication", "username": "u"}}),
            vec![("displayName", "InvalidType"), ("targetUrl", "InvalidUrl"), ("authenticationConfiguration.password", "Required")]),
    ]
}

#[test]
fn every_create_rule_reports_its_target_and_code() {
    for (case, body, expected) in create_cases() {
        let err = check_api_connector_create(&body).expect_err(case);
        assert_eq!(err.code, "ValidationError", "{case}");
        assert_eq!(err.category, ErrorCategory::InvalidArgument, "{case}");
        let got: Vec<(&str, &str)> =
            err.details.iter().map(|d| (d.target.as_deref().unwrap_or(""), d.code.as_str())).collect();
        assert_eq!(got, expected, "{case}");
        assert_eq!(err.target.as_deref(), Some(expected[0].0), "{case}: the error's target is the first detail's");
        for d in &err.details {
            assert!(err.message.contains(&d.message), "{case}: message lists every detail: {}", err.message);
        }
        let json = err.to_json();
        for secret in ["MyPassword", "CertificatePassword", PFX_B64, "u:p@"] {
            assert!(!json.contains(secret), "{case}: secret in error {json}");
        }
    }
}

#[test]
fn update_accepts_any_subset_but_applies_the_same_rules() {
    assert!(check_api_connector_update(&json!({})).is_ok());
    assert!(check_api_connector_update(&json!({"displayName": "New Test API"})).is_ok());
    assert!(check_api_connector_update(&json!({"displayName": null})).is_ok(), "null means not set in a PATCH");
    let err = check_api_connector_update(&json!({"targetUrl": "http://otherapi.com", "authenticationConfiguration":
        {"@odata.type": "microsoft.graph.pkcs12Certificate", "password": "secret"}})).unwrap_err();
    let got: Vec<(&str, &str)> = err.details.iter().map(|d| (d.target.as_deref().unwrap(), d.code.as_str())).collect();
    assert_eq!(got, vec![("targetUrl", "InvalidUrl"), ("authenticationConfiguration.pkcs12Value", "Required")]);
    assert!(!err.to_json().contains("secret"));
}

#[test]
fn upload_body_rules() {
    let cases: Vec<(Value, Vec<(&str, &str)>)> = vec![
        (json!(null), vec![("body", "InvalidType")]),
        (json!({}), vec![("pkcs12Value", "Required"), ("password", "Required")]),
        (json!({"pkcs12Value": "%%%", "password": ""}), vec![("pkcs12Value", "InvalidBase64")]),
        (json!({"pkcs12Value": PFX_B64, "password": null}), vec![("password", "Required")]),
    ];
    for (body, expected) in cases {
        let err = check_upload_client_certificate(&body).unwrap_err();
        let got: Vec<(&str, &str)> = err.details.iter().map(|d| (d.target.as_deref().unwrap(), d.code.as_str())).collect();
        assert_eq!(got, expected, "{body}");
    }
    let ok = check_upload_client_certificate(&json!({"pkcs12Value": PFX_B64, "password": ""})).unwrap();
    assert_eq!(ok.password.as_ref().map(|p| p.as_str()), Some(""), "an empty password is allowed");
}

#[test]
fn connector_ids_used_in_paths_are_checked() {
    assert!(check_api_connector_id("45715bb8-13f9-4bf6-927f-ef96c102d394", "id").is_ok());
    for bad in ["", "  ", "a/b", "a?b", "a#b", "a%2Fb", "a\nb"] {
        let err = check_api_connector_id(bad, "id").unwrap_err();
        assert_eq!(err.details[0].target.as_deref(), Some("id"), "{bad:?}");
        assert_eq!(err.details[0].code, "InvalidIdentifier");
    }
}

#[test]
fn the_services_password_mask_is_never_sent_back() {
    // Issue 16: Get, edit, Update -BodyParameter would make "******" the new password.
    let basic = json!({"authenticationConfiguration": {"@odata.type": "#microsoft.graph.basicAuthentication",
        "username": "MyUsername", "password": "******"}});
    let pkcs12 = json!({"authenticationConfiguration": {"@odata.type": "#microsoft.graph.pkcs12Certificate",
        "pkcs12Value": PFX_B64, "password": "******"}});
    for (body, target) in [(&basic, "authenticationConfiguration.password"), (&pkcs12, "authenticationConfiguration.password")] {
        for check in [check_api_connector_update, check_api_connector_create] {
            let err = check(body).unwrap_err();
            let got: Vec<(&str, &str)> =
                err.details.iter().map(|d| (d.target.as_deref().unwrap(), d.code.as_str())).collect();
            assert!(got.contains(&(target, "MaskedSecret")), "{body}: {got:?}");
        }
    }
    let err = check_upload_client_certificate(&json!({"pkcs12Value": PFX_B64, "password": "******"})).unwrap_err();
    assert_eq!(err.details[0].code, "MaskedSecret");
    assert!(check_api_connector_update(&json!({"authenticationConfiguration": {"@odata.type": "#microsoft.graph.basicAuthentication",
        "username": "MyUsername", "password": "*****"}})).is_ok(), "only the exact mask is refused");
}
