// Unit tests for python_guard.c: which statements are blanked before the
// parse, because their nesting might run tree-sitter 0.20's parse stack past
// 65,535 entries. Each keyword has its role in the estimate: a prefix or a
// right-associative operator piles up, a left-associative one does not, and a
// name that merely starts like a keyword is an operand.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "python_guard.h"
#include "strbuf.h"

#include <stdlib.h>
#include <string.h>

enum { REPEATS = 30000 }; // twice that many stack entries: over the limit

// Guards "import before\nx = " + REPEATS x piece + last + "\nimport after\n";
// returns how many statements were blanked, and checks that only line 2 was.
static uint32_t blanked(const char *piece, const char *last) {
  strbuf text;
  strbuf_init(&text);
  strbuf_append_str(&text, "import before\nx = ");
  for (int i = 0; i < REPEATS; i++)
    strbuf_append_str(&text, piece);
  strbuf_append_str(&text, last);
  strbuf_append_str(&text, "\nimport after\n");
  uint32_t first_line, line_count;
  char *copy = python_guard_blank_deep_lines(text.data, text.length, &first_line, &line_count);
  if (copy) {
    assert_int_equal(first_line, 2);
    assert_int_equal(strlen(copy), text.length); // lines and offsets do not move
    assert_memory_equal(copy, "import before\n      ", 20);
    assert_string_equal(copy + text.length - 13, "import after\n");
    free(copy);
  } else {
    assert_int_equal(line_count, 0);
  }
  strbuf_release(&text);
  return line_count;
}

static void test_prefix_keywords_pile_up(void **state) {
  (void)state;
  static const char *const prefixes[] = {
      "not ",   "await ",    "lambda: ", "yield ",    "assert ", "async ",  "break ",
      "class ", "continue ", "def ",     "del ",      "elif ",   "except ", "finally ",
      "from ",  "global ",   "import ",  "nonlocal ", "pass ",   "raise ",  "return ",
      "try ",   "while ",    "with ",    "if ",       "else ",   "- ",      "~ ",
  };
  for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
    print_message("prefix '%s'\n", prefixes[i]);
    assert_int_equal(blanked(prefixes[i], "y"), 1);
  }
}

static void test_right_associative_operators_pile_up(void **state) {
  (void)state;
  assert_int_equal(blanked("a if b else ", "c"), 1);
  assert_int_equal(blanked("a ** ", "b"), 1);
  assert_int_equal(blanked("a := ", "b"), 1);
}

static void test_left_associative_operators_do_not(void **state) {
  (void)state;
  static const char *const pieces[] = {
      "a and ", "a or ", "a in ", "a is ", "a for ", "a as ",     "a + ",
      "a * ",   "a < ",  "a.",    "a, ",   "a | ",   "a not in ",
  };
  for (size_t i = 0; i < sizeof(pieces) / sizeof(pieces[0]); i++) {
    print_message("piece '%s'\n", pieces[i]);
    assert_int_equal(blanked(pieces[i], "b"), 0);
  }
}

static void test_names_that_look_like_keywords_are_operands(void **state) {
  (void)state;
  // Each is a keyword with a byte more, a byte less or another case: a name,
  // so a run of them is a run of operands.
  static const char *const names[] = {
      "nota ",   "no ",     "awaits ", "lambd ",   "yields ",  "Not ",     "NOT ",     "_not ",
      "iff ",    "i ",      "elses ",  "imports ", "returns ", "delete ",  "defs ",    "withs ",
      "classy ", "trying ", "passes ", "global_ ", "assertx ", "asyncio ", "fromage ",
  };
  for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
    print_message("name '%s'\n", names[i]);
    assert_int_equal(blanked(names[i], "y"), 0);
  }
}

static void test_comments_and_strings_hold_no_operators(void **state) {
  (void)state;
  assert_int_equal(blanked("a  # not not not ( ( (\n", "b"), 0);
  assert_int_equal(blanked("'not ( [ {' + ", "b"), 0);
  assert_int_equal(blanked("\"\"\"not\n(((\"\"\" + ", "b"), 0);
}

static void test_short_files_are_not_scanned(void **state) {
  (void)state;
  uint32_t first_line = 7, line_count = 7;
  assert_null(python_guard_blank_deep_lines("x = ((((((1))))))\n", 18, &first_line, &line_count));
  assert_int_equal(first_line, 0);
  assert_int_equal(line_count, 0);
}

