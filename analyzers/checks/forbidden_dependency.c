// forbidden-dependency: see rules/forbidden-dependency.md.
#include "chain_finding.h"
#include "edge_finding.h"

static void forbidden__explain(const check_context *context, const void *data, strbuf *out) {
  edge_describe_forbidden(context->config, data, out);
}

// Sets properties.why on the findings from index first on.
static void forbidden__why(const check_context *context, size_t first,
                           const config_forbidden *entry) {
  for (size_t i = first; i < context->findings->count; i++)
    json_object_set_new(context->findings->items[i].properties, "why",
                        entry->why ? json_string(entry->why) : json_null());
}

// Direct dependencies: one finding per edge a forbidden entry matches.
static void forbidden__edges(const check_context *context) {
  const graph *g = context->graph;
  const strata_config *config = context->config;
  strbuf message;
  strbuf_init(&message);
  for (size_t e = 0; e < g->edge_count; e++) {
    const graph_edge *edge = &g->edges[e];
    // The first entry it breaks; an `ignore` entry takes it out of all.
    const config_forbidden *entry = contracts_forbidden_entry(context->contracts, e);
    if (!entry)
      continue;
    if (context->waivers && waivers_excuse_edge(context->waivers, edge, context->rule->id))
      continue; // waived: not reported, under this entry or a later one
    bool demote;
    if (!edge_untaken_keep(context, edge, &demote))
      continue; // no unit of the build takes it, and the rule drops such findings
    // One finding per dependency: when the edge breaks the layers too, and
    // layer-violation would report it, this finding says so.
    const char *from = g->files[edge->from].path;
    bool layers =
        edge_breaks_layers(config, g, edge) &&
        config_rule_applies(config, "layer-violation", from) &&
        !(context->waivers && waivers_excuse_edge(context->waivers, edge, "layer-violation"));
    strbuf_clear(&message);
    edge_describe(config, g, edge, layers, &message);
    strbuf_append_str(&message, ", ");
    edge_describe_forbidden(config, entry, &message);
    if (layers) {
      strbuf_append_str(&message, "; it also breaks the layers: ");
      edge_describe_layers(config, g, edge, &message);
    }
    finding *item = finding_list_add(context->findings, context->rule, from, edge->line,
                                     edge->column, "%s", message.data);
    edge_finding_describe(item, context, edge);
    if (demote)
      item->level = RULE_LEVEL_NOTE;
    json_object_set_new(item->properties, "why",
                        entry->why ? json_string(entry->why) : json_null());
    if (layers)
      json_object_set_new(item->properties, "also", json_pack("[s]", "layer-violation"));
  }
  strbuf_release(&message);
}

void check_forbidden_dependency(const check_context *context) {
  const strata_config *config = context->config;
  if (!config)
    return;
  check_context local = *context;
  contracts *own = NULL;
  if (!local.contracts)
    local.contracts = own = contracts_new(context->graph, config);
  forbidden__edges(&local);
  // Dependencies on what is outside the tree: `<Python.h>`, `module:numpy`.
  for (size_t r = 0; r < config->forbidden_count; r++) {
    const config_forbidden *entry = &config->forbidden[r];
    size_t first = context->findings->count;
    chain_finding_report_unresolved(&local, local.contracts->forbidden_from[r], entry->to,
                                    entry->to_count, entry->scopes, forbidden__explain, entry);
    forbidden__why(&local, first, entry);
  }
  // Chains of two or more dependencies (a direct one is an edge above).
  for (size_t q = 0; q < local.contracts->question_count; q++) {
    contract_question *question = &local.contracts->questions[q];
    if (question->kind != CONTRACT_FORBIDDEN)
      continue;
    const config_forbidden *entry = &config->forbidden[question->entry];
    size_t first = context->findings->count;
    chain_finding_report(&local, question, 2, forbidden__explain, entry);
    forbidden__why(&local, first, entry);
  }
  contracts_delete(own);
}
