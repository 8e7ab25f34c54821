// Unit tests for report_sarif.c: the log is parsed back and its fields
// checked, and (when python3 and ../shared are there) validated against the
// SARIF schemas by lit-tests/support/validate_sarif.py.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_report_fixture.h"
#include "version.h"
#include "xalloc.h"

#include <string.h>
#include <unistd.h>

typedef struct sarif_fixture {
  finding_list *findings;
  notice_list *notices;
  report_context context;
  json_t *log; // parsed back
  json_t *run; // log.runs[0], borrowed
} sarif_fixture;

static void sarif_fixture_render(sarif_fixture *fixture) {
  bool ok = false;
  char *text = fixture_capture(report_sarif, &fixture->context, &ok);
  assert_true(ok);
  json_error_t error;
  fixture->log = json_loads(text, 0, &error);
  if (!fixture->log)
    fail_msg("sarif does not parse: %s at %d:%d", error.text, error.line, error.column);
  free(text);
  fixture->run = json_array_get(json_object_get(fixture->log, "runs"), 0);
  assert_non_null(fixture->run);
}

static int sarif_setup(void **state) {
  sarif_fixture *fixture = calloc(1, sizeof(*fixture));
  fixture->findings = finding_list_new();
  fixture->notices = notice_list_new();
  fixture->context.findings = fixture->findings;
  fixture->context.notices = fixture->notices;
  fixture->context.root = "/src/my tree/caf\xc3\xa9";
  *state = fixture;
  return 0;
}

static int sarif_teardown(void **state) {
  sarif_fixture *fixture = *state;
  json_decref(fixture->log);
  finding_list_delete(fixture->findings);
  notice_list_delete(fixture->notices);
  free(fixture);
  return 0;
}

// json_object_get on a path of keys ("a", "b") and array indices ("0").
static json_t *at(json_t *value, const char *path) {
  char *copy = strdup(path);
  char *saveptr = NULL;
  for (char *key = strtok_r(copy, ".", &saveptr); key && value; key = strtok_r(NULL, ".", &saveptr))
    value = json_is_array(value) ? json_array_get(value, strtoul(key, NULL, 10))
                                 : json_object_get(value, key);
  free(copy);
  if (!value)
    fail_msg("no '%s' in the log", path);
  return value;
}

static void assert_at_string(json_t *value, const char *path, const char *expected) {
  json_t *found = at(value, path);
  if (!json_is_string(found))
    fail_msg("'%s' is not a string", path);
  assert_string_equal(json_string_value(found), expected);
}

static void assert_at_int(json_t *value, const char *path, json_int_t expected) {
  json_t *found = at(value, path);
  if (!json_is_integer(found))
    fail_msg("'%s' is not an integer", path);
  assert_int_equal(json_integer_value(found), expected);
}

