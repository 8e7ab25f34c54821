// Unit tests for glob.c: matching, malformed patterns, specificity and the
// folder pruning test.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "glob.h"

#include <stdio.h>
#include <string.h>

typedef struct glob_case {
  const char *pattern;
  const char *path;
  bool matches;
} glob_case;

static const glob_case glob_cases[] = {
    // `*` stays within one segment.
    {"*.py", "x.py", true},
    {"*.py", "a/x.py", false},
    {"*", "a", true},
    {"*", "a/b", false},
    {"torch/*.py", "torch/x.py", true},
    {"torch/*.py", "torch/nn/x.py", false},
    {"a/*/c", "a/b/c", true},
    {"a/*/c", "a/c", false},
    {"a/*/c", "a/b/d/c", false},
    // `**` crosses segments.
    {"a/**", "a/x", true},
    {"a/**", "a/x/y/z", true},
    {"a/**", "a", false},
    {"a/**", "ab/x", false},
    {"a/**", "b/a/x", false},
    {"**/x.py", "x.py", true},
    {"**/x.py", "a/x.py", true},
    {"**/x.py", "a/b/x.py", true},
    {"**/x.py", "ax.py", false},
    {"**/x.py", "a/bx.py", false},
    {"a/**/b", "a/b", true},
    {"a/**/b", "a/x/y/b", true},
    {"a/**/b", "a/xb", false},
    {"a/**/b", "ab", false},
    {"**/*.cu", "k.cu", true},
    {"**/*.cu", "aten/src/k.cu", true},
    {"**/*.cu", "aten/src/k.cuh", false},
    {"**", "anything/at/all", true},
    {"**/node_modules/**", "node_modules/x.js", true},
    {"**/node_modules/**", "web/node_modules/b/c.js", true},
    {"**/node_modules/**", "web/node_modules", false},
    {".git/**", ".git/HEAD", true},
    // `?` is one character, not '/', and a whole UTF-8 sequence.
    {"?.py", "a.py", true},
    {"?.py", "ab.py", false},
    {"?.py", ".py", false},
    {"a?b", "a/b", false},
    {"?.py", "\xc3\xa9.py", true},
    // Classes.
    {"[abc].py", "b.py", true},
    {"[abc].py", "d.py", false},
    {"[a-c]x", "bx", true},
    {"[a-c]x", "dx", false},
    {"[!x].py", "y.py", true},
    {"[!x].py", "x.py", false},
    {"[!x].py", "\xc3\xa9.py", true},
    {"a[!x]b", "a/b", false},
    {"[]]", "]", true},
    {"[.]py", ".py", true},
    {"[.]py", "xpy", false},
    // Everything else is literal, regex metacharacters included.
    {"a.b", "a.b", true},
    {"a.b", "axb", false},
    {"a+b(c)|d$", "a+b(c)|d$", true},
    {"a\\b", "a\\b", true},
    {"caf\xc3\xa9.py", "caf\xc3\xa9.py", true},
    {"torch/csrc/**", "torch/csrc/autograd/x.cpp", true},
    // The shapes matched without PCRE2 (a literal, "dir/**", "[dir/]**/NAME",
    // "[dir/]**/*SUFFIX") agree with the regular expressions.
    {"a/b", "a/b", true},
    {"a/b", "a/bc", false},
    {"a/b", "a", false},
    {"a/b", "x/a/b", false},
    {"a/**/*.cu", "a/k.cu", true},
    {"a/**/*.cu", "a/b/c/k.cu", true},
    {"a/**/*.cu", "a/.cu", true},
    {"a/**/*.cu", "b/k.cu", false},
    {"a/**/*.cu", "ak.cu", false},
    {"a/**/*.cu", "a/k.cuh", false},
    {"a/**/*.cu", "a.cu", false},
    {"a/**/b", "a/b/c", false},
    {"a/**/b", "x/a/b", false},
    {"**/x", "x/y", false},
    {"**/x", "y/x", true},
    {"**/*", "", true},
    {"**/*", "a/b/c", true},
    {"a/b/**", "a/b/c/d", true},
    {"a/b/**", "a/bc/d", false},
    {"a/b/**", "a/b", false},
    {"caffe2/core/common.*", "caffe2/core/common.h", true},
    {"caffe2/core/common.*", "caffe2/core/common.h/x", false},
    {"caffe2/core/common.*", "caffe2/core/commonxh", false},
    {"*_test.*", "a_test.cc", true},
    {"*_test.*", "a_test", false},
    {"a*b*c", "abc", true},
    {"a*b*c", "axxbyyc", true},
    {"a*b*c", "axxbyy", false},
    {"a*b*c", "ab/c", false},
    {"**/*_test.*", "x/y/a_test.cc", true},
    {"**/*_test.*", "x/a_test/b.cc", false},
    {"caffe2/**/*_benchmark.cc", "caffe2/a/b/x_benchmark.cc", true},
    {"caffe2/**/*_benchmark.cc", "caffe2/x_benchmark.cc", true},
    {"caffe2/**/*_benchmark.cc", "torch/x_benchmark.cc", false},
    {"**/test/**", "test/a.py", true},
    {"**/test/**", "a/b/test/c/d.py", true},
    {"**/test/**", "a/test", false},
    {"**/test/**", "a/tests/b.py", false},
    {"**/test/**", "a/xtest/b.py", false},
};

