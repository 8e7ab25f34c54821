// Unit tests for the word offsets the Python walks prune with: every
// occurrence is found, none overlap, and a range holds a hit exactly when a
// word starts inside it.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "python_hits.h"

#include <string.h>

static void test_words_are_found_where_they_start(void **state) {
  (void)state;
  python_hits hits;
  python_hits_init(&hits);
  const char *text = "import os\nfrom a import b  # import\nimpor t importimport";
  python_hits_add_word(&hits, text, strlen(text), "import", 6);
  python_hits_add_word(&hits, text, strlen(text), "#", 1);
  python_hits_sort(&hits);
  assert_int_equal(hits.count, 6);
  static const uint32_t expected[] = {0, 17, 27, 29, 44, 50};
  for (size_t i = 0; i < hits.count; i++)
    assert_int_equal(hits.offsets[i], expected[i]);
  python_hits_release(&hits);
}

static void test_a_range_holds_a_hit_that_starts_in_it(void **state) {
  (void)state;
  python_hits hits;
  python_hits_init(&hits);
  const char *text = "aa warn bb warn";
  python_hits_add_word(&hits, text, strlen(text), "warn", 4);
  python_hits_sort(&hits);
  assert_true(python_hits_within(&hits, 0, 4));  // starts at 3
  assert_false(python_hits_within(&hits, 0, 3)); // the end is not in the range
  assert_false(python_hits_within(&hits, 4, 11));
  assert_true(python_hits_within(&hits, 4, 12));
  assert_false(python_hits_within(&hits, 12, 100));
  python_hits_clear(&hits);
  assert_false(python_hits_within(&hits, 0, 100));
  // A word longer than the text, or cut at its end, is no hit.
  python_hits_add_word(&hits, "war", 3, "warn", 4);
  python_hits_add_word(&hits, "x war", 5, "warn", 4);
  assert_int_equal(hits.count, 0);
  python_hits_release(&hits);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_words_are_found_where_they_start),
      cmocka_unit_test(test_a_range_holds_a_hit_that_starts_in_it),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
