// Unit tests for the map of the graph (graph_view.c), its coupling table
// (graph_metrics.c) and shortest chains (graph_path.c), on a small layered
// tree built by hand and checked by the real checks.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"
#include "graph_metrics.h"
#include "graph_path.h"
#include "graph_view.h"

#include <stdlib.h>
#include <string.h>

static const char fixture_config[] = "version: 1\n"
                                     "python:\n"
                                     "  roots: [\".\"]\n"
                                     "components:\n"
                                     "  app: [\"app/**\"]\n"
                                     "  core: [\"core/**\"]\n"
                                     "  base: [\"base/**\"]\n"
                                     "  extra: [\"extra/**\"]\n"
                                     "  empty: [\"empty/**\"]\n"
                                     "layers: [app, core, base, empty]\n"
                                     "forbidden:\n"
                                     "  - {from: app, to: [extra]}\n";

// path, then the imports of the file: "line:target" (two on one line is
// `import a, b`).
typedef struct fixture_file {
  const char *path;
  const char *imports[4];
} fixture_file;

static const fixture_file fixture_files[] = {
    {"app/__init__.py", {NULL}},
    {"app/views.py", {"1:core.models", "2:core.models", "2:core.util", "3:extra.tool"}},
    {"base/__init__.py", {NULL}},
    {"base/types.py", {"1:core.models"}},
    {"core/__init__.py", {NULL}},
    {"core/models.py", {"1:core.util"}},
    {"core/util.py", {"1:core.models"}},
    {"extra/__init__.py", {NULL}},
    {"extra/tool.py", {NULL}},
    {"loose.py", {"1:app.views"}},
};
#define FIXTURE_COUNT (sizeof(fixture_files) / sizeof(fixture_files[0]))

typedef struct fixture {
  strata_config *config;
  graph *files;
  notice_list *notices;
  finding_list *findings;
} fixture;

static int fixture_setup(void **state) {
  fixture *self = calloc(1, sizeof(fixture));
  config_error error;
  memset(&error, 0, sizeof(error));
  self->config = config_load_text(fixture_config, strlen(fixture_config), "test.yaml", &error);
  assert_non_null(self->config);
  self->files = graph_new();
  for (size_t i = 0; i < FIXTURE_COUNT; i++) {
    file_facts *facts = file_facts_new();
    for (size_t d = 0; d < 4 && fixture_files[i].imports[d]; d++) {
      const char *text = fixture_files[i].imports[d];
      fact_dependency *dependency = file_facts_add_dependency(facts);
      dependency->kind = FACT_DEP_IMPORT;
      dependency->scope = FACT_SCOPE_MODULE;
      dependency->line = (uint32_t)atoi(text);
      dependency->column = 1;
      dependency->target = strdup(strchr(text, ':') + 1);
      dependency->statement = strdup(text);
    }
    graph_add_file(self->files, fixture_files[i].path, STRATA_LANG_PYTHON, facts);
  }
  self->notices = notice_list_new();
  self->findings = finding_list_new();
  graph_build(self->files, self->config, self->notices);
  checks_run_all(self->files, self->config, NULL, self->notices, self->findings);
  *state = self;
  return 0;
}

static int fixture_teardown(void **state) {
  fixture *self = *state;
  finding_list_delete(self->findings);
  notice_list_delete(self->notices);
  graph_delete(self->files);
  config_delete(self->config);
  free(self);
  return 0;
}

static graph_view *view_new(const fixture *self, graph_view_level level, unsigned depth,
                            const char *focus) {
  graph_view_options options = {level, depth, focus};
  char *error = NULL;
  graph_view *view = graph_view_new(self->files, self->config, self->findings, &options, &error);
  assert_null(error);
  assert_non_null(view);
  return view;
}

static int64_t node_named(const graph_view *view, const char *name) {
  for (size_t n = 0; n < view->node_count; n++)
    if (strcmp(view->nodes[n].name, name) == 0)
      return (int64_t)n;
  return -1;
}

static const graph_view_edge *edge_between(const graph_view *view, const char *from,
                                           const char *to) {
  int64_t a = node_named(view, from), b = node_named(view, to);
  for (size_t e = 0; e < view->edge_count; e++)
    if ((int64_t)view->edges[e].from == a && (int64_t)view->edges[e].to == b)
      return &view->edges[e];
  return NULL;
}

