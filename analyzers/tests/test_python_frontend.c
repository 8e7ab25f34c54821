// Unit tests for the Python front end: every import form, names, levels,
// scopes, positions, statement text, and what a broken or pathological file
// still yields.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "config.h"
#include "frontend.h"
#include "strbuf.h"

#include <stdlib.h>
#include <string.h>

extern const frontend python_frontend;

typedef struct fixture {
  strata_config *config;
  frontend_worker *worker;
  file_facts *facts;
} fixture;

static int teardown(void **state) {
  fixture *self = *state;
  file_facts_delete(self->facts);
  python_frontend.worker_delete(self->worker);
  config_delete(self->config);
  free(self);
  return 0;
}

static int setup(void **state) {
  fixture *self = calloc(1, sizeof(*self));
  *state = self;
  const char *text = "version: 1\n";
  config_error error;
  self->config = config_load_text(text, strlen(text), "<test>", &error);
  if (!self->config) {
    config_error_release(&error);
    return -1;
  }
  self->worker = python_frontend.worker_new(self->config);
  return self->worker ? 0 : -1;
}

// Extracts text (of length bytes) with the fixture's worker; the facts stay
// in the fixture until the next call or teardown.
static const file_facts *extract_bytes(void **state, const char *text, size_t length) {
  fixture *self = *state;
  file_facts_delete(self->facts);
  self->facts = file_facts_new();
  source_text source = {"t.py", "/tmp/t.py", STRATA_LANG_PYTHON, text, length, true};
  assert_true(python_frontend.extract(self->worker, &source, self->facts));
  return self->facts;
}

static const file_facts *extract(void **state, const char *text) {
  return extract_bytes(state, text, strlen(text));
}

// The dependency whose target is target (the first one), or a test failure.
static const fact_dependency *find(const file_facts *facts, const char *target) {
  for (size_t i = 0; i < facts->dependency_count; i++)
    if (strcmp(facts->dependencies[i].target, target) == 0)
      return &facts->dependencies[i];
  fail_msg("no import of '%s'", target);
  return NULL;
}

static void assert_names(const fact_dependency *dependency, const char *joined) {
  strbuf names;
  strbuf_init(&names);
  for (uint32_t i = 0; i < dependency->name_count; i++)
    strbuf_printf(&names, "%s%s", i ? "," : "", dependency->names[i]);
  assert_string_equal(names.data, joined);
  strbuf_release(&names);
}

static void test_claims_py_and_pyi_only(void **state) {
  (void)state;
  strata_language language = STRATA_LANG_C;
  assert_true(python_frontend.claims("torch/nn/linear.py", &language));
  assert_int_equal(language, STRATA_LANG_PYTHON);
  language = STRATA_LANG_C;
  assert_true(python_frontend.claims("torch/_C/__init__.pyi", &language));
  assert_int_equal(language, STRATA_LANG_PYTHON);
  assert_false(python_frontend.claims("torch/_C/__init__.pyi.in", &language));
  assert_false(python_frontend.claims("setup.pyc", &language));
  assert_false(python_frontend.claims("py", &language));
}

