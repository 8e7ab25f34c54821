// Unit tests for #include resolution (resolve_cxx.c) on graphs built by hand.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "graph.h"

#include <stdio.h>
#include <string.h>

// One include fact: "x.h" when angled is false, <x.h> when true.
static fact_dependency *add_include(file_facts *facts, uint32_t line, const char *directive,
                                    const char *target, bool angled) {
  fact_dependency *dependency = file_facts_add_dependency(facts);
  dependency->kind = FACT_DEP_INCLUDE;
  dependency->scope = FACT_SCOPE_MODULE;
  dependency->line = line;
  dependency->column = 1;
  dependency->target = strdup(target);
  dependency->angled = angled;
  char statement[256];
  snprintf(statement, sizeof(statement), angled ? "#%s <%s>" : "#%s \"%s\"", directive, target);
  dependency->statement = strdup(statement);
  return dependency;
}

typedef struct tree {
  graph *graph;
  file_facts *facts[16];
  notice_list *notices;
} tree;

// A graph of paths (sorted), every file with empty facts to fill.
static void tree_init(tree *t, const char *const *paths, size_t count) {
  t->graph = graph_new();
  t->notices = notice_list_new();
  for (size_t i = 0; i < count; i++) {
    t->facts[i] = file_facts_new();
    // Only Python versus the rest matters to resolution.
    strata_language language = strstr(paths[i], ".py") ? STRATA_LANG_PYTHON : STRATA_LANG_CPP;
    graph_add_file(t->graph, paths[i], language, t->facts[i]);
  }
}

static void tree_build(tree *t, char **include_dirs, size_t dir_count) {
  strata_config config = {.cxx_include_dirs = include_dirs, .cxx_include_dir_count = dir_count};
  graph_build(t->graph, &config, t->notices);
}

static void tree_release(tree *t) {
  graph_delete(t->graph);
  notice_list_delete(t->notices);
}

// The path the include on line of file from resolved to, or "unresolved:TARGET".
static const char *resolved(const tree *t, uint32_t from, uint32_t line) {
  static char text[256];
  const graph *g = t->graph;
  for (size_t i = 0; i < g->edge_count; i++)
    if (g->edges[i].from == from && g->edges[i].line == line)
      return g->files[g->edges[i].to].path;
  for (size_t i = 0; i < g->unresolved_count; i++) {
    if (g->unresolved[i].from == from && g->unresolved[i].line == line) {
      snprintf(text, sizeof(text), "unresolved:%s", g->unresolved[i].target);
      return text;
    }
  }
  return "missing";
}

static void test_quoted_own_folder_first_then_dirs_in_order(void **state) {
  (void)state;
  static const char *const paths[] = {"a/x.h",    "a/y.h",        "inc1/y.h",
                                      "inc1/z.h", "inc2/only2.h", "inc2/z.h"};
  tree t;
  tree_init(&t, paths, 6);
  add_include(t.facts[0], 1, "include", "y.h", false);
  add_include(t.facts[0], 2, "include", "z.h", false);
  add_include(t.facts[0], 3, "include", "only2.h", false);
  add_include(t.facts[0], 4, "include", "inc2/z.h", false); // through the root, "."
  char *dirs[] = {"inc1", "inc2", "."};
  tree_build(&t, dirs, 3);
  assert_string_equal(resolved(&t, 0, 1), "a/y.h");
  assert_string_equal(resolved(&t, 0, 2), "inc1/z.h");
  assert_string_equal(resolved(&t, 0, 3), "inc2/only2.h");
  assert_string_equal(resolved(&t, 0, 4), "inc2/z.h");
  assert_int_equal(t.notices->count, 0);
  tree_release(&t);
}

static void test_angled_uses_include_dirs_only(void **state) {
  (void)state;
  static const char *const paths[] = {"a/x.h", "a/y.h", "a/z.h", "inc/y.h"};
  tree t;
  tree_init(&t, paths, 4);
  add_include(t.facts[0], 1, "include", "y.h", true);
  add_include(t.facts[0], 2, "include", "z.h", true); // beside it, but not in a dir
  char *dirs[] = {"inc"};
  tree_build(&t, dirs, 1);
  assert_string_equal(resolved(&t, 0, 1), "inc/y.h");
  assert_string_equal(resolved(&t, 0, 2), "unresolved:z.h");
  tree_release(&t);
}

static void test_dot_segments_are_normalised(void **state) {
  (void)state;
  static const char *const paths[] = {"a/b/x.h", "a/c/d.h", "top.h"};
  tree t;
  tree_init(&t, paths, 3);
  add_include(t.facts[0], 1, "include", "../c/./d.h", false);
  add_include(t.facts[0], 2, "include", "../../top.h", false);
  add_include(t.facts[0], 3, "include", "../../../outside.h", false);
  add_include(t.facts[0], 4, "include", "a//c/d.h", true);
  add_include(t.facts[0], 5, "include", "/usr/include/stdio.h", false);
  char *dirs[] = {"./"};
  tree_build(&t, dirs, 1);
  assert_string_equal(resolved(&t, 0, 1), "a/c/d.h");
  assert_string_equal(resolved(&t, 0, 2), "top.h");
  assert_string_equal(resolved(&t, 0, 3), "unresolved:../../../outside.h");
  assert_string_equal(resolved(&t, 0, 4), "a/c/d.h");
  assert_string_equal(resolved(&t, 0, 5), "unresolved:/usr/include/stdio.h");
  tree_release(&t);
}