static void test_component_nodes_follow_the_layers(void **state) {
  graph_view *view = view_new(*state, GRAPH_VIEW_COMPONENT, 0, NULL);
  static const char *const order[] = {"app",   "core",  "base",
                                      "empty", "extra", GRAPH_VIEW_UNASSIGNED};
  static const size_t files[] = {2, 3, 2, 0, 2, 1};
  assert_int_equal(view->node_count, 6);
  for (size_t n = 0; n < 6; n++) {
    assert_string_equal(view->nodes[n].name, order[n]);
    assert_int_equal(view->nodes[n].file_count, files[n]);
  }
  assert_int_equal(view->nodes[0].layer, 0);
  assert_int_equal(view->nodes[3].layer, 3);
  assert_int_equal(view->nodes[4].layer, -1);
  assert_true(view->nodes[5].unassigned);
  assert_int_equal(graph_view_group(view, &view->nodes[4]), 4);
  assert_int_equal(graph_view_group(view, &view->nodes[5]), 5);
  assert_true(view->nodes[1].in_cycle);
  assert_false(view->nodes[0].in_cycle);
  graph_view_delete(view);
}

static void test_component_edges_count_lines_and_violations(void **state) {
  graph_view *view = view_new(*state, GRAPH_VIEW_COMPONENT, 0, NULL);
  // `import core.models, core.util` is one line.
  const graph_view_edge *edge = edge_between(view, "app", "core");
  assert_non_null(edge);
  assert_int_equal(edge->lines, 2);
  assert_int_equal(edge->violations, 0);
  edge = edge_between(view, "app", "extra");
  assert_non_null(edge);
  assert_int_equal(edge->violations, 1); // forbidden
  edge = edge_between(view, "base", "core");
  assert_non_null(edge);
  assert_int_equal(edge->violations, 1); // layer
  edge = edge_between(view, "core", "core");
  assert_non_null(edge);
  assert_true(edge->in_cycle);
  assert_false(graph_view_edge_drawn(edge));
  assert_true(graph_view_edge_drawn(edge_between(view, "base", "core")));
  assert_non_null(edge_between(view, GRAPH_VIEW_UNASSIGNED, "app"));
  assert_null(edge_between(view, "core", "app"));
  for (size_t e = 1; e < view->edge_count; e++)
    assert_true(view->edges[e - 1].from < view->edges[e].from ||
                (view->edges[e - 1].from == view->edges[e].from &&
                 view->edges[e - 1].to < view->edges[e].to));
  graph_view_delete(view);
}

static void test_file_level_marks_cycle_edges(void **state) {
  graph_view *view = view_new(*state, GRAPH_VIEW_FILE, 0, NULL);
  assert_int_equal(view->node_count, FIXTURE_COUNT);
  const graph_view_edge *edge = edge_between(view, "core/models.py", "core/util.py");
  assert_non_null(edge);
  assert_true(edge->in_cycle);
  edge = edge_between(view, "app/views.py", "core/models.py");
  assert_non_null(edge);
  assert_false(edge->in_cycle);
  assert_int_equal(edge->lines, 2);
  // A file sits in its component's layer.
  assert_int_equal(view->nodes[node_named(view, "base/types.py")].layer, 2);
  graph_view_delete(view);
}

static void test_focus_keeps_direct_neighbours(void **state) {
  graph_view *view = view_new(*state, GRAPH_VIEW_COMPONENT, 0, "core");
  assert_int_equal(view->node_count, 3); // app and base depend on it
  assert_true(node_named(view, "app") >= 0);
  assert_true(node_named(view, "base") >= 0);
  assert_true(view->nodes[node_named(view, "core")].focus);
  assert_int_equal(view->file_node[9], GRAPH_VIEW_NONE); // loose.py
  for (size_t e = 0; e < view->edge_count; e++)
    assert_true(view->nodes[view->edges[e].from].focus || view->nodes[view->edges[e].to].focus);
  assert_int_equal(view->file_node[0], (uint32_t)node_named(view, "app"));
  uint32_t file = graph_view_focus_file(view);
  assert_string_equal(((fixture *)*state)->files->files[file].path, "core/__init__.py");
  graph_view_delete(view);

  // At file level a Python module names its file.
  view = view_new(*state, GRAPH_VIEW_FILE, 0, "core.util");
  assert_true(view->nodes[node_named(view, "core/util.py")].focus);
  assert_int_equal(view->node_count, 3); // app/views.py, core/models.py
  graph_view_delete(view);
}

