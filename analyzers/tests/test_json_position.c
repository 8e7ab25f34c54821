// Unit tests for json_position.c: the place of any value of a JSON text, of
// what lacks a member, and of the token jansson stopped at.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "json_position.h"

#include <stdlib.h>
#include <string.h>

static size_t find(const char *text, const json_path_step *path, size_t depth, size_t *matched) {
  return json_position_find(text, strlen(text), path, depth, matched);
}

static void test_find_values(void **state) {
  (void)state;
  const char *text = "{\"a\": [1, {\"b\": \"x\\\"y\"}, [true]],\n"
                     " \"caf\\u00e9\": {\"d\": null}, \"\": 5, \"e\": {}}";
  size_t matched;
  // The top value.
  assert_int_equal(find(text, NULL, 0, &matched), 0);
  json_path_step a1b[] = {{"a", 0}, {NULL, 1}, {"b", 0}};
  assert_int_equal(find(text, a1b, 3, &matched), strchr(text, 'x') - text - 1);
  assert_int_equal(matched, 3);
  json_path_step a2_0[] = {{"a", 0}, {NULL, 2}, {NULL, 0}};
  assert_int_equal(find(text, a2_0, 3, &matched), strstr(text, "true") - text);
  // A key written with an escape is found by what it says.
  json_path_step cafe_d[] = {{"caf\xc3\xa9", 0}, {"d", 0}};
  assert_int_equal(find(text, cafe_d, 2, &matched), strstr(text, "null") - text);
  json_path_step empty[] = {{"", 0}};
  assert_int_equal(find(text, empty, 1, &matched), strchr(text, '5') - text);
  // A member that is not there: the object that lacks it.
  json_path_step e_f[] = {{"e", 0}, {"f", 0}};
  assert_int_equal(find(text, e_f, 2, &matched), strrchr(text, '{') - text);
  assert_int_equal(matched, 1);
  // An element past the end: the array.
  json_path_step a9[] = {{"a", 0}, {NULL, 9}};
  assert_int_equal(find(text, a9, 2, &matched), strchr(text, '[') - text);
  assert_int_equal(matched, 1);
}

static bool count_values(void *context, const json_path_step *path, size_t depth, size_t offset) {
  (void)path;
  (void)depth;
  (void)offset;
  (*(size_t *)context)++;
  return true;
}

// Deep nesting is walked without recursion, and text that is no JSON stops
// the walk without reading past its end.
static void test_walk_bounds(void **state) {
  (void)state;
  size_t depth = 100000;
  char *deep = malloc(2 * depth + 2);
  memset(deep, '[', depth);
  deep[depth] = '1';
  memset(deep + depth + 1, ']', depth);
  deep[2 * depth + 1] = '\0';
  size_t count = 0;
  assert_true(json_position_walk(deep, strlen(deep), count_values, &count));
  assert_int_equal(count, depth + 1);
  free(deep);
  static const char *const broken[] = {"",      "{",         "{\"a",  "{\"a\":", "[1,",
                                       "\"abc", "{\"a\" 1}", "[1 2]", "}",       "{\"a\": \"\\"};
  for (size_t i = 0; i < sizeof(broken) / sizeof(*broken); i++) {
    count = 0;
    assert_false(json_position_walk(broken[i], strlen(broken[i]), count_values, &count));
  }
}

static void test_error_positions(void **state) {
  (void)state;
  static const struct {
    const char *text;
    unsigned line, column;
  } cases[] = {
      {"{\"version\": 1,\n \"findings\": [\n", 3, 1}, // the end of the text
      {"{\"version\": 1,\n \"findings\": [x]}", 2, 15},
      {"{\"a\": 1 \"bcd\"}", 1, 9}, // the start of the token, not its end
      {"{\"a\": 1,\n}", 2, 1},
      {"{\"caf\xc3\xa9\": tru}", 1, 10}, // columns count code points
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
    json_error_t error;
    json_t *root = json_loadb(cases[i].text, strlen(cases[i].text), 0, &error);
    assert_null(root);
    unsigned line, column;
    json_position_line_column(cases[i].text,
                              json_position_of_error(cases[i].text, strlen(cases[i].text), &error),
                              &line, &column);
    if (line != cases[i].line || column != cases[i].column)
      fail_msg("case %zu: %u:%u for '%s'", i, line, column, error.text);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_find_values),
      cmocka_unit_test(test_walk_bounds),
      cmocka_unit_test(test_error_positions),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
