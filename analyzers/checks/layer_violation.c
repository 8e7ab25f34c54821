// layer-violation: see rules/layer-violation.md.
#include "adoption.h"
#include "contracts.h"
#include "edge_finding.h"
#include "json_text.h"
#include "layered.h"
#include "xalloc.h"

#include <stdlib.h>

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

typedef struct layer_violation_unlisted {
  const check_context *context;
  const char *config_path;
} layer_violation_unlisted;

// A member of an exhaustive `layered` entry's container in none of its
// layers: reported at the entry, in strata.yaml, as import-linter reports
// the contract (the fix is there, or in moving the module).
static void layer_violation__unlisted(void *data, const config_layered *entry,
                                      const char *container, const char *name,
                                      const graph_file *first_file) {
  const layer_violation_unlisted *self = data;
  finding *item = finding_list_add(
      self->context->findings, self->context->rule, self->config_path, entry->position.line,
      entry->position.column,
      "'%s/%s' (such as %s) is in no layer of the exhaustive layered entry for '%s'%s%s%s; "
      "list it in 'layers' or 'exhaustive_ignores'",
      container, name, first_file->path, container, entry->why ? " (\"" : "",
      entry->why ? entry->why : "", entry->why ? "\")" : "");
  finding_set_advice(item, "list it in 'layers' or 'exhaustive_ignores'");
  const char *parts[] = {"exhaustive", container, name};
  finding_set_fingerprint(item, parts, 3);
  finding_add_involved(item, first_file->path);
  item->properties = json_object();
  json_object_set_new(item->properties, "container", json_text_string(container));
  json_object_set_new(item->properties, "unlisted", json_text_string(name));
  json_object_set_new(item->properties, "example", json_text_string(first_file->path));
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
  if (!config || config->layered_count == 0)
    return;
  char *config_path = context->root ? adoption_path_from_root(context->root, config->source_name)
                                    : xstrdup(config->source_name);
  layer_violation_unlisted unlisted = {context, config_path};
  layered_each_unlisted(config, g, layer_violation__unlisted, &unlisted);
  free(config_path);
}
