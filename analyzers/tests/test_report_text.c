// Unit tests for report_text.c: the exact lines people read.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_report_fixture.h"

#include <string.h>

static void test_findings_then_counts(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  finding_list_add(findings, fixture_rule("layer-violation"), "c10/core/TensorImpl.h", 3, 1,
                   "'c10' (layer c10) includes 'aten' (layer aten), a higher layer");
  finding_list_add(findings, fixture_rule("layer-violation"), "c10/util/Half.h", 12, 10,
                   "'c10' includes 'torch'");
  finding *warned = finding_list_add(findings, fixture_rule("forbidden-dependency"),
                                     "torch/nn/x.py", 4, 5, "'torch.nn' must not import 'caffe2'");
  warned->level = RULE_LEVEL_WARNING;
  fixture_add_cycle(findings);
  finding_list_sort(findings);
  report_context context = {.findings = findings};
  bool ok = false;
  char *text = fixture_capture(report_text, &context, &ok);
  assert_true(ok);
  assert_string_equal(
      text, "c10/core/TensorImpl.h:3:1: error: 'c10' (layer c10) includes 'aten' (layer aten), a "
            "higher layer [layer-violation]\n"
            "c10/util/Half.h:12:10: error: 'c10' includes 'torch' [layer-violation]\n"
            "pkg/a.py:3:1: error: import cycle: pkg.a -> pkg.b -> pkg.a [import-cycle]\n"
            "torch/nn/x.py:4:5: warning: 'torch.nn' must not import 'caffe2' "
            "[forbidden-dependency]\n"
            "\n"
            "1 forbidden-dependency\n"
            "1 import-cycle\n"
            "2 layer-violation\n"
            "found 4 problems: 3 errors, 1 warning\n");
  free(text);
  finding_list_delete(findings);
}

static void test_one_note_is_singular(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  finding *only = finding_list_add(findings, fixture_rule("import-cycle"), "a.py", 1, 1, "m");
  only->level = RULE_LEVEL_NOTE;
  report_context context = {.findings = findings};
  bool ok = false;
  char *text = fixture_capture(report_text, &context, &ok);
  assert_true(ok);
  assert_string_equal(text, "a.py:1:1: note: m [import-cycle]\n"
                            "\n"
                            "1 import-cycle\n"
                            "found 1 problem: 1 note\n");
  free(text);
  finding_list_delete(findings);
}

static void test_no_findings(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  report_context context = {.findings = findings};
  bool ok = false;
  char *text = fixture_capture(report_text, &context, &ok);
  assert_true(ok);
  assert_string_equal(text, "no problems found\n");
  free(text);
  finding_list_delete(findings);
}

static void test_color(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  finding_list_add(findings, fixture_rule("layer-violation"), "a.h", 2, 3, "up");
  finding *warned = finding_list_add(findings, fixture_rule("import-cycle"), "b.py", 1, 1, "w");
  warned->level = RULE_LEVEL_WARNING;
  finding *noted = finding_list_add(findings, fixture_rule("import-cycle"), "c.py", 1, 1, "n");
  noted->level = RULE_LEVEL_NOTE;
  report_context context = {.findings = findings, .color = true};
  bool ok = false;
  char *text = fixture_capture(report_text, &context, &ok);
  assert_true(ok);
  assert_string_equal(
      text,
      "\033[1ma.h:2:3:\033[0m \033[1m\033[31merror:\033[0m up \033[2m[layer-violation]\033[0m\n"
      "\033[1mb.py:1:1:\033[0m \033[1m\033[35mwarning:\033[0m w \033[2m[import-cycle]\033[0m\n"
      "\033[1mc.py:1:1:\033[0m \033[1m\033[36mnote:\033[0m n \033[2m[import-cycle]\033[0m\n"
      "\n"
      "2 import-cycle\n"
      "1 layer-violation\n"
      "found 3 problems: 1 error, 1 warning, 1 note\n");
  free(text);
  finding_list_delete(findings);
}

