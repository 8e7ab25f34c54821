// Unit tests for the bridge's binders (graph/graph_bridge.c, with
// resolve_python.c): graphs built by hand from facts, bound by graph_build.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "graph.h"

#include <stdlib.h>
#include <string.h>

static fact_dependency *add_use(file_facts *facts, fact_dep_kind kind, uint32_t line,
                                const char *target, const char *from_names) {
  fact_dependency *dependency = file_facts_add_dependency(facts);
  dependency->kind = kind;
  dependency->scope = FACT_SCOPE_MODULE;
  dependency->line = line;
  dependency->column = 1;
  dependency->target = strdup(target);
  dependency->statement = strdup(target);
  if (from_names) {
    if (kind == FACT_DEP_IMPORT)
      dependency->is_from = true;
    fact_dependency_add_name(dependency, from_names, strlen(from_names));
  }
  return dependency;
}

static void add_definition(file_facts *facts, fact_bridge_kind kind, uint32_t line,
                           const char *name, const char *parent, fact_scope scope) {
  fact_bridge *bridge = file_facts_add_bridge(facts);
  bridge->kind = kind;
  bridge->line = line;
  bridge->column = 1;
  bridge->scope = scope;
  bridge->name = strdup(name);
  bridge->parent = parent ? strdup(parent) : NULL;
}

static const char *const paths[] = {
    "csrc/Module.cpp", "csrc/jit.cpp", "csrc/ops.cpp", "pkg/__init__.py", "pkg/_C/_jit.pyi",
    "pkg/internal.py", "pkg/lib.py",   "pkg/nn.py",    "test/test_x.py",
};
enum { MODULE_CPP, JIT_CPP, OPS_CPP, PKG, JIT_STUB, INTERNAL, LIB, NN, TEST, FILES };

static graph *bridge_graph(void) {
  graph *g = graph_new();
  file_facts *facts[FILES];
  for (size_t i = 0; i < FILES; i++) {
    facts[i] = file_facts_new();
    graph_add_file(g, paths[i], strstr(paths[i], ".py") ? STRATA_LANG_PYTHON : STRATA_LANG_CPP,
                   facts[i]);
  }
  add_definition(facts[MODULE_CPP], FACT_BRIDGE_MODULE, 3, "pkg._C", NULL, FACT_SCOPE_MODULE);
  add_definition(facts[JIT_CPP], FACT_BRIDGE_SUBMODULE, 4, "_jit", NULL, FACT_SCOPE_MODULE);
  add_definition(facts[JIT_CPP], FACT_BRIDGE_SUBMODULE, 5, "_jit.inner", NULL, FACT_SCOPE_MODULE);
  add_use(facts[JIT_CPP], FACT_DEP_CXX_IMPORT, 9, "pkg.internal", NULL);
  add_definition(facts[OPS_CPP], FACT_BRIDGE_LIBRARY, 2, "myops", NULL, FACT_SCOPE_MODULE);
  add_definition(facts[OPS_CPP], FACT_BRIDGE_OP, 3, "scale", "myops", FACT_SCOPE_MODULE);
  add_definition(facts[LIB], FACT_BRIDGE_LIBRARY, 4, "pyops", NULL, FACT_SCOPE_MODULE);
  // A test's definitions bind nothing: one inside a function, a FRAGMENT.
  add_definition(facts[TEST], FACT_BRIDGE_LIBRARY, 7, "myops", NULL, FACT_SCOPE_FUNCTION);
  add_definition(facts[TEST], FACT_BRIDGE_OP, 8, "scale", "myops", FACT_SCOPE_FUNCTION);
  add_definition(facts[TEST], FACT_BRIDGE_FRAGMENT, 9, "otherops", NULL, FACT_SCOPE_MODULE);
  add_use(facts[PKG], FACT_DEP_IMPORT, 1, "pkg._C", NULL);
  add_use(facts[NN], FACT_DEP_IMPORT, 1, "pkg._C", "_jit");
  add_use(facts[NN], FACT_DEP_IMPORT, 2, "pkg._C._jit.inner", NULL);
  add_use(facts[NN], FACT_DEP_IMPORT, 3, "pkg._C._nothing", NULL);
  add_use(facts[NN], FACT_DEP_OP, 4, "myops", "scale");
  add_use(facts[NN], FACT_DEP_OP, 5, "myops", "unknown");
  add_use(facts[NN], FACT_DEP_OP, 6, "pyops", NULL);
  add_use(facts[NN], FACT_DEP_OP, 7, "otherops", NULL);
  graph_build(g, NULL, NULL);
  return g;
}