static void test_headers_outside_the_tree_are_unresolved(void **state) {
  (void)state;
  static const char *const paths[] = {"src/main.cpp"};
  tree t;
  tree_init(&t, paths, 1);
  add_include(t.facts[0], 3, "include", "vector", true);
  add_include(t.facts[0], 4, "include", "missing.h", false);
  fact_dependency *computed = add_include(t.facts[0], 5, "include", "HEADER", false);
  computed->computed = true;
  char *dirs[] = {"."};
  tree_build(&t, dirs, 1);
  assert_int_equal(t.graph->edge_count, 0);
  assert_int_equal(t.graph->unresolved_count, 3);
  assert_string_equal(resolved(&t, 0, 3), "unresolved:vector");
  assert_string_equal(resolved(&t, 0, 4), "unresolved:missing.h");
  assert_string_equal(resolved(&t, 0, 5), "unresolved:HEADER");
  assert_ptr_equal(t.graph->unresolved[2].origin, computed);
  tree_release(&t);
}

static void test_computed_never_resolves(void **state) {
  (void)state;
  static const char *const paths[] = {"HEADER", "x.h"};
  tree t;
  tree_init(&t, paths, 2);
  fact_dependency *computed = add_include(t.facts[1], 1, "include", "HEADER", false);
  computed->computed = true;
  tree_build(&t, NULL, 0);
  assert_string_equal(resolved(&t, 1, 1), "unresolved:HEADER");
  tree_release(&t);
}

static void test_include_next_continues_after_own_dir(void **state) {
  (void)state;
  static const char *const paths[] = {"inc1/n.h", "inc2/n.h", "inc3/n.h", "other/q.h"};
  tree t;
  tree_init(&t, paths, 4);
  add_include(t.facts[0], 1, "include_next", "n.h", true);
  add_include(t.facts[1], 1, "include_next", "n.h", true);
  add_include(t.facts[2], 1, "include_next", "n.h", true);
  add_include(t.facts[3], 1, "include_next", "n.h", false); // not reached through a dir
  char *dirs[] = {"inc1", "inc2", "inc3"};
  tree_build(&t, dirs, 3);
  assert_string_equal(resolved(&t, 0, 1), "inc2/n.h");
  assert_string_equal(resolved(&t, 1, 1), "inc3/n.h");
  assert_string_equal(resolved(&t, 2, 1), "unresolved:n.h");
  assert_string_equal(resolved(&t, 3, 1), "inc1/n.h");
  tree_release(&t);
}

static void test_edges_carry_the_fact(void **state) {
  (void)state;
  static const char *const paths[] = {"k.cu", "k.cuh", "m.py"};
  tree t;
  tree_init(&t, paths, 3);
  fact_dependency *include = add_include(t.facts[0], 7, "include", "k.cuh", false);
  include->column = 3;
  // A Python file's facts are the Python resolver's business.
  fact_dependency *import = file_facts_add_dependency(t.facts[2]);
  import->kind = FACT_DEP_IMPORT;
  import->target = strdup("k.cuh");
  import->statement = strdup("import k");
  import->line = 1;
  tree_build(&t, NULL, 0);
  assert_int_equal(t.graph->edge_count, 1);
  const graph_edge *edge = &t.graph->edges[0];
  assert_int_equal(edge->from, 0);
  assert_int_equal(edge->to, 1);
  assert_int_equal(edge->kind, FACT_DEP_INCLUDE);
  assert_int_equal(edge->scope, FACT_SCOPE_MODULE);
  assert_int_equal(edge->line, 7);
  assert_int_equal(edge->column, 3);
  assert_ptr_equal(edge->origin, include);
  for (size_t i = 0; i < t.graph->unresolved_count; i++)
    assert_int_not_equal(t.graph->unresolved[i].from, 0);
  tree_release(&t);
}

static void test_missing_include_dir_is_one_notice(void **state) {
  (void)state;
  static const char *const paths[] = {"aten/src/ATen/a.h", "c10/b.h"};
  tree t;
  tree_init(&t, paths, 2);
  add_include(t.facts[1], 1, "include", "ATen/a.h", true);
  add_include(t.facts[1], 2, "include", "c10/b.h", true);
  // An absolute folder is a system one (a CUDA toolkit's): not in the tree,
  // and no notice.
  char *dirs[] = {".", "aten/src", "torch/csrc/api/include", "../elsewhere",
                  "/usr/local/cuda/include"};
  tree_build(&t, dirs, 5);
  assert_string_equal(resolved(&t, 1, 1), "aten/src/ATen/a.h");
  assert_string_equal(resolved(&t, 1, 2), "c10/b.h");
  assert_int_equal(t.notices->count, 2);
  assert_null(t.notices->items[0].path);
  assert_string_equal(t.notices->items[0].message,
                      "include dir 'torch/csrc/api/include' does not exist under the root");
  assert_string_equal(t.notices->items[1].message,
                      "include dir '../elsewhere' does not exist under the root");
  tree_release(&t);
}

static void test_python_tree_has_no_include_dir_notice(void **state) {
  (void)state;
  static const char *const paths[] = {"torch/__init__.py"};
  tree t;
  tree_init(&t, paths, 1);
  char *dirs[] = {".", "aten/src"};
  tree_build(&t, dirs, 2);
  assert_int_equal(t.notices->count, 0);
  tree_release(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_quoted_own_folder_first_then_dirs_in_order),
      cmocka_unit_test(test_angled_uses_include_dirs_only),
      cmocka_unit_test(test_dot_segments_are_normalised),
      cmocka_unit_test(test_headers_outside_the_tree_are_unresolved),
      cmocka_unit_test(test_computed_never_resolves),
      cmocka_unit_test(test_include_next_continues_after_own_dir),
      cmocka_unit_test(test_edges_carry_the_fact),
      cmocka_unit_test(test_missing_include_dir_is_one_notice),
      cmocka_unit_test(test_python_tree_has_no_include_dir_notice),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