static void test_import_forms(void **state) {
  const file_facts *facts = extract(state, "import a.b\n"
                                           "import c.d as e\n"
                                           "import f, g.h\n"
                                           "from i.j import k, l\n"
                                           "from m import (n as x,\n"
                                           "    o,\n"
                                           ")\n"
                                           "from . import p\n"
                                           "from ..q import *\n"
                                           "from .r import s\n"
                                           "from ... import t\n"
                                           "from __future__ import annotations\n");
  assert_int_equal(facts->dependency_count, 11);
  assert_int_equal(facts->notice_count, 0);

  const fact_dependency *dependency = find(facts, "a.b");
  assert_false(dependency->is_from);
  assert_int_equal(dependency->level, 0);
  assert_int_equal(dependency->name_count, 0);
  assert_int_equal(dependency->kind, FACT_DEP_IMPORT);
  assert_int_equal(dependency->line, 1);
  assert_int_equal(dependency->column, 1);

  assert_false(find(facts, "c.d")->is_from);
  // `import f, g.h`: two facts on one line, from one statement.
  assert_int_equal(find(facts, "f")->line, 3);
  assert_int_equal(find(facts, "g.h")->line, 3);
  assert_string_equal(find(facts, "g.h")->statement, "import f, g.h");

  dependency = find(facts, "i.j");
  assert_true(dependency->is_from);
  assert_names(dependency, "k,l");
  assert_names(find(facts, "m"), "n,o"); // the imported names, never the aliases
  assert_int_equal(find(facts, "m")->line, 5);

  dependency = &facts->dependencies[6]; // from . import p
  assert_string_equal(dependency->target, "");
  assert_int_equal(dependency->level, 1);
  assert_names(dependency, "p");

  dependency = find(facts, "q");
  assert_int_equal(dependency->level, 2);
  assert_names(dependency, "*");

  dependency = find(facts, "r");
  assert_int_equal(dependency->level, 1);
  assert_names(dependency, "s");

  dependency = &facts->dependencies[9]; // from ... import t
  assert_string_equal(dependency->target, "");
  assert_int_equal(dependency->level, 3);

  dependency = find(facts, "__future__");
  assert_true(dependency->is_from);
  assert_int_equal(dependency->level, 0);
  assert_names(dependency, "annotations");
}

static void test_dotted_names_with_space(void **state) {
  // Python allows white space and continuations around the dots.
  const file_facts *facts = extract(state, "import a . b\n"
                                           "from . . c . d import e\n"
                                           "import f.\\\n"
                                           "  g\n");
  assert_int_equal(facts->dependency_count, 3);
  assert_string_equal(facts->dependencies[0].target, "a.b");
  assert_string_equal(facts->dependencies[1].target, "c.d");
  assert_int_equal(facts->dependencies[1].level, 2);
  assert_string_equal(facts->dependencies[2].target, "f.g");
}

static void test_soft_keywords_are_names(void **state) {
  const file_facts *facts = extract(state, "import match.type as case\nfrom _ import match\n");
  assert_int_equal(facts->dependency_count, 2);
  assert_string_equal(facts->dependencies[0].target, "match.type");
  assert_names(find(facts, "_"), "match");
}

static void test_scope_function(void **state) {
  const file_facts *facts = extract(state, "def f():\n"
                                           "    import in_def\n"
                                           "    class C:\n"
                                           "        import in_class_in_def\n"
                                           "        def m(self):\n"
                                           "            import deeper\n"
                                           "async def g():\n"
                                           "    import in_async_def\n"
                                           "@decorator\n"
                                           "def h(x=lambda: 0):\n"
                                           "    if TYPE_CHECKING:\n"
                                           "        import type_checking_in_def\n"
                                           "class K:\n"
                                           "    import in_class\n"
                                           "    def m(self):\n"
                                           "        import in_method\n"
                                           "import after\n");
  assert_int_equal(find(facts, "in_def")->scope, FACT_SCOPE_FUNCTION);
  assert_int_equal(find(facts, "in_class_in_def")->scope, FACT_SCOPE_FUNCTION);
  assert_int_equal(find(facts, "deeper")->scope, FACT_SCOPE_FUNCTION);
  assert_int_equal(find(facts, "in_async_def")->scope, FACT_SCOPE_FUNCTION);
  assert_int_equal(find(facts, "type_checking_in_def")->scope, FACT_SCOPE_FUNCTION);
  assert_int_equal(find(facts, "in_class")->scope, FACT_SCOPE_MODULE);
  assert_int_equal(find(facts, "in_method")->scope, FACT_SCOPE_FUNCTION);
  assert_int_equal(find(facts, "after")->scope, FACT_SCOPE_MODULE);
}

