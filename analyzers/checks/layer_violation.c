// layer-violation: see rules/layer-violation.md.
#include "edge_finding.h"

// Whether forbidden-dependency reports edge itself: then its one finding
// names the broken layers too (one finding per dependency).
static bool layer_violation__forbidden_reports(const check_context *context,
                                               const graph_edge *edge) {
  const char *from = context->graph->files[edge->from].path;
  return edge_forbidden_entry(context->config, context->graph, edge) &&
         config_rule_applies(context->config, "forbidden-dependency", from) &&
         !(context->waivers && waivers_excuse_edge(context->waivers, edge, "forbidden-dependency"));
}

void check_layer_violation(const check_context *context) {
  const graph *g = context->graph;
  const strata_config *config = context->config;
  strbuf message;
  strbuf_init(&message);
  for (size_t e = 0; e < g->edge_count; e++) {
    const graph_edge *edge = &g->edges[e];
    int from_layer, to_layer;
    if (!edge_breaks_layers(config, g, edge, &from_layer, &to_layer) ||
        layer_violation__forbidden_reports(context, edge))
      continue;
    if (context->waivers && waivers_excuse_edge(context->waivers, edge, context->rule->id))
      continue;
    strbuf_clear(&message);
    edge_describe(config, g, edge, true, &message);
    strbuf_append_str(&message, ": ");
    edge_describe_layers(config, from_layer, to_layer, &message);
    finding *item = finding_list_add(context->findings, context->rule, g->files[edge->from].path,
                                     edge->line, edge->column, "%s", message.data);
    edge_finding_describe(item, context, edge);
  }
  strbuf_release(&message);
}