static void test_focus_on_nothing_is_an_error(void **state) {
  fixture *self = *state;
  graph_view_options options = {GRAPH_VIEW_MODULE, 1, "nowhere"};
  char *error = NULL;
  assert_null(graph_view_new(self->files, self->config, self->findings, &options, &error));
  assert_string_equal(error, "no module or folder 'nowhere' at depth 1");
  free(error);
}

static void test_module_names(void **state) {
  (void)state;
  static const struct {
    const char *path;
    strata_language language;
    const char *module;
    unsigned depth;
    const char *expected;
  } cases[] = {
      {"torch/nn/modules/linear.py", STRATA_LANG_PYTHON, "torch.nn.modules.linear", 2, "torch.nn"},
      {"torch/nn/modules/linear.py", STRATA_LANG_PYTHON, "torch.nn.modules.linear", 1, "torch"},
      {"torch/__init__.py", STRATA_LANG_PYTHON, "torch", 3, "torch"},
      {"tools/gen.py", STRATA_LANG_PYTHON, NULL, 2, "tools"},
      {"aten/src/ATen/native/Add.cpp", STRATA_LANG_CPP, "aten/src/ATen/native/Add.cpp", 4,
       "aten/src/ATen/native"},
      {"aten/src/ATen/native/Add.cpp", STRATA_LANG_CPP, "aten/src/ATen/native/Add.cpp", 9,
       "aten/src/ATen/native"},
      {"c10/util/Logging.h", STRATA_LANG_CPP, "c10/util/Logging.h", 1, "c10"},
      {"setup.c", STRATA_LANG_C, "setup.c", 2, "setup.c"},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    graph_file file = {.path = (char *)cases[i].path,
                       .language = cases[i].language,
                       .module = (char *)cases[i].module,
                       .component = -1};
    char *name = graph_view_module_name(&file, cases[i].depth);
    assert_string_equal(name, cases[i].expected);
    free(name);
  }
}

static void test_module_level_collapses_and_sits_with_the_majority(void **state) {
  graph_view *view = view_new(*state, GRAPH_VIEW_MODULE, 1, NULL);
  // app, base, core, extra, loose; the packages hold their modules.
  assert_int_equal(view->node_count, 5);
  assert_int_equal(view->nodes[node_named(view, "core")].file_count, 3);
  assert_int_equal(view->nodes[node_named(view, "loose")].component, -1);
  assert_int_equal(view->nodes[node_named(view, "core")].component, 1);
  graph_view_delete(view);
}

static void test_metrics(void **state) {
  graph_view *view = view_new(*state, GRAPH_VIEW_COMPONENT, 0, NULL);
  size_t lines[FIXTURE_COUNT];
  for (size_t i = 0; i < FIXTURE_COUNT; i++)
    lines[i] = i + 1;
  graph_metrics *metrics = graph_metrics_new(view, lines);
  const graph_metrics *app = &metrics[node_named(view, "app")];
  assert_int_equal(app->files, 2);
  assert_int_equal(app->lines_of_code, 1 + 2);
  assert_int_equal(app->outgoing_nodes, 2); // core, extra
  assert_int_equal(app->outgoing_lines, 3);
  assert_int_equal(app->incoming_nodes, 1); // loose.py
  assert_int_equal(app->violations_out, 1);
  assert_true(app->instability > 0.66 && app->instability < 0.67);
  const graph_metrics *core = &metrics[node_named(view, "core")];
  assert_int_equal(core->incoming_nodes, 2); // app, base; its own cycle is no coupling
  assert_int_equal(core->incoming_lines, 3);
  assert_int_equal(core->outgoing_nodes, 0);
  assert_true(core->instability == 0.0);
  assert_int_equal(core->violations_in, 1);
  assert_true(core->in_cycle);
  assert_true(metrics[node_named(view, "empty")].instability < 0);
  free(metrics);
  graph_view_delete(view);

  assert_int_equal(graph_metrics_count_lines("a\n\n  \n\tb\r\nc", 12), 3);
  assert_int_equal(graph_metrics_count_lines("", 0), 0);
  assert_int_equal(graph_metrics_count_lines(" \n", 2), 0);
}

