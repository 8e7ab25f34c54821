// Unit tests for suppression_comment.c: one parser for `strata: ignore[...]`
// comments in Python, C, C++ and CUDA.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "strbuf.h"
#include "suppression_comment.h"

#include <stdlib.h>
#include <string.h>

// Parses text; returns "rules|reason" ("-" for no reason), or NULL when it is
// no suppression. The caller frees the result.
static char *parse(const char *text) {
  fact_suppression parsed = {0};
  if (!suppression_comment_parse(text, strlen(text), &parsed))
    return NULL;
  strbuf out;
  strbuf_init(&out);
  for (uint32_t i = 0; i < parsed.rule_count; i++) {
    strbuf_printf(&out, "%s%s", i ? "," : "", parsed.rules[i]);
    free(parsed.rules[i]);
  }
  strbuf_printf(&out, "|%s", parsed.reason ? parsed.reason : "-");
  free(parsed.rules);
  free(parsed.reason);
  return strbuf_detach(&out);
}

static void assert_parses(const char *text, const char *expected) {
  char *got = parse(text);
  if (!expected) {
    assert_null(got);
    return;
  }
  assert_non_null(got);
  assert_string_equal(got, expected);
  free(got);
}

static void test_python_forms(void **state) {
  (void)state;
  assert_parses("# strata: ignore[layer-violation] the old API", "layer-violation|the old API");
  assert_parses("#strata:ignore[a,b]why", "a,b|why");
  assert_parses("## strata: ignore [ a , ,b ]   two   words  ", "a,b|two words");
  assert_parses("# type: ignore[attr]  # strata: ignore[b] after", "b|after");
  // The marker after '#' only: "//" means nothing in Python.
  assert_parses("# x // strata: ignore[b] why", NULL);
}

static void test_c_forms(void **state) {
  (void)state;
  assert_parses("// strata: ignore[include-cycle] why", "include-cycle|why");
  assert_parses("/* strata: ignore[a] a\n   block */", "a|a block");
  assert_parses("/** strata: ignore[a] doc */", "a|doc");
  assert_parses("//! strata: ignore[a]", "a|-");
  assert_parses("// NOLINT // strata: ignore[a] after", "a|after");
  assert_parses("/* NOLINT */", NULL);
  // '#' is not a comment boundary in C.
  assert_parses("// see # strata: ignore[a]", NULL);
}

static void test_malformed_forms_have_no_rules(void **state) {
  (void)state;
  assert_parses("# strata: ignore", "|-");
  assert_parses("# strata: ignore layer-violation why", "|layer-violation why");
  assert_parses("# strata: ignore[] why", "|why");
  assert_parses("# strata: ignore[a, b", "|-");
  assert_parses("// strata: ignore", "|-");
}

static void test_prose_is_no_suppression(void **state) {
  (void)state;
  assert_parses("# strata: ignored is prose", NULL);
  assert_parses("# not strata: ignore[a]", NULL);
  assert_parses("# Strata: ignore[a]", NULL);
  assert_parses("# strata ignore[a]", NULL);
  assert_parses("// see strata: ignore[a] in the docs", NULL);
  assert_parses("", NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_python_forms),
      cmocka_unit_test(test_c_forms),
      cmocka_unit_test(test_malformed_forms_have_no_rules),
      cmocka_unit_test(test_prose_is_no_suppression),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
