// The architecture explorer: one self-contained HTML page (no network, no
// server) with the dependency graph as data and a script written here
// (analyzers/report/explorer/) that draws it: the component map with its
// layers, and what is inside a component or module on a click.
//
// The data is compact arrays, a PyTorch tree's 9,000 files and 34,000 lines
// in a few megabytes (docs/graphs.md describes every field):
//   components  [{name, layer, unassigned}]        layer: index or -1
//   modules     [{name, alias, component}]         the module map's nodes
//   files       [[path, module, component, language, in_cycle, generated]]
//   edges       [from, to, kind, line, statement, flags, from, ...]: six
//               numbers an edge; flags: 1 violation, 2 on a cycle
//   kinds       [{name, color}]                     an edge's kind is data
#include "report_graphs.h"

#include "graph_view.h"
#include "report_util.h"
#include "rule.h"
#include "strmap.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

extern const char *const report_explorer_head[];
extern const char *const report_explorer_tail[];

#define HTML_DATA_VERSION 1

// Every kind of edge the graph has, with the colour the explorer draws it
// in (a violation is red and a cycle orange whatever the kind). A new kind
// is a new entry: the explorer reads the table, it knows no kind by name.
static const struct {
  const char *name;
  const char *color;
} report_html__kinds[] = {
    [FACT_DEP_IMPORT] = {"import", "#5b6b7f"},
    [FACT_DEP_INCLUDE] = {"include", "#7a6a9a"},
    // Across the bridge between Python and C/C++ (docs/bridge.md).
    [FACT_DEP_CXX_IMPORT] = {"cxx_import", "#1f77b4"},
    [FACT_DEP_OP] = {"op", "#17becf"},
    [FACT_DEP_BINDING] = {"binding", "#2ca02c"},
};

static json_t *report_html__kind_table(void) {
  json_t *kinds = json_array();
  for (size_t k = 0; k < sizeof(report_html__kinds) / sizeof(report_html__kinds[0]); k++)
    json_array_append_new(kinds, json_pack("{s:s,s:s}", "name", report_html__kinds[k].name, "color",
                                           report_html__kinds[k].color));
  return kinds;
}

static json_t *report_html__components(const strata_config *config) {
  json_t *components = json_array();
  for (size_t c = 0; config && c < config->component_count; c++)
    json_array_append_new(
        components, json_pack("{s:o,s:i,s:b}", "name", json_text_string(config->components[c].name),
                              "layer", config->components[c].layer, "unassigned", 0));
  // The files in no component, last.
  json_array_append_new(components, json_pack("{s:s,s:i,s:b}", "name", GRAPH_VIEW_UNASSIGNED,
                                              "layer", -1, "unassigned", 1));
  return components;
}

static json_t *report_html__strings(char *const *items, size_t count) {
  json_t *array = json_array();
  for (size_t i = 0; i < count; i++)
    json_array_append_new(array, json_text_string(items[i]));
  return array;
}

// The index of statement in the table, added when new.
static size_t report_html__statement(strmap *index, json_t *table, const char *statement) {
  uint32_t slot;
  if (strmap_get(index, statement, strlen(statement), &slot))
    return slot;
  slot = (uint32_t)json_array_size(table);
  json_array_append_new(table, json_text_string(statement));
  // The key must outlive the map: the table's copy does.
  strmap_put(index, json_string_value(json_array_get(table, slot)), strlen(statement), slot);
  return slot;
}

// The findings per rule, for the page's header.
static json_t *report_html__findings(const finding_list *findings) {
  json_t *counts = json_array();
  for (size_t r = 0; r < strata_rule_count; r++) {
    size_t count = 0;
    for (size_t i = 0; findings && i < findings->count; i++)
      count += findings->items[i].rule == &strata_rules[r];
    if (count)
      json_array_append_new(counts, json_pack("{s:s,s:s,s:I}", "rule", strata_rules[r].id, "level",
                                              rule_level_name(strata_rules[r].level), "count",
                                              (json_int_t)count));
  }
  return counts;
}

static const char *report_html__title(const char *root) {
  if (!root)
    return "tree";
  const char *slash = strrchr(root, '/');
  return slash && slash[1] ? slash + 1 : root;
}

