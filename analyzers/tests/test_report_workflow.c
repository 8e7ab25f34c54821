// Unit tests for report_lintrunner.c and report_github.c: the exact lines
// lintrunner and the GitHub Actions runner read.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "report_workflow.h"
#include "test_report_fixture.h"

#include <string.h>

static bool lintrunner_failure_report(FILE *out, const report_context *context) {
  (void)context;
  return report_lintrunner_failure(out, NULL, "config-error",
                                   "strata.yaml:2:1: error: unknown key \"lyers\"");
}

static void test_lintrunner_one_line_per_finding(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  finding_list_add(findings, fixture_rule("layer-violation"), "/src/c10/core/TensorImpl.h", 3, 10,
                   "'c10' includes 'aten'");
  finding *warned =
      finding_list_add(findings, fixture_rule("forbidden-dependency"), "torch/nn/x.py", 4, 5, "w");
  warned->level = RULE_LEVEL_WARNING;
  finding *noted = finding_list_add(findings, fixture_rule("import-cycle"), "a.py", 0, 0, "n");
  noted->level = RULE_LEVEL_NOTE;
  report_context context = {.findings = findings};
  bool ok = false;
  char *text = fixture_capture(report_lintrunner, &context, &ok);
  assert_true(ok);
  assert_string_equal(
      text, "{\"path\":\"/src/c10/core/TensorImpl.h\",\"line\":3,\"char\":10,\"code\":\"STRATA\","
            "\"severity\":\"error\",\"name\":\"layer-violation\",\"description\":\"'c10' includes "
            "'aten'\",\"original\":null,\"replacement\":null}\n"
            "{\"path\":\"torch/nn/x.py\",\"line\":4,\"char\":5,\"code\":\"STRATA\","
            "\"severity\":\"warning\",\"name\":\"forbidden-dependency\",\"description\":\"w\","
            "\"original\":null,\"replacement\":null}\n"
            // A whole-file finding: line and char are null, not 0.
            "{\"path\":\"a.py\",\"line\":null,\"char\":null,\"code\":\"STRATA\","
            "\"severity\":\"advice\",\"name\":\"import-cycle\",\"description\":\"n\","
            "\"original\":null,\"replacement\":null}\n");
  free(text);
  finding_list_delete(findings);
}

// Quotes, backslashes, control characters and non-ASCII letters are escaped;
// bytes that are not UTF-8 become U+FFFD. The line stays one line of ASCII.
static void test_lintrunner_escapes_strings(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  finding_list_add(findings, fixture_rule("layer-violation"), "caf\xc3\xa9/\"q\"\\x.py", 1, 1,
                   "tab\there\nnew line \x01 \xf0\x9f\x98\x80 bad \xff");
  report_context context = {.findings = findings};
  bool ok = false;
  char *text = fixture_capture(report_lintrunner, &context, &ok);
  assert_true(ok);
  assert_string_equal(text, "{\"path\":\"caf\\u00E9/\\\"q\\\"\\\\x.py\",\"line\":1,\"char\":1,"
                            "\"code\":\"STRATA\",\"severity\":\"error\",\"name\":"
                            "\"layer-violation\",\"description\":\"tab\\there\\nnew line "
                            "\\u0001 \\uD83D\\uDE00 bad \\uFFFD\",\"original\":null,"
                            "\"replacement\":null}\n");
  free(text);
  finding_list_delete(findings);
}

// lintrunner holds paths as UTF-8 strings: a finding about a file whose
// name is not UTF-8 goes without a path (U+FFFD would name a file that does
// not exist), its description naming the file exactly, each such byte \xNN.
static void test_lintrunner_name_not_utf8(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  finding_list_add(findings, fixture_rule("layer-violation"), "core/caf\xff\\.py", 3, 2,
                   "'core/caf\xff\\.py' imports 'app/x.py'");
  report_context context = {.findings = findings};
  bool ok = false;
  char *text = fixture_capture(report_lintrunner, &context, &ok);
  assert_true(ok);
  assert_string_equal(text, "{\"path\":null,\"line\":null,\"char\":null,\"code\":\"STRATA\","
                            "\"severity\":\"error\",\"name\":\"layer-violation\",\"description\":"
                            "\"'core/caf\\\\xff\\\\\\\\.py':3:2: 'core/caf\\uFFFD\\\\.py' imports "
                            "'app/x.py'\",\"original\":null,\"replacement\":null}\n");
  free(text);
  finding_list_delete(findings);
}

static void test_lintrunner_failure_has_no_path(void **state) {
  (void)state;
  bool ok = false;
  char *text = fixture_capture(lintrunner_failure_report, NULL, &ok);
  assert_true(ok);
  assert_string_equal(text, "{\"path\":null,\"line\":null,\"char\":null,\"code\":\"STRATA\","
                            "\"severity\":\"error\",\"name\":\"config-error\",\"description\":"
                            "\"strata.yaml:2:1: error: unknown key \\\"lyers\\\"\","
                            "\"original\":null,\"replacement\":null}\n");
  free(text);
}

static void test_lintrunner_nothing_when_clean(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  report_context context = {.findings = findings};
  bool ok = false;
  char *text = fixture_capture(report_lintrunner, &context, &ok);
  assert_true(ok);
  assert_string_equal(text, "");
  free(text);
  finding_list_delete(findings);
}

static void test_github_commands(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  finding_list_add(findings, fixture_rule("layer-violation"), "c10/core/TensorImpl.h", 3, 10,
                   "'c10' includes 'aten': 100%% wrong");
  finding *warned =
      finding_list_add(findings, fixture_rule("forbidden-dependency"), "a,b:c%.py", 4, 0, "w");
  warned->level = RULE_LEVEL_WARNING;
  finding *noted =
      finding_list_add(findings, fixture_rule("import-cycle"), "x\r\ny.py", 0, 0, "one\r\ntwo");
  noted->level = RULE_LEVEL_NOTE;
  report_context context = {.findings = findings};
  bool ok = false;
  char *text = fixture_capture(report_github, &context, &ok);
  assert_true(ok);
  assert_string_equal(text,
                      "::error file=c10/core/TensorImpl.h,line=3,col=10,title=layer-violation::"
                      "'c10' includes 'aten': 100%25 wrong\n"
                      // No column: col is left out; ':' and ',' are escaped in the file only.
                      "::warning file=a%2Cb%3Ac%25.py,line=4,title=forbidden-dependency::w\n"
                      // No line: an annotation on the whole file.
                      "::notice file=x%0D%0Ay.py,title=import-cycle::one%0D%0Atwo\n");
  free(text);
  finding_list_delete(findings);
}

static void test_write_errors_are_reported(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  finding_list_add(findings, fixture_rule("layer-violation"), "a.h", 1, 1, "m");
  report_context context = {.findings = findings};
  assert_false(fixture_report_to_full_disk(report_lintrunner, &context));
  assert_false(fixture_report_to_full_disk(report_github, &context));
  assert_false(fixture_report_to_full_disk(lintrunner_failure_report, &context));
  finding_list_delete(findings);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_lintrunner_one_line_per_finding),
      cmocka_unit_test(test_lintrunner_escapes_strings),
      cmocka_unit_test(test_lintrunner_name_not_utf8),
      cmocka_unit_test(test_lintrunner_failure_has_no_path),
      cmocka_unit_test(test_lintrunner_nothing_when_clean),
      cmocka_unit_test(test_github_commands),
      cmocka_unit_test(test_write_errors_are_reported),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
