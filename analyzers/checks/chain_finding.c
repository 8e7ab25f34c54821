#include "chain_finding.h"

#include "edge_finding.h"
#include "json_text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

// "imports", "includes" or "dependencies" (both kinds), for a chain's
// count: "a chain of 3 imports".
static const char *chain_finding__noun(const graph *g, const uint32_t *edges, size_t length,
                                       bool external_include, bool external_import) {
  bool imports = external_import, includes = external_include;
  for (size_t k = 0; k < length; k++) {
    if (g->edges[edges[k]].kind == FACT_DEP_INCLUDE)
      includes = true;
    else
      imports = true;
  }
  if (length + (external_include || external_import) == 1)
    return includes ? "include" : "import";
  return imports && includes ? "dependencies" : includes ? "includes" : "imports";
}

// The external end of a chain as shown: '<Python.h>' for an include, the
// module for an import.
static void chain_finding__external_name(const graph_unresolved *unresolved, bool is_import,
                                         strbuf *out) {
  if (is_import)
    strbuf_append_str(out, unresolved->target);
  else
    strbuf_printf(out, "<%s>", unresolved->target);
}

static json_t *chain_finding__hop(const char *from, const char *to, uint32_t line) {
  return json_pack("{s:o,s:o,s:I}", "from", json_text_string(from), "to", json_text_string(to),
                   "line", (json_int_t)line);
}

static bool chain_finding__is_import(const graph *g, const graph_unresolved *unresolved) {
  return unresolved->origin ? unresolved->origin->kind == FACT_DEP_IMPORT
                            : g->files[unresolved->from].language == STRATA_LANG_PYTHON;
}

// The properties of an external end: its name and category.
static json_t *chain_finding__external_end(const graph_unresolved *unresolved, const char *name) {
  return json_pack("{s:o,s:s,s:b}", "external", json_text_string(name), "category",
                   graph_unresolved_category_name(unresolved->category), "resolved", 0);
}

// Adds the finding for edges[0 .. length) from file `from`, ending at the
// file target, or past it at unresolved (may be NULL).
static void chain_finding__add(const check_context *context, const uint32_t *edges, size_t length,
                               const graph_unresolved *unresolved, chain_finding_explain *explain,
                               const void *data) {
  const graph *g = context->graph;
  const strata_config *config = context->config;
  const graph_edge *first = &g->edges[edges[0]];
  const graph_file *from = &g->files[first->from];
  const graph_file *target = &g->files[g->edges[edges[length - 1]].to];
  bool is_import = unresolved && chain_finding__is_import(g, unresolved);
  strbuf message, external;
  strbuf_init(&message);
  strbuf_init(&external);
  if (unresolved)
    chain_finding__external_name(unresolved, is_import, &external);

  edge_describe_file(config, from, false, &message);
  strbuf_append_str(&message, " reaches ");
  if (unresolved)
    strbuf_printf(&message, "'%s' (%s, outside the tree)", external.data,
                  graph_unresolved_category_name(unresolved->category));
  else
    edge_describe_file(config, target, false, &message);
  size_t hops = length + (unresolved != NULL);
  strbuf_printf(&message, " through a chain of %zu %s (", hops,
                chain_finding__noun(g, edges, length, unresolved && !is_import, is_import));
  json_t *chain = json_array();
  for (size_t k = 0; k < length; k++) {
    const graph_edge *edge = &g->edges[edges[k]];
    const char *hop_from = g->files[edge->from].path, *hop_to = g->files[edge->to].path;
    strbuf_printf(&message, "%s:%u -> ", hop_from, edge->line);
    json_array_append_new(chain, chain_finding__hop(hop_from, hop_to, edge->line));
  }
  if (unresolved) {
    const char *hop_from = g->files[unresolved->from].path;
    strbuf_printf(&message, "%s:%u -> %s)", hop_from, unresolved->line, external.data);
    json_array_append_new(chain, chain_finding__hop(hop_from, external.data, unresolved->line));
  } else {
    strbuf_printf(&message, "%s)", target->path);
  }
  strbuf_append_str(&message, ", ");
  explain(context, data, &message);

  finding *item = finding_list_add(context->findings, context->rule, from->path, first->line,
                                   first->column, "%s", message.data);
  if (first->origin)
    finding_location_set_end(&item->location, first->origin->end_line, first->origin->end_column);
  // Each hop is a related location: SARIF viewers walk them as a code flow.
  strbuf hop;
  strbuf_init(&hop);
  for (size_t k = 0; k < length; k++) {
    const graph_edge *edge = &g->edges[edges[k]];
    strbuf_clear(&hop);
    strbuf_printf(&hop, "'%s' %s '%s'", g->files[edge->from].path, edge_verb(edge),
                  g->files[edge->to].path);
    finding_add_related(item, g->files[edge->from].path, edge->line, edge->column, hop.data);
  }
  if (unresolved) {
    strbuf_clear(&hop);
    strbuf_printf(&hop, "'%s' %s '%s'", g->files[unresolved->from].path,
                  is_import ? "imports" : "includes", external.data);
    finding_add_related(item, g->files[unresolved->from].path, unresolved->line, unresolved->column,
                        hop.data);
  }
  strbuf_release(&hop);

  // The identity is the pair, not the chain: a shorter way to the same
  // file is the same finding.
  const char *end = unresolved ? external.data : target->path;
  const char *parts[] = {from->path, end, "chain"};
  finding_set_fingerprint(item, parts, 3);
  finding_add_involved(item, from->path);
  if (!unresolved)
    finding_add_involved(item, target->path);
  json_t *properties = json_object();
  json_object_set_new(properties, "from", edge_finding_end(config, from));
  json_object_set_new(properties, "to",
                      unresolved ? chain_finding__external_end(unresolved, end)
                                 : edge_finding_end(config, target));
  json_object_set_new(properties, "kind",
                      json_string(first->kind == FACT_DEP_INCLUDE ? "include" : "import"));
  json_object_set_new(properties, "transitive", json_boolean(hops > 1));
  json_object_set_new(properties, "chain", chain);
  item->properties = properties;
  strbuf_release(&message);
  strbuf_release(&external);
}

