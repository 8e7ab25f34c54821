#include "edge_finding.h"

#include "report_util.h"

#include <string.h>

const char *edge_verb(const graph_edge *edge) {
  return edge->kind == FACT_DEP_INCLUDE ? "includes" : "imports";
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

bool edge_breaks_layers(const strata_config *config, const graph *dependency_graph,
                        const graph_edge *edge, int *from_layer, int *to_layer) {
  if (!config || config->layer_count == 0)
    return false;
  *from_layer = edge__layer(config, &dependency_graph->files[edge->from]);
  *to_layer = edge__layer(config, &dependency_graph->files[edge->to]);
  // Layers are listed highest first: a smaller index is a higher layer.
  return *from_layer >= 0 && *to_layer >= 0 && *to_layer < *from_layer;
}

static bool edge__side_matches(const config_selector *selectors, size_t count,
                               const graph_file *file) {
  for (size_t i = 0; i < count; i++)
    if (config_selector_matches(&selectors[i], file->component, file->path))
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

void edge_describe(const strata_config *config, const graph *dependency_graph,
                   const graph_edge *edge, bool with_layers, strbuf *out) {
  edge__describe_end(config, &dependency_graph->files[edge->from], with_layers, out);
  strbuf_printf(out, " %s ", edge_verb(edge));
  edge__describe_end(config, &dependency_graph->files[edge->to], with_layers, out);
  const char *condition = edge_condition(edge);
  if (condition)
    strbuf_printf(out, " under '#if %s'", condition);
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

void edge_describe_layers(const strata_config *config, int from_layer, int to_layer, strbuf *out) {
  strbuf_printf(out, "layer '%s' must not depend on the higher layer '%s'",
                config->layers[from_layer], config->layers[to_layer]);
}

static json_t *edge_finding__end(const strata_config *config, const graph_file *file) {
  json_t *end = json_object();
  json_object_set_new(end, "path", report_json_string(file->path));
  json_object_set_new(end, "module", report_json_string(file->module));
  json_object_set_new(end, "component",
                      file->component >= 0 ? json_string(config->components[file->component].name)
                                           : json_null());
  int layer = edge__layer(config, file);
  json_object_set_new(end, "layer", layer >= 0 ? json_string(config->layers[layer]) : json_null());
  if (file->generated)
    json_object_set_new(end, "generated", json_true());
  return end;
}

void edge_finding_describe(finding *item, const check_context *context, const graph_edge *edge) {
  const graph_file *from = &context->graph->files[edge->from];
  const graph_file *to = &context->graph->files[edge->to];
  const char *statement = edge->origin && edge->origin->statement ? edge->origin->statement : "";
  const char *parts[] = {from->path, to->path, statement};
  finding_set_fingerprint(item, parts, 3);
  finding_add_involved(item, from->path);
  finding_add_involved(item, to->path);
  json_t *properties = json_object();
  json_object_set_new(properties, "from", edge_finding__end(context->config, from));
  json_object_set_new(properties, "to", edge_finding__end(context->config, to));
  json_object_set_new(properties, "kind",
                      json_string(edge->kind == FACT_DEP_INCLUDE ? "include" : "import"));
  const char *condition = edge_condition(edge);
  json_object_set_new(properties, "condition", report_json_string(condition));
  item->properties = properties;
}
