/*
 * Calls every function the header exports, as a C consumer would, against the in-process
 * emulator: the seven builders, the seven backend operations (get_entity_tag and reconnect
 * included), the six API connector operations (a real PFX upload, passed in by the harness in
 * APIM_TEST_PFX_BASE64 / APIM_TEST_PFX_PASSWORD), the seven file sync functions (into the empty
 * directories APIM_TEST_SYNC_BACKENDS / APIM_TEST_SYNC_CONNECTORS, and a mirror into a second
 * emulator), the cmdlet functions of the file sync cmdlets, the sessions and the cloud table, cancel,
 * and the NULL guards of every function
 * that takes a pointer. Every string received is freed. Built by tests/ffi/c_program.rs with
 * -std=c11 -Wall -Wextra -Wpedantic -Werror and ASan/UBSan/LSan. One line per step; exit status
 * is the number of failed steps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apim_native.h"
#include "apim_test.h"

typedef ApimStatus (*ClientOp)(const ApimClient *, const char *, char **);
typedef ApimStatus (*Builder)(const char *, char **);

struct NamedClientOp {
    const char *name;
    ClientOp op;
};

struct BuilderCase {
    const char *name;
    Builder build;
    const char *valid;
    const char *expect;
    const char *invalid;
};

#define SERVICE "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg1/providers/" \
                "Microsoft.ApiManagement/service/apimService1"
#define ADDRESS "\"subscriptionId\":\"00000000-0000-0000-0000-000000000001\"," \
                "\"resourceGroupName\":\"rg1\",\"serviceName\":\"apimService1\""

static void builders(void) {
    static const struct BuilderCase cases[] = {
        {"cmdlet_backend_credential_new", apim_cmdlet_backend_credential_new,
         "{\"AuthorizationHeaderScheme\":\"basic\",\"AuthorizationHeaderParameter\":\"opensesame\"}",
         "\"Scheme\":\"basic\"", "{\"AuthorizationHeaderScheme\":\"basic\"}"},
        {"cmdlet_backend_proxy_new", apim_cmdlet_backend_proxy_new, "{\"Url\":\"http://192.168.1.1:8080\"}",
         "\"Url\":\"http://192.168.1.1:8080\"", "{\"Url\":\"\"}"},
        {"cmdlet_backend_tls_new", apim_cmdlet_backend_tls_new, "{\"SkipCertificateNameValidation\":true}",
         "\"ValidateCertificateName\":false", "{\"SkipCertificateNameValidation\":\"yes\"}"},
        {"cmdlet_backend_service_fabric_new", apim_cmdlet_backend_service_fabric_new,
         "{\"ManagementEndpoint\":[\"https://somecluster.com\"],\"ClientCertificateThumbprint\":\"AA\","
         "\"ServerX509Name\":{\"ServerCommonName1\":\"IssuerThumbprint1\"}}",
         "\"ClientCertificateThumbprint\":\"AA\"", "{\"ManagementEndpoint\":[\"https://somecluster.com\"]}"},
        {"cmdlet_backend_circuit_breaker_rule_new", apim_cmdlet_backend_circuit_breaker_rule_new,
         "{\"Name\":\"rule1\",\"FailureCount\":5,\"FailureInterval\":{\"PSTypeName\":\"System.TimeSpan\",\"Value\":\"PT1M\"},"
         "\"FailureStatusCodeRange\":[{\"Min\":500,\"Max\":599}],\"TripDuration\":{\"PSTypeName\":\"System.TimeSpan\",\"Value\":\"PT1M\"}}",
         "\"Value\":\"PT1M\"", "{\"Name\":\"rule1\",\"FailureCount\":5,\"FailureInterval\":\"PT1M\",\"TripDuration\":\"PT1M\"}"},
        {"cmdlet_backend_pool_item_new", apim_cmdlet_backend_pool_item_new, "{\"Id\":\"" SERVICE "/backends/b1\",\"Weight\":3}",
         "\"Weight\":3", "{\"Id\":\"b1\"}"},
        {"cmdlet_backend_pool_new", apim_cmdlet_backend_pool_new,
         "{\"Service\":[{\"PSTypeName\":\"ApimNative.BackendPoolItem\",\"Id\":\"" SERVICE "/backends/b1\",\"Weight\":1}],"
         "\"SessionIdSource\":\"cookie\"}",
         "\"SessionIdSource\":\"cookie\"", "{\"Service\":[]}"},
        {"credential_new", apim_backend_credential_new,
         "{\"authorization\":{\"scheme\":\"basic\",\"parameter\":\"opensesame\"}}", "\"scheme\":\"basic\"",
         "{\"authorization\":\"Basic x\"}"},
        {"proxy_new", apim_backend_proxy_new, "{\"url\":\"http://192.168.1.1:8080\",\"username\":\"admin\"}",
         "\"url\":\"http://192.168.1.1:8080\"", "{\"url\":8080}"},
        {"service_fabric_new", apim_backend_service_fabric_new,
         "{\"managementEndpoints\":[\"https://somecluster.com\"],\"clientCertificateId\":\"" SERVICE
         "/certificates/cert1\",\"maxPartitionResolutionRetries\":5,"
         "\"serverX509Names\":[{\"name\":\"ServerCommonName1\",\"issuerCertificateThumbprint\":\"IssuerThumbprint1\"}]}",
         "\"managementEndpoints\"", "{\"managementEndpoints\":[\"https://somecluster.com\"],\"maxPartitionResolutionRetries\":\"five\"}"},
        {"tls_new", apim_backend_tls_new, "{\"validateCertificateChain\":true,\"validateCertificateName\":false}",
         "\"validateCertificateName\":false", "{\"validateCertificateChain\":\"yes\"}"},
        {"pool_item_new", apim_backend_pool_item_new, "{\"id\":\"" SERVICE "/backends/b1\",\"priority\":1,\"weight\":3}",
         "\"weight\":3", "{\"id\":\"" SERVICE "/backends/b1\",\"weight\":\"heavy\"}"},
        {"pool_new", apim_backend_pool_new, "{\"services\":[{\"id\":\"" SERVICE "/backends/b1\",\"priority\":1,\"weight\":1}]}",
         "\"services\"", "{\"services\":[{\"id\":\"" SERVICE "/backends/b1\",\"priority\":\"first\"}]}"},
        {"circuit_breaker_rule_new", apim_backend_circuit_breaker_rule_new,
         "{\"name\":\"myBreakerRule\",\"failureCondition\":{\"count\":3,\"interval\":\"PT1H\","
         "\"statusCodeRanges\":[{\"min\":500,\"max\":599}]},\"tripDuration\":\"PT1H\"}",
         "\"myBreakerRule\"", "{\"name\":\"r\",\"tripDuration\":\"PT1H\",\"failureCondition\":{\"count\":\"three\",\"interval\":\"PT1H\"}}"},
    };
    size_t i;
    char step[96];
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *json = NULL;
        ApimStatus status = cases[i].build(cases[i].valid, &json);
        snprintf(step, sizeof step, "%s", cases[i].name);
        check(step, status, APIM_STATUS_OK, json, cases[i].expect);

        json = NULL;
        status = cases[i].build(cases[i].invalid, &json);
        snprintf(step, sizeof step, "%s_invalid", cases[i].name);
        /* A model ValidationError or, for a cmdlet parameter of the wrong type, an InvalidArgument:
           the category of both is InvalidArgument. */
        check(step, status, APIM_STATUS_INVALID_ARGUMENT, json, "InvalidArgument\"");

        json = NULL;
        status = cases[i].build(NULL, &json);
        snprintf(step, sizeof step, "%s_null", cases[i].name);
        /* request_json for the builders, parameters_json for the cmdlet functions. */
        check(step, status, APIM_STATUS_NULL_ARGUMENT, json, "_json\"");
    }
}