static void test_scope_type_checking(void **state) {
  const file_facts *facts = extract(state, "if TYPE_CHECKING:\n"
                                           "    import tc\n"
                                           "    try:\n"
                                           "        import tc_nested\n"
                                           "    except ImportError:\n"
                                           "        pass\n"
                                           "elif other:\n"
                                           "    import in_elif\n"
                                           "else:\n"
                                           "    import in_else\n"
                                           "if typing.TYPE_CHECKING: import tc_typing\n"
                                           "if t.TYPE_CHECKING:\n"
                                           "    import aliased\n"
                                           "if (TYPE_CHECKING):\n"
                                           "    import parenthesized\n"
                                           "if not TYPE_CHECKING:\n"
                                           "    import negated\n"
                                           "if TYPE_CHECKING or x:\n"
                                           "    import either\n"
                                           "if x:\n"
                                           "    pass\n"
                                           "elif TYPE_CHECKING:\n"
                                           "    import elif_tc\n"
                                           "class C:\n"
                                           "    if TYPE_CHECKING:\n"
                                           "        import tc_in_class\n");
  assert_int_equal(find(facts, "tc")->scope, FACT_SCOPE_TYPE_CHECKING);
  assert_int_equal(find(facts, "tc_nested")->scope, FACT_SCOPE_TYPE_CHECKING);
  assert_int_equal(find(facts, "in_elif")->scope, FACT_SCOPE_MODULE);
  assert_int_equal(find(facts, "in_else")->scope, FACT_SCOPE_MODULE);
  assert_int_equal(find(facts, "tc_typing")->scope, FACT_SCOPE_TYPE_CHECKING);
  assert_int_equal(find(facts, "aliased")->scope, FACT_SCOPE_MODULE);
  assert_int_equal(find(facts, "parenthesized")->scope, FACT_SCOPE_TYPE_CHECKING);
  assert_int_equal(find(facts, "negated")->scope, FACT_SCOPE_MODULE);
  assert_int_equal(find(facts, "either")->scope, FACT_SCOPE_MODULE);
  assert_int_equal(find(facts, "elif_tc")->scope, FACT_SCOPE_TYPE_CHECKING);
  assert_int_equal(find(facts, "tc_in_class")->scope, FACT_SCOPE_TYPE_CHECKING);
}

static void test_scope_module_blocks(void **state) {
  const file_facts *facts = extract(state, "try:\n"
                                           "    import in_try\n"
                                           "except ImportError:\n"
                                           "    import in_except\n"
                                           "finally:\n"
                                           "    import in_finally\n"
                                           "with x:\n"
                                           "    import in_with\n"
                                           "for i in x:\n"
                                           "    import in_for\n"
                                           "while x:\n"
                                           "    import in_while\n"
                                           "match x:\n"
                                           "    case 1:\n"
                                           "        import in_match\n");
  assert_int_equal(facts->dependency_count, 7);
  for (size_t i = 0; i < facts->dependency_count; i++)
    assert_int_equal(facts->dependencies[i].scope, FACT_SCOPE_MODULE);
  assert_int_equal(find(facts, "in_match")->line, 15);
  assert_int_equal(find(facts, "in_match")->column, 9);
}

static void test_columns_count_code_points(void **state) {
  // "é" and "€" are two and three bytes: each is one column.
  const file_facts *facts = extract(state, "s = '\xc3\xa9\xe2\x82\xac'; import os\n"
                                           "\timport sys\n");
  assert_int_equal(find(facts, "os")->line, 1);
  assert_int_equal(find(facts, "os")->column, 11);
  // A tab is one code point.
  assert_int_equal(find(facts, "sys")->column, 2);
}

static void test_byte_order_mark_is_no_column(void **state) {
  const file_facts *facts = extract(state, "\xef\xbb\xbfimport os\n");
  assert_int_equal(facts->notice_count, 0);
  assert_int_equal(find(facts, "os")->column, 1);
}

static void test_line_endings(void **state) {
  // Python ends lines at \r\n and at a lone \r too.
  const file_facts *facts = extract(state, "import a\r\nimport b\rimport c\n");
  assert_int_equal(facts->notice_count, 0);
  assert_int_equal(find(facts, "a")->line, 1);
  assert_int_equal(find(facts, "b")->line, 2);
  assert_int_equal(find(facts, "c")->line, 3);
}

static void test_statement_folding(void **state) {
  const file_facts *facts = extract(state, "from a import (b,   # the first\n"
                                           "    c,\n"
                                           "    d as e)  # trailing\n"
                                           "import f.g \\\n"
                                           "    as  h\n"
                                           "if x:\n"
                                           "\tfrom  .i  import\tj\n");
  assert_string_equal(find(facts, "a")->statement, "from a import (b, c, d as e)");
  assert_string_equal(find(facts, "f.g")->statement, "import f.g as h");
  assert_string_equal(find(facts, "i")->statement, "from .i import j");
}

