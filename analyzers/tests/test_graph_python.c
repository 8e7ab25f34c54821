// Unit tests for module naming and Python import resolution (resolve_python.c)
// and the cycle search (cycles.c), on graphs built by hand.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"
#include "graph.h"

#include <string.h>

static fact_dependency *add_import(file_facts *facts, uint32_t line, const char *target,
                                   uint32_t level, const char *names) {
  fact_dependency *dependency = file_facts_add_dependency(facts);
  dependency->kind = FACT_DEP_IMPORT;
  dependency->scope = FACT_SCOPE_MODULE;
  dependency->line = line;
  dependency->column = 1;
  dependency->target = strdup(target);
  dependency->level = level;
  dependency->statement = strdup(target);
  if (names) {
    dependency->is_from = true;
    const char *start = names;
    while (*start) {
      const char *end = strchr(start, ',');
      size_t length = end ? (size_t)(end - start) : strlen(start);
      fact_dependency_add_name(dependency, start, length);
      start += length + (end ? 1 : 0);
    }
  }
  return dependency;
}

// The files of a small package tree, in path order.
static const char *const tree_paths[] = {
    "pkg/__init__.py", "pkg/a.py",     "pkg/b.py", "pkg/sub/__init__.py",
    "pkg/sub/c.py",    "pkg/sub/d.py", "top.py",
};
enum { PKG, PKG_A, PKG_B, PKG_SUB, PKG_SUB_C, PKG_SUB_D, TOP, TREE_SIZE };

static graph *tree_new(file_facts **facts) {
  graph *g = graph_new();
  for (size_t i = 0; i < TREE_SIZE; i++) {
    facts[i] = file_facts_new();
    graph_add_file(g, tree_paths[i], STRATA_LANG_PYTHON, facts[i]);
  }
  return g;
}

static bool has_edge(const graph *g, uint32_t from, uint32_t to, uint32_t line) {
  for (size_t i = 0; i < g->edge_count; i++)
    if (g->edges[i].from == from && g->edges[i].to == to && g->edges[i].line == line)
      return true;
  return false;
}

static bool has_unresolved(const graph *g, uint32_t from, const char *target) {
  for (size_t i = 0; i < g->unresolved_count; i++)
    if (g->unresolved[i].from == from && strcmp(g->unresolved[i].target, target) == 0)
      return true;
  return false;
}

static void test_module_names(void **state) {
  (void)state;
  file_facts *facts[TREE_SIZE];
  graph *g = tree_new(facts);
  notice_list *notices = notice_list_new();
  graph_build(g, NULL, notices);
  assert_string_equal(g->files[PKG].module, "pkg");
  assert_string_equal(g->files[PKG_SUB_C].module, "pkg.sub.c");
  assert_string_equal(g->files[PKG_SUB].module, "pkg.sub");
  assert_string_equal(g->files[TOP].module, "top");
  graph_delete(g);
  notice_list_delete(notices);
}

static void test_absolute_imports(void **state) {
  (void)state;
  file_facts *facts[TREE_SIZE];
  graph *g = tree_new(facts);
  add_import(facts[TOP], 1, "pkg.sub.c", 0, NULL);        // a module
  add_import(facts[TOP], 2, "pkg.sub.c.thing", 0, NULL);  // longest prefix: pkg.sub.c
  add_import(facts[TOP], 3, "pkg.sub", 0, "c,d,nothing"); // c, d, and pkg.sub itself
  add_import(facts[TOP], 4, "numpy.linalg", 0, NULL);     // not in the tree
  add_import(facts[TOP], 5, "pkg", 0, "*");               // the module itself
  add_import(facts[TOP], 6, "top", 0, NULL);              // itself: no edge
  notice_list *notices = notice_list_new();
  graph_build(g, NULL, notices);
  assert_true(has_edge(g, TOP, PKG_SUB_C, 1));
  assert_true(has_edge(g, TOP, PKG_SUB_C, 2));
  assert_true(has_edge(g, TOP, PKG_SUB_C, 3));
  assert_true(has_edge(g, TOP, PKG_SUB_D, 3));
  assert_true(has_edge(g, TOP, PKG_SUB, 3));
  assert_true(has_edge(g, TOP, PKG, 5));
  assert_true(has_unresolved(g, TOP, "numpy.linalg"));
  assert_int_equal(g->edge_count, 6);
  assert_int_equal(g->unresolved_count, 1);
  graph_delete(g);
  notice_list_delete(notices);
}