static void test_path_selection(void **state) {
  fixture *self = *state;
  bool selected[FIXTURE_COUNT];
  graph_selection_kind kind;
  assert_true(graph_path_select(self->files, self->config, "core", selected, &kind));
  assert_int_equal(kind, GRAPH_SELECT_COMPONENT);
  assert_true(selected[4] && selected[5] && selected[6] && !selected[1]);
  assert_true(graph_path_select(self->files, self->config, "module:core", selected, &kind));
  assert_int_equal(kind, GRAPH_SELECT_MODULE);
  assert_true(selected[4] && selected[5] && selected[6]);
  assert_true(graph_path_select(self->files, self->config, "file:core", selected, &kind));
  assert_true(selected[4] && !selected[5]);
  assert_true(graph_path_select(self->files, self->config, "core.util", selected, &kind));
  assert_int_equal(kind, GRAPH_SELECT_MODULE);
  assert_true(selected[6] && !selected[5]);
  assert_true(graph_path_select(self->files, self->config, "loose.py", selected, &kind));
  assert_int_equal(kind, GRAPH_SELECT_FILE);
  assert_false(graph_path_select(self->files, self->config, "nothing", selected, &kind));
  assert_false(graph_path_select(self->files, self->config, "component:empty", selected, &kind));
}

static void test_shortest_path(void **state) {
  fixture *self = *state;
  bool from[FIXTURE_COUNT], to[FIXTURE_COUNT];
  graph_selection_kind kind;
  assert_true(graph_path_select(self->files, self->config, "loose.py", from, &kind));
  assert_true(graph_path_select(self->files, self->config, "core.util", to, &kind));
  uint32_t *chain = NULL;
  // loose -> app/views -> core/util (line 2), not through core/models.
  assert_int_equal(graph_path_shortest(self->files, from, to, &chain), 2);
  assert_string_equal(self->files->files[self->files->edges[chain[0]].to].path, "app/views.py");
  assert_int_equal(self->files->edges[chain[1]].line, 2);
  free(chain);
  // Nothing imports loose.py.
  assert_int_equal(graph_path_shortest(self->files, to, from, &chain), 0);
  assert_null(chain);
  // A file in both sets still needs a step: core.models -> core.util.
  assert_true(graph_path_select(self->files, self->config, "core", from, &kind));
  assert_int_equal(graph_path_shortest(self->files, from, from, &chain), 1);
  free(chain);
}

static void test_finding_is_about_its_edge(void **state) {
  fixture *self = *state;
  size_t matched = 0;
  for (size_t f = 0; f < self->findings->count; f++)
    for (size_t e = 0; e < self->files->edge_count; e++)
      matched += graph_view_finding_is_about(self->files, e, &self->findings->items[f]);
  // layer-violation base -> core and forbidden-dependency app -> extra; the
  // import cycle is about no single edge.
  assert_int_equal(matched, 2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_component_nodes_follow_the_layers),
      cmocka_unit_test(test_component_edges_count_lines_and_violations),
      cmocka_unit_test(test_file_level_marks_cycle_edges),
      cmocka_unit_test(test_focus_keeps_direct_neighbours),
      cmocka_unit_test(test_focus_on_nothing_is_an_error),
      cmocka_unit_test(test_module_names),
      cmocka_unit_test(test_module_level_collapses_and_sits_with_the_majority),
      cmocka_unit_test(test_metrics),
      cmocka_unit_test(test_path_selection),
      cmocka_unit_test(test_shortest_path),
      cmocka_unit_test(test_finding_is_about_its_edge),
  };
  return cmocka_run_group_tests(tests, fixture_setup, fixture_teardown);
}
