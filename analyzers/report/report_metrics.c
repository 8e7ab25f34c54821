// The coupling table: one row per node, as markdown for an architecture
// document or as JSON for scripts.
#include "report_graph_common.h"
#include "report_graphs.h"
#include "report_util.h"

#include <jansson.h>

// A table cell: '|' would end it early and '<', '*', '`' would be markup, so
// they are escaped as markdown allows (underscores inside names are not).
static void report_metrics__cell(strbuf *out, const char *text) {
  strbuf valid;
  strbuf_init(&valid);
  report_graph_append_utf8(&valid, text);
  strbuf_append_str(out, " ");
  for (const char *p = valid.data; *p; p++) {
    if (*p == '|' || *p == '\\' || *p == '`' || *p == '*' || *p == '<')
      strbuf_append_char(out, '\\');
    strbuf_append_char(out, (unsigned char)*p < 0x20 ? ' ' : *p);
  }
  strbuf_append_str(out, " |");
  strbuf_release(&valid);
}

static const char *report_metrics__layer(const graph_view *view, const graph_view_node *node) {
  return node->layer >= 0 ? view->config->layers[node->layer] : NULL;
}

static bool report_metrics__markdown(FILE *out, const graph_view *view,
                                     const graph_metrics *metrics) {
  strbuf text;
  strbuf_init(&text);
  strbuf_printf(&text,
                "| %s | layer | files | lines of code | incoming | incoming lines | outgoing | "
                "outgoing lines | instability | violations in | violations out | in a cycle |\n"
                "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | "
                "--- |\n",
                graph_view_level_name(view->level));
  for (size_t n = 0; n < view->node_count; n++) {
    const graph_view_node *node = &view->nodes[n];
    const graph_metrics *row = &metrics[n];
    strbuf_append_str(&text, "|");
    report_metrics__cell(&text, node->name);
    const char *layer = report_metrics__layer(view, node);
    report_metrics__cell(&text, layer ? layer : "");
    strbuf_printf(&text, " %zu | %zu | %zu | %zu | %zu | %zu |", row->files, row->lines_of_code,
                  row->incoming_nodes, row->incoming_lines, row->outgoing_nodes,
                  row->outgoing_lines);
    if (row->instability < 0)
      strbuf_append_str(&text, " - |");
    else
      strbuf_printf(&text, " %.2f |", row->instability);
    strbuf_printf(&text, " %zu | %zu | %s |\n", row->violations_in, row->violations_out,
                  row->in_cycle ? "yes" : "");
  }
  bool ok = fwrite(text.data, 1, text.length, out) == text.length;
  strbuf_release(&text);
  return ok && report_flush(out);
}

static json_t *report_metrics__pair(const char *first, size_t first_value, const char *second,
                                    size_t second_value) {
  json_t *pair = json_object();
  json_object_set_new(pair, first, json_integer((json_int_t)first_value));
  json_object_set_new(pair, second, json_integer((json_int_t)second_value));
  return pair;
}

static bool report_metrics__json(FILE *out, const graph_view *view, const graph_metrics *metrics) {
  json_t *root = json_object();
  json_object_set_new(root, "version", json_integer(1));
  json_object_set_new(root, "level", json_string(graph_view_level_name(view->level)));
  if (view->level == GRAPH_VIEW_MODULE)
    json_object_set_new(root, "depth", json_integer(view->depth));
  json_t *nodes = json_array();
  for (size_t n = 0; n < view->node_count; n++) {
    const graph_view_node *node = &view->nodes[n];
    const graph_metrics *row = &metrics[n];
    json_t *item = json_object();
    json_object_set_new(item, "name", json_text_string(node->name));
    json_object_set_new(item, "component",
                        node->component >= 0
                            ? json_text_string(view->config->components[node->component].name)
                            : json_null());
    json_object_set_new(item, "layer", json_text_string(report_metrics__layer(view, node)));
    json_object_set_new(item, "files", json_integer((json_int_t)row->files));
    json_object_set_new(item, "lines_of_code", json_integer((json_int_t)row->lines_of_code));
    json_object_set_new(
        item, "incoming",
        report_metrics__pair("nodes", row->incoming_nodes, "lines", row->incoming_lines));
    json_object_set_new(
        item, "outgoing",
        report_metrics__pair("nodes", row->outgoing_nodes, "lines", row->outgoing_lines));
    // Rounded so that the text does not depend on how a double prints.
    json_object_set_new(item, "instability",
                        row->instability < 0
                            ? json_null()
                            : json_real((double)(long)(row->instability * 1000 + 0.5) / 1000));
    json_object_set_new(item, "violations",
                        report_metrics__pair("in", row->violations_in, "out", row->violations_out));
    json_object_set_new(item, "in_cycle", json_boolean(row->in_cycle));
    json_array_append_new(nodes, item);
  }
  json_object_set_new(root, "nodes", nodes);
  bool ok = report_write_json(out, root, JSON_INDENT(2) | JSON_REAL_PRECISION(3));
  json_decref(root);
  return ok;
}

bool report_metrics(FILE *out, const graph_view *view, const graph_metrics *metrics,
                    report_metrics_format format) {
  if (format == REPORT_METRICS_JSON)
    return report_metrics__json(out, view, metrics);
  return report_metrics__markdown(out, view, metrics);
}
