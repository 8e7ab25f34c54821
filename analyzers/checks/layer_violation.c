// layer-violation: see rules/layer-violation.md.
#include "edge_finding.h"

void check_layer_violation(const check_context *context) {
  const graph *g = context->graph;
  const strata_config *config = context->config;
  if (!config || config->layer_count == 0)
    return;
  for (size_t e = 0; e < g->edge_count; e++) {
    const graph_edge *edge = &g->edges[e];
    const graph_file *from = &g->files[edge->from];
    const graph_file *to = &g->files[edge->to];
    if (from->component < 0 || to->component < 0)
      continue;
    int from_layer = config->components[from->component].layer;
    int to_layer = config->components[to->component].layer;
    // Layers are listed highest first: a smaller index is a higher layer.
    if (from_layer < 0 || to_layer < 0 || to_layer >= from_layer)
      continue;
    if (context->waivers && waivers_excuse_edge(context->waivers, edge, context->rule->id))
      continue;
    bool demote;
    if (!edge_untaken_keep(context, edge, &demote))
      continue;
    strbuf condition;
    strbuf_init(&condition);
    edge_condition_append(edge, &condition);
    edge_taken_append(context, edge, &condition);
    finding *item = finding_list_add(
        context->findings, context->rule, from->path, edge->line, edge->column,
        "'%s' (%s, layer %d of %zu) %s '%s' (%s, layer %d of %zu)%s: layer '%s' must not depend "
        "on the higher layer '%s'",
        from->path, config->components[from->component].name, from_layer + 1, config->layer_count,
        edge_verb(edge), to->path, config->components[to->component].name, to_layer + 1,
        config->layer_count, condition.length ? condition.data : "", config->layers[from_layer],
        config->layers[to_layer]);
    strbuf_release(&condition);
    edge_finding_describe(item, context, edge);
    if (demote)
      item->level = RULE_LEVEL_NOTE;
  }
}
