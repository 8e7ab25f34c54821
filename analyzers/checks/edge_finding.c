#include "edge_finding.h"

#include "json_text.h"
#include "layered.h"

#include <string.h>

const char *edge_verb(const graph_edge *edge) {
  switch (edge->kind) {
  case FACT_DEP_INCLUDE:
    return "includes";
  case FACT_DEP_BINDING:
    return "imports the extension module of";
  case FACT_DEP_OP:
    return "calls torch.ops of";
  case FACT_DEP_IMPORT:
  case FACT_DEP_CXX_IMPORT:
    break;
  }
  return "imports";
}

const char *edge_component_name(const strata_config *config, const graph_file *file) {
  if (!config || file->component < 0)
    return "no component";
  return config->components[file->component].name;
}

const char *edge_condition(const graph_edge *edge) {
  return edge->origin ? edge->origin->condition : NULL;
}

static int edge__layer(const strata_config *config, const graph_file *file) {
  return config && file->component >= 0 ? config->components[file->component].layer : -1;
}

static bool edge__breaks_component_layers(const strata_config *config,
                                          const graph *dependency_graph, const graph_edge *edge) {
  if (!config || config->layer_count == 0 || !(config->layer_scopes & (1u << edge->scope)))
    return false;
  const graph_file *from = &dependency_graph->files[edge->from];
  const graph_file *to = &dependency_graph->files[edge->to];
  int from_layer = edge__layer(config, from), to_layer = edge__layer(config, to);
  if (from_layer < 0 || to_layer < 0)
    return false;
  // Layers are listed highest first: a smaller index is a higher layer.
  if (to_layer < from_layer)
    return true;
  return to_layer == from_layer && config->layer_independent[from_layer] &&
         from->component != to->component;
}

bool edge_breaks_layers(const strata_config *config, const graph *dependency_graph,
                        const graph_edge *edge) {
  return edge__breaks_component_layers(config, dependency_graph, edge) ||
         layered_edge_breaks(config, dependency_graph, edge, NULL);
}

static bool edge__side_matches(const config_selector *selectors, size_t count,
                               const graph_file *file) {
  for (size_t i = 0; i < count; i++)
    if (config_selector_matches_file(&selectors[i], file->component, file->path, file->module))
      return true;
  return false;
}

const config_forbidden *edge_forbidden_entry(const strata_config *config,
                                             const graph *dependency_graph,
                                             const graph_edge *edge) {
  if (!config)
    return NULL;
  const graph_file *from = &dependency_graph->files[edge->from];
  const graph_file *to = &dependency_graph->files[edge->to];
  for (size_t r = 0; r < config->forbidden_count; r++) {
    const config_forbidden *entry = &config->forbidden[r];
    if (!(entry->scopes & (1u << edge->scope)))
      continue; // the entry does not count dependencies of this scope
    if (edge__side_matches(entry->from, entry->from_count, from) &&
        edge__side_matches(entry->to, entry->to_count, to))
      return entry;
  }
  return NULL;
}

static void edge__describe_end(const strata_config *config, const graph_file *file,
                               bool with_layers, strbuf *out) {
  strbuf_printf(out, "'%s' (%s", file->path, edge_component_name(config, file));
  int layer = edge__layer(config, file);
  if (with_layers && layer >= 0)
    strbuf_printf(out, ", layer %d of %zu", layer + 1, config->layer_count);
  if (file->generated)
    strbuf_append_str(out, ", generated");
  strbuf_append_char(out, ')');
}

void edge_describe_file(const strata_config *config, const graph_file *file, bool with_layers,
                        strbuf *out) {
  edge__describe_end(config, file, with_layers, out);
}

void edge_describe(const strata_config *config, const graph *dependency_graph,
                   const graph_edge *edge, bool with_layers, strbuf *out) {
  edge__describe_end(config, &dependency_graph->files[edge->from], with_layers, out);
  strbuf_printf(out, " %s ", edge_verb(edge));
  edge__describe_end(config, &dependency_graph->files[edge->to], with_layers, out);
  const char *condition = edge_condition(edge);
  if (condition)
    strbuf_printf(out, " under '#if %s'", condition);
  if (edge->taken == GRAPH_TAKEN_NO)
    strbuf_append_str(out, " (no translation unit of the build takes it)");
  else if (edge->taken == GRAPH_TAKEN_YES)
    strbuf_printf(out, " (taken by %u of %zu translation units)", edge->taken_by,
                  dependency_graph->exact_units);
}