static void backend_operations(const ApimClient *client) {
    char *json = NULL;
    char etag[128];
    char head_etag[128];
    ApimStatus status;

    status = apim_backend_create_or_update(client,
        "{" ADDRESS ",\"backendId\":\"every-fn\",\"body\":{\"properties\":"
        "{\"url\":\"https://backend.example.com/api\",\"protocol\":\"http\",\"description\":\"from C\"}}}",
        &json);
    if (!json_string(json, "etag", etag, sizeof etag)) {
        etag[0] = '\0';
    }
    check("backend_create_or_update", status, APIM_STATUS_OK, json, "\"status\":201");

    json = NULL;
    status = apim_backend_get_entity_tag(client, "{" ADDRESS ",\"backendId\":\"every-fn\"}", &json);
    /* HEAD answers the same ETag as the create, and no body. */
    if (!json_string(json, "etag", head_etag, sizeof head_etag) || strcmp(head_etag, etag) != 0 || etag[0] == '\0') {
        fprintf(stderr, "get_entity_tag: etag %s does not match the create's %s\n", head_etag, etag);
        status = APIM_STATUS_PANIC;
    }
    check("backend_get_entity_tag", status, APIM_STATUS_OK, json, "\"body\":null");

    json = NULL;
    status = apim_backend_get(client, "{" ADDRESS ",\"backendId\":\"every-fn\"}", &json);
    check("backend_get", status, APIM_STATUS_OK, json, "\"description\":\"from C\"");

    json = NULL;
    status = apim_backend_list(client, "{" ADDRESS ",\"filter\":\"name eq 'every-fn'\"}", &json);
    check("backend_list", status, APIM_STATUS_OK, json, "\"count\":1");

    json = NULL;
    status = apim_backend_update(client,
        "{" ADDRESS ",\"backendId\":\"every-fn\",\"ifMatch\":\"*\",\"body\":{\"properties\":{\"description\":\"patched\"}}}",
        &json);
    check("backend_update", status, APIM_STATUS_OK, json, "\"description\":\"patched\"");

    json = NULL;
    status = apim_backend_reconnect(client,
        "{" ADDRESS ",\"backendId\":\"every-fn\",\"body\":{\"properties\":{\"after\":\"PT2M\"}}}", &json);
    check("backend_reconnect", status, APIM_STATUS_OK, json, "\"status\":202");

    json = NULL;
    status = apim_backend_reconnect(client,
        "{" ADDRESS ",\"backendId\":\"every-fn\",\"body\":{\"properties\":{\"after\":\"two minutes\"}}}", &json);
    check("backend_reconnect_invalid", status, APIM_STATUS_INVALID_ARGUMENT, json, "\"properties.after\"");

    json = NULL;
    status = apim_backend_delete(client, "{" ADDRESS ",\"backendId\":\"every-fn\",\"ifMatch\":\"*\"}", &json);
    check("backend_delete", status, APIM_STATUS_OK, json, "\"status\":200");

    json = NULL;
    status = apim_backend_get_entity_tag(client, "{" ADDRESS ",\"backendId\":\"every-fn\"}", &json);
    check("backend_get_entity_tag_after_delete", status, APIM_STATUS_ERROR, json, "\"httpStatus\":404");
}

