// Unit tests for the deprecation sites and suppression comments the C, C++
// and CUDA front end records: every site form, messages (literal, none, not
// a literal), comments above and on the line, statements, dead code and
// directives, configured macros, and `strata: ignore[...]` comments.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "config.h"
#include "frontend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const frontend cxx_frontend;

typedef struct fixture {
  strata_config *config;
  frontend_worker *worker;
  file_facts *facts;
} fixture;

static int setup_with(void **state, const char *config_text) {
  fixture *f = calloc(1, sizeof(fixture));
  if (config_text) {
    config_error error;
    f->config = config_load_text(config_text, strlen(config_text), "test.yaml", &error);
    assert_non_null(f->config);
  }
  f->worker = cxx_frontend.worker_new(f->config);
  assert_non_null(f->worker);
  *state = f;
  return 0;
}

static int setup(void **state) {
  return setup_with(state, NULL);
}

static int setup_custom_macros(void **state) {
  return setup_with(state, "deprecations:\n  cxx_macros: [MY_OLD_API, OLD_WARN]\n");
}

static int teardown(void **state) {
  fixture *f = *state;
  file_facts_delete(f->facts);
  cxx_frontend.worker_delete(f->worker);
  config_delete(f->config);
  free(f);
  return 0;
}

static const file_facts *extract(void **state, const char *path, const char *text) {
  fixture *f = *state;
  file_facts_delete(f->facts);
  strata_language language = STRATA_LANG_PYTHON;
  assert_true(cxx_frontend.claims(path, &language));
  source_text source = {path, path, language, text, strlen(text), true};
  f->facts = file_facts_new();
  assert_true(cxx_frontend.extract(f->worker, &source, f->facts));
  return f->facts;
}

// Checks one site; message and comments may be NULL.
static void assert_site(const fact_deprecation *site, uint32_t line, uint32_t column,
                        const char *kind, const char *message, const char *comments) {
  assert_int_equal(site->line, line);
  assert_int_equal(site->column, column);
  assert_string_equal(site->kind, kind);
  if (message)
    assert_string_equal(site->message, message);
  else
    assert_null(site->message);
  if (comments)
    assert_string_equal(site->comments, comments);
  else
    assert_null(site->comments);
}

static void test_attribute_forms(void **state) {
  const file_facts *facts =
      extract(state, "api.h",
              "[[deprecated]] void a();\n"
              "[[deprecated(\"use b2\")]] void b();\n"
              "[[nodiscard, gnu::deprecated(\"in \" \"parts\")]] int c();\n"
              "__attribute__((deprecated)) void d();\n"
              "void e() __attribute__((unused, __deprecated__(\"since 1.2\")));\n"
              "__declspec(deprecated) void f();\n"
              "__declspec(dllexport, deprecated(\"win\")) void g();\n"
              "[[maybe_unused]] int h;\n"
              "__attribute__((annotate(\"deprecated\"))) void i();\n"
              "__attribute__((availability(macos, deprecated = 10.12))) void j();\n");
  assert_int_equal(facts->deprecation_count, 7);
  assert_site(&facts->deprecations[0], 1, 1, "[[deprecated]]", "", NULL);
  assert_site(&facts->deprecations[1], 2, 1, "[[deprecated]]", "use b2", NULL);
  assert_site(&facts->deprecations[2], 3, 1, "[[deprecated]]", "in parts", NULL);
  assert_site(&facts->deprecations[3], 4, 1, "__attribute__((deprecated))", "", NULL);
  assert_site(&facts->deprecations[4], 5, 10, "__attribute__((deprecated))", "since 1.2", NULL);
  assert_site(&facts->deprecations[5], 6, 1, "__declspec(deprecated)", "", NULL);
  assert_site(&facts->deprecations[6], 7, 1, "__declspec(deprecated)", "win", NULL);
  assert_string_equal(facts->deprecations[1].statement, "[[deprecated(\"use b2\")]] void b();");
}