static void test_relative_imports(void **state) {
  (void)state;
  file_facts *facts[TREE_SIZE];
  graph *g = tree_new(facts);
  add_import(facts[PKG_SUB_C], 1, "", 1, "d");     // from . import d -> pkg.sub.d
  add_import(facts[PKG_SUB_C], 2, "", 2, "a");     // from .. import a -> pkg.a
  add_import(facts[PKG_SUB_C], 3, "b", 2, "x");    // from ..b import x -> pkg.b
  add_import(facts[PKG_SUB_C], 4, "", 4, "x");     // beyond the top -> unresolved
  add_import(facts[PKG_SUB], 5, "", 1, "c");       // __init__ is its own package: pkg.sub.c
  add_import(facts[PKG_SUB], 6, "", 1, "missing"); // falls back to pkg.sub: itself, no edge
  add_import(facts[TOP], 7, "", 1, "x");           // top-level module: no package
  notice_list *notices = notice_list_new();
  graph_build(g, NULL, notices);
  assert_true(has_edge(g, PKG_SUB_C, PKG_SUB_D, 1));
  assert_true(has_edge(g, PKG_SUB_C, PKG_A, 2));
  assert_true(has_edge(g, PKG_SUB_C, PKG_B, 3));
  assert_true(has_unresolved(g, PKG_SUB_C, "...."));
  assert_true(has_edge(g, PKG_SUB, PKG_SUB_C, 5));
  assert_false(has_edge(g, PKG_SUB, PKG_SUB, 6));
  assert_true(has_unresolved(g, TOP, "."));
  assert_int_equal(g->edge_count, 4);
  graph_delete(g);
  notice_list_delete(notices);
}

static void test_import_cycles(void **state) {
  (void)state;
  file_facts *facts[TREE_SIZE];
  graph *g = tree_new(facts);
  // a -> b -> sub.c -> a, and b -> a: the shortest cycle is a -> b -> a.
  add_import(facts[PKG_A], 1, "pkg.b", 0, NULL);
  add_import(facts[PKG_B], 1, "pkg.sub.c", 0, NULL);
  add_import(facts[PKG_B], 2, "pkg.a", 0, NULL);
  add_import(facts[PKG_SUB_C], 1, "pkg.a", 0, NULL);
  // d -> top at function scope and top -> d: no cycle.
  add_import(facts[PKG_SUB_D], 1, "top", 0, NULL)->scope = FACT_SCOPE_FUNCTION;
  add_import(facts[TOP], 1, "pkg.sub.d", 0, NULL);
  notice_list *notices = notice_list_new();
  graph_build(g, NULL, notices);
  finding_list *findings = finding_list_new();
  check_context context = {g, NULL, rule_find("import-cycle"), findings, NULL, NULL, NULL, NULL};
  check_import_cycle(&context);
  assert_int_equal(findings->count, 1);
  const finding *item = &findings->items[0];
  assert_string_equal(item->location.path, "pkg/a.py");
  assert_string_equal(item->message, "import cycle: pkg.a -> pkg.b -> pkg.a (one cycle of a "
                                     "strongly connected group of 3 files)");
  assert_int_equal(item->related_count, 2);
  assert_string_equal(item->related[1].path, "pkg/b.py");
  assert_int_equal(item->related[1].line, 2);
  json_t *members = json_object_get(item->properties, "members");
  assert_int_equal(json_array_size(members), 3);
  assert_string_equal(json_string_value(json_array_get(members, 2)), "pkg.sub.c");
  assert_non_null(item->fingerprint);
  finding_list_delete(findings);
  graph_delete(g);
  notice_list_delete(notices);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_module_names),
      cmocka_unit_test(test_absolute_imports),
      cmocka_unit_test(test_relative_imports),
      cmocka_unit_test(test_import_cycles),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