// The page's data. Returns NULL and sets *error when the module view cannot
// be made.
static json_t *report_html__data(const report_context *context, unsigned depth, char **error) {
  const graph *files = context->graph;
  const strata_config *config = context->config;
  graph_view_options options = {GRAPH_VIEW_MODULE, depth ? depth : 2, NULL};
  graph_view *modules = graph_view_new(files, config, context->findings, &options, error);
  if (!modules)
    return NULL;
  size_t unassigned = config ? config->component_count : 0;

  json_t *module_array = json_array();
  for (size_t n = 0; n < modules->node_count; n++) {
    const graph_view_node *node = &modules->nodes[n];
    json_array_append_new(
        module_array,
        json_pack("{s:o,s:o,s:I}", "name", json_text_string(node->name), "alias",
                  json_text_string(node->alias), "component",
                  (json_int_t)(node->component >= 0 ? (size_t)node->component : unassigned)));
  }

  bool *in_cycle = xcalloc(files->file_count + 1, sizeof(bool));
  bool *violating = graph_view_violating_edges(files, context->findings);
  bool *cycle = graph_view_cycle_edges(files, in_cycle);
  json_t *file_array = json_array();
  for (size_t i = 0; i < files->file_count; i++) {
    const graph_file *file = &files->files[i];
    json_array_append_new(
        file_array,
        json_pack("[o,I,I,I,i,i]", json_text_string(file->path), (json_int_t)modules->file_node[i],
                  (json_int_t)(file->component >= 0 ? (size_t)file->component : unassigned),
                  (json_int_t)file->language, in_cycle[i] ? 1 : 0, file->generated ? 1 : 0));
  }
  json_t *statements = json_array();
  strmap *statement_index = strmap_new();
  json_t *edge_array = json_array();
  for (size_t e = 0; e < files->edge_count; e++) {
    const graph_edge *edge = &files->edges[e];
    const char *statement = edge->origin && edge->origin->statement ? edge->origin->statement : "";
    size_t index = report_html__statement(statement_index, statements, statement);
    // Six numbers an edge, in one flat array: a PyTorch tree's 34,000 edges
    // parse faster than as as many small arrays.
    json_int_t row[] = {edge->from, edge->to,          (json_int_t)edge->kind,
                        edge->line, (json_int_t)index, (violating[e] ? 1 : 0) | (cycle[e] ? 2 : 0)};
    for (size_t k = 0; k < sizeof(row) / sizeof(row[0]); k++)
      json_array_append_new(edge_array, json_integer(row[k]));
  }
  strmap_delete(statement_index);
  free(in_cycle);
  free(violating);
  free(cycle);

  json_t *language_array = json_array();
  for (int l = 0; l < STRATA_LANG_COUNT; l++)
    json_array_append_new(language_array, json_string(strata_language_name((strata_language)l)));

  json_t *data = json_pack(
      "{s:i,s:o,s:I,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "version", HTML_DATA_VERSION, "title",
      json_text_string(report_html__title(context->root)), "depth", (json_int_t)modules->depth,
      "layers",
      report_html__strings(config ? config->layers : NULL, config ? config->layer_count : 0),
      "kinds", report_html__kind_table(), "languages", language_array, "components",
      report_html__components(config), "modules", module_array, "files", file_array, "edges",
      edge_array, "statements", statements, "findings", report_html__findings(context->findings));
  graph_view_delete(modules);
  return data;
}

// Appends json to out with every '<' as \u003c, so that no text of the tree
// can close the <script> element the data sits in.
static void report_html__append_script_json(strbuf *out, const char *json) {
  for (const char *p = json; *p; p++) {
    if (*p == '<')
      strbuf_append_str(out, "\\u003c");
    else
      strbuf_append_char(out, *p);
  }
}

static void report_html__append_lines(strbuf *out, const char *const *lines) {
  for (size_t i = 0; lines[i]; i++)
    strbuf_append_str(out, lines[i]);
}

bool report_html_text(strbuf *out, const report_context *context, unsigned depth, char **error) {
  json_t *data = report_html__data(context, depth, error);
  if (!data)
    return false;
  char *json = json_dumps(data, JSON_COMPACT);
  json_decref(data);
  if (!json) {
    *error = xstrdup("cannot write the explorer's data");
    return false;
  }
  report_html__append_lines(out, report_explorer_head);
  report_html__append_script_json(out, json);
  report_html__append_lines(out, report_explorer_tail);
  free(json);
  return true;
}
