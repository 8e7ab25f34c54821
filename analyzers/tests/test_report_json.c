// Unit tests for report_json.c: the findings array scripts read.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_report_fixture.h"

#include <stdlib.h>
#include <string.h>

static json_t *render(const finding_list *findings) {
  report_context context = {.findings = findings};
  bool ok = false;
  char *text = fixture_capture(report_json, &context, &ok);
  assert_true(ok);
  json_error_t error;
  json_t *parsed = json_loads(text, 0, &error);
  if (!parsed)
    fail_msg("json does not parse: %s", error.text);
  free(text);
  assert_true(json_is_array(parsed));
  return parsed;
}

static void assert_member_string(json_t *object, const char *key, const char *expected) {
  json_t *value = json_object_get(object, key);
  if (!json_is_string(value))
    fail_msg("'%s' is not a string", key);
  assert_string_equal(json_string_value(value), expected);
}

static void assert_member_int(json_t *object, const char *key, json_int_t expected) {
  json_t *value = json_object_get(object, key);
  if (!json_is_integer(value))
    fail_msg("'%s' is not an integer", key);
  assert_int_equal(json_integer_value(value), expected);
}

static void test_no_findings_is_an_empty_array(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  report_context context = {.findings = findings};
  bool ok = false;
  char *text = fixture_capture(report_json, &context, &ok);
  assert_true(ok);
  assert_string_equal(text, "[]\n");
  free(text);
  finding_list_delete(findings);
}

// Every key is present: fingerprint null, related [] and properties {} when
// the check gave none.
static void test_plain_finding(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  finding *item = finding_list_add(findings, fixture_rule("layer-violation"), "c10/a.h", 3, 10,
                                   "'c10' includes 'aten'");
  item->level = RULE_LEVEL_WARNING;
  json_t *parsed = render(findings);
  assert_int_equal(json_array_size(parsed), 1);
  json_t *object = json_array_get(parsed, 0);
  assert_int_equal(json_object_size(object), 9);
  assert_member_string(object, "ruleId", "layer-violation");
  assert_member_string(object, "level", "warning");
  assert_member_string(object, "path", "c10/a.h");
  assert_member_int(object, "line", 3);
  assert_member_int(object, "column", 10);
  assert_member_string(object, "message", "'c10' includes 'aten'");
  assert_true(json_is_null(json_object_get(object, "fingerprint")));
  assert_true(json_is_array(json_object_get(object, "related")));
  assert_int_equal(json_array_size(json_object_get(object, "related")), 0);
  assert_true(json_is_object(json_object_get(object, "properties")));
  assert_int_equal(json_object_size(json_object_get(object, "properties")), 0);
  json_decref(parsed);
  finding_list_delete(findings);
}

static void test_cycle_with_related_and_properties(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  finding *cycle = fixture_add_cycle(findings);
  json_t *parsed = render(findings);
  json_t *object = json_array_get(parsed, 0);
  assert_member_string(object, "ruleId", "import-cycle");
  assert_member_string(object, "level", "error");
  assert_member_string(object, "fingerprint", cycle->fingerprint);
  assert_int_equal(strlen(cycle->fingerprint), 32);
  json_t *related = json_object_get(object, "related");
  assert_int_equal(json_array_size(related), 2);
  assert_member_string(json_array_get(related, 0), "path", "pkg/a.py");
  assert_member_int(json_array_get(related, 0), "line", 3);
  assert_member_int(json_array_get(related, 0), "column", 1);
  assert_member_string(json_array_get(related, 0), "message", "pkg.a imports pkg.b");
  assert_member_string(json_array_get(related, 1), "path", "pkg/b.py");
  assert_member_int(json_array_get(related, 1), "line", 7);
  assert_member_int(json_array_get(related, 1), "column", 5);
  assert_member_string(json_array_get(related, 1), "message", "pkg.b imports pkg.a");
  assert_true(json_equal(json_object_get(object, "properties"), cycle->properties));
  json_decref(parsed);
  finding_list_delete(findings);
}

// Quotes, backslashes, control characters and non-ASCII survive the round
// trip in paths and messages; each byte that is not UTF-8 is the lone
// surrogate escape \udcXX of Python's surrogateescape, so a script gets the
// exact file name back (json.loads, then os.fsencode).
static void test_escaping(void **state) {
  (void)state;
  const char *path = "dir \"q\"/back\\slash/caf\xc3\xa9\t.py";
  const char *message = "line\nbreak \x01 \x1f \xe2\x82\xac \xf0\x9f\x98\x80 \"x\"";
  finding_list *findings = finding_list_new();
  finding_list_add(findings, fixture_rule("import-cycle"), path, 1, 1, "%s", message);
  finding_list_add(findings, fixture_rule("import-cycle"), "z\xc3.py", 1, 1, "x\xff\xfey");
  report_context context = {.findings = findings};
  bool ok = false;
  char *text = fixture_capture(report_json, &context, &ok);
  assert_true(ok);
  // Control characters are escaped in the text itself, not written raw.
  assert_null(strchr(text, '\x01'));
  assert_non_null(strstr(text, "\\u0001"));
  assert_non_null(strstr(text, "\\\"q\\\""));
  assert_non_null(strstr(text, "\"path\": \"z\\udcc3.py\""));
  assert_non_null(strstr(text, "\"message\": \"x\\udcff\\udcfey\""));
  // jansson refuses lone surrogates: the first finding is read back alone.
  char *first = strdup(text);
  free(text);
  char *split = strstr(first, ",\n  {");
  assert_non_null(split);
  memcpy(split, "\n]", 3);
  json_t *parsed = json_loads(first, 0, NULL);
  free(first);
  assert_non_null(parsed);
  assert_member_string(json_array_get(parsed, 0), "path", path);
  assert_member_string(json_array_get(parsed, 0), "message", message);
  json_decref(parsed);
  finding_list_delete(findings);
}

static void test_write_error_is_reported(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  fixture_add_cycle(findings);
  report_context context = {.findings = findings};
  assert_false(fixture_report_to_full_disk(report_json, &context));
  finding_list_delete(findings);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_no_findings_is_an_empty_array),
      cmocka_unit_test(test_plain_finding),
      cmocka_unit_test(test_cycle_with_related_and_properties),
      cmocka_unit_test(test_escaping),
      cmocka_unit_test(test_write_error_is_reported),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