static void test_syntax_error_keeps_recovered_imports(void **state) {
  const file_facts *facts = extract(state, "import os\n"
                                           "def f(:\n"
                                           "    pass\n"
                                           "import sys\n"
                                           "x = = 1\n"
                                           "from a import b\n");
  assert_int_equal(facts->dependency_count, 3);
  assert_string_equal(facts->dependencies[0].target, "os");
  assert_string_equal(facts->dependencies[1].target, "sys");
  assert_int_equal(facts->dependencies[1].line, 4);
  assert_names(find(facts, "a"), "b");
  assert_int_equal(facts->notice_count, 1); // one notice, however many problems
  assert_string_equal(
      facts->notices[0].message,
      "syntax error: the file does not parse cleanly (first problem at line 2, column 7)");
}

static void test_syntax_error_drops_keyword_garbage(void **state) {
  // Recovery reads the second `from` as the name the first one imports.
  const file_facts *facts = extract(state, "from x import\nfrom y import z\n");
  assert_int_equal(facts->notice_count, 1);
  for (size_t i = 0; i < facts->dependency_count; i++)
    for (uint32_t n = 0; n < facts->dependencies[i].name_count; n++)
      assert_string_not_equal(facts->dependencies[i].names[n], "from");
}

static void test_invalid_utf8_still_parsed(void **state) {
  const char text[] = "s = '\xff\xfe'\nimport os\n";
  const file_facts *facts = extract_bytes(state, text, sizeof(text) - 1);
  assert_int_equal(facts->dependency_count, 1);
  assert_string_equal(facts->dependencies[0].target, "os");
  assert_int_equal(facts->dependencies[0].line, 2);
}

static void test_empty_file(void **state) {
  const file_facts *facts = extract(state, "");
  assert_int_equal(facts->dependency_count, 0);
  assert_int_equal(facts->notice_count, 0);
}

// Builds `depth` nested compound statements, each one space deeper, with an
// import at the bottom.
static char *nested(const char *header, size_t depth) {
  strbuf text;
  strbuf_init(&text);
  for (size_t i = 0; i < depth; i++) {
    for (size_t s = 0; s < i; s++)
      strbuf_append_char(&text, ' ');
    strbuf_append_str(&text, header);
  }
  for (size_t s = 0; s < depth; s++)
    strbuf_append_char(&text, ' ');
  strbuf_append_str(&text, "import deep\nimport after\n");
  return strbuf_detach(&text);
}

static void test_deep_nesting_does_not_crash(void **state) {
  // The walk is iterative: 5,000 levels cost heap, not C stack. (The
  // grammar's scanner gives up on indentation that deep, so the file does
  // not parse cleanly; what matters is that the imports survive.)
  char *text = nested("if x:\n", 5000);
  const file_facts *facts = extract(state, text);
  assert_int_equal(find(facts, "deep")->line, 5001);
  assert_int_equal(find(facts, "after")->scope, FACT_SCOPE_MODULE);
  free(text);

  text = nested("def f():\n", 5000);
  facts = extract(state, text);
  assert_int_equal(find(facts, "deep")->scope, FACT_SCOPE_FUNCTION);
  assert_int_equal(find(facts, "after")->scope, FACT_SCOPE_MODULE);
  free(text);
}

static void test_deep_expression_does_not_crash(void **state) {
  // Balanced brackets 100,000 deep parse; 100,000 unclosed ones would make
  // tree-sitter 0.20's error recovery free memory twice, so that statement
  // is skipped with a notice.
  strbuf text;
  strbuf_init(&text);
  strbuf_append_str(&text, "import before\nx = ");
  for (int i = 0; i < 100000; i++)
    strbuf_append_char(&text, '(');
  strbuf_append_char(&text, '1');
  for (int i = 0; i < 100000; i++)
    strbuf_append_char(&text, ')');
  strbuf_append_str(&text, "\ny = ");
  for (int i = 0; i < 40000; i++)
    strbuf_append_str(&text, "2 ** ");
  strbuf_append_str(&text, "\nimport after\n");
  const file_facts *facts = extract(state, text.data);
  assert_int_equal(facts->dependency_count, 2);
  assert_int_equal(find(facts, "after")->line, 4);
  assert_int_equal(facts->notice_count, 1);
  assert_non_null(strstr(facts->notices[0].message, "nested too deeply"));
  strbuf_release(&text);
}