static void connector_operations(const ApimClient *client) {
    char *json = NULL;
    char id[96];
    char request[8192];
    const char *pfx = getenv("APIM_TEST_PFX_BASE64");
    const char *password = getenv("APIM_TEST_PFX_PASSWORD");
    ApimStatus status;

    status = apim_api_connector_create(client,
        "{\"body\":{\"displayName\":\"Test API\",\"targetUrl\":\"https://someapi.com/api\","
        "\"authenticationConfiguration\":{\"@odata.type\":\"#microsoft.graph.basicAuthentication\","
        "\"username\":\"MyUsername\",\"password\":\"MyPassword\"}}}",
        &json);
    if (!json_string(json, "id", id, sizeof id)) {
        id[0] = '\0';
    }
    if (json != NULL && strstr(json, "MyPassword") != NULL) {
        fprintf(stderr, "connector_create: the password came back\n");
        status = APIM_STATUS_PANIC;
    }
    check("api_connector_create", status, APIM_STATUS_OK, json, "\"status\":201");

    snprintf(request, sizeof request, "{\"id\":\"%s\"}", id);
    json = NULL;
    status = apim_api_connector_get(client, request, &json);
    check("api_connector_get", status, APIM_STATUS_OK, json, "\"displayName\":\"Test API\"");

    json = NULL;
    status = apim_api_connector_list(client, "{\"filter\":\"displayName eq 'Test API'\"}", &json);
    check("api_connector_list", status, APIM_STATUS_OK, json, "\"displayName\":\"Test API\"");

    snprintf(request, sizeof request, "{\"id\":\"%s\",\"body\":{\"displayName\":\"Renamed\"}}", id);
    json = NULL;
    status = apim_api_connector_update(client, request, &json);
    check("api_connector_update", status, APIM_STATUS_OK, json, "\"status\":204");

    if (pfx == NULL || password == NULL || strlen(pfx) + strlen(id) + strlen(password) + 96 > sizeof request) {
        fprintf(stderr, "APIM_TEST_PFX_BASE64 / APIM_TEST_PFX_PASSWORD missing or too long\n");
        printf("api_connector_upload_client_certificate: FAILED no PFX\n");
        failures++;
    } else {
        snprintf(request, sizeof request, "{\"id\":\"%s\",\"body\":{\"pkcs12Value\":\"%s\",\"password\":\"%s\"}}", id, pfx,
                 password);
        json = NULL;
        status = apim_api_connector_upload_client_certificate(client, request, &json);
        check("api_connector_upload_client_certificate", status, APIM_STATUS_OK, json, "\"thumbprint\"");
    }

    snprintf(request, sizeof request, "{\"id\":\"%s\",\"ifMatch\":\"*\"}", id);
    json = NULL;
    status = apim_api_connector_delete(client, request, &json);
    check("api_connector_delete", status, APIM_STATUS_OK, json, "\"status\":204");

    snprintf(request, sizeof request, "{\"id\":\"%s\"}", id);
    json = NULL;
    status = apim_api_connector_get(client, request, &json);
    check("api_connector_get_after_delete", status, APIM_STATUS_ERROR, json, "\"httpStatus\":404");
}

/* The Graph connector cmdlets' functions as the module calls them: bound parameters in, output
 * objects out; their ShouldProcess text without a client; each refuses a NULL client and NULL
 * parameters, naming the argument. */
