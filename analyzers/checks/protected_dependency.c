// protected-dependency: see rules/protected-dependency.md.
#include "contracts.h"
#include "edge_finding.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

// "which only 'a' and 'b' may depend on, as strata.yaml says: "why"".
static void protected__explain(const strata_config *config, const config_protected *entry,
                               strbuf *out) {
  if (entry->importer_count == 0) {
    strbuf_append_str(out, "which nothing outside it may depend on");
  } else {
    strbuf_append_str(out, "which only ");
    for (size_t i = 0; i < entry->importer_count; i++)
      strbuf_printf(out, "%s'%s'",
                    i == 0                           ? ""
                    : i + 1 == entry->importer_count ? " and "
                                                     : ", ",
                    entry->importers[i].text);
    strbuf_append_str(out, " may depend on");
  }
  const char *source = config->source_name;
  const char *slash = strrchr(source, '/');
  strbuf_printf(out, " (%s protects it)",
                source[0] == '<' ? "strata's built-in default"
                : slash          ? slash + 1
                                 : source);
  if (entry->why)
    strbuf_printf(out, ": \"%s\"", entry->why);
}

// Reports the direct dependencies on entry's files from files that are
// neither protected nor allowed importers.
static void protected__entry(const check_context *context, const config_protected *entry,
                             bool *protected_files, bool *allowed, strbuf *message) {
  const graph *g = context->graph;
  contracts_mark_files(g, entry->components, entry->component_count, protected_files);
  contracts_mark_files(g, entry->importers, entry->importer_count, allowed);
  for (size_t e = 0; e < g->edge_count; e++) {
    const graph_edge *edge = &g->edges[e];
    if (!protected_files[edge->to] || protected_files[edge->from] || allowed[edge->from] ||
        !(entry->scopes & (1u << edge->scope)) || contracts_edge_ignored(context->contracts, e))
      continue;
    if (context->waivers && waivers_excuse_edge(context->waivers, edge, context->rule->id))
      continue;
    bool demote;
    if (!edge_untaken_keep(context, edge, &demote))
      continue;
    strbuf_clear(message);
    edge_describe(context->config, g, edge, false, message);
    strbuf_append_str(message, ", ");
    protected__explain(context->config, entry, message);
    finding *item = finding_list_add(context->findings, context->rule, g->files[edge->from].path,
                                     edge->line, edge->column, "%s", message->data);
    edge_finding_describe(item, context, edge);
    if (demote)
      item->level = RULE_LEVEL_NOTE;
    json_t *importers = json_array();
    for (size_t i = 0; i < entry->importer_count; i++)
      json_array_append_new(importers, json_string(entry->importers[i].text));
    json_object_set_new(item->properties, "allowed_importers", importers);
    json_object_set_new(item->properties, "why",
                        entry->why ? json_string(entry->why) : json_null());
  }
}

void check_protected_dependency(const check_context *context) {
  const strata_config *config = context->config;
  if (!config || config->protected_count == 0)
    return;
  check_context local = *context;
  contracts *own = NULL;
  if (!local.contracts)
    local.contracts = own = contracts_new(context->graph, config);
  bool *protected_files = xcalloc(context->graph->file_count + 1, sizeof(bool));
  bool *allowed = xcalloc(context->graph->file_count + 1, sizeof(bool));
  strbuf message;
  strbuf_init(&message);
  for (size_t r = 0; r < config->protected_count; r++)
    protected__entry(&local, &config->protected_entries[r], protected_files, allowed, &message);
  strbuf_release(&message);
  free(protected_files);
  free(allowed);
  contracts_delete(own);
}
