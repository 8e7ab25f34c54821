// The file-level dependency graph as JSON, the contract of
// `strata graph --format json` (docs/output.md). Written one entry at a
// time, one entry a line, so a graph of PyTorch's size never sits in memory
// twice and the output diffs line by line.
#include "report.h"

#include "deprecation_dates.h"
#include "report_util.h"

#include <stdlib.h>

static const char *report_graph__component_name(const report_context *context, int component) {
  if (component < 0 || !context->config || (size_t)component >= context->config->component_count)
    return NULL;
  return context->config->components[component].name;
}

static const char *report_graph__path(const graph *files, uint32_t index) {
  return index < files->file_count ? files->files[index].path : NULL;
}

// Writes `    ENTRY,` (no comma after the last) and drops the entry.
static bool report_graph__entry(FILE *out, json_t *entry, bool last) {
  char *text = json_text_dumps(entry, 0, true);
  bool ok = text && fputs("    ", out) != EOF && fputs(text, out) != EOF &&
            fputs(last ? "\n" : ",\n", out) != EOF;
  free(text);
  json_decref(entry);
  return ok;
}

static bool report_graph__open(FILE *out, const char *key, size_t count) {
  return fprintf(out, "  \"%s\": [%s", key, count ? "\n" : "") >= 0;
}

static bool report_graph__close(FILE *out, size_t count, bool last) {
  return fprintf(out, "%s]%s\n", count ? "  " : "", last ? "" : ",") >= 0;
}

// One entry of "deprecations"; also the entries of `strata deprecations
// --format json`.
json_t *report_deprecation_entry(const graph_file *file, const fact_deprecation *site,
                                 const deprecation_dating *dating) {
  json_t *entry = json_object();
  json_object_set_new(entry, "path", json_text_string(file->path));
  json_object_set_new(entry, "line", json_integer(site->line));
  json_object_set_new(entry, "column", json_integer(site->column));
  json_object_set_new(entry, "language", json_string(strata_language_name(file->language)));
  json_object_set_new(entry, "kind", json_text_string(site->kind));
  json_object_set_new(entry, "message", json_text_string(site->message));
  json_object_set_new(entry, "dated", json_boolean(dating->dated));
  json_object_set_new(entry, "since", json_text_string(dating->since));
  json_object_set_new(entry, "removal", json_text_string(dating->removal));
  return entry;
}

// Every deprecation site, file by file, each dated as the checks date it.
static bool report_graph__deprecations(FILE *out, const report_context *context) {
  const graph *files = context->graph;
  size_t total = 0;
  for (size_t i = 0; i < files->file_count; i++)
    total += files->files[i].facts ? files->files[i].facts->deprecation_count : 0;
  char *error = NULL;
  deprecation_dates *dates = total ? deprecation_dates_new(context->config, &error) : NULL;
  free(error); // the config loader has rejected every pattern that does not compile
  bool ok = report_graph__open(out, "deprecations", total);
  size_t written = 0;
  for (size_t i = 0; ok && i < files->file_count; i++) {
    const file_facts *facts = files->files[i].facts;
    for (size_t d = 0; ok && facts && d < facts->deprecation_count; d++) {
      deprecation_dating dating = {0};
      if (dates)
        deprecation_dates_read(dates, &facts->deprecations[d], &dating);
      json_t *entry = report_deprecation_entry(&files->files[i], &facts->deprecations[d], &dating);
      deprecation_dating_release(&dating);
      ok = report_graph__entry(out, entry, ++written == total);
    }
  }
  deprecation_dates_delete(dates);
  return ok && report_graph__close(out, total, true);
}

// Exact mode: whether the build takes an include, and how many units do;
// nothing for an include whose file no unit opens (or without exact mode).
static void report_graph__taken(json_t *entry, graph_taken taken, uint32_t taken_by) {
  if (taken == GRAPH_TAKEN_UNKNOWN)
    return;
  json_object_set_new(entry, "taken", json_boolean(taken == GRAPH_TAKEN_YES));
  json_object_set_new(entry, "taken_by", json_integer(taken_by));
}