static void connector_cmdlets(const ApimClient *client) {
    static const struct NamedClientOp cmdlets[] = {
        {"cmdlet_api_connector_create", apim_cmdlet_api_connector_create},
        {"cmdlet_api_connector_get", apim_cmdlet_api_connector_get},
        {"cmdlet_api_connector_update", apim_cmdlet_api_connector_update},
        {"cmdlet_api_connector_delete", apim_cmdlet_api_connector_delete},
        {"cmdlet_api_connector_upload_client_certificate", apim_cmdlet_api_connector_upload_client_certificate},
    };
    char *json = NULL;
    char id[96];
    char parameters[8192];
    char step[96];
    const char *pfx = getenv("APIM_TEST_PFX_BASE64");
    const char *password = getenv("APIM_TEST_PFX_PASSWORD");
    size_t i;
    ApimStatus status;

    status = apim_cmdlet_api_connector_should_process(
        "{\"Cmdlet\":\"Remove-MgIdentityApiConnector\",\"Parameters\":{\"IdentityApiConnectorId\":\"c1\"}}", &json);
    check("cmdlet_api_connector_should_process", status, APIM_STATUS_OK, json, "\"Target\":\"identityApiConnector 'c1'\"");
    json = NULL;
    status = apim_cmdlet_api_connector_should_process("{\"Cmdlet\":\"New-MgIdentityApiConnector\",\"Parameters\":{\"BodyParameter\":\"x=1\"}}", &json);
    check("cmdlet_api_connector_should_process_invalid", status, APIM_STATUS_INVALID_ARGUMENT, json, "\"ValidationError\"");
    json = NULL;
    status = apim_cmdlet_api_connector_should_process(NULL, &json);
    check("cmdlet_api_connector_should_process_null", status, APIM_STATUS_NULL_ARGUMENT, json, "\"parameters_json\"");

    json = NULL;
    status = apim_cmdlet_api_connector_create(client,
        "{\"DisplayName\":\"Cmdlet API\",\"TargetUrl\":\"https://someapi.com/api\","
        "\"AuthenticationConfiguration\":{\"@odata.type\":\"#microsoft.graph.basicAuthentication\","
        "\"username\":\"MyUsername\",\"password\":\"MyPassword\"}}",
        &json);
    if (!json_string(json, "Id", id, sizeof id)) {
        id[0] = '\0';
    }
    if (json != NULL && strstr(json, "MyPassword") != NULL) {
        fprintf(stderr, "cmdlet_api_connector_create: the password came back\n");
        status = APIM_STATUS_PANIC;
    }
    check("cmdlet_api_connector_create", status, APIM_STATUS_OK, json, "\"DisplayName\":\"Cmdlet API\"");

    snprintf(parameters, sizeof parameters, "{\"IdentityApiConnectorId\":\"%s\"}", id);
    json = NULL;
    status = apim_cmdlet_api_connector_get(client, parameters, &json);
    check("cmdlet_api_connector_get", status, APIM_STATUS_OK, json, "\"password\":\"******\"");

    json = NULL;
    status = apim_cmdlet_api_connector_get(client, "{\"All\":true,\"Filter\":\"displayName eq 'Cmdlet API'\",\"CountVariable\":\"n\"}", &json);
    check("cmdlet_api_connector_get_list", status, APIM_STATUS_OK, json, "\"CountVariable\":1");

    snprintf(parameters, sizeof parameters, "{\"IdentityApiConnectorId\":\"%s\",\"DisplayName\":\"Cmdlet renamed\"}", id);
    json = NULL;
    status = apim_cmdlet_api_connector_update(client, parameters, &json);
    check("cmdlet_api_connector_update", status, APIM_STATUS_OK, json, "\"output\":[]");

    if (pfx == NULL || password == NULL || strlen(pfx) + strlen(id) + strlen(password) + 96 > sizeof parameters) {
        fprintf(stderr, "APIM_TEST_PFX_BASE64 / APIM_TEST_PFX_PASSWORD missing or too long\n");
        printf("cmdlet_api_connector_upload_client_certificate: FAILED no PFX\n");
        failures++;
    } else {
        snprintf(parameters, sizeof parameters, "{\"IdentityApiConnectorId\":\"%s\",\"Pkcs12Value\":\"%s\",\"Password\":\"%s\"}", id,
                 pfx, password);
        json = NULL;
        status = apim_cmdlet_api_connector_upload_client_certificate(client, parameters, &json);
        check("cmdlet_api_connector_upload_client_certificate", status, APIM_STATUS_OK, json, "\"thumbprint\"");
    }

    snprintf(parameters, sizeof parameters, "{\"IdentityApiConnectorId\":\"%s\",\"PassThru\":true}", id);
    json = NULL;
    status = apim_cmdlet_api_connector_delete(client, parameters, &json);
    check("cmdlet_api_connector_delete", status, APIM_STATUS_OK, json, "\"output\":[true]");

    for (i = 0; i < sizeof cmdlets / sizeof cmdlets[0]; i++) {
        json = NULL;
        status = cmdlets[i].op(NULL, "{}", &json);
        snprintf(step, sizeof step, "%s_null_client", cmdlets[i].name);
        check(step, status, APIM_STATUS_NULL_ARGUMENT, json, "\"target\":\"client\"");

        json = NULL;
        status = cmdlets[i].op(client, NULL, &json);
        snprintf(step, sizeof step, "%s_null_parameters", cmdlets[i].name);
        check(step, status, APIM_STATUS_NULL_ARGUMENT, json, "\"target\":\"parameters_json\"");
    }
}

/* Backends and connectors as files: export, plan and sync each (nothing changed, so every item
 * is NoChange), and a mirror into a second emulator. */
static void sync_operations(const ApimClient *client) {
    const char *backend_dir = getenv("APIM_TEST_SYNC_BACKENDS");
    const char *connector_dir = getenv("APIM_TEST_SYNC_CONNECTORS");
    char request[1024];
    char mirror_url[128];
    char *json = NULL;
    ApimEmulator *mirror = NULL;
    ApimStatus status;

    if (backend_dir == NULL || connector_dir == NULL || strlen(backend_dir) + strlen(connector_dir) > 600) {
        fprintf(stderr, "APIM_TEST_SYNC_BACKENDS / APIM_TEST_SYNC_CONNECTORS missing or too long\n");
        printf("sync: FAILED no directories\n");
        failures++;
        return;
    }
    status = apim_backend_create_or_update(client,
        "{" ADDRESS ",\"backendId\":\"sync-c\",\"body\":{\"properties\":{\"url\":\"https://sync.example.com/\",\"protocol\":\"http\"}}}",
        &json);
    check("sync_backend_setup", status, APIM_STATUS_OK, json, "\"status\":201");

    snprintf(request, sizeof request, "{" ADDRESS ",\"path\":\"%s\",\"useEnvironment\":false}", backend_dir);
    json = NULL;
    status = apim_backend_export(client, request, &json);
    check("backend_export", status, APIM_STATUS_OK, json, "\"backendId\":\"sync-c\"");
    json = NULL;
    status = apim_backend_plan(client, request, &json);
    check("backend_plan", status, APIM_STATUS_OK, json, "\"action\":\"NoChange\"");
    json = NULL;
    status = apim_backend_sync(client, request, &json);
    check("backend_sync", status, APIM_STATUS_OK, json, "\"unchanged\":1");

    json = NULL;
    status = apim_emulator_start("{}", &mirror, &json);
    if (status != APIM_STATUS_OK || !json_string(json, "baseUrl", mirror_url, sizeof mirror_url)) {
        check("backend_mirror", status, APIM_STATUS_OK, json, "\"baseUrl\"");
    } else {
        apim_string_free(json);
        snprintf(request, sizeof request, "{" ADDRESS ",\"toEndpoint\":\"%s\"}", mirror_url);
        json = NULL;
        status = apim_backend_mirror(client, request, &json);
        check("backend_mirror", status, APIM_STATUS_OK, json, "\"sync-c\"");
    }
    apim_emulator_stop(mirror);

    json = NULL;
    status = apim_api_connector_create(client,
        "{\"body\":{\"displayName\":\"syncc\",\"targetUrl\":\"https://someapi.com/api\","
        "\"authenticationConfiguration\":{\"@odata.type\":\"#microsoft.graph.basicAuthentication\","
        "\"username\":\"u\",\"password\":\"sync-pass\"}}}",
        &json);
    check("sync_connector_setup", status, APIM_STATUS_OK, json, "\"status\":201");
    snprintf(request, sizeof request, "{\"path\":\"%s\",\"useEnvironment\":false,\"secrets\":{\"syncc.password\":\"sync-pass\"}}",
             connector_dir);
    json = NULL;
    status = apim_api_connector_export(client, request, &json);
    check("api_connector_export", status, APIM_STATUS_OK, json, "\"displayName\":\"syncc\"");
    json = NULL;
    status = apim_api_connector_plan(client, request, &json);
    check("api_connector_plan", status, APIM_STATUS_OK, json, "\"action\":\"NoChange\"");
    json = NULL;
    status = apim_api_connector_sync(client, request, &json);
    check("api_connector_sync", status, APIM_STATUS_OK, json, "\"unchanged\":1");
}