// A newline or an escape sequence in a file name must not break the one line
// per finding, nor reach the terminal raw; other bytes pass through.
static void test_control_characters_are_escaped(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  finding_list_add(findings, fixture_rule("layer-violation"), "odd\nname\033[31m.h", 1, 1,
                   "tab\there \"quoted\" back\\slash caf\xc3\xa9 \x7f");
  report_context context = {.findings = findings};
  bool ok = false;
  char *text = fixture_capture(report_text, &context, &ok);
  assert_true(ok);
  assert_string_equal(text, "odd\\nname\\x1b[31m.h:1:1: error: tab\\there \"quoted\" "
                            "back\\slash caf\xc3\xa9 \\x7f [layer-violation]\n"
                            "\n"
                            "1 layer-violation\n"
                            "found 1 problem: 1 error\n");
  free(text);
  finding_list_delete(findings);
}

// The advice a rule's messages share is said once, after the findings.
static void test_advice_once_per_rule(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  for (uint32_t line = 1; line <= 2; line++) {
    finding *item = finding_list_add(findings, fixture_rule("undated-deprecation"), "a.py", line, 1,
                                     "undated deprecation 'x': date it");
    finding_set_advice(item, "date it");
  }
  // Not the message's end: no advice.
  finding_set_advice(&findings->items[0], "something else");
  report_context context = {.findings = findings};
  bool ok = false;
  char *text = fixture_capture(report_text, &context, &ok);
  assert_true(ok);
  assert_string_equal(text, "a.py:1:1: warning: undated deprecation 'x' [undated-deprecation]\n"
                            "a.py:2:1: warning: undated deprecation 'x' [undated-deprecation]\n"
                            "\n"
                            "help: date it [undated-deprecation]\n"
                            "\n"
                            "2 undated-deprecation\n"
                            "found 2 problems: 2 warnings\n");
  free(text);
  // --quiet: the findings alone.
  context.quiet = true;
  text = fixture_capture(report_text, &context, &ok);
  assert_string_equal(text, "a.py:1:1: warning: undated deprecation 'x' [undated-deprecation]\n"
                            "a.py:2:1: warning: undated deprecation 'x' [undated-deprecation]\n");
  free(text);
  finding_list_delete(findings);
}

static void test_grouped_and_statistics(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  finding_list_add(findings, fixture_rule("layer-violation"), "a.h", 2, 3, "up");
  finding_list_add(findings, fixture_rule("layer-violation"), "a.h", 12, 1, "up again");
  finding_list_add(findings, fixture_rule("import-cycle"), "b.py", 1, 1, "round");
  report_context context = {.findings = findings, .quiet = true};
  bool ok = false;
  char *text = fixture_capture(report_text_grouped, &context, &ok);
  assert_true(ok);
  assert_string_equal(text, "a.h:\n"
                            "  2:3  error: up [layer-violation]\n"
                            "  12:1 error: up again [layer-violation]\n"
                            "\n"
                            "b.py:\n"
                            "  1:1 error: round [import-cycle]\n");
  free(text);
  char *buffer = NULL;
  size_t length = 0;
  FILE *out = open_memstream(&buffer, &length);
  assert_true(report_statistics(out, &context, false));
  fclose(out);
  assert_string_equal(
      buffer, "2  layer-violation  error    A component depends on a component in a higher "
              "layer.\n"
              "1  import-cycle     error    Python modules that import each other at import "
              "time.\n");
  free(buffer);
  finding_list_delete(findings);
}

// An empty tree says that nothing was analyzed.
static void test_nothing_analyzed(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  report_context context = {.findings = findings, .nothing_analyzed = true};
  bool ok = false;
  char *text = fixture_capture(report_text, &context, &ok);
  assert_string_equal(text, "nothing analyzed: the tree holds no file strata reads\n");
  free(text);
  finding_list_delete(findings);
}

static void test_write_error_is_reported(void **state) {
  (void)state;
  finding_list *findings = finding_list_new();
  finding_list_add(findings, fixture_rule("layer-violation"), "a.h", 1, 1, "m");
  report_context context = {.findings = findings};
  assert_false(fixture_report_to_full_disk(report_text, &context));
  finding_list_delete(findings);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_findings_then_counts),
      cmocka_unit_test(test_one_note_is_singular),
      cmocka_unit_test(test_no_findings),
      cmocka_unit_test(test_color),
      cmocka_unit_test(test_control_characters_are_escaped),
      cmocka_unit_test(test_advice_once_per_rule),
      cmocka_unit_test(test_grouped_and_statistics),
      cmocka_unit_test(test_nothing_analyzed),
      cmocka_unit_test(test_write_error_is_reported),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
