/*
 * A C consumer of apim_native: starts the in-process emulator, runs create/get/list/update/
 * delete on one backend, checks NULL handling, and frees everything it receives. Built by
 * tests/ffi/c_program.rs with -std=c11 -Wall -Wextra -Wpedantic -Werror and ASan/UBSan/LSan.
 * Prints one line per step; exits non-zero at the first unexpected result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apim_native.h"
#include "apim_test.h"

#define ADDRESS "\"subscriptionId\":\"00000000-0000-0000-0000-000000000001\"," \
                "\"resourceGroupName\":\"rg1\",\"serviceName\":\"apimService1\""

int main(void) {
    ApimEmulator *emulator = NULL;
    ApimClient *client = NULL;
    char *json = NULL;
    char base_url[128];
    char options[512];
    ApimStatus status;

    if (strcmp(apim_version(), APIM_NATIVE_VERSION) != 0) {
        fprintf(stderr, "header version %s != library version %s\n", APIM_NATIVE_VERSION, apim_version());
        return 2;
    }
    printf("version: %s\n", apim_version());

    status = apim_emulator_start("{}", &emulator, &json);
    if (status != APIM_STATUS_OK || !json_string(json, "baseUrl", base_url, sizeof base_url)) {
        fprintf(stderr, "emulator did not start: %d %s\n", (int)status, json ? json : "(null)");
        apim_string_free(json);
        return 3;
    }
    apim_string_free(json);
    printf("emulator: started\n");

    snprintf(options, sizeof options,
             "{\"armEndpoint\":\"%s\",\"graphEndpoint\":\"%s\",\"retry\":{\"maxAttempts\":1}}",
             base_url, base_url);
    status = apim_client_new(options, &client, &json);
    check("client_new", status, APIM_STATUS_OK, json, "\"apiVersion\"");
    if (client == NULL) {
        apim_emulator_stop(emulator);
        return 4;
    }

    status = apim_backend_create_or_update(client,
        "{" ADDRESS ",\"backendId\":\"c-backend\",\"body\":{\"properties\":{"
        "\"description\":\"from C\",\"url\":\"https://c.example/api\",\"protocol\":\"http\"}}}", &json);
    check("create", status, APIM_STATUS_OK, json, "\"status\":201");

    status = apim_backend_get(client, "{" ADDRESS ",\"backendId\":\"c-backend\"}", &json);
    check("get", status, APIM_STATUS_OK, json, "\"description\":\"from C\"");

    status = apim_backend_list(client, "{" ADDRESS "}", &json);
    check("list", status, APIM_STATUS_OK, json, "\"name\":\"c-backend\"");

    status = apim_backend_update(client,
        "{" ADDRESS ",\"backendId\":\"c-backend\",\"ifMatch\":\"*\","
        "\"body\":{\"properties\":{\"description\":\"patched from C\"}}}", &json);
    check("update", status, APIM_STATUS_OK, json, "\"description\":\"patched from C\"");

    status = apim_backend_delete(client, "{" ADDRESS ",\"backendId\":\"c-backend\",\"ifMatch\":\"*\"}", &json);
    check("delete", status, APIM_STATUS_OK, json, NULL);

    status = apim_backend_get(client, "{" ADDRESS ",\"backendId\":\"c-backend\"}", &json);
    check("get_after_delete", status, APIM_STATUS_ERROR, json, "\"ResourceNotFound\"");

    /* Bad input is a status plus an error JSON, never a crash. */
    status = apim_backend_get(NULL, "{}", &json);
    check("null_client", status, APIM_STATUS_NULL_ARGUMENT, json, "\"target\":\"client\"");
    status = apim_backend_get(client, NULL, &json);
    check("null_request", status, APIM_STATUS_NULL_ARGUMENT, json, "\"target\":\"request_json\"");
    status = apim_backend_get(client, "{not json", &json);
    check("malformed_json", status, APIM_STATUS_INVALID_ARGUMENT, json, "not valid JSON");
    status = apim_backend_get(client, "{\"resourceGroupName\":\"rg1\",\"serviceName\":\"s\xff\"}", &json);
    check("invalid_utf8", status, APIM_STATUS_INVALID_ARGUMENT, json, "not valid UTF-8");
    if (apim_backend_get(client, "{}", NULL) != APIM_STATUS_NULL_ARGUMENT) {
        printf("null_out_json: FAILED\n");
        failures++;
    } else {
        printf("null_out_json: ok\n");
    }

    apim_client_cancel(NULL);
    apim_client_free(NULL);
    apim_emulator_stop(NULL);
    apim_string_free(NULL);

    apim_client_free(client);
    apim_emulator_stop(emulator);
    printf("done: %d failures\n", failures);
    return failures == 0 ? 0 : 1;
}