config_untaken edge_untaken_policy(const check_context *context) {
  if (!context->graph->exact)
    return CONFIG_UNTAKEN_REPORT;
  return config_rule_untaken(context->config, context->rule->id);
}

bool edge_untaken_keep(const check_context *context, const graph_edge *edge, bool *demote) {
  *demote = false;
  if (edge->taken != GRAPH_TAKEN_NO)
    return true;
  config_untaken policy = edge_untaken_policy(context);
  *demote = policy == CONFIG_UNTAKEN_NOTE;
  return policy != CONFIG_UNTAKEN_DROP;
}

void edge_describe_forbidden(const strata_config *config, const config_forbidden *entry,
                             strbuf *out) {
  const char *source = config->source_name;
  if (source[0] == '<') {
    strbuf_append_str(out, "which strata's built-in PyTorch default forbids");
  } else {
    const char *slash = strrchr(source, '/');
    strbuf_printf(out, "which %s forbids", slash ? slash + 1 : source);
  }
  if (entry->why)
    strbuf_printf(out, ": \"%s\"", entry->why);
}

void edge_describe_layers(const strata_config *config, const graph *dependency_graph,
                          const graph_edge *edge, strbuf *out) {
  if (!edge__breaks_component_layers(config, dependency_graph, edge)) {
    layered_edge_breaks(config, dependency_graph, edge, out); // a `layered` entry's
    return;
  }
  const graph_file *from = &dependency_graph->files[edge->from];
  const graph_file *to = &dependency_graph->files[edge->to];
  const char *from_name = config->components[from->component].name;
  const char *to_name = config->components[to->component].name;
  int layer = edge__layer(config, from);
  if (edge__layer(config, to) == layer)
    strbuf_printf(out, "'%s' and '%s' share the layer '%s' and must not depend on each other",
                  from_name, to_name, config->layers[layer]);
  else
    strbuf_printf(out, "layer '%s' must not depend on the higher layer '%s'", from_name, to_name);
}

static json_t *edge_finding__end(const strata_config *config, const graph_file *file) {
  json_t *end = json_object();
  json_object_set_new(end, "path", json_text_string(file->path));
  json_object_set_new(end, "module", json_text_string(file->module));
  json_object_set_new(end, "component",
                      file->component >= 0 ? json_string(config->components[file->component].name)
                                           : json_null());
  int layer = edge__layer(config, file);
  json_object_set_new(end, "layer", layer >= 0 ? json_string(config->layers[layer]) : json_null());
  if (file->generated)
    json_object_set_new(end, "generated", json_true());
  return end;
}

json_t *edge_finding_end(const strata_config *config, const graph_file *file) {
  return edge_finding__end(config, file);
}

void edge_finding_describe(finding *item, const check_context *context, const graph_edge *edge) {
  const graph_file *from = &context->graph->files[edge->from];
  const graph_file *to = &context->graph->files[edge->to];
  const char *statement = edge->origin && edge->origin->statement ? edge->origin->statement : "";
  const char *parts[] = {from->path, to->path, statement};
  finding_set_fingerprint(item, parts, 3);
  if (edge->origin)
    finding_location_set_end(&item->location, edge->origin->end_line, edge->origin->end_column);
  finding_add_involved(item, from->path);
  finding_add_involved(item, to->path);
  json_t *properties = json_object();
  json_object_set_new(properties, "from", edge_finding__end(context->config, from));
  json_object_set_new(properties, "to", edge_finding__end(context->config, to));
  json_object_set_new(properties, "kind", json_string(fact_dep_kind_name(edge->kind)));
  const char *condition = edge_condition(edge);
  json_object_set_new(properties, "condition", json_text_string(condition));
  if (context->graph->exact) {
    // Exact mode: whether the build takes the include (null: no unit opens
    // the including file), and how many units do.
    json_object_set_new(properties, "taken",
                        edge->taken == GRAPH_TAKEN_UNKNOWN
                            ? json_null()
                            : json_boolean(edge->taken == GRAPH_TAKEN_YES));
    json_object_set_new(properties, "taken_by", json_integer(edge->taken_by));
  }
  // A direct dependency is a chain of one: the same shape as a transitive
  // finding's, so a consumer reads both alike.
  json_object_set_new(properties, "chain",
                      json_pack("[{s:o,s:o,s:I}]", "from", json_text_string(from->path), "to",
                                json_text_string(to->path), "line", (json_int_t)edge->line));
  item->properties = properties;
}
