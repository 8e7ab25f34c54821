// Unit tests for code scanning's limits in report_sarif.c: at most 25,000
// results per run and 10 MB per file, keeping the most severe results and
// saying what was left out; and a region on every result.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_report_fixture.h"

#include <string.h>

// Renders findings as SARIF; returns the parsed log and sets *length to the
// size of the text.
static json_t *render(const finding_list *findings, size_t *length) {
  report_context context = {.findings = findings, .root = "/src"};
  bool ok = false;
  char *text = fixture_capture(report_sarif, &context, &ok);
  assert_true(ok);
  *length = strlen(text);
  json_error_t error;
  json_t *log = json_loads(text, 0, &error);
  if (!log)
    fail_msg("sarif does not parse: %s", error.text);
  free(text);
  return log;
}

static json_t *run_of(json_t *log) {
  return json_array_get(json_object_get(log, "runs"), 0);
}

static json_t *notifications_of(json_t *log) {
  json_t *invocation = json_array_get(json_object_get(run_of(log), "invocations"), 0);
  return json_object_get(invocation, "toolExecutionNotifications");
}

static const char *level_of(json_t *result) {
  return json_string_value(json_object_get(result, "level"));
}

static const char *uri_of(json_t *result) {
  json_t *location = json_array_get(json_object_get(result, "locations"), 0);
  json_t *artifact =
      json_object_get(json_object_get(location, "physicalLocation"), "artifactLocation");
  return json_string_value(json_object_get(artifact, "uri"));
}

static void test_at_most_25000_results_most_severe_kept(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  // Ten notes first in path order, then 25,000 errors: the notes go.
  for (size_t i = 0; i < 25010; i++) {
    char path[32];
    snprintf(path, sizeof(path), "f%05zu.py", i);
    finding *item = finding_list_add(findings, fixture_rule("import-cycle"), path, 1, 1, "m");
    if (i < 10)
      item->level = RULE_LEVEL_NOTE;
  }
  size_t length;
  json_t *log = render(findings, &length);
  json_t *results = json_object_get(run_of(log), "results");
  assert_int_equal(json_array_size(results), 25000);
  for (size_t i = 0; i < json_array_size(results); i++)
    assert_string_equal(level_of(json_array_get(results, i)), "error");
  // In the findings' order otherwise.
  assert_string_equal(uri_of(json_array_get(results, 0)), "f00010.py");
  assert_string_equal(uri_of(json_array_get(results, 24999)), "f25009.py");
  json_t *notes = notifications_of(log);
  assert_int_equal(json_array_size(notes), 1);
  json_t *message = json_object_get(json_array_get(notes, 0), "message");
  assert_string_equal(json_string_value(json_object_get(message, "text")),
                      "kept the 25000 most severe of 25010 results: code scanning takes at most "
                      "25000 results per run");
  json_decref(log);
  finding_list_delete(findings);
}

// Over 10 MB: compact JSON first, then the least severe results go until
// the log fits, whatever the compression would have made of it.
static void test_under_10_megabytes(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  char *long_message = malloc(5001);
  memset(long_message, 'x', 5000);
  long_message[5000] = '\0';
  for (size_t i = 0; i < 3000; i++) {
    char path[32];
    snprintf(path, sizeof(path), "f%05zu.py", i);
    finding *item =
        finding_list_add(findings, fixture_rule("layer-violation"), path, 1, 1, "%s", long_message);
    if (i < 100)
      item->level = RULE_LEVEL_WARNING;
  }
  free(long_message);
  size_t length;
  json_t *log = render(findings, &length);
  assert_true(length <= 9900000);
  json_t *results = json_object_get(run_of(log), "results");
  size_t kept = json_array_size(results);
  assert_true(kept > 1000 && kept < 3000);
  // The warnings went first.
  for (size_t i = 0; i < kept; i++)
    assert_string_equal(level_of(json_array_get(results, i)), "error");
  json_t *message = json_object_get(json_array_get(notifications_of(log), 0), "message");
  char *expected = NULL;
  size_t expected_length = 0;
  FILE *out = open_memstream(&expected, &expected_length);
  fprintf(out,
          "kept the %zu most severe of 3000 results: code scanning takes SARIF files of at "
          "most 10 MB",
          kept);
  fclose(out);
  assert_string_equal(json_string_value(json_object_get(message, "text")), expected);
  free(expected);
  json_decref(log);
  finding_list_delete(findings);
}

// A small log stays indented, and keeps everything.
static void test_small_log_is_indented_and_whole(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  finding_list_add(findings, fixture_rule("layer-violation"), "a.py", 2, 1, "m");
  report_context context = {.findings = findings, .root = "/src"};
  bool ok = false;
  char *text = fixture_capture(report_sarif, &context, &ok);
  assert_true(ok);
  assert_non_null(strstr(text, "\n  \"runs\": [\n"));
  free(text);
  size_t length;
  json_t *log = render(findings, &length);
  assert_int_equal(json_array_size(json_object_get(run_of(log), "results")), 1);
  assert_int_equal(json_array_size(notifications_of(log)), 0);
  json_decref(log);
  finding_list_delete(findings);
}

// Code scanning places a result by its region: a whole-file finding (line
// 0) points at line 1.
static void test_every_result_has_a_region(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  finding_list_add(findings, fixture_rule("layer-violation"), "a.py", 0, 0, "whole file");
  size_t length;
  json_t *log = render(findings, &length);
  json_t *result = json_array_get(json_object_get(run_of(log), "results"), 0);
  json_t *location = json_array_get(json_object_get(result, "locations"), 0);
  json_t *region = json_object_get(json_object_get(location, "physicalLocation"), "region");
  assert_int_equal(json_integer_value(json_object_get(region, "startLine")), 1);
  assert_null(json_object_get(region, "startColumn"));
  json_decref(log);
  finding_list_delete(findings);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_at_most_25000_results_most_severe_kept),
      cmocka_unit_test(test_under_10_megabytes),
      cmocka_unit_test(test_small_log_is_indented_and_whole),
      cmocka_unit_test(test_every_result_has_a_region),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