static void test_macros_and_torch_warn(void **state) {
  const file_facts *facts = extract(state, "ops.cpp",
                                    "C10_DEPRECATED void a();\n"
                                    "C10_DEPRECATED_MESSAGE(\"a is old\") void b();\n"
                                    "C10_DEFINE_DEPRECATED_USING(OldName, NewName)\n"
                                    "void f(const std::string &why) {\n"
                                    "  TORCH_WARN_DEPRECATION(why);\n"
                                    "  TORCH_WARN(\"x is Deprecated; use \", name, \" instead\");\n"
                                    "  TORCH_WARN(\"x is slow\");\n"
                                    "  TORCH_WARN_ONCE(c10::str(\"DEPRECATION: \", y));\n"
                                    "  TORCH_WARN(why);\n"
                                    "  TORCH_WARN_DEPRECATION();\n"
                                    "}\n");
  assert_int_equal(facts->deprecation_count, 7);
  assert_site(&facts->deprecations[0], 1, 1, "C10_DEPRECATED", "", NULL);
  assert_site(&facts->deprecations[1], 2, 1, "C10_DEPRECATED_MESSAGE", "a is old", NULL);
  assert_site(&facts->deprecations[2], 3, 1, "C10_DEFINE_DEPRECATED_USING", NULL, NULL);
  assert_site(&facts->deprecations[3], 5, 3, "TORCH_WARN_DEPRECATION", NULL, NULL);
  assert_site(&facts->deprecations[4], 6, 3, "TORCH_WARN", "x is Deprecated; use  instead", NULL);
  assert_site(&facts->deprecations[5], 8, 3, "TORCH_WARN_ONCE", "DEPRECATION: ", NULL);
  assert_site(&facts->deprecations[6], 10, 3, "TORCH_WARN_DEPRECATION", "", NULL);
}

static void test_configured_macros_replace_the_defaults(void **state) {
  const file_facts *facts = extract(state, "old.h",
                                    "MY_OLD_API(\"gone in 3.0\") void a();\n"
                                    "C10_DEPRECATED void b();\n"
                                    "MY_OLD_API_V2 void c();\n"
                                    "OLD_WARN void d();\n"
                                    "TORCH_WARN(\"deprecated\");\n");
  assert_int_equal(facts->deprecation_count, 3);
  assert_site(&facts->deprecations[0], 1, 1, "MY_OLD_API", "gone in 3.0", NULL);
  assert_site(&facts->deprecations[1], 4, 1, "OLD_WARN", "", NULL);
  assert_site(&facts->deprecations[2], 5, 1, "TORCH_WARN", "deprecated", NULL);
}

// Definitions are not sites, nor is anything inside a directive; dead code
// under #if 0 is skipped and every other branch counts.
static void test_directives_and_branches(void **state) {
  const file_facts *facts = extract(state, "Deprecated.h",
                                    "#define C10_DEPRECATED [[deprecated]]\n"
                                    "#define C10_DEPRECATED_MESSAGE(m) \\\n"
                                    "  __attribute__((deprecated(m)))\n"
                                    "#ifdef C10_DEPRECATED\n"
                                    "#endif\n"
                                    "#if 0\n"
                                    "[[deprecated]] void dead();\n"
                                    "#else\n"
                                    "[[deprecated]] void live_else();\n"
                                    "#endif\n"
                                    "#ifdef _WIN32\n"
                                    "__declspec(deprecated) void win();\n"
                                    "#endif\n");
  assert_int_equal(facts->deprecation_count, 2);
  assert_site(&facts->deprecations[0], 9, 1, "[[deprecated]]", "", NULL);
  assert_site(&facts->deprecations[1], 12, 1, "__declspec(deprecated)", "", NULL);
}

static void test_literal_forms(void **state) {
  const file_facts *facts = extract(state, "lit.cpp",
                                    "[[deprecated(u8\"a\\\"b\\n\" L\"c\")]] void a();\n"
                                    "[[deprecated(R\"x(raw \"text\")x\")]] void b();\n"
                                    "[[deprecated(\"x\" \"y\"_s)]] void c();\n"
                                    "[[deprecated(MESSAGE)]] void d();\n"
                                    "[[deprecated(\"spl\\\n"
                                    "iced\")]] void e();\n");
  assert_int_equal(facts->deprecation_count, 5);
  assert_string_equal(facts->deprecations[0].message, "a\"b\nc");
  assert_string_equal(facts->deprecations[1].message, "raw \"text\"");
  assert_string_equal(facts->deprecations[2].message, "xy");
  assert_null(facts->deprecations[3].message);
  assert_string_equal(facts->deprecations[4].message, "spliced");
}

