/*
 * What the C consumer tests share: a failure count, a step check that prints one line and frees
 * the JSON, and a small reader for one string value of a flat JSON object.
 */
#ifndef APIM_TEST_H
#define APIM_TEST_H

#include <stdio.h>
#include <string.h>

#include "apim_native.h"

static int failures = 0;

/* Checks a status and that the JSON contains `expect` (when given); prints one line; frees it. */
static inline void check(const char *step, ApimStatus status, ApimStatus want, char *json, const char *expect) {
    int ok = status == want && json != NULL && (expect == NULL || strstr(json, expect) != NULL);
    printf("%s: %s status=%d\n", step, ok ? "ok" : "FAILED", (int)status);
    if (!ok) {
        fprintf(stderr, "%s: wanted status %d containing %s, got %d: %s\n", step, (int)want,
                expect ? expect : "(anything)", (int)status, json ? json : "(null)");
        failures++;
    }
    apim_string_free(json);
}

/* Checks a status alone (the call was given no out_json). */
static inline void check_status(const char *step, ApimStatus status, ApimStatus want) {
    printf("%s: %s status=%d\n", step, status == want ? "ok" : "FAILED", (int)status);
    if (status != want) {
        failures++;
    }
}

/* Copies the value of the first "key":"..." in `json` into `out`. */
static inline int json_string(const char *json, const char *key, char *out, size_t size) {
    char pattern[64];
    const char *start;
    const char *end;
    snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
    start = json ? strstr(json, pattern) : NULL;
    if (start == NULL) {
        return 0;
    }
    start += strlen(pattern);
    end = strchr(start, '"');
    if (end == NULL || (size_t)(end - start) >= size) {
        return 0;
    }
    memcpy(out, start, (size_t)(end - start));
    out[end - start] = '\0';
    return 1;
}

#endif
