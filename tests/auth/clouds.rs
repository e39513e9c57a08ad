//! The cloud table (`Cloud::ALL`, `apim_cloud_list`): every name and alias Az and the Azure CLI
//! use parses to its cloud, case-insensitively; an unknown one is refused naming every cloud.

use apim_native::auth::authority::{cloud_table, Cloud};

#[test]
fn names_and_aliases_parse_to_their_cloud_and_unknown_ones_list_the_table() {
    let cases = [
        ("AzureCloud", Cloud::Public),
        ("azurepubliccloud", Cloud::Public),
        (" Public ", Cloud::Public),
        ("AZURECHINACLOUD", Cloud::China),
        ("china", Cloud::China),
        ("AzureUSGovernment", Cloud::UsGovernment),
        ("AzureUSGovernmentCloud", Cloud::UsGovernment),
        ("usgov", Cloud::UsGovernment),
    ];
    for (name, cloud) in cases {
        assert_eq!(Cloud::parse(name, "auth.environment").ok(), Some(cloud), "{name}");
    }
    let error = Cloud::parse("Mars", "auth.environment").err().expect("Mars is no cloud");
    assert_eq!(error.target.as_deref(), Some("auth.environment"));
    assert!(error.message.contains("AzureCloud, AzureChinaCloud, AzureUSGovernment"), "{}", error.message);
}

#[test]
fn the_table_lists_every_cloud_once_with_its_endpoints() {
    let table = cloud_table();
    let clouds = table["clouds"].as_array().expect("clouds");
    let names: Vec<&str> = clouds.iter().filter_map(|c| c["name"].as_str()).collect();
    assert_eq!(names, ["AzureCloud", "AzureChinaCloud", "AzureUSGovernment"]);
    assert_eq!(clouds[1]["armEndpoint"], "https://management.chinacloudapi.cn");
    assert_eq!(clouds[1]["graphEndpoint"], "https://microsoftgraph.chinacloudapi.cn");
    assert_eq!(clouds[2]["authorityHost"], "https://login.microsoftonline.us");
    for cloud in Cloud::ALL {
        assert_eq!(Cloud::parse(cloud.name(), "x").ok(), Some(cloud));
    }
}
