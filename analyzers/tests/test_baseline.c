// Unit tests for baseline.c: writing, reading back, where entries are,
// matching by fingerprint (each entry once), and refusing what is no
// baseline.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "baseline.h"
#include "rule.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *temporary_path(const char *name) {
  const char *folder = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
  return xasprintf("%s/strata-test-baseline-%ld-%s", folder, (long)getpid(), name);
}

static void write_text(const char *path, const char *text) {
  FILE *file = fopen(path, "w");
  assert_non_null(file);
  fputs(text, file);
  fclose(file);
}

static finding *add(finding_list *findings, const char *path, uint32_t line, const char *message,
                    const char *fingerprint_part) {
  finding *item =
      finding_list_add(findings, rule_find("layer-violation"), path, line, 1, "%s", message);
  const char *parts[] = {path, fingerprint_part};
  finding_set_fingerprint(item, parts, 2);
  return item;
}

static void test_write_then_read(void **state) {
  (void)state;
  char *path = temporary_path("round.json");
  finding_list *findings = finding_list_new();
  add(findings, "z.py", 9, "last", "import z");
  add(findings, "a.py", 3, "first", "import a");
  add(findings, "a.py", 7, "first", "import a"); // the same fingerprint again
  finding *dated = add(findings, "m.py", 1, "today is 2025-01-01", "import m");
  dated->summary = xstrdup("without the day");
  char *error = NULL;
  assert_true(baseline_write_findings(path, findings, NULL, &error));

  uint32_t line, column;
  baseline *read = baseline_read(path, &error, &line, &column);
  assert_non_null(read);
  assert_int_equal(read->count, 4);
  // Sorted by path: one entry per line from line 4, at its '{'.
  assert_string_equal(read->entries[0].path, "a.py");
  assert_int_equal(read->entries[0].line, 4);
  assert_int_equal(read->entries[0].column, 5);
  assert_int_equal(read->entries[1].line, 5);
  assert_string_equal(read->entries[2].summary, "without the day");
  assert_string_equal(read->entries[3].path, "z.py");
  assert_int_equal(read->entries[3].line, 7);

  // Each entry matches one finding.
  assert_true(baseline_match(read, findings->items[1].fingerprint));
  assert_true(baseline_match(read, findings->items[1].fingerprint));
  assert_false(baseline_match(read, findings->items[1].fingerprint));
  assert_false(baseline_match(read, "0123"));
  assert_int_equal(baseline_unmatched_count(read), 2);

  // Only matched entries survive an update.
  assert_true(baseline_write_matched(read, &error));
  baseline_delete(read);
  read = baseline_read(path, &error, &line, &column);
  assert_non_null(read);
  assert_int_equal(read->count, 2);
  assert_string_equal(read->entries[1].path, "a.py");
  baseline_delete(read);

  finding_list_delete(findings);
  unlink(path);
  free(path);
}

static void test_refuses_what_is_no_baseline(void **state) {
  (void)state;
  char *path = temporary_path("bad.json");
  // Every problem has its place: a syntax error at the token jansson names
  // (or the end of the text), a wrong value where it is, a missing member at
  // the object that lacks it.
  static const struct {
    const char *text;
    const char *message;
    uint32_t line;
    uint32_t column;
  } cases[] = {
      {"{\"version\": 1,\n \"findings\": [}\n", "invalid baseline: ", 2, 15},
      {"{\"version\": 1,\n \"findings\": [\n", "near end of file", 3, 1},
      {"{\"version\": 1,\n \"findings\": [x]}", "invalid token near 'x'", 2, 15},
      {"{\"version\": 1,\n \"findings\": [],\n}", "invalid baseline: ", 3, 1},
      {"[]", "not a strata baseline", 1, 1},
      {"\n  [\"findings\"]", "not a strata baseline", 2, 3},
      {"{\"version\": 1,\n \"findings\": {}}", "not a strata baseline", 2, 14},
      {"{\"version\": 2, \"findings\": []}", "unsupported baseline version", 1, 13},
      {"{\"findings\": []}", "unsupported baseline version", 1, 1},
      {"{\"version\": 1, \"findings\": [3]}", "entry 1 of 'findings' must be an object", 1, 29},
      {"{\"version\": 1, \"findings\": [\n  {\"fingerprint\": \"ab\", \"path\": \"a.py\"}]}",
       "entry 1 of 'findings' needs 'rule' as a non-empty string", 2, 3},
      {"{\"version\": 1, \"findings\": [\n"
       "  {\"fingerprint\": \"ab\", \"path\": \"a.py\", \"rule\": \"r\"},\n"
       "  {\"fingerprint\": \"cd\", \"path\": 7, \"rule\": \"r\"}]}",
       "entry 2 of 'findings' needs 'path' as a non-empty string", 3, 33},
      {"{\"version\": 1, \"findings\": [\n"
       "  {\"fingerprint\": \"ab\", \"p\\u00e9\": 1, \"path\": \"\", \"rule\": \"r\"}]}",
       "entry 1 of 'findings' needs 'path' as a non-empty string", 2, 47},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    write_text(path, cases[i].text);
    char *error = NULL;
    uint32_t line, column;
    assert_null(baseline_read(path, &error, &line, &column));
    if (!strstr(error, cases[i].message) || line != cases[i].line || column != cases[i].column)
      fail_msg("case %zu: %u:%u: %s", i, line, column, error);
    free(error);
  }
  unlink(path);
  char *error = NULL;
  uint32_t line, column;
  assert_null(baseline_read(path, &error, &line, &column));
  assert_non_null(strstr(error, "No such file or directory"));
  free(error);
  free(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_write_then_read),
      cmocka_unit_test(test_refuses_what_is_no_baseline),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
