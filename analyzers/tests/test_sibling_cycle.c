// Unit tests for the sibling-cycle check on graphs built edge by edge:
// which folder a dependency is judged in, the shortest cycle and its
// witnesses, depth and skip_descendants, and that the finding does not
// depend on the order of the edges.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_config_fixture.h"
#include "check.h"

#include <string.h>

// C++ files of lib/: a, b and c each depend on the next (a cycle of three
// folders, through files that include no one twice), lib/a/x and lib/a/y
// form a cycle one generation down, and lib/d.h only depends on the others.
static const char *const paths[] = {
    "lib/a/x.h", "lib/a/y.h", "lib/b/one.h", "lib/b/two.h", "lib/c/c.h", "lib/d.h", "lib/a/x.cpp",
};
typedef struct edge_spec {
  int from, to;
  uint32_t line;
} edge_spec;
static const edge_spec edges[] = {
    {0, 2, 3}, // a/x.h -> b/one.h
    {3, 4, 5}, // b/two.h -> c/c.h
    {4, 1, 7}, // c/c.h -> a/y.h
    {1, 6, 2}, // a/y.h -> a/x.cpp: y -> x inside a
    {0, 1, 9}, // a/x.h -> a/y.h: x -> y
    {5, 0, 1}, // d.h -> a/x.h
    {6, 2, 4}, // a/x.cpp -> b/one.h: a second witness of a -> b, first in path order
};

static graph *lib_graph(bool reversed) {
  graph *g = graph_new();
  for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
    graph_add_file(g, paths[i], STRATA_LANG_CPP, NULL);
  size_t count = sizeof(edges) / sizeof(edges[0]);
  for (size_t k = 0; k < count; k++) {
    const edge_spec *spec = &edges[reversed ? count - 1 - k : k];
    graph_edge edge = {.from = (uint32_t)spec->from,
                       .to = (uint32_t)spec->to,
                       .kind = FACT_DEP_INCLUDE,
                       .scope = FACT_SCOPE_MODULE,
                       .line = spec->line,
                       .column = 1};
    graph_add_edge(g, &edge);
  }
  graph_finish_edges(g);
  return g;
}

static finding_list *run(const graph *g, const char *config_text) {
  strata_config *config = fixture_config_load(config_text);
  finding_list *findings = finding_list_new();
  check_context context = {
      .graph = g, .config = config, .rule = rule_find("sibling-cycle"), .findings = findings};
  check_sibling_cycle(&context);
  finding_list_sort(findings);
  config_delete(config);
  return findings;
}

static void test_cycles_between_folders(void **state) {
  (void)state;
  for (int reversed = 0; reversed < 2; reversed++) {
    graph *g = lib_graph(reversed);
    finding_list *findings = run(g, "version: 1\nacyclic_siblings: [{ancestors: [lib]}]\n");
    assert_int_equal(findings->count, 2);
    // a -> b -> c -> a, witnessed by a/x.cpp (first by path) for a -> b.
    const finding *top = &findings->items[0];
    assert_string_equal(top->location.path, "lib/a/x.cpp");
    assert_int_equal(top->location.line, 4);
    assert_string_equal(
        top->message, "the children of 'lib' depend on each other in a cycle: a -> b -> c -> a "
                      "(lib/a/x.cpp:4 includes lib/b/one.h; lib/b/two.h:5 includes lib/c/c.h; "
                      "lib/c/c.h:7 includes lib/a/y.h), which the acyclic_siblings entry forbids");
    assert_int_equal(top->related_count, 3);
    // x -> y -> x inside lib/a (x.h and x.cpp are one child, x).
    const finding *inner = &findings->items[1];
    assert_string_equal(inner->location.path, "lib/a/x.h");
    assert_int_equal(inner->location.line, 9);
    assert_non_null(strstr(inner->message, "the children of 'lib/a' depend on each other in a "
                                           "cycle: x -> y -> x"));
    finding_list_delete(findings);
    graph_delete(g);
  }
}

static void test_depth_and_skip(void **state) {
  (void)state;
  graph *g = lib_graph(false);
  finding_list *findings = run(g, "version: 1\nacyclic_siblings: [{ancestors: [lib], depth: 0}]\n");
  assert_int_equal(findings->count, 1);
  assert_non_null(strstr(findings->items[0].message, "the children of 'lib' "));
  finding_list_delete(findings);
  findings =
      run(g, "version: 1\nacyclic_siblings: [{ancestors: [lib], skip_descendants: [lib]}]\n");
  assert_int_equal(findings->count, 0);
  finding_list_delete(findings);
  // An ancestor below: only lib/a's children are judged.
  findings = run(g, "version: 1\nacyclic_siblings: [{ancestors: [lib/a]}]\n");
  assert_int_equal(findings->count, 1);
  assert_non_null(strstr(findings->items[0].message, "'lib/a'"));
  finding_list_delete(findings);
  graph_delete(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_cycles_between_folders),
      cmocka_unit_test(test_depth_and_skip),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
