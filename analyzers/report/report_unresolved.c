// The lines the text format ends with on what the tree depends on outside
// itself: one per category of unresolved dependency, and one for generated
// files (docs/generated.md).
#include "report.h"

#include "report_util.h"
#include "strbuf.h"

#include <stdlib.h>

static const char *const report_unresolved__what[GRAPH_UNRESOLVED_CATEGORY_COUNT] = {
    [GRAPH_UNRESOLVED_SYSTEM] = "system: the standard library and the platform",
    [GRAPH_UNRESOLVED_EXTERNAL] = "external: third-party code",
    [GRAPH_UNRESOLVED_GENERATED] = "generated: made by the build from a template of the tree, "
                                   "and no 'generated' entry declares them",
    [GRAPH_UNRESOLVED_IN_TREE] =
        "in the tree: no include dir or python root reaches them (see the notices)",
    [GRAPH_UNRESOLVED_UNKNOWN] =
        "unknown: computed includes strata cannot expand, relative imports above the top, "
        "torch.ops namespaces no source defines",
};

// " (N includes, M imports, K torch.ops uses)" when two kinds or more are
// there.
static void report_unresolved__split(strbuf *line, size_t includes, size_t imports, size_t ops) {
  if ((includes > 0) + (imports > 0) + (ops > 0) < 2)
    return;
  const char *separator = " (";
  if (includes) {
    strbuf_printf(line, "%s%zu include%s", separator, includes, includes == 1 ? "" : "s");
    separator = ", ";
  }
  if (imports) {
    strbuf_printf(line, "%s%zu import%s", separator, imports, imports == 1 ? "" : "s");
    separator = ", ";
  }
  if (ops)
    strbuf_printf(line, "%s%zu torch.ops use%s", separator, ops, ops == 1 ? "" : "s");
  strbuf_append_char(line, ')');
}

bool report_unresolved_summary(FILE *out, const graph *files) {
  size_t includes[GRAPH_UNRESOLVED_CATEGORY_COUNT] = {0};
  size_t imports[GRAPH_UNRESOLVED_CATEGORY_COUNT] = {0};
  size_t ops[GRAPH_UNRESOLVED_CATEGORY_COUNT] = {0};
  for (size_t i = 0; i < files->unresolved_count; i++) {
    const graph_unresolved *entry = &files->unresolved[i];
    bool python = files->files[entry->from].language == STRATA_LANG_PYTHON;
    if (entry->origin && entry->origin->kind == FACT_DEP_OP)
      ops[entry->category]++;
    else
      (python ? imports : includes)[entry->category]++;
  }
  size_t generated_files = 0, generated_includes = 0, generated_imports = 0;
  for (size_t i = 0; i < files->file_count; i++)
    generated_files += files->files[i].generated;
  for (size_t i = 0; generated_files && i < files->edge_count; i++) {
    const graph_edge *edge = &files->edges[i];
    if (!files->files[edge->to].generated)
      continue;
    if (edge->kind == FACT_DEP_INCLUDE)
      generated_includes++;
    else
      generated_imports++;
  }
  strbuf line;
  strbuf_init(&line);
  for (int category = 0; category < GRAPH_UNRESOLVED_CATEGORY_COUNT; category++) {
    size_t count = includes[category] + imports[category] + ops[category];
    if (!count)
      continue;
    strbuf_printf(&line, "unresolved: %zu %s", count, report_unresolved__what[category]);
    report_unresolved__split(&line, includes[category], imports[category], ops[category]);
    strbuf_append_char(&line, '\n');
  }
  if (generated_files) {
    size_t count = generated_includes + generated_imports;
    strbuf_printf(&line, "generated: %zu dependenc%s on %zu generated file%s", count,
                  count == 1 ? "y" : "ies", generated_files, generated_files == 1 ? "" : "s");
    report_unresolved__split(&line, generated_includes, generated_imports, 0);
    strbuf_append_char(&line, '\n');
  }
  bool ok = fwrite(line.data, 1, line.length, out) == line.length;
  strbuf_release(&line);
  return ok && report_flush(out);
}