// Whether the chain's finding is waived: suppressed on its first hop, or
// allowed there or for the pair of files.
static bool chain_finding__waived(const check_context *context, const graph_edge *first,
                                  uint32_t target) {
  if (!context->waivers)
    return false;
  bool first_hop = waivers_excuse_edge(context->waivers, first, context->rule->id);
  bool pair = target != UINT32_MAX && waivers_allow_files(context->waivers, first->from, target);
  return first_hop || pair;
}

void chain_finding_report(const check_context *context, contract_question *question,
                          size_t min_length, chain_finding_explain *explain, const void *data) {
  const graph *g = context->graph;
  const contracts *shared = context->contracts;
  graph_chain *chains = NULL;
  size_t count = 0;
  for (uint32_t f = 0; f < g->file_count; f++) {
    if (!question->from[f] || !graph_reach_leads_to(question->reach, f, question->mask))
      continue;
    count = 0;
    graph_reach_chains(question->reach, f, contracts_question_stop(shared, question),
                       question->targets, question->mask, &chains, &count);
    // The external targets met, each once per start (the shortest chain).
    char **seen = NULL;
    size_t seen_count = 0;
    for (size_t c = 0; c < count; c++) {
      const graph_chain *chain = &chains[c];
      const graph_edge *first = &g->edges[chain->edges[0]];
      if (question->to[chain->target]) {
        if (chain->length >= min_length && !chain_finding__waived(context, first, chain->target))
          chain_finding__add(context, chain->edges, chain->length, NULL, explain, data);
        continue;
      }
      // A file with a forbidden unresolved dependency: the chain goes on
      // past it, to each such target; unless the file is one of F, whose
      // own dependency is a finding of its own.
      if (question->from[chain->target])
        continue;
      for (size_t u = shared->unresolved_start[chain->target];
           u < shared->unresolved_start[chain->target + 1]; u++) {
        const graph_unresolved *unresolved = &g->unresolved[u];
        if (contracts_unresolved_ignored(shared, u) ||
            !contracts_unresolved_matches(g, unresolved, question->to_selectors,
                                          question->to_selector_count, question->scopes))
          continue;
        bool repeated = false;
        for (size_t k = 0; k < seen_count && !repeated; k++)
          repeated = strcmp(seen[k], unresolved->target) == 0;
        if (repeated)
          continue;
        seen = xrealloc(seen, (seen_count + 1) * sizeof(char *));
        seen[seen_count++] = unresolved->target;
        if (!chain_finding__waived(context, first, UINT32_MAX))
          chain_finding__add(context, chain->edges, chain->length, unresolved, explain, data);
      }
    }
    free(seen);
    for (size_t c = 0; c < count; c++)
      free(chains[c].edges);
  }
  free(chains);
}

void chain_finding_report_unresolved(const check_context *context, const bool *from,
                                     const config_selector *to, size_t to_count, uint32_t scopes,
                                     chain_finding_explain *explain, const void *data) {
  const graph *g = context->graph;
  bool any_external = false;
  for (size_t i = 0; i < to_count; i++)
    any_external = any_external || config_selector_is_external(&to[i]);
  if (!any_external)
    return;
  for (size_t u = 0; u < g->unresolved_count; u++) {
    const graph_unresolved *unresolved = &g->unresolved[u];
    if (!from[unresolved->from] || contracts_unresolved_ignored(context->contracts, u) ||
        !contracts_unresolved_matches(g, unresolved, to, to_count, scopes))
      continue;
    if (context->waivers &&
        waivers_suppress(context->waivers, unresolved->from, unresolved->line, context->rule->id))
      continue;
    const graph_file *file = &g->files[unresolved->from];
    bool is_import = chain_finding__is_import(g, unresolved);
    strbuf message, external;
    strbuf_init(&message);
    strbuf_init(&external);
    chain_finding__external_name(unresolved, is_import, &external);
    edge_describe_file(context->config, file, false, &message);
    strbuf_printf(&message, " %s '%s' (%s, outside the tree), ", is_import ? "imports" : "includes",
                  external.data, graph_unresolved_category_name(unresolved->category));
    explain(context, data, &message);
    finding *item = finding_list_add(context->findings, context->rule, file->path, unresolved->line,
                                     unresolved->column, "%s", message.data);
    const fact_dependency *origin = unresolved->origin;
    if (origin)
      finding_location_set_end(&item->location, origin->end_line, origin->end_column);
    const char *statement = origin && origin->statement ? origin->statement : "";
    const char *parts[] = {file->path, external.data, statement};
    finding_set_fingerprint(item, parts, 3);
    finding_add_involved(item, file->path);
    json_t *properties = json_object();
    json_object_set_new(properties, "from", edge_finding_end(context->config, file));
    json_object_set_new(properties, "to", chain_finding__external_end(unresolved, external.data));
    json_object_set_new(properties, "kind", json_string(is_import ? "import" : "include"));
    json_object_set_new(properties, "transitive", json_false());
    json_object_set_new(
        properties, "chain",
        json_pack("[o]", chain_finding__hop(file->path, external.data, unresolved->line)));
    item->properties = properties;
    strbuf_release(&message);
    strbuf_release(&external);
  }
}
