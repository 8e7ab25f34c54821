#include "report_graph_common.h"

#include "source.h"
#include "xalloc.h"

#include <string.h>

const char *const report_graph_legend[] = {
    "a number on an edge: the import and include lines behind it",
    "red, bold: lines that break a layer or forbidden rule (how many in brackets)",
    "orange, dashed: lines on an import or include cycle",
    "orange frame: a node that holds files of an import or include cycle",
    NULL,
};

void report_graph_append_utf8(strbuf *out, const char *text) {
  size_t length = strlen(text);
  size_t start = 0;
  for (;;) {
    size_t bad = utf8_first_invalid(text + start, length - start);
    if (bad == SIZE_MAX)
      break;
    strbuf_append(out, text + start, bad);
    strbuf_append_str(out, "\xef\xbf\xbd"); // U+FFFD
    start += bad + 1;
  }
  strbuf_append(out, text + start, length - start);
}

void report_graph_node_caption(strbuf *out, const graph_view *view, const graph_view_node *node) {
  if (view->level == GRAPH_VIEW_FILE)
    return;
  if (node->file_count == 0)
    strbuf_append_str(out, "no files");
  else
    strbuf_printf(out, "%zu file%s", node->file_count, node->file_count == 1 ? "" : "s");
}

void report_graph_edge_label(strbuf *out, const graph_view_edge *edge) {
  strbuf_printf(out, "%zu", edge->lines);
  if (edge->bridge_lines > 0)
    strbuf_printf(out, " (%zu across the bridge)", edge->bridge_lines);
  if (edge->violations > 0)
    strbuf_printf(out, " (%zu violation%s)", edge->violations, edge->violations == 1 ? "" : "s");
}

// The name of the focus node of a focused view.
static const char *report_graph__focus_name(const graph_view *view) {
  for (size_t n = 0; n < view->node_count; n++)
    if (view->nodes[n].focus)
      return view->nodes[n].name;
  return "?";
}

char *report_graph_group_title(const graph_view *view, size_t group) {
  if (view->focused) {
    const char *focus = report_graph__focus_name(view);
    switch (group) {
    case GRAPH_VIEW_BAND_DEPENDENTS:
      return xasprintf("depend on %s", focus);
    case GRAPH_VIEW_BAND_FOCUS:
      return xasprintf("%s (and what it shares a cycle with)", focus);
    default:
      return xasprintf("%s depends on", focus);
    }
  }
  size_t layer_count = view->config ? view->config->layer_count : 0;
  if (group < layer_count)
    return xasprintf("layer %zu: %s", group + 1, view->config->layers[group]);
  if (group == layer_count)
    return xstrdup("no layer");
  return NULL;
}

const char *report_graph_title(const graph_view *view) {
  switch (view->level) {
  case GRAPH_VIEW_COMPONENT:
    return "module boundaries: components";
  case GRAPH_VIEW_MODULE:
    return "module boundaries: modules";
  case GRAPH_VIEW_FILE:
    break;
  }
  return "module boundaries: files";
}
