// Unit tests for notice.c: each problem is kept once, in a stable order.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "notice.h"

#include <stdio.h>
#include <string.h>

static void test_a_repeated_notice_is_kept_once(void **state) {
  (void)state;
  notice_list *notices = notice_list_new();
  notice_list_add(notices, "a.py", 3, 1, "syntax error");
  notice_list_add(notices, "a.py", 3, 1, "syntax error");
  assert_int_equal(notices->count, 1);
  // Any field that differs makes another notice.
  notice_list_add(notices, "b.py", 3, 1, "syntax error");
  notice_list_add(notices, "a.py", 4, 1, "syntax error");
  notice_list_add(notices, "a.py", 3, 2, "syntax error");
  notice_list_add(notices, "a.py", 3, 1, "not valid UTF-8");
  assert_int_equal(notices->count, 5);
  notice_list_delete(notices);
}

static void test_the_run_as_a_whole_is_not_an_empty_path(void **state) {
  (void)state;
  notice_list *notices = notice_list_new();
  notice_list_add(notices, NULL, 0, 0, "cannot read the cache");
  notice_list_add(notices, "", 0, 0, "cannot read the cache");
  notice_list_add(notices, NULL, 0, 0, "cannot read the cache");
  assert_int_equal(notices->count, 2);
  notice_list_sort(notices);
  assert_null(notices->items[0].path); // the run's notices come first
  assert_string_equal(notices->items[1].path, "");
  notice_list_delete(notices);
}

static void test_fields_do_not_run_into_each_other(void **state) {
  (void)state;
  // Line 1 column 12 and line 11 column 2 must not look alike, nor a path
  // that ends where a message could start.
  notice_list *notices = notice_list_new();
  notice_list_add(notices, "a.py", 1, 12, "x");
  notice_list_add(notices, "a.py", 11, 2, "x");
  notice_list_add(notices, "a.py1", 1, 1, "x");
  notice_list_add(notices, "a.py", 11, 1, "x");
  assert_int_equal(notices->count, 4);
  notice_list_delete(notices);
}

static void test_many_notices_after_sorting(void **state) {
  (void)state;
  // Thousands of broken files: each is kept once, also when its notice comes
  // again after the list was sorted.
  enum { COUNT = 20000 };
  notice_list *notices = notice_list_new();
  char path[32];
  for (int round = 0; round < 2; round++) {
    for (int i = COUNT - 1; i >= 0; i--) {
      snprintf(path, sizeof(path), "pkg/m%05d.py", i);
      notice_list_add(notices, path, 1, 1, "syntax error");
    }
    notice_list_sort(notices);
  }
  assert_int_equal(notices->count, COUNT);
  assert_string_equal(notices->items[0].path, "pkg/m00000.py");
  assert_string_equal(notices->items[COUNT - 1].path, "pkg/m19999.py");
  notice_list_delete(notices);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_a_repeated_notice_is_kept_once),
      cmocka_unit_test(test_the_run_as_a_whole_is_not_an_empty_path),
      cmocka_unit_test(test_fields_do_not_run_into_each_other),
      cmocka_unit_test(test_many_notices_after_sorting),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
