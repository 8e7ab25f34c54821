#include "edge_finding.h"

#include "report_util.h"

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

void edge_condition_append(const graph_edge *edge, strbuf *out) {
  const char *condition = edge_condition(edge);
  if (condition)
    strbuf_printf(out, " under '#if %s'", condition);
}

static json_t *edge_finding__end(const strata_config *config, const graph_file *file) {
  json_t *end = json_object();
  json_object_set_new(end, "path", report_json_string(file->path));
  json_object_set_new(end, "module", report_json_string(file->module));
  json_object_set_new(end, "component",
                      file->component >= 0 ? json_string(config->components[file->component].name)
                                           : json_null());
  int layer = file->component >= 0 ? config->components[file->component].layer : -1;
  json_object_set_new(end, "layer", layer >= 0 ? json_string(config->layers[layer]) : json_null());
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
