// layer-violation: see rules/layer-violation.md.
#include "contracts.h"
#include "edge_finding.h"

// Whether forbidden-dependency reports edge itself: then its one finding
// names the broken layers too (one finding per dependency).
static bool layer_violation__forbidden_reports(const check_context *context,
                                               const graph_edge *edge) {
  const char *from = context->graph->files[edge->from].path;
  bool dropped_untaken =
      context->graph->exact && edge->taken == GRAPH_TAKEN_NO &&
      config_rule_untaken(context->config, "forbidden-dependency") == CONFIG_UNTAKEN_DROP;
  return edge_forbidden_entry(context->config, context->graph, edge) &&
         config_rule_applies(context->config, "forbidden-dependency", from) && !dropped_untaken &&
         !(context->waivers && waivers_excuse_edge(context->waivers, edge, "forbidden-dependency"));
}

void check_layer_violation(const check_context *context) {
  const graph *g = context->graph;
  const strata_config *config = context->config;
  strbuf message;
  strbuf_init(&message);
  for (size_t e = 0; e < g->edge_count; e++) {
    const graph_edge *edge = &g->edges[e];
    if (contracts_edge_ignored(context->contracts, e))
      continue; // an `ignore` entry takes it out of every contract
    if (!edge_breaks_layers(config, g, edge) || layer_violation__forbidden_reports(context, edge))
      continue;
    if (context->waivers && waivers_excuse_edge(context->waivers, edge, context->rule->id))
      continue;
    bool demote;
    if (!edge_untaken_keep(context, edge, &demote))
      continue; // no unit of the build takes it, and the rule drops such findings
    strbuf_clear(&message);
    edge_describe(config, g, edge, true, &message);
    strbuf_append_str(&message, ": ");
    edge_describe_layers(config, g, edge, &message);
    finding *item = finding_list_add(context->findings, context->rule, g->files[edge->from].path,
                                     edge->line, edge->column, "%s", message.data);
    edge_finding_describe(item, context, edge);
    if (demote)
      item->level = RULE_LEVEL_NOTE;
  }
  strbuf_release(&message);
}