// Comments touching the site's line, and those touching the comment-only
// lines directly above it; a blank line or code ends the block.
static void test_comments(void **state) {
  const file_facts *facts = extract(state, "c.h",
                                    "// unrelated\n"
                                    "\n"
                                    "// Deprecated since 2.1.\n"
                                    "/* Removed in\n"
                                    "   2.5. */ // more\n"
                                    "[[deprecated]] void a(); // trailing\n"
                                    "int x; // after code\n"
                                    "[[deprecated]] void b();\n"
                                    "/* before */ C10_DEPRECATED void c(); /* after */\n"
                                    "int y; /* spans\n"
                                    "   lines */ [[deprecated]] void d();\n"
                                    "#define X 1 // in a directive\n"
                                    "[[deprecated]] void e();\n");
  assert_int_equal(facts->deprecation_count, 5);
  assert_site(&facts->deprecations[0], 6, 1, "[[deprecated]]", "",
              "// Deprecated since 2.1.\n/* Removed in\n   2.5. */\n// more\n// trailing");
  assert_site(&facts->deprecations[1], 8, 1, "[[deprecated]]", "", NULL);
  assert_site(&facts->deprecations[2], 9, 14, "C10_DEPRECATED", "", "/* before */\n/* after */");
  assert_site(&facts->deprecations[3], 11, 13, "[[deprecated]]", "", "/* spans\n   lines */");
  assert_site(&facts->deprecations[4], 13, 1, "[[deprecated]]", "", NULL);
  assert_string_equal(facts->deprecations[2].statement, "C10_DEPRECATED void c();");
}

// A file without "deprecat" or a macro name skips the walk entirely.
static void test_no_sites(void **state) {
  const file_facts *facts = extract(state, "plain.cu",
                                    "#include <cuda.h>\n"
                                    "__global__ void k() {}\n"
                                    "[[nodiscard]] int f();\n");
  assert_int_equal(facts->deprecation_count, 0);
  assert_int_equal(facts->suppression_count, 0);
  assert_int_equal(facts->dependency_count, 1);
}

static void test_suppressions(void **state) {
  const file_facts *facts =
      extract(state, "s.cpp",
              "#include \"up.h\" // strata: ignore[layer-violation] the legacy path\n"
              "/* strata: ignore[ import-cycle ,include-cycle ]   two\n"
              "   lines */\n"
              "/// strata:ignore[undated-deprecation]\n"
              "// strata: ignore[]\n"
              "// see strata: ignore[layer-violation] in the docs\n"
              "const char *s = \"// strata: ignore[x]\";\n"
              "#if 0\n"
              "//! strata: ignore[forbidden-dependency] dead code too\n"
              "#endif\n"
              "// strata: ignore layer-violation\n"
              "#include \"x.h\" // NOLINT // strata: ignore[include-cycle] after another tool\n"
              "// strata: ignored is prose\n");
  assert_int_equal(facts->suppression_count, 7);
  const fact_suppression *s = facts->suppressions;
  assert_int_equal(s[0].line, 1);
  assert_int_equal(s[0].column, 17);
  assert_int_equal(s[0].rule_count, 1);
  assert_string_equal(s[0].rules[0], "layer-violation");
  assert_string_equal(s[0].reason, "the legacy path");
  assert_int_equal(s[1].line, 2);
  assert_int_equal(s[1].column, 1);
  assert_int_equal(s[1].rule_count, 2);
  assert_string_equal(s[1].rules[0], "import-cycle");
  assert_string_equal(s[1].rules[1], "include-cycle");
  assert_string_equal(s[1].reason, "two lines");
  assert_int_equal(s[2].line, 4);
  assert_string_equal(s[2].rules[0], "undated-deprecation");
  assert_null(s[2].reason);
  assert_int_equal(s[3].line, 5);
  assert_int_equal(s[3].rule_count, 0);
  assert_null(s[3].reason);
  assert_int_equal(s[4].line, 9);
  assert_string_equal(s[4].rules[0], "forbidden-dependency");
  assert_string_equal(s[4].reason, "dead code too");
  // Malformed (no brackets): recorded with no rules, so that it is reported.
  assert_int_equal(s[5].line, 11);
  assert_int_equal(s[5].rule_count, 0);
  assert_string_equal(s[5].reason, "layer-violation");
  // A second comment inside the first, after "//".
  assert_int_equal(s[6].line, 12);
  assert_int_equal(s[6].column, 16);
  assert_int_equal(s[6].rule_count, 1);
  assert_string_equal(s[6].rules[0], "include-cycle");
  assert_string_equal(s[6].reason, "after another tool");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_attribute_forms, setup, teardown),
      cmocka_unit_test_setup_teardown(test_macros_and_torch_warn, setup, teardown),
      cmocka_unit_test_setup_teardown(test_configured_macros_replace_the_defaults,
                                      setup_custom_macros, teardown),
      cmocka_unit_test_setup_teardown(test_directives_and_branches, setup, teardown),
      cmocka_unit_test_setup_teardown(test_literal_forms, setup, teardown),
      cmocka_unit_test_setup_teardown(test_comments, setup, teardown),
      cmocka_unit_test_setup_teardown(test_no_sites, setup, teardown),
      cmocka_unit_test_setup_teardown(test_suppressions, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
