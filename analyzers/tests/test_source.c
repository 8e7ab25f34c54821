// Unit tests for source.c: UTF-8 validation and column counting.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "source.h"

#include <string.h>

static void test_utf8_valid_text(void **state) {
  (void)state;
  const char *text = "import os  # caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\n";
  assert_int_equal(utf8_first_invalid(text, strlen(text)), SIZE_MAX);
}

static void test_utf8_invalid_sequences(void **state) {
  (void)state;
  assert_int_equal(utf8_first_invalid("ab\xff", 3), 2);
  assert_int_equal(utf8_first_invalid("a\xc3", 2), 1);            // truncated
  assert_int_equal(utf8_first_invalid("\xc0\xaf", 2), 0);         // overlong
  assert_int_equal(utf8_first_invalid("x\xed\xa0\x80", 4), 1);    // surrogate
  assert_int_equal(utf8_first_invalid("\xf4\x90\x80\x80", 4), 0); // past U+10FFFF
}

static void test_utf8_bad_byte_at_every_offset(void **state) {
  (void)state;
  // ASCII is checked eight bytes at a time: a bad byte, or a good sequence,
  // at any offset and alignment is still found where it is.
  char text[64];
  for (size_t at = 0; at + 4 <= sizeof(text); at++) {
    memset(text, 'a', sizeof(text));
    text[at] = '\xff';
    assert_int_equal(utf8_first_invalid(text, sizeof(text)), at);
    memcpy(text + at, "\xe2\x82\xac", 3); // a good sequence there
    assert_int_equal(utf8_first_invalid(text, sizeof(text)), SIZE_MAX);
    assert_int_equal(utf8_first_invalid(text, at + 2), at); // cut short by the length
  }
}

static void test_find_a_word(void **state) {
  (void)state;
  const char *text = "wa warn warn";
  assert_int_equal(source_find(text, strlen(text), 0, "warn", 4), 3);
  assert_int_equal(source_find(text, strlen(text), 4, "warn", 4), 8); // up to the very end
  assert_int_equal(source_find(text, strlen(text), 9, "warn", 4), SIZE_MAX);
  assert_int_equal(source_find(text, 11, 4, "warn", 4), SIZE_MAX); // cut short by the length
  assert_int_equal(source_find(text, strlen(text), 0, "", 0), SIZE_MAX);
  assert_int_equal(source_find("ab", 2, 0, "abc", 3), SIZE_MAX);
}

static void test_column_counts_code_points(void **state) {
  (void)state;
  const char *text = "s = '\xc3\xa9\xc3\xa9'; import os";
  const char *import = strstr(text, "import");
  assert_int_equal(source_column(text, 0, (size_t)(import - text)), 11);
  assert_int_equal(source_line_of("a\nb\nc", 4), 3);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_utf8_valid_text),
      cmocka_unit_test(test_utf8_invalid_sequences),
      cmocka_unit_test(test_utf8_bad_byte_at_every_offset),
      cmocka_unit_test(test_find_a_word),
      cmocka_unit_test(test_column_counts_code_points),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