#define CONTEXT "\"Context\":{\"PSTypeName\":\"Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models." \
                "PsApiManagementContext\",\"SubscriptionId\":\"00000000-0000-0000-0000-000000000001\"," \
                "\"ResourceGroupName\":\"rg1\",\"ServiceName\":\"apimService1\"}"

/* The backend cmdlet functions: each with the cmdlet's bound parameters, answering objects. */
static void cmdlet_operations(const ApimClient *client) {
    static const struct {
        const char *name;
        ClientOp op;
        const char *parameters;
        ApimStatus expected;
        const char *expect;
    } steps[] = {
        {"cmdlet_backend_create_or_update_should_process", apim_cmdlet_backend_create_or_update_should_process,
         "{" CONTEXT ",\"Url\":\"https://c.example.com/\",\"Protocol\":\"http\"}", APIM_STATUS_OK, "\"Action\":\"Create a Backend Entity\""},
        {"cmdlet_backend_create_or_update", apim_cmdlet_backend_create_or_update,
         "{" CONTEXT ",\"BackendId\":\"cmdlet-c\",\"Url\":\"https://c.example.com/\",\"Protocol\":\"http\"}", APIM_STATUS_OK,
         "\"BackendId\":\"cmdlet-c\""},
        {"cmdlet_backend_create_or_update_invalid", apim_cmdlet_backend_create_or_update,
         "{" CONTEXT ",\"BackendId\":\"cmdlet-c\",\"Url\":\"https://c.example.com/\",\"Protocol\":\"http\",\"Title\":\"\"}",
         APIM_STATUS_INVALID_ARGUMENT, "-Title"},
        {"cmdlet_backend_get", apim_cmdlet_backend_get, "{" CONTEXT ",\"BackendId\":\"cmdlet-c\"}", APIM_STATUS_OK, "\"ETag\":"},
        {"cmdlet_backend_get_list", apim_cmdlet_backend_get, "{" CONTEXT ",\"Filter\":\"name eq 'cmdlet-c'\"}", APIM_STATUS_OK,
         "\"Url\":\"https://c.example.com/\""},
        {"cmdlet_backend_update_should_process", apim_cmdlet_backend_update_should_process, "{" CONTEXT ",\"BackendId\":\"cmdlet-c\"}", APIM_STATUS_OK,
         "(PATCH http"},
        {"cmdlet_backend_update", apim_cmdlet_backend_update,
         "{" CONTEXT ",\"BackendId\":\"cmdlet-c\",\"Description\":\"patched\",\"PassThru\":true}", APIM_STATUS_OK,
         "\"Description\":\"patched\""},
        {"cmdlet_backend_reconnect_should_process", apim_cmdlet_backend_reconnect_should_process,
         "{" CONTEXT ",\"BackendId\":\"cmdlet-c\",\"After\":{\"PSTypeName\":\"System.TimeSpan\",\"Value\":\"PT3S\"}}",
         APIM_STATUS_INVALID_ARGUMENT, "two minutes"},
        {"cmdlet_backend_reconnect", apim_cmdlet_backend_reconnect,
         "{" CONTEXT ",\"BackendId\":\"cmdlet-c\",\"After\":{\"PSTypeName\":\"System.TimeSpan\",\"Value\":\"PT2M\"},\"PassThru\":true}",
         APIM_STATUS_OK, "\"output\":[true]"},
        {"cmdlet_backend_delete_should_process", apim_cmdlet_backend_delete_should_process, "{" CONTEXT ",\"BackendId\":\"cmdlet-c\"}", APIM_STATUS_OK,
         "(DELETE http"},
        {"cmdlet_backend_delete", apim_cmdlet_backend_delete, "{" CONTEXT ",\"BackendId\":\"cmdlet-c\",\"PassThru\":true}", APIM_STATUS_OK,
         "\"output\":[true]"},
    };
    size_t i;
    char step[96];
    for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        char *json = NULL;
        ApimStatus status = steps[i].op(client, steps[i].parameters, &json);
        check(steps[i].name, status, steps[i].expected, json, steps[i].expect);

        json = NULL;
        status = steps[i].op(NULL, "{}", &json);
        snprintf(step, sizeof step, "%s_null_client", steps[i].name);
        check(step, status, APIM_STATUS_NULL_ARGUMENT, json, "\"target\":\"client\"");

        json = NULL;
        status = steps[i].op(client, NULL, &json);
        snprintf(step, sizeof step, "%s_null_parameters", steps[i].name);
        check(step, status, APIM_STATUS_NULL_ARGUMENT, json, "\"target\":\"parameters_json\"");

        status = steps[i].op(NULL, "{}", NULL);
        snprintf(step, sizeof step, "%s_null_out_json", steps[i].name);
        check_status(step, status, APIM_STATUS_NULL_ARGUMENT);
    }
}