// Runs of comment lines: up to PYTHON_GUARD_MAX_RUN are parsed as they are;
// more have their comment lines blanked in the parsable text (offsets and
// lines kept) and their comments kept as the parser would give them.
static void test_comment_runs(void **state) {
  (void)state;
  python_guard_result result;
  python_guard_result_init(&result);
  strbuf text;
  strbuf_init(&text);
  strbuf_append_str(&text, "def f():\n");
  for (unsigned i = 0; i < PYTHON_GUARD_MAX_RUN; i++)
    strbuf_append_str(&text, "    # short\n");
  strbuf_append_str(&text, "    pass\n\n");
  size_t long_run = text.length;
  for (unsigned i = 0; i <= PYTHON_GUARD_MAX_RUN + 1; i++)
    strbuf_append_str(&text, i == 3 ? "\n" : "\t# caf\xc3\xa9 \r\n"); // a blank line: one run
  strbuf_append_str(&text, "    x = 1  # not alone\n");
  python_guard_apply(text.data, text.length, &result);
  assert_null(result.readable);
  assert_non_null(result.parsable);
  assert_int_equal(strlen(result.parsable), text.length);
  // The short run and the code are as they were; the long run is blanks.
  assert_memory_equal(result.parsable, text.data, long_run);
  assert_string_equal(result.parsable + text.length - 23, "    x = 1  # not alone\n");
  assert_memory_equal(result.parsable + long_run, "\t        \r\n", 11);
  assert_int_equal(result.hidden.count, PYTHON_GUARD_MAX_RUN + 1);
  const python_comment *first = &result.hidden.items[0];
  assert_int_equal(first->line, 1 + PYTHON_GUARD_MAX_RUN + 3);
  assert_int_equal(first->column, 2);
  assert_int_equal(first->start, long_run + 1);
  assert_int_equal(first->end - first->start, 7); // "# caf\xc3\xa9", blanks and CR left out
  assert_true(first->own_line);
  assert_int_equal(result.hidden.items[3].line, first->line + 4); // after the blank line
  assert_int_equal(result.backslash_count, 0);
  python_guard_result_release(&result);
  strbuf_release(&text);
}

// '#' lines of a string are no comments: they are neither blanked nor kept.
static void test_string_lines_are_not_comments(void **state) {
  (void)state;
  python_guard_result result;
  python_guard_result_init(&result);
  strbuf text;
  strbuf_init(&text);
  strbuf_append_str(&text, "s = '''\n");
  for (unsigned i = 0; i < 3 * PYTHON_GUARD_MAX_RUN; i++)
    strbuf_append_str(&text, "# in a string, it's\n");
  strbuf_append_str(&text, "'''\n");
  python_guard_apply(text.data, text.length, &result);
  assert_null(result.parsable);
  assert_int_equal(result.hidden.count, 0);
  python_guard_result_release(&result);
  strbuf_release(&text);
}

// More than PYTHON_GUARD_MAX_RUN lines of nothing but a backslash: the
// backslashes are blanked and counted for the notice.
static void test_backslash_runs(void **state) {
  (void)state;
  python_guard_result result;
  python_guard_result_init(&result);
  strbuf text;
  strbuf_init(&text);
  strbuf_append_str(&text, "import os\nx = 1 + \\\n");
  for (unsigned i = 0; i <= PYTHON_GUARD_MAX_RUN; i++)
    strbuf_append_str(&text, "  \\\n");
  strbuf_append_str(&text, "1\n");
  python_guard_apply(text.data, text.length, &result);
  assert_non_null(result.parsable);
  assert_int_equal(result.backslash_count, PYTHON_GUARD_MAX_RUN + 1);
  assert_int_equal(result.backslash_line, 3);
  assert_null(strchr(result.parsable + 20, '\\'));
  assert_memory_equal(result.parsable, "import os\nx = 1 + \\\n", 20);
  python_guard_result_release(&result);
  strbuf_release(&text);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_prefix_keywords_pile_up),
      cmocka_unit_test(test_right_associative_operators_pile_up),
      cmocka_unit_test(test_left_associative_operators_do_not),
      cmocka_unit_test(test_names_that_look_like_keywords_are_operands),
      cmocka_unit_test(test_comments_and_strings_hold_no_operators),
      cmocka_unit_test(test_short_files_are_not_scanned),
      cmocka_unit_test(test_comment_runs),
      cmocka_unit_test(test_string_lines_are_not_comments),
      cmocka_unit_test(test_backslash_runs),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