static const graph_edge *edge_at(const graph *g, uint32_t from, uint32_t line, uint32_t to) {
  for (size_t i = 0; i < g->edge_count; i++)
    if (g->edges[i].from == from && g->edges[i].line == line && g->edges[i].to == to)
      return &g->edges[i];
  return NULL;
}

static size_t edges_from_line(const graph *g, uint32_t from, uint32_t line) {
  size_t count = 0;
  for (size_t i = 0; i < g->edge_count; i++)
    count += g->edges[i].from == from && g->edges[i].line == line;
  return count;
}

static void assert_bound(const graph *g, uint32_t from, uint32_t line, uint32_t to,
                         fact_dep_kind kind, uint32_t to_line, const char *name) {
  const graph_edge *edge = edge_at(g, from, line, to);
  assert_non_null(edge);
  assert_int_equal(edge->kind, kind);
  assert_int_equal(edge->to_line, to_line);
  assert_true(graph_edge_is_bridge(edge));
  char *bound = graph_edge_bridge_name(edge);
  assert_string_equal(bound, name);
  free(bound);
}

// An extension module and its submodules bind to their definitions, never
// to the parent package's __init__.py nor to a stub; a submodule no file
// defines falls back to the extension module.
static void test_bindings(void **state) {
  (void)state;
  graph *g = bridge_graph();
  assert_bound(g, PKG, 1, MODULE_CPP, FACT_DEP_BINDING, 3, "pkg._C");
  assert_bound(g, NN, 1, JIT_CPP, FACT_DEP_BINDING, 4, "_jit");
  assert_int_equal(edges_from_line(g, NN, 1), 1);
  assert_bound(g, NN, 2, JIT_CPP, FACT_DEP_BINDING, 5, "_jit.inner");
  assert_int_equal(edges_from_line(g, NN, 2), 1);
  assert_bound(g, NN, 3, MODULE_CPP, FACT_DEP_BINDING, 3, "pkg._C");
  assert_null(edge_at(g, NN, 3, PKG));
  assert_null(edge_at(g, NN, 1, JIT_STUB));
  graph_delete(g);
}

// torch.ops: the op's definition, else the namespace's; a definition in a
// function or a Python FRAGMENT binds nothing.
static void test_ops(void **state) {
  (void)state;
  graph *g = bridge_graph();
  assert_bound(g, NN, 4, OPS_CPP, FACT_DEP_OP, 3, "myops.scale");
  assert_int_equal(edges_from_line(g, NN, 4), 1);
  assert_bound(g, NN, 5, OPS_CPP, FACT_DEP_OP, 2, "myops.unknown");
  assert_int_equal(edges_from_line(g, NN, 5), 1);
  assert_bound(g, NN, 6, LIB, FACT_DEP_OP, 4, "pyops");
  assert_int_equal(edges_from_line(g, NN, 7), 0);
  graph_delete(g);
}

// A C++ import goes to the Python module's file.
static void test_cxx_imports(void **state) {
  (void)state;
  graph *g = bridge_graph();
  assert_bound(g, JIT_CPP, 9, INTERNAL, FACT_DEP_CXX_IMPORT, 0, "pkg.internal");
  graph_delete(g);
}

// bridge.extension_modules: a module only the build names binds to the
// files its globs match.
static void test_configured_module(void **state) {
  (void)state;
  graph *g = graph_new();
  file_facts *cpp = file_facts_new(), *user = file_facts_new();
  graph_add_file(g, "ext/init.cpp", STRATA_LANG_CPP, cpp);
  graph_add_file(g, "user.py", STRATA_LANG_PYTHON, user);
  add_use(user, FACT_DEP_IMPORT, 1, "mylib._C.sub", NULL);
  static const char yaml[] = "bridge:\n  extension_modules:\n    mylib._C: \"ext/*.cpp\"\n";
  config_error error = {0};
  strata_config *config = config_load_text(yaml, sizeof(yaml) - 1, "strata.yaml", &error);
  assert_non_null(config);
  graph_build(g, config, NULL);
  assert_bound(g, 1, 1, 0, FACT_DEP_BINDING, 0, "mylib._C.sub");
  config_delete(config);
  graph_delete(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bindings),
      cmocka_unit_test(test_ops),
      cmocka_unit_test(test_cxx_imports),
      cmocka_unit_test(test_configured_module),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