/* The "backends in git" cmdlet functions over the directories sync_operations exported (nothing
 * changed, so every item is NoChange and a sync approving nothing writes nothing), the dry run's
 * copy and plan, the -Secret check, and the NULL guards of each. */
static void cmdlet_sync_operations(const ApimClient *client) {
    static const struct NamedClientOp ops[] = {
        {"cmdlet_backend_export", apim_cmdlet_backend_export},
        {"cmdlet_backend_plan", apim_cmdlet_backend_plan},
        {"cmdlet_backend_test", apim_cmdlet_backend_test},
        {"cmdlet_backend_sync", apim_cmdlet_backend_sync},
        {"cmdlet_backend_dry_run_copy", apim_cmdlet_backend_dry_run_copy},
        {"cmdlet_backend_dry_run_plan", apim_cmdlet_backend_dry_run_plan},
        {"cmdlet_api_connector_export", apim_cmdlet_api_connector_export},
        {"cmdlet_api_connector_plan", apim_cmdlet_api_connector_plan},
        {"cmdlet_api_connector_sync", apim_cmdlet_api_connector_sync},
    };
    const char *backend_dir = getenv("APIM_TEST_SYNC_BACKENDS");
    const char *connector_dir = getenv("APIM_TEST_SYNC_CONNECTORS");
    char parameters[1024];
    char dry_run_url[128];
    char *json = NULL;
    ApimEmulator *dry_run = NULL;
    ApimStatus status;
    size_t i;
    char step[96];

    if (backend_dir == NULL || connector_dir == NULL || strlen(backend_dir) + strlen(connector_dir) > 600) {
        /* sync_operations has counted the failure already. */
        return;
    }
    snprintf(parameters, sizeof parameters, "{" CONTEXT ",\"Path\":\"%s\",\"ProcessEnvironment\":{},\"Approved\":[]}", backend_dir);
    status = apim_cmdlet_backend_export(client, parameters, &json);
    check("cmdlet_backend_export", status, APIM_STATUS_OK, json, "\"BackendId\":\"sync-c\"");
    json = NULL;
    status = apim_cmdlet_backend_plan(client, parameters, &json);
    check("cmdlet_backend_plan", status, APIM_STATUS_OK, json, "\"Action\":\"NoChange\"");
    json = NULL;
    status = apim_cmdlet_backend_test(client, parameters, &json);
    check("cmdlet_backend_test", status, APIM_STATUS_OK, json, "\"output\":[true]");
    json = NULL;
    status = apim_cmdlet_backend_sync(client, parameters, &json);
    check("cmdlet_backend_sync", status, APIM_STATUS_OK, json, "\"Outcome\":\"NoChange\"");

    json = NULL;
    status = apim_emulator_start("{}", &dry_run, &json);
    if (status != APIM_STATUS_OK || !json_string(json, "baseUrl", dry_run_url, sizeof dry_run_url)) {
        check("cmdlet_backend_dry_run_copy", status, APIM_STATUS_OK, json, "\"baseUrl\"");
    } else {
        apim_string_free(json);
        snprintf(parameters, sizeof parameters, "{" CONTEXT ",\"DryRunEndpoint\":\"%s\"}", dry_run_url);
        json = NULL;
        status = apim_cmdlet_backend_dry_run_copy(client, parameters, &json);
        check("cmdlet_backend_dry_run_copy", status, APIM_STATUS_OK, json, "\"sync-c\"");
        json = NULL;
        status = apim_cmdlet_backend_dry_run_plan(client, parameters, &json);
        check("cmdlet_backend_dry_run_plan", status, APIM_STATUS_OK, json, "\"output\":[]");
    }
    apim_emulator_stop(dry_run);

    snprintf(parameters, sizeof parameters,
             "{\"Path\":\"%s\",\"Secret\":{\"syncc.password\":\"sync-pass\"},\"ProcessEnvironment\":{},\"Approved\":[]}", connector_dir);
    json = NULL;
    status = apim_cmdlet_api_connector_export(client, parameters, &json);
    check("cmdlet_api_connector_export", status, APIM_STATUS_OK, json, "\"DisplayName\":\"syncc\"");
    json = NULL;
    status = apim_cmdlet_api_connector_plan(client, parameters, &json);
    check("cmdlet_api_connector_plan", status, APIM_STATUS_OK, json, "\"Action\":\"NoChange\"");
    json = NULL;
    status = apim_cmdlet_api_connector_sync(client, parameters, &json);
    check("cmdlet_api_connector_sync", status, APIM_STATUS_OK, json, "\"Outcome\":\"NoChange\"");

    json = NULL;
    status = apim_cmdlet_secret_map("{\"Secret\":{\"a\":\"b\"}}", &json);
    check("cmdlet_secret_map", status, APIM_STATUS_OK, json, "\"output\":[]");
    json = NULL;
    status = apim_cmdlet_secret_map("{\"Secret\":{\"a\":42}}", &json);
    check("cmdlet_secret_map_invalid", status, APIM_STATUS_INVALID_ARGUMENT, json, "\"InvalidArgument\"");
    json = NULL;
    status = apim_cmdlet_secret_map(NULL, &json);
    check("cmdlet_secret_map_null", status, APIM_STATUS_NULL_ARGUMENT, json, "\"parameters_json\"");

    for (i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        json = NULL;
        status = ops[i].op(NULL, "{}", &json);
        snprintf(step, sizeof step, "%s_null_client", ops[i].name);
        check(step, status, APIM_STATUS_NULL_ARGUMENT, json, "\"target\":\"client\"");

        json = NULL;
        status = ops[i].op(client, NULL, &json);
        snprintf(step, sizeof step, "%s_null_parameters", ops[i].name);
        check(step, status, APIM_STATUS_NULL_ARGUMENT, json, "\"target\":\"parameters_json\"");
    }
}

