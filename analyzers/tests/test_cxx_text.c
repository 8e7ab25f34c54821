// Unit tests for the C/C++ front end's text helpers: finding a word in any
// case (both forms of its first letter are looked for), from an offset, up
// to the very end, and never past it.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "cxx_text.h"

#include <string.h>

static size_t find(const char *text, size_t from, const char *needle, bool any_case) {
  return cxx_text_find(text, strlen(text), from, needle, any_case);
}

static void test_find_exact_case(void **state) {
  (void)state;
  assert_int_equal(find("a strata b // strata: x", 0, "strata:", false), 14);
  assert_int_equal(find("a strata b // strata: x", 14, "strata:", false), 14);
  assert_int_equal(find("a strata b // strata: x", 15, "strata:", false), SIZE_MAX);
  assert_int_equal(find("STRATA:", 0, "strata:", false), SIZE_MAX);
  assert_int_equal(find("xx strata:", 0, "strata:", false), 3); // at the very end
  assert_int_equal(find("xx strata", 0, "strata:", false), SIZE_MAX);
  assert_int_equal(find("ab", 0, "abc", false), SIZE_MAX);
  assert_int_equal(find("abc", 0, "", false), SIZE_MAX);
}

static void test_find_any_case(void **state) {
  (void)state;
  assert_int_equal(find("[[deprecated]]", 0, "deprecat", true), 2);
  assert_int_equal(find("C10_DEPRECATED", 0, "deprecat", true), 4);
  assert_int_equal(find("d D dd Deprecat", 0, "deprecat", true), 7);
  assert_int_equal(find("Deprecat deprecat", 1, "deprecat", true), 9);
  assert_int_equal(find("dEpReCaT", 0, "deprecat", true), 0);
  assert_int_equal(find("x DEPRECA", 0, "deprecat", true), SIZE_MAX);
  // A needle that starts with no letter.
  assert_int_equal(find("a _X _x", 0, "_x", true), 2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_find_exact_case),
      cmocka_unit_test(test_find_any_case),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
