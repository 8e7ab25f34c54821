// forbidden-dependency: see rules/forbidden-dependency.md.
#include "edge_finding.h"

static bool forbidden__side_matches(const config_selector *selectors, size_t count,
                                    const graph_file *file) {
  for (size_t i = 0; i < count; i++)
    if (config_selector_matches(&selectors[i], file->component, file->path))
      return true;
  return false;
}

void check_forbidden_dependency(const check_context *context) {
  const graph *g = context->graph;
  const strata_config *config = context->config;
  if (!config)
    return;
  for (size_t e = 0; e < g->edge_count; e++) {
    const graph_edge *edge = &g->edges[e];
    const graph_file *from = &g->files[edge->from];
    const graph_file *to = &g->files[edge->to];
    for (size_t r = 0; r < config->forbidden_count; r++) {
      const config_forbidden *entry = &config->forbidden[r];
      if (!forbidden__side_matches(entry->from, entry->from_count, from) ||
          !forbidden__side_matches(entry->to, entry->to_count, to))
        continue;
      if (context->waivers && waivers_excuse_edge(context->waivers, edge, context->rule->id))
        break; // waived: not reported, under this entry or a later one
      bool demote;
      if (!edge_untaken_keep(context, edge, &demote))
        break; // the build never takes it, and cxx.untaken_findings drops such findings
      strbuf condition;
      strbuf_init(&condition);
      edge_condition_append(edge, &condition);
      edge_taken_append(context, edge, &condition);
      finding *item = finding_list_add(
          context->findings, context->rule, from->path, edge->line, edge->column,
          "'%s' (%s) %s '%s' (%s)%s, which strata.yaml forbids%s%s%s", from->path,
          edge_component_name(config, from), edge_verb(edge), to->path,
          edge_component_name(config, to), condition.length ? condition.data : "",
          entry->why ? ": \"" : "", entry->why ? entry->why : "", entry->why ? "\"" : "");
      strbuf_release(&condition);
      edge_finding_describe(item, context, edge);
      if (demote)
        item->level = RULE_LEVEL_NOTE;
      json_object_set_new(item->properties, "why",
                          entry->why ? json_string(entry->why) : json_null());
      break; // one finding per edge, for the first entry that forbids it
    }
  }
}