/* Every client operation refuses a NULL client and a NULL request, naming the argument. */
static void null_guards(const ApimClient *client) {
    static const struct NamedClientOp ops[] = {
        {"backend_create_or_update", apim_backend_create_or_update},
        {"backend_get", apim_backend_get},
        {"backend_get_entity_tag", apim_backend_get_entity_tag},
        {"backend_list", apim_backend_list},
        {"backend_update", apim_backend_update},
        {"backend_delete", apim_backend_delete},
        {"backend_reconnect", apim_backend_reconnect},
        {"api_connector_create", apim_api_connector_create},
        {"api_connector_get", apim_api_connector_get},
        {"api_connector_list", apim_api_connector_list},
        {"api_connector_update", apim_api_connector_update},
        {"api_connector_delete", apim_api_connector_delete},
        {"api_connector_upload_client_certificate", apim_api_connector_upload_client_certificate},
        {"backend_export", apim_backend_export},
        {"backend_plan", apim_backend_plan},
        {"backend_sync", apim_backend_sync},
        {"backend_mirror", apim_backend_mirror},
        {"api_connector_export", apim_api_connector_export},
        {"api_connector_plan", apim_api_connector_plan},
        {"api_connector_sync", apim_api_connector_sync},
    };
    size_t i;
    char step[96];
    for (i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        char *json = NULL;
        ApimStatus status = ops[i].op(NULL, "{}", &json);
        snprintf(step, sizeof step, "%s_null_client", ops[i].name);
        check(step, status, APIM_STATUS_NULL_ARGUMENT, json, "\"target\":\"client\"");

        json = NULL;
        status = ops[i].op(client, NULL, &json);
        snprintf(step, sizeof step, "%s_null_request", ops[i].name);
        check(step, status, APIM_STATUS_NULL_ARGUMENT, json, "\"target\":\"request_json\"");

        /* A NULL out_json is allowed: the status alone tells the caller. */
        status = ops[i].op(NULL, "{}", NULL);
        snprintf(step, sizeof step, "%s_null_out_json", ops[i].name);
        check_status(step, status, APIM_STATUS_NULL_ARGUMENT);
    }
}

/* Sessions (the credential and subscription one connection keeps; a subscription name is
 * resolved through GET /subscriptions on a client's first request), the cloud table, and their
 * NULL guards. Against an emulator of its own that lists one subscription. */
static void sessions(void) {
    ApimEmulator *emulator = NULL;
    ApimSession *session = NULL;
    ApimSession *unused_session = NULL;
    ApimClient *client = NULL;
    ApimClient *unused_client = NULL;
    char *json = NULL;
    char base_url[128];
    char options[512];
    ApimStatus status;

    status = apim_cloud_list(&json);
    check("cloud_list", status, APIM_STATUS_OK, json, "\"name\":\"AzureUSGovernment\"");
    check_status("cloud_list_null_out_json", apim_cloud_list(NULL), APIM_STATUS_NULL_ARGUMENT);

    status = apim_emulator_start("{\"subscriptions\":{\"00000000-0000-0000-0000-00000000c001\":\"C Consumers\"}}",
                                 &emulator, &json);
    if (status != APIM_STATUS_OK || !json_string(json, "baseUrl", base_url, sizeof base_url)) {
        check("session_emulator_start", status, APIM_STATUS_OK, json, "\"baseUrl\"");
        return;
    }
    apim_string_free(json);

    json = NULL;
    status = apim_session_new("{\"subscription\":\"\"}", &unused_session, &json);
    check("session_new_invalid", status, APIM_STATUS_INVALID_ARGUMENT, json, "-Subscription");
    json = NULL;
    status = apim_session_new(NULL, &unused_session, &json);
    check("session_new_null", status, APIM_STATUS_NULL_ARGUMENT, json, "\"options_json\"");
    json = NULL;
    status = apim_session_new("{}", NULL, &json);
    check("session_new_null_out_session", status, APIM_STATUS_NULL_ARGUMENT, json, "\"out_session\"");
    check_status("session_new_null_out_json", apim_session_new("{}", &unused_session, NULL), APIM_STATUS_NULL_ARGUMENT);
    if (unused_session != NULL) {
        fprintf(stderr, "session_new: a failed call returned a session\n");
        failures++;
    }

    snprintf(options, sizeof options,
             "{\"auth\":{\"kind\":\"token\",\"token\":\"c-session-token\"},\"subscription\":\"c consumers\","
             "\"armEndpoint\":\"%s\",\"graphEndpoint\":\"%s\"}", base_url, base_url);
    json = NULL;
    status = apim_session_new(options, &session, &json);
    if (json != NULL && strstr(json, "c-session-token") != NULL) {
        fprintf(stderr, "session_new: the summary shows the token\n");
        failures++;
    }
    check("session_new", status, APIM_STATUS_OK, json, "\"subscriptionId\":null");
    if (session == NULL) {
        apim_emulator_stop(emulator);
        return;
    }

    snprintf(options, sizeof options, "{\"armEndpoint\":\"%s\",\"retry\":{\"maxAttempts\":1}}", base_url);
    json = NULL;
    status = apim_session_client_new(session, options, &client, &json);
    check("session_client_new", status, APIM_STATUS_OK, json, "\"apiVersion\"");
    json = NULL;
    status = apim_session_client_new(NULL, options, &unused_client, &json);
    check("session_client_new_null_session", status, APIM_STATUS_NULL_ARGUMENT, json, "\"target\":\"session\"");
    json = NULL;
    status = apim_session_client_new(session, NULL, &unused_client, &json);
    check("session_client_new_null_options", status, APIM_STATUS_NULL_ARGUMENT, json, "\"options_json\"");
    json = NULL;
    status = apim_session_client_new(session, options, NULL, &json);
    check("session_client_new_null_out_client", status, APIM_STATUS_NULL_ARGUMENT, json, "\"out_client\"");
    check_status("session_client_new_null_out_json", apim_session_client_new(session, options, &unused_client, NULL),
                 APIM_STATUS_NULL_ARGUMENT);

    /* No subscriptionId in the request: the session's name is resolved, then the list runs. */
    if (client != NULL) {
        json = NULL;
        status = apim_backend_list(client, "{\"resourceGroupName\":\"rg1\",\"serviceName\":\"apimService1\"}", &json);
        check("session_backend_list_by_subscription_name", status, APIM_STATUS_OK, json, "\"value\"");
    }
    json = NULL;
    status = apim_session_info(session, &json);
    check("session_info", status, APIM_STATUS_OK, json, "\"subscriptionName\":\"C Consumers\"");
    json = NULL;
    status = apim_session_info(NULL, &json);
    check("session_info_null", status, APIM_STATUS_NULL_ARGUMENT, json, "\"target\":\"session\"");
    check_status("session_info_null_out_json", apim_session_info(session, NULL), APIM_STATUS_NULL_ARGUMENT);

    apim_session_free(NULL);
    apim_session_free(session);
    /* The client keeps its credential after the session is gone. */
    if (client != NULL) {
        json = NULL;
        status = apim_backend_list(client, "{\"resourceGroupName\":\"rg1\",\"serviceName\":\"apimService1\"}", &json);
        check("session_client_after_session_free", status, APIM_STATUS_OK, json, "\"value\"");
    }
    apim_client_free(client);
    apim_emulator_stop(emulator);
}

