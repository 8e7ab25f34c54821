// forbidden-dependency: see rules/forbidden-dependency.md.
#include "edge_finding.h"

void check_forbidden_dependency(const check_context *context) {
  const graph *g = context->graph;
  const strata_config *config = context->config;
  if (!config)
    return;
  strbuf message;
  strbuf_init(&message);
  for (size_t e = 0; e < g->edge_count; e++) {
    const graph_edge *edge = &g->edges[e];
    const config_forbidden *entry = edge_forbidden_entry(config, g, edge);
    if (!entry)
      continue;
    if (context->waivers && waivers_excuse_edge(context->waivers, edge, context->rule->id))
      continue; // waived: not reported, under this entry or a later one
    // One finding per dependency: when the edge breaks the layers too, and
    // layer-violation would report it, this finding says so.
    const char *from = g->files[edge->from].path;
    int from_layer, to_layer;
    bool layers =
        edge_breaks_layers(config, g, edge, &from_layer, &to_layer) &&
        config_rule_applies(config, "layer-violation", from) &&
        !(context->waivers && waivers_excuse_edge(context->waivers, edge, "layer-violation"));
    strbuf_clear(&message);
    edge_describe(config, g, edge, layers, &message);
    strbuf_append_str(&message, ", ");
    edge_describe_forbidden(config, entry, &message);
    if (layers) {
      strbuf_append_str(&message, "; it also breaks the layers: ");
      edge_describe_layers(config, from_layer, to_layer, &message);
    }
    finding *item = finding_list_add(context->findings, context->rule, from, edge->line,
                                     edge->column, "%s", message.data);
    edge_finding_describe(item, context, edge);
    json_object_set_new(item->properties, "why",
                        entry->why ? json_string(entry->why) : json_null());
    if (layers)
      json_object_set_new(item->properties, "also", json_pack("[s]", "layer-violation"));
  }
  strbuf_release(&message);
}