static void test_log_and_tool(void **state) {
  sarif_fixture *fixture = *state;
  sarif_fixture_render(fixture);
  assert_at_string(fixture->log, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
  assert_at_string(fixture->log, "version", "2.1.0");
  json_t *run = fixture->run;
  assert_at_string(run, "tool.driver.name", "strata");
  assert_at_string(run, "tool.driver.version", STRATA_VERSION);
  assert_at_string(run, "tool.driver.semanticVersion", STRATA_VERSION);
  assert_at_string(run, "tool.driver.informationUri", STRATA_INFORMATION_URI);
  assert_at_string(run, "originalUriBaseIds.%SRCROOT%.uri", "file:///src/my%20tree/caf%C3%A9/");
  assert_at_string(run, "columnKind", "unicodeCodePoints");
  assert_at_string(run, "automationDetails.id", "strata/");
  assert_true(json_is_true(at(run, "invocations.0.executionSuccessful")));
  assert_int_equal(json_array_size(at(run, "invocations.0.toolExecutionNotifications")), 0);
  assert_int_equal(json_array_size(at(run, "results")), 0);
}

// Every rule is described, with or without results, from its rules/<id>.md.
static void test_every_rule_is_described(void **state) {
  sarif_fixture *fixture = *state;
  sarif_fixture_render(fixture);
  json_t *rules = at(fixture->run, "tool.driver.rules");
  assert_int_equal(json_array_size(rules), strata_rule_count);
  for (size_t i = 0; i < strata_rule_count; i++) {
    const rule_doc *rule = &strata_rules[i];
    json_t *described = json_array_get(rules, i);
    assert_at_string(described, "id", rule->id);
    assert_at_string(described, "name", rule->name);
    assert_at_string(described, "shortDescription.text", rule->summary);
    assert_at_string(described, "fullDescription.text", rule->description);
    assert_at_string(described, "help.text", rule->text);
    assert_at_string(described, "help.markdown", rule->markdown);
    assert_at_string(described, "defaultConfiguration.level", rule_level_name(rule->level));
    assert_at_string(described, "properties.precision", rule->precision);
    // The key holds a '.', which at() would split on.
    json_t *severity = json_object_get(at(described, "properties"), "problem.severity");
    assert_string_equal(json_string_value(severity), rule->problem_severity);
    json_t *tags = at(described, "properties.tags");
    assert_int_equal(json_array_size(tags), rule->tag_count);
    for (size_t t = 0; t < rule->tag_count; t++)
      assert_string_equal(json_string_value(json_array_get(tags, t)), rule->tags[t]);
  }
}

static void test_result_fields(void **state) {
  sarif_fixture *fixture = *state;
  finding *item = finding_list_add(fixture->findings, fixture_rule("layer-violation"),
                                   "c10/core/TensorImpl.h", 3, 10, "'c10' includes 'aten'");
  const char *parts[] = {"c10/core/TensorImpl.h", "#include <ATen/Tensor.h>"};
  finding_set_fingerprint(item, parts, 2);
  item->level = RULE_LEVEL_WARNING;
  sarif_fixture_render(fixture);
  json_t *result = at(fixture->run, "results.0");
  assert_at_string(result, "ruleId", "layer-violation");
  assert_at_int(result, "ruleIndex", (json_int_t)rule_index(fixture_rule("layer-violation")));
  assert_at_string(result, "level", "warning");
  assert_at_string(result, "message.text", "'c10' includes 'aten'");
  json_t *physical = at(result, "locations.0.physicalLocation");
  assert_at_string(physical, "artifactLocation.uri", "c10/core/TensorImpl.h");
  assert_at_string(physical, "artifactLocation.uriBaseId", "%SRCROOT%");
  assert_at_int(physical, "region.startLine", 3);
  assert_at_int(physical, "region.startColumn", 10);
  // No end known: no end in the region.
  assert_null(json_object_get(at(physical, "region"), "endColumn"));
  // strata's own fingerprint; primaryLocationLineHash is upload-sarif's.
  char *expected = xasprintf("%s:1", item->fingerprint);
  assert_at_string(result, "partialFingerprints.strata/v2", expected);
  free(expected);
  assert_null(json_object_get(at(result, "partialFingerprints"), "primaryLocationLineHash"));
  assert_int_equal(json_object_size(at(result, "partialFingerprints")), 1);
  // Nothing a plain finding does not have.
  assert_null(json_object_get(result, "relatedLocations"));
  assert_null(json_object_get(result, "codeFlows"));
  assert_null(json_object_get(result, "properties"));
}

// Two findings of one rule on one statement of one file (a deprecation macro
// used twice, say) have one fingerprint; SARIF's is still unique.
static void test_fingerprints_are_unique_per_result(void **state) {
  sarif_fixture *fixture = *state;
  const char *parts[] = {"a.h", "C10_DEPRECATED"};
  for (uint32_t line = 3; line <= 9; line += 6) {
    finding *item = finding_list_add(fixture->findings, fixture_rule("undated-deprecation"), "a.h",
                                     line, 1, "m");
    finding_set_fingerprint(item, parts, 2);
  }
  finding_list_number_occurrences(fixture->findings);
  sarif_fixture_render(fixture);
  const char *first =
      json_string_value(at(fixture->run, "results.0.partialFingerprints.strata/v2"));
  const char *second =
      json_string_value(at(fixture->run, "results.1.partialFingerprints.strata/v2"));
  size_t length = strlen(fixture->findings->items[0].fingerprint);
  assert_memory_equal(first, fixture->findings->items[0].fingerprint, length);
  assert_string_equal(first + length, ":1");
  assert_memory_equal(second, fixture->findings->items[0].fingerprint, length);
  assert_string_equal(second + length, ":2");
}

// Where the statement's end is known, the region has it.
static void test_region_end(void **state) {
  sarif_fixture *fixture = *state;
  finding *item = finding_list_add(fixture->findings, fixture_rule("layer-violation"), "x.py", 4, 5,
                                   "'x' imports 'y'");
  finding_location_set_end(&item->location, 5, 9);
  sarif_fixture_render(fixture);
  json_t *region = at(fixture->run, "results.0.locations.0.physicalLocation.region");
  assert_at_int(region, "startLine", 4);
  assert_at_int(region, "startColumn", 5);
  assert_at_int(region, "endLine", 5);
  assert_at_int(region, "endColumn", 9);
}

// The category: the command line's, else the config's, else "strata"; '/'
// ends it, so code scanning takes it for the category alone.
static void test_category(void **state) {
  sarif_fixture *fixture = *state;
  fixture->context.sarif_category = "strata-cpp";
  sarif_fixture_render(fixture);
  assert_at_string(fixture->run, "automationDetails.id", "strata-cpp/");
}

static void test_cycle_has_related_locations_and_a_code_flow(void **state) {
  sarif_fixture *fixture = *state;
  fixture_add_cycle(fixture->findings);
  sarif_fixture_render(fixture);
  json_t *result = at(fixture->run, "results.0");
  assert_int_equal(json_array_size(at(result, "relatedLocations")), 2);
  assert_at_int(result, "relatedLocations.0.id", 1);
  assert_at_string(result, "relatedLocations.0.physicalLocation.artifactLocation.uri", "pkg/a.py");
  assert_at_string(result, "relatedLocations.0.message.text", "pkg.a imports pkg.b");
  assert_at_int(result, "relatedLocations.1.id", 2);
  assert_at_string(result, "relatedLocations.1.physicalLocation.artifactLocation.uri", "pkg/b.py");
  assert_at_int(result, "relatedLocations.1.physicalLocation.region.startLine", 7);
  assert_at_int(result, "relatedLocations.1.physicalLocation.region.startColumn", 5);
  json_t *steps = at(result, "codeFlows.0.threadFlows.0.locations");
  assert_int_equal(json_array_size(at(result, "codeFlows")), 1);
  assert_int_equal(json_array_size(steps), 2);
  assert_at_string(steps, "0.location.physicalLocation.artifactLocation.uri", "pkg/a.py");
  assert_at_string(steps, "0.location.message.text", "pkg.a imports pkg.b");
  assert_at_string(steps, "1.location.physicalLocation.artifactLocation.uri", "pkg/b.py");
  assert_at_string(steps, "1.location.message.text", "pkg.b imports pkg.a");
  assert_at_string(result, "properties.members.0", "pkg.a");
  assert_at_string(result, "properties.members.1", "pkg.b");
}

static void test_notices_become_notifications(void **state) {
  sarif_fixture *fixture = *state;
  notice_list_add(fixture->notices, NULL, 0, 0, "include dir 'third_party' does not exist");
  notice_list_add(fixture->notices, "bad.py", 0, 0, "not UTF-8");
  notice_list_add(fixture->notices, "half.py", 4, 2, "syntax error");
  notice_list_sort(fixture->notices);
  sarif_fixture_render(fixture);
  json_t *notes = at(fixture->run, "invocations.0.toolExecutionNotifications");
  assert_int_equal(json_array_size(notes), 3);
  // Sorted: the run-level notice (no path) first.
  assert_at_string(notes, "0.level", "warning");
  assert_at_string(notes, "0.message.text", "include dir 'third_party' does not exist");
  assert_null(json_object_get(json_array_get(notes, 0), "locations"));
  assert_at_string(notes, "1.locations.0.physicalLocation.artifactLocation.uri", "bad.py");
  assert_null(json_object_get(at(notes, "1.locations.0.physicalLocation"), "region"));
  assert_at_string(notes, "2.locations.0.physicalLocation.artifactLocation.uri", "half.py");
  assert_at_int(notes, "2.locations.0.physicalLocation.region.startLine", 4);
  assert_at_int(notes, "2.locations.0.physicalLocation.region.startColumn", 2);
}

// Paths become URI references: spaces, '%', ':' and non-ASCII are encoded.
static void test_uris_are_percent_encoded(void **state) {
  sarif_fixture *fixture = *state;
  finding_list_add(fixture->findings, fixture_rule("layer-violation"),
                   "dir with space/100%/na\xc3\xafve:x.h", 1, 1, "m");
  sarif_fixture_render(fixture);
  assert_at_string(fixture->run, "results.0.locations.0.physicalLocation.artifactLocation.uri",
                   "dir%20with%20space/100%25/na%C3%AFve%3Ax.h");
}

// Messages reach the log unchanged, whatever they hold; bytes that are not
// UTF-8 become U+FFFD rather than losing the message.
static void test_messages_round_trip(void **state) {
  sarif_fixture *fixture = *state;
  const char *message =
      "\"quoted\" back\\slash tab\t newline\n bell\a caf\xc3\xa9 \xf0\x9f\x98\x80";
  finding_list_add(fixture->findings, fixture_rule("import-cycle"), "a.py", 1, 1, "%s", message);
  finding_list_add(fixture->findings, fixture_rule("import-cycle"), "b.py", 1, 1, "bad \xff byte");
  sarif_fixture_render(fixture);
  assert_at_string(fixture->run, "results.0.message.text", message);
  assert_at_string(fixture->run, "results.1.message.text", "bad \xef\xbf\xbd byte");
}

// The full log, through the schema validator (skipped without python3 or
// without ../shared, which the validator reports itself).
static void test_log_validates_against_the_schemas(void **state) {
  sarif_fixture *fixture = *state;
  const char *source_dir = getenv("STRATA_SOURCE_DIR");
  if (!source_dir || system("python3 -c '' >/dev/null 2>&1") != 0)
    skip();
  fixture_add_cycle(fixture->findings);
  finding *item = finding_list_add(fixture->findings, fixture_rule("forbidden-dependency"),
                                   "weird dir/x\xc3\xa9.py", 2, 1, "\"q\" \\ \x01");
  item->properties = json_object();
  finding_list_sort(fixture->findings);
  notice_list_add(fixture->notices, NULL, 0, 0, "run-level");
  notice_list_add(fixture->notices, "a b.py", 0, 0, "whole file");
  notice_list_add(fixture->notices, "c.py", 3, 0, "no column");

  char path[] = "/tmp/strata-test-sarif-XXXXXX";
  int descriptor = mkstemp(path);
  assert_true(descriptor >= 0);
  FILE *out = fdopen(descriptor, "w");
  assert_true(report_sarif(out, &fixture->context));
  fclose(out);
  char *command =
      xasprintf("python3 '%s/lit-tests/support/validate_sarif.py' '%s'", source_dir, path);
  int status = system(command);
  free(command);
  unlink(path);
  assert_int_equal(status, 0);
}

static void test_write_error_is_reported(void **state) {
  sarif_fixture *fixture = *state;
  assert_false(fixture_report_to_full_disk(report_sarif, &fixture->context));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_log_and_tool, sarif_setup, sarif_teardown),
      cmocka_unit_test_setup_teardown(test_every_rule_is_described, sarif_setup, sarif_teardown),
      cmocka_unit_test_setup_teardown(test_result_fields, sarif_setup, sarif_teardown),
      cmocka_unit_test_setup_teardown(test_fingerprints_are_unique_per_result, sarif_setup,
                                      sarif_teardown),
      cmocka_unit_test_setup_teardown(test_region_end, sarif_setup, sarif_teardown),
      cmocka_unit_test_setup_teardown(test_category, sarif_setup, sarif_teardown),
      cmocka_unit_test_setup_teardown(test_cycle_has_related_locations_and_a_code_flow, sarif_setup,
                                      sarif_teardown),
      cmocka_unit_test_setup_teardown(test_notices_become_notifications, sarif_setup,
                                      sarif_teardown),
      cmocka_unit_test_setup_teardown(test_uris_are_percent_encoded, sarif_setup, sarif_teardown),
      cmocka_unit_test_setup_teardown(test_messages_round_trip, sarif_setup, sarif_teardown),
      cmocka_unit_test_setup_teardown(test_log_validates_against_the_schemas, sarif_setup,
                                      sarif_teardown),
      cmocka_unit_test_setup_teardown(test_write_error_is_reported, sarif_setup, sarif_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