int main(void) {
    ApimEmulator *emulator = NULL;
    ApimClient *client = NULL;
    ApimClient *unused = NULL;
    char *json = NULL;
    char base_url[128];
    char options[512];
    ApimStatus status;

    if (strcmp(apim_version(), APIM_NATIVE_VERSION) != 0) {
        fprintf(stderr, "header version %s != library version %s\n", APIM_NATIVE_VERSION, apim_version());
        return 100;
    }
    printf("version: ok %s\n", apim_version());

    status = apim_emulator_start("{\"listen\":\"10.1.2.3:0\"}", &emulator, &json);
    check("emulator_start_not_loopback", status, APIM_STATUS_INVALID_ARGUMENT, json, "\"listen\"");
    json = NULL;
    status = apim_emulator_start(NULL, &emulator, &json);
    check("emulator_start_null", status, APIM_STATUS_NULL_ARGUMENT, json, "\"options_json\"");
    json = NULL;
    status = apim_emulator_start("{}", &emulator, &json);
    if (status != APIM_STATUS_OK || !json_string(json, "baseUrl", base_url, sizeof base_url)) {
        fprintf(stderr, "emulator did not start: %d %s\n", (int)status, json ? json : "(null)");
        apim_string_free(json);
        return 101;
    }
    check("emulator_start", status, APIM_STATUS_OK, json, "\"baseUrl\"");

    json = NULL;
    status = apim_client_new("{\"unknownOption\":1}", &unused, &json);
    check("client_new_invalid", status, APIM_STATUS_INVALID_ARGUMENT, json, "unknownOption");
    if (unused != NULL) {
        fprintf(stderr, "client_new_invalid: a client was returned\n");
        failures++;
    }
    json = NULL;
    status = apim_client_new(NULL, &unused, &json);
    check("client_new_null", status, APIM_STATUS_NULL_ARGUMENT, json, "\"options_json\"");

    snprintf(options, sizeof options,
             "{\"armEndpoint\":\"%s\",\"graphEndpoint\":\"%s\",\"retry\":{\"maxAttempts\":1}}", base_url, base_url);
    json = NULL;
    status = apim_client_new(options, &client, &json);
    check("client_new", status, APIM_STATUS_OK, json, "\"apiVersion\"");
    if (client == NULL) {
        apim_emulator_stop(emulator);
        return 102;
    }

    builders();
    backend_operations(client);
    connector_operations(client);
    connector_cmdlets(client);
    sync_operations(client);
    cmdlet_operations(client);
    cmdlet_sync_operations(client);
    null_guards(client);
    sessions();

    /* Cancel with nothing in flight: later calls run normally. NULL is a no-op. */
    apim_client_cancel(NULL);
    apim_client_cancel(client);
    json = NULL;
    status = apim_backend_list(client, "{" ADDRESS "}", &json);
    check("call_after_cancel", status, APIM_STATUS_OK, json, "\"value\"");

    apim_string_free(NULL);
    apim_client_free(NULL);
    apim_emulator_stop(NULL);
    apim_client_free(client);
    apim_emulator_stop(emulator);
    printf("done: %d failures\n", failures);
    return failures;
}