static void test_big_literals_are_parsed(void **state) {
  // Long but flat: 60,000 list elements, a 60,000-term sum, 30,000 keyword
  // arguments. The guard against deep nesting leaves them to the parser.
  strbuf text;
  strbuf_init(&text);
  strbuf_append_str(&text, "data = [\n");
  for (int i = 0; i < 60000; i++)
    strbuf_printf(&text, "    [-%d, {'k': -%d.5}, lambda: -x],\n", i, i);
  strbuf_append_str(&text, "]\ntotal = a");
  for (int i = 0; i < 60000; i++)
    strbuf_append_str(&text, " + b * -c");
  strbuf_append_str(&text, "\nf(");
  for (int i = 0; i < 30000; i++)
    strbuf_printf(&text, "k%d=not x, ", i);
  strbuf_append_str(&text, ")\nimport after\n");
  const file_facts *facts = extract(state, text.data);
  assert_int_equal(facts->notice_count, 0);
  assert_int_equal(find(facts, "after")->line, 60005);
  strbuf_release(&text);
}

static void test_big_file(void **state) {
  // 2 MiB of ordinary code, a quarter of the default size limit.
  strbuf text;
  strbuf_init(&text);
  const char *chunk = "import os, sys\nfrom a.b import (c, d)\nx = [1, 2, 3] * f(y, z=2)\n"
                      "def g(a):\n    import inner\n    return a + 1\n";
  size_t lines = 0;
  while (text.length < 2u * 1024 * 1024) {
    strbuf_append_str(&text, chunk);
    lines += 6;
  }
  const file_facts *facts = extract(state, text.data);
  assert_int_equal(facts->notice_count, 0);
  assert_int_equal(facts->dependency_count, lines / 6 * 4);
  const fact_dependency *last = &facts->dependencies[facts->dependency_count - 1];
  assert_string_equal(last->target, "inner");
  assert_int_equal(last->line, lines - 1);
  assert_int_equal(last->scope, FACT_SCOPE_FUNCTION);
  strbuf_release(&text);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_claims_py_and_pyi_only),
      cmocka_unit_test_setup_teardown(test_import_forms, setup, teardown),
      cmocka_unit_test_setup_teardown(test_dotted_names_with_space, setup, teardown),
      cmocka_unit_test_setup_teardown(test_soft_keywords_are_names, setup, teardown),
      cmocka_unit_test_setup_teardown(test_scope_function, setup, teardown),
      cmocka_unit_test_setup_teardown(test_scope_type_checking, setup, teardown),
      cmocka_unit_test_setup_teardown(test_scope_module_blocks, setup, teardown),
      cmocka_unit_test_setup_teardown(test_columns_count_code_points, setup, teardown),
      cmocka_unit_test_setup_teardown(test_byte_order_mark_is_no_column, setup, teardown),
      cmocka_unit_test_setup_teardown(test_line_endings, setup, teardown),
      cmocka_unit_test_setup_teardown(test_statement_folding, setup, teardown),
      cmocka_unit_test_setup_teardown(test_syntax_error_keeps_recovered_imports, setup, teardown),
      cmocka_unit_test_setup_teardown(test_syntax_error_drops_keyword_garbage, setup, teardown),
      cmocka_unit_test_setup_teardown(test_invalid_utf8_still_parsed, setup, teardown),
      cmocka_unit_test_setup_teardown(test_empty_file, setup, teardown),
      cmocka_unit_test_setup_teardown(test_deep_nesting_does_not_crash, setup, teardown),
      cmocka_unit_test_setup_teardown(test_deep_expression_does_not_crash, setup, teardown),
      cmocka_unit_test_setup_teardown(test_big_literals_are_parsed, setup, teardown),
      cmocka_unit_test_setup_teardown(test_big_file, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