bool report_graph_json(FILE *out, const report_context *context) {
  const graph *files = context->graph;
  bool ok = fputs("{\n  \"version\": 1,\n", out) != EOF;
  if (files->exact) // exact mode ran
    ok = ok && fprintf(out, "  \"translation_units\": %zu,\n", files->exact_units) >= 0;

  ok = ok && report_graph__open(out, "files", files->file_count);
  for (size_t i = 0; ok && i < files->file_count; i++) {
    const graph_file *file = &files->files[i];
    json_t *entry = json_object();
    json_object_set_new(entry, "path", json_text_string(file->path));
    json_object_set_new(entry, "language", json_string(strata_language_name(file->language)));
    json_object_set_new(entry, "module", json_text_string(file->module));
    json_object_set_new(entry, "component",
                        json_text_string(report_graph__component_name(context, file->component)));
    if (file->generated) { // only for the nodes of `generated` files
      json_object_set_new(entry, "generated", json_true());
      json_object_set_new(entry, "generated_by", json_text_string(file->generated_by));
    }
    if (files->exact) // exact mode: how many of the build's units open it
      json_object_set_new(entry, "opened_by", json_integer(file->opened_by));
    ok = report_graph__entry(out, entry, i + 1 == files->file_count);
  }
  ok = ok && report_graph__close(out, files->file_count, false);

  ok = ok && report_graph__open(out, "edges", files->edge_count);
  for (size_t i = 0; ok && i < files->edge_count; i++) {
    const graph_edge *edge = &files->edges[i];
    json_t *entry = json_object();
    json_object_set_new(entry, "from", json_text_string(report_graph__path(files, edge->from)));
    json_object_set_new(entry, "to", json_text_string(report_graph__path(files, edge->to)));
    json_object_set_new(entry, "kind", json_string(fact_dep_kind_name(edge->kind)));
    json_object_set_new(entry, "line", json_integer(edge->line));
    if (graph_edge_is_bridge(edge)) {
      // Where the other side defines the name (0: the file as a whole), and
      // the name the edge binds.
      json_object_set_new(entry, "to_line", json_integer(edge->to_line));
      char *name = graph_edge_bridge_name(edge);
      json_object_set_new(entry, "name", json_text_string(name));
      free(name);
    }
    json_object_set_new(entry, "scope", json_string(fact_scope_name(edge->scope)));
    if (edge->origin && edge->origin->condition) // only for conditional includes
      json_object_set_new(entry, "condition", json_text_string(edge->origin->condition));
    report_graph__taken(entry, edge->taken, edge->taken_by);
    ok = report_graph__entry(out, entry, i + 1 == files->edge_count);
  }
  ok = ok && report_graph__close(out, files->edge_count, false);

  ok = ok && report_graph__open(out, "unresolved", files->unresolved_count);
  for (size_t i = 0; ok && i < files->unresolved_count; i++) {
    const graph_unresolved *missing = &files->unresolved[i];
    json_t *entry = json_object();
    json_object_set_new(entry, "from", json_text_string(report_graph__path(files, missing->from)));
    json_object_set_new(entry, "target", json_text_string(missing->target));
    json_object_set_new(entry, "line", json_integer(missing->line));
    json_object_set_new(entry, "language",
                        json_string(strata_language_name(files->files[missing->from].language)));
    json_object_set_new(entry, "category",
                        json_string(graph_unresolved_category_name(missing->category)));
    if (missing->hint)
      json_object_set_new(entry, "hint", json_text_string(missing->hint));
    report_graph__taken(entry, missing->taken, missing->taken_by);
    ok = report_graph__entry(out, entry, i + 1 == files->unresolved_count);
  }
  ok = ok && report_graph__close(out, files->unresolved_count, false);

  ok = ok && report_graph__deprecations(out, context);

  ok = ok && fputs("}\n", out) != EOF;
  return ok && report_flush(out);
}