static void test_glob_matching(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof(glob_cases) / sizeof(glob_cases[0]); i++) {
    const glob_case *c = &glob_cases[i];
    const char *message = NULL;
    size_t offset = 0;
    glob *compiled = glob_new(c->pattern, &message, &offset);
    if (!compiled)
      fail_msg("'%s' does not compile: %s at %zu", c->pattern, message, offset);
    if (glob_match(compiled, c->path) != c->matches)
      fail_msg("'%s' against '%s': expected %s", c->pattern, c->path,
               c->matches ? "a match" : "no match");
    assert_string_equal(glob_pattern(compiled), c->pattern);
    glob_delete(compiled);
  }
}

typedef struct bad_glob_case {
  const char *pattern;
  size_t offset;
  const char *message;
} bad_glob_case;

static const bad_glob_case bad_glob_cases[] = {
    {"", 0, "empty glob"},
    {"/abs/**", 0, "a glob is relative to the root, not absolute"},
    {"a/[bc", 2, "unclosed '['"},
    {"[!", 0, "unclosed '['"},
    {"a**b", 1, "'**' must be a whole path segment"},
    {"a/**b", 2, "'**' must be a whole path segment"},
    {"a/b**", 3, "'**' must be a whole path segment"},
    {"***", 0, "'**' must be a whole path segment"},
    {"a//b", 2, "empty path segment"},
    {"a/", 2, "a glob cannot end with '/'; write 'folder/**' for the files below a folder"},
    {"./a", 0, "path segments cannot be '.' or '..'"},
    {"a/../b", 2, "path segments cannot be '.' or '..'"},
    {"x[a/b]", 3, "'/' cannot appear in a character class"},
    {"[z-a]", 1, "character range out of order"},
    {"[\xc3\xa9]", 1, "a character class holds ASCII characters only"},
};

static void test_bad_globs(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof(bad_glob_cases) / sizeof(bad_glob_cases[0]); i++) {
    const bad_glob_case *c = &bad_glob_cases[i];
    const char *message = NULL;
    size_t offset = 99;
    glob *compiled = glob_new(c->pattern, &message, &offset);
    if (compiled)
      fail_msg("'%s' compiles but should not", c->pattern);
    assert_non_null(message);
    if (strcmp(message, c->message) != 0 || offset != c->offset)
      fail_msg("'%s': got '%s' at %zu, expected '%s' at %zu", c->pattern, message, offset,
               c->message, c->offset);
  }
}

static size_t specificity_of(const char *pattern) {
  const char *message = NULL;
  size_t offset = 0;
  glob *compiled = glob_new(pattern, &message, &offset);
  assert_non_null(compiled);
  size_t specificity = glob_specificity(compiled);
  glob_delete(compiled);
  return specificity;
}

static void test_specificity_counts_literal_characters(void **state) {
  (void)state;
  assert_int_equal(specificity_of("torch/csrc/**"), 11);
  assert_int_equal(specificity_of("torch/**"), 6);
  assert_int_equal(specificity_of("*.py"), 3);
  assert_int_equal(specificity_of("[ab]?"), 0);
  assert_int_equal(specificity_of("**"), 0);
  assert_int_equal(specificity_of("caf\xc3\xa9"), 4);
  assert_true(specificity_of("torch/csrc/**") > specificity_of("torch/**"));
}

typedef struct below_case {
  const char *pattern;
  const char *folder;
  bool everything;
} below_case;

static const below_case below_cases[] = {
    {"build/**", "build", true},
    {"build/**", "build/", true},
    {"build/**", "build/x/y", true},
    {"build/**", "buildx", false},
    {"build/**", "src", false},
    {"build/**", "", false},
    {"third_party/**", "third_party/x", true},
    {"**/node_modules/**", "node_modules", true},
    {"**/node_modules/**", "web/node_modules", true},
    {"**/node_modules/**", "web/node_modules/a", true},
    {"**/node_modules/**", "web/app", false},
    {"a/*/c/**", "a/b/c", true},
    {"a/*/c/**", "a/b", false},
    {"**", "anything", true},
    {"*.py", "x", false},
    {"build/*", "build", false}, // build/sub/x.py is not matched
};

static void test_matches_everything_below(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof(below_cases) / sizeof(below_cases[0]); i++) {
    const below_case *c = &below_cases[i];
    const char *message = NULL;
    size_t offset = 0;
    glob *compiled = glob_new(c->pattern, &message, &offset);
    assert_non_null(compiled);
    if (glob_matches_everything_below(compiled, c->folder) != c->everything)
      fail_msg("'%s' below '%s': expected %s", c->pattern, c->folder,
               c->everything ? "true" : "false");
    // Whenever it says "everything", a file deep below must indeed match.
    if (c->everything && c->folder[0]) {
      char deep[256];
      int length = (int)strlen(c->folder) - (c->folder[strlen(c->folder) - 1] == '/');
      snprintf(deep, sizeof(deep), "%.*s/deep/er/file.txt", length, c->folder);
      assert_true(glob_match(compiled, deep));
    }
    glob_delete(compiled);
  }
}

static void test_delete_null_is_a_no_op(void **state) {
  (void)state;
  glob_delete(NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_glob_matching),
      cmocka_unit_test(test_bad_globs),
      cmocka_unit_test(test_specificity_counts_literal_characters),
      cmocka_unit_test(test_matches_everything_below),
      cmocka_unit_test(test_delete_null_is_a_no_op),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
